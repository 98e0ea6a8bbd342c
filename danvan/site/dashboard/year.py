"""The dashboard's reads that come from the year's other pieces: the work programme's progress
(plans.programme), the indicators against last year and the target (reporting.indicators), and the regimes
reporting in the subtree (reporting.regimes).

Indicators: the dashboard shows every active indicator with figures in the subtree, so it reads them all in
two grouped queries (values by indicator and period, targets) instead of calling `indicators.compare` once
per indicator (two queries each). The roll-up rules are the indicators' own: only the topmost report counts
(`covered_at`), units combine by sum or by max, and a period is made of its months when nobody reported at
its own kind, the last month for a running total or a stock (`Indicator.takes_latest`). A year still under
way is compared over its months so far with the same months of last year, not with the whole of last year.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Max, Q, Sum

from danvan.core import access
from danvan.plans.programme.selectors import programme_progress
from danvan.reporting.indicators.models import Indicator, IndicatorTarget, IndicatorValue
from danvan.reporting.regimes.models import Regime

from .selectors import Node

MONTH, YEAR = "month", "year"
SHOWN_INDICATORS = 8

__all__ = ["indicator_rows", "programme_progress", "regimes_in"]


@dataclass
class IndicatorRow:
    indicator: Indicator
    value: Decimal | None
    last_year: Decimal | None
    target: Decimal | None
    months: int  # 12 for a finished year; the months counted so far for the current one

    @property
    def change_pct(self) -> Decimal | None:
        if self.value is None or not self.last_year:
            return None
        return (Decimal(100) * (self.value - self.last_year) / self.last_year).quantize(Decimal("0.1"))

    @property
    def target_pct(self) -> Decimal | None:
        if self.value is None or not self.target:
            return None
        return (Decimal(100) * self.value / self.target).quantize(Decimal("0.1"))


def _combine(indicator: Indicator, own: Decimal | None, months: list[Decimal]) -> Decimal | None:
    """A year's figure: its own yearly report when there is one, else its months (sum, max or the last)."""
    if own is not None:
        return own
    if not months:
        return None
    if indicator.takes_latest:
        return months[-1]
    if indicator.aggregation == Indicator.Aggregation.MAX:
        return max(months)
    return sum(months, Decimal(0))


def indicator_rows(node: Node, year: int, *, today: date) -> list[IndicatorRow]:
    """Active indicators with figures in the subtree for `year` or the year before: the figure, last year's
    over the same months, and the year's target (the node's own, else the sum of its children's)."""
    months_so_far = 12 if year < today.year else max(today.month - 1, 1)
    depth = node.unit.depth if node.unit else min((r.depth for r in node.roots), default=0)
    spans = Q()
    for y in (year, year - 1):
        spans |= Q(period_kind=YEAR, period_start=date(y, 1, 1))
        spans |= Q(period_kind=MONTH, period_start__gte=date(y, 1, 1), period_start__lte=date(y, 12, 1))
    values = IndicatorValue.objects.filter(spans, indicator__active=True).filter(
        Q(covered_at__isnull=True) | Q(covered_at__lt=depth)
    )
    if not node.everything:
        values = values.filter(access.subtree_q("unit__path", node.paths))
    described = ("name", "unit_of_measure", "aggregation", "cumulative", "order")
    rows = (
        values.values_list(
            "indicator_id", *(f"indicator__{f}" for f in described), "period_kind", "period_start"
        )
        .annotate(total=Sum("value"), top=Max("value"))
        .order_by()
    )
    indicators: dict[int, Indicator] = {}
    found: dict[int, dict] = defaultdict(lambda: {"own": {}, "months": defaultdict(dict)})
    for indicator_id, *fields, kind, start, total, top in rows:
        if indicator_id not in indicators:  # the catalogue's row, read in the same query
            indicators[indicator_id] = Indicator(pk=indicator_id, **dict(zip(described, fields, strict=True)))
        indicator = indicators[indicator_id]
        figure = top if indicator.aggregation == Indicator.Aggregation.MAX else total
        if kind == YEAR:
            found[indicator_id]["own"][start.year] = figure
        else:
            found[indicator_id]["months"][start.year][start.month] = figure
    if not found:
        return []
    targets = _targets(node, year, list(found))

    def figure(indicator: Indicator, figures: dict, y: int) -> Decimal | None:
        own = figures["own"].get(y) if months_so_far == 12 else None
        months = [v for m, v in sorted(figures["months"][y].items()) if m <= months_so_far]
        return _combine(indicator, own, months)

    out = [
        IndicatorRow(
            indicator=indicators[pk],
            value=figure(indicators[pk], figures, year),
            last_year=figure(indicators[pk], figures, year - 1),
            target=targets.get(pk),
            months=months_so_far,
        )
        for pk, figures in found.items()
    ]
    out.sort(key=lambda r: (r.indicator.order, r.indicator.name))
    return out[:SHOWN_INDICATORS]


def _targets(node: Node, year: int, indicator_ids: list[int]) -> dict[int, Decimal]:
    """Per indicator: the sum over the node's roots of each root's own target, else its children's sum (as
    `indicators.selectors.target_for` for one root); one query."""
    roots = [node.unit] if node.unit else node.roots
    root_ids = {r.pk for r in roots}
    rows = IndicatorTarget.objects.filter(indicator_id__in=indicator_ids, year=year).filter(
        Q(unit_id__in=root_ids) | Q(unit__parent_id__in=root_ids)
    )
    own: dict[tuple[int, int], Decimal] = {}
    below: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    for indicator_id, unit_id, parent_id, value in rows.values_list(
        "indicator_id", "unit_id", "unit__parent_id", "value"
    ):
        if unit_id in root_ids:
            own[(indicator_id, unit_id)] = value
        else:
            below[(indicator_id, parent_id)] += value
    totals: dict[int, Decimal] = {}
    for indicator_id in indicator_ids:
        parts = [own.get((indicator_id, r), below.get((indicator_id, r))) for r in root_ids]
        parts = [p for p in parts if p is not None]
        if parts:
            totals[indicator_id] = sum(parts, Decimal(0))
    return totals


def regimes_in(node: Node, user) -> list[Regime]:
    """The active regimes whose reporting units lie in the subtree (their root inside it, or the node inside
    their root), for the filter of the reporting grid; one query."""
    regimes = Regime.objects.visible_to(user).filter(is_active=True)
    if not node.everything:
        inside = access.subtree_q("root__path", node.paths)
        above = Q(pk__in=[])
        for path in node.paths:
            width = access.SEGMENT_WIDTH
            above |= Q(root__path__in=[path[:end] for end in range(width, len(path) + 1, width)])
        regimes = regimes.filter(inside | above)
    # The owners in a second query, not a join: SQLite, without statistics on a small table, would scan
    # every unit to join them (100 ms on the nation's 113,000 units).
    return list(regimes.prefetch_related("owner").order_by("name", "id"))
