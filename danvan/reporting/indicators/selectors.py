"""Reads of indicators for pages, reports and the leaders' dashboard.

Every function takes the indicator, a root unit and a period (danvan.lib.periods.Period), and an optional
`user`: given, only the values that user may see count (`IndicatorValue.objects.visible_to(user)`); left
out, the caller has already checked access (documents, prefill, the benchmark).

What a roll-up counts:
- the values of the units in the root's subtree (Unit.path prefix: one indexed range), each unit's figure
  once, whatever it resubmitted (one value per unit and period);
- the topmost report only: when a unit reported through its children (a province whose report is the sum
  of its communes'), its own figure counts and its children's do not (`IndicatorValue.covered_at`);
- units combined by sum (aggregation "sum" and "latest") or by max (aggregation "max");
- a period nobody reported at its own kind (a quarter, 9 months) is made from the months inside it: their
  sum, their max, or the last month's figure for a running total or a stock (`Indicator.takes_latest`).

Costs: `rollup`, `compare` and `series` are each one grouped query over the values (compare adds one for
the target); `rollup_by_child` is one grouped query plus one for the list of children.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Max, Q, Sum
from django.db.models.functions import Substr

from danvan.core import access
from danvan.lib.periods import PER_YEAR, Period, PeriodKind
from danvan.org.models import Unit

from .models import Indicator, IndicatorTarget, IndicatorValue

ZERO = Decimal(0)
MONTH = PeriodKind.MONTH.value


def kind_of(period: Period) -> str:
    return PeriodKind(period.kind).value


def active_indicators():
    """The catalogue: the same for every unit (indicators are shared; their values are scoped)."""
    return Indicator.objects.filter(active=True)


def _values(indicator: Indicator, root: Unit, user, *, count_from_depth: int):
    """The values of the root's subtree that a roll-up from `count_from_depth` counts (topmost reports)."""
    rows = IndicatorValue.objects.all() if user is None else IndicatorValue.objects.visible_to(user)
    return rows.filter(access.subtree_q("unit__path", [root.path]), indicator=indicator).filter(
        Q(covered_at__isnull=True) | Q(covered_at__lt=count_from_depth)
    )


def _periods_q(wanted: list[Period]) -> Q:
    """The rows of each period at its own kind, and the months inside each longer one."""
    query = Q(pk__in=[])
    for period in wanted:
        query |= Q(period_kind=kind_of(period), period_start=period.start)
        if kind_of(period) != MONTH:
            query |= Q(period_kind=MONTH, period_start__gte=period.start, period_start__lte=period.end)
    return query


def _unit_aggregate(indicator: Indicator):
    return Max("value") if indicator.aggregation == Indicator.Aggregation.MAX else Sum("value")


def _combine(indicator: Indicator, period: Period, totals: dict[tuple[str, date], Decimal]) -> Decimal | None:
    """The period's figure from {(kind, start): total over units}: its own kind, else its months."""
    own = totals.get((kind_of(period), period.start))
    if own is not None or kind_of(period) == MONTH:
        return own
    months = sorted(
        (start, total)
        for (kind, start), total in totals.items()
        if kind == MONTH and period.start <= start <= period.end
    )
    if not months:
        return None
    if indicator.takes_latest:
        return months[-1][1]
    if indicator.aggregation == Indicator.Aggregation.MAX:
        return max(total for _start, total in months)
    return sum((total for _start, total in months), ZERO)


def rollup_many(indicator: Indicator, root: Unit, wanted: list[Period], *, user=None) -> dict:
    """{period: figure or None (nobody reported)} for several periods of the root's subtree, one query."""
    rows = (
        _values(indicator, root, user, count_from_depth=root.depth)
        .filter(_periods_q(wanted))
        .values("period_kind", "period_start")
        .annotate(total=_unit_aggregate(indicator))
        .order_by()
    )
    totals = {(r["period_kind"], r["period_start"]): r["total"] for r in rows}
    return {period: _combine(indicator, period, totals) for period in wanted}


def rollup(indicator: Indicator, root_unit: Unit, period: Period, *, user=None) -> Decimal:
    """The indicator's figure for the root's subtree over the period (0 when nobody reported)."""
    value = rollup_many(indicator, root_unit, [period], user=user)[period]
    return ZERO if value is None else value


def rollup_by_child(
    indicator: Indicator, root_unit: Unit, period: Period, *, user=None
) -> list[tuple[Unit, Decimal | None]]:
    """[(child, figure of the child's subtree or None)] for each direct child of the root, by name.

    One grouped query over the values (grouped by the child's path segment) and one for the children."""
    width = len(root_unit.path) + access.SEGMENT_WIDTH
    rows = (
        _values(indicator, root_unit, user, count_from_depth=root_unit.depth + 1)
        .exclude(unit_id=root_unit.pk)
        .filter(_periods_q([period]))
        .annotate(child_path=Substr("unit__path", 1, width))
        .values("child_path", "period_kind", "period_start")
        .annotate(total=_unit_aggregate(indicator))
        .order_by()
    )
    by_child: dict[str, dict] = defaultdict(dict)
    for r in rows:
        by_child[r["child_path"]][(r["period_kind"], r["period_start"])] = r["total"]
    children = Unit.objects.filter(parent=root_unit)
    if user is not None:
        children = children.visible_to(user)
    children = children.order_by("sort_key").only("id", "name", "path", "depth", "parent_id", "kind_id")
    return [(child, _combine(indicator, period, by_child.get(child.path, {}))) for child in children]


def target_for(indicator: Indicator, unit: Unit, year: int, *, user=None) -> Decimal | None:
    """The unit's own target for the year, else the sum of its direct children's targets, else None."""
    targets = IndicatorTarget.objects.all() if user is None else IndicatorTarget.objects.visible_to(user)
    rows = list(
        targets.filter(indicator=indicator, year=year)
        .filter(Q(unit=unit) | Q(unit__parent=unit))
        .values_list("unit_id", "value")
    )
    own = [value for unit_id, value in rows if unit_id == unit.pk]
    if own:
        return own[0]
    children = [value for unit_id, value in rows if unit_id != unit.pk]
    return sum(children, ZERO) if children else None


def percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Comparison:
    value: Decimal | None
    last_year: Decimal | None
    change_pct: Decimal | None  # (value - last year) / last year, in %
    target: Decimal | None
    target_pct: Decimal | None  # value / the year's target, in %

    def as_dict(self) -> dict:
        return {
            "value": self.value,
            "last_year": self.last_year,
            "change_pct": self.change_pct,
            "target": self.target,
            "target_pct": self.target_pct,
        }


def compare(indicator: Indicator, root_unit: Unit, period: Period, *, user=None) -> dict:
    """{value, last_year, change_pct, target, target_pct} for the root's subtree over the period.

    None where there is nothing to show (nobody reported, no target, last year was 0). target_pct is the
    period's figure against the whole year's target: for a running total it is the year's progress."""
    last = period.same_last_year()
    figures = rollup_many(indicator, root_unit, [period, last], user=user)
    value, last_year = figures[period], figures[last]
    change = None
    if value is not None and last_year:
        change = (Decimal(100) * (value - last_year) / last_year).quantize(Decimal("0.1"))
    target = target_for(indicator, root_unit, period.year, user=user)
    return Comparison(value, last_year, change, target, percent(value, target)).as_dict()


def periods_of(kind: str, year: int) -> list[Period]:
    kind = PeriodKind(kind)
    return [Period(kind, year, number) for number in range(1, PER_YEAR[kind] + 1)]


def series(indicator: Indicator, root_unit: Unit, kind: str, year: int, *, user=None):
    """[(period, figure or None)] for every period of the kind in the year, in order; one query."""
    wanted = periods_of(kind, year)
    figures = rollup_many(indicator, root_unit, wanted, user=user)
    return [(period, figures[period]) for period in wanted]
