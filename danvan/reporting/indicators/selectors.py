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

Comparing with last year and the year's target: `compare` (one indicator, one period), `compare_many`
(several indicators, one period: the indicator list) and `compare_year` (the year so far, every indicator
with figures: the leaders' dashboard) are one piece of code (`_compare_spans`): the same values counted
(`_counted`), the same figure made of a report or its months (`_figure`), the same target (`_targets`).

Costs: `rollup` and `series` are each one grouped query over the values; `compare` and `compare_many` two
(values, targets) whatever the number of indicators, and so `compare_year` (the catalogue's rows come with
the values); `rollup_by_child` is one grouped query plus one for the list of children.
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
YEAR = PeriodKind.YEAR.value


def kind_of(period: Period) -> str:
    return PeriodKind(period.kind).value


def active_indicators():
    """The catalogue: the same for every unit (indicators are shared; their values are scoped)."""
    return Indicator.objects.filter(active=True)


def _depth(root: Unit | None) -> int:
    return 0 if root is None else root.depth


def _counted(indicator_ids, paths: list[str] | None, user, *, count_from_depth: int):
    """The values a roll-up counts: of the given indicators (None: every active one), in the subtrees of
    `paths` (None: every unit), the topmost reports seen from `count_from_depth` (`covered_at`), and only
    what `user` may see when given. The one place these rules are written."""
    rows = IndicatorValue.objects.all() if user is None else IndicatorValue.objects.visible_to(user)
    if indicator_ids is None:
        rows = rows.filter(indicator__active=True)
    elif len(indicator_ids) == 1:
        rows = rows.filter(indicator_id=next(iter(indicator_ids)))
    else:
        rows = rows.filter(indicator_id__in=sorted(indicator_ids))
    if paths is not None:
        rows = rows.filter(access.subtree_q("unit__path", paths))
    return rows.filter(Q(covered_at__isnull=True) | Q(covered_at__lt=count_from_depth))


def _values(indicator: Indicator, root: Unit | None, user, *, count_from_depth: int):
    """The values of the root's subtree (every unit's for None) that a roll-up from `count_from_depth`
    counts (the topmost reports)."""
    paths = None if root is None else [root.path]
    return _counted([indicator.pk], paths, user, count_from_depth=count_from_depth)


def _month_starts(period: Period) -> list[date]:
    return [date(period.year, month, 1) for month in range(period.start.month, period.end.month + 1)]


@dataclass(frozen=True)
class Span:
    """What a figure covers: `own`, the (kind, first day) of a report that covers the whole span (None: no
    such report counts), and the first days of its months, from which it is made when nobody sent `own`."""

    own: tuple[str, date] | None
    months: tuple[date, ...] = ()

    @classmethod
    def of(cls, period: Period) -> Span:
        if kind_of(period) == MONTH:
            return cls((MONTH, period.start))
        return cls((kind_of(period), period.start), tuple(_month_starts(period)))

    @classmethod
    def year_so_far(cls, year: int, months: int) -> Span:
        """January to `months` of the year; the yearly report counts only for the whole year."""
        own = (YEAR, date(year, 1, 1)) if months == 12 else None
        return cls(own, tuple(date(year, month, 1) for month in range(1, months + 1)))

    def keys(self) -> set[tuple[str, date]]:
        return ({self.own} if self.own else set()) | {(MONTH, start) for start in self.months}


def _keys_q(keys: set[tuple[str, date]]) -> Q:
    """Rows at any of the (kind, first day) keys, as two IN lists (kinds, first days), never an OR of
    ranges: the unique index (indicator, kind, start, unit) then answers with point lookups. A row of
    another wanted kind that starts on one of those days comes along and is ignored by `_figure`, which
    takes exactly the keys it needs."""
    return Q(period_kind__in=sorted({k for k, _s in keys}), period_start__in=sorted({s for _k, s in keys}))


def _periods_q(wanted: list[Period]) -> Q:
    """The rows of each period at its own kind, and the months inside each longer one."""
    return _keys_q(set().union(*(Span.of(period).keys() for period in wanted)))


def _unit_aggregate(indicator: Indicator):
    return Max("value") if indicator.aggregation == Indicator.Aggregation.MAX else Sum("value")


def _figure(indicator: Indicator, span: Span, totals: dict[tuple[str, date], Decimal]) -> Decimal | None:
    """The span's figure from {(kind, start): total over units}: the report covering the whole span when
    there is one, else its months: their sum, their max, or the last month's figure for a running total or
    a stock (`Indicator.takes_latest`); None when nobody reported."""
    own = totals.get(span.own) if span.own else None
    if own is not None:
        return own
    months = [totals[(MONTH, start)] for start in sorted(span.months) if (MONTH, start) in totals]
    if not months:
        return None
    if indicator.takes_latest:
        return months[-1]
    if indicator.aggregation == Indicator.Aggregation.MAX:
        return max(months)
    return sum(months, ZERO)


def _combine(indicator: Indicator, period: Period, totals: dict[tuple[str, date], Decimal]) -> Decimal | None:
    """The period's figure from {(kind, start): total over units}: its own kind, else its months."""
    return _figure(indicator, Span.of(period), totals)


# The catalogue's columns read along with the values when the indicators are not given (compare_year).
CATALOGUE_FIELDS = ("code", "name", "unit_of_measure", "aggregation", "cumulative", "order", "active")


def _totals_by_indicator(
    indicator_ids, paths: list[str] | None, depth: int, keys: set[tuple[str, date]], user
) -> tuple[dict[int, dict[tuple[str, date], tuple[Decimal, Decimal]]], dict[int, Indicator]]:
    """{indicator id: {(kind, start): (sum, max) over the counted units}}, and, when the indicators are not
    given (None: every active one), their catalogue rows read in the same grouped query (the other columns
    load on access, as with `.only()`)."""
    described = CATALOGUE_FIELDS if indicator_ids is None else ()
    rows = (
        _counted(indicator_ids, paths, user, count_from_depth=depth)
        .filter(_keys_q(keys))
        .values_list("indicator_id", *(f"indicator__{f}" for f in described), "period_kind", "period_start")
        .annotate(total=Sum("value"), top=Max("value"))
        .order_by()
    )
    found: dict[int, dict] = defaultdict(dict)
    catalogue: dict[int, Indicator] = {}
    for indicator_id, *fields, kind, start, total, top in rows:
        found[indicator_id][(kind, start)] = (total, top)
        if described and indicator_id not in catalogue:
            catalogue[indicator_id] = Indicator.from_db(
                IndicatorValue.objects.db, ["id", *described], [indicator_id, *fields]
            )
    return found, catalogue


def _pick(indicator: Indicator, totals: dict[tuple[str, date], tuple[Decimal, Decimal]]) -> dict:
    """Units combine by sum, or by max for a "max" indicator."""
    index = 1 if indicator.aggregation == Indicator.Aggregation.MAX else 0
    return {key: pair[index] for key, pair in totals.items()}


def rollup_many(indicator: Indicator, root: Unit | None, wanted: list[Period], *, user=None) -> dict:
    """{period: figure or None (nobody reported)} for several periods of the root's subtree, one query."""
    rows = (
        _values(indicator, root, user, count_from_depth=_depth(root))
        .filter(_periods_q(wanted))
        .values("period_kind", "period_start")
        .annotate(total=_unit_aggregate(indicator))
        .order_by()
    )
    totals = {(r["period_kind"], r["period_start"]): r["total"] for r in rows}
    return {period: _combine(indicator, period, totals) for period in wanted}


def rollup(indicator: Indicator, root_unit: Unit | None, period: Period, *, user=None) -> Decimal:
    """The indicator's figure for the root's subtree over the period (0 when nobody reported); a root of
    None is the whole tree (the nation: every root unit's subtree)."""
    value = rollup_many(indicator, root_unit, [period], user=user)[period]
    return ZERO if value is None else value


def rollup_by_child(
    indicator: Indicator, root_unit: Unit | None, period: Period, *, user=None
) -> list[tuple[Unit, Decimal | None]]:
    """[(child, figure of the child's subtree or None)] for each direct child of the root, by name (for a
    root of None: each root unit, the provinces).

    One grouped query over the values (grouped by the child's path segment) and one for the children."""
    width = (len(root_unit.path) if root_unit else 0) + access.SEGMENT_WIDTH
    values = _values(indicator, root_unit, user, count_from_depth=_depth(root_unit) + (1 if root_unit else 0))
    if root_unit is not None:
        values = values.exclude(unit_id=root_unit.pk)
    rows = (
        values.filter(_periods_q([period]))
        .annotate(child_path=Substr("unit__path", 1, width))
        .values("child_path", "period_kind", "period_start")
        .annotate(total=_unit_aggregate(indicator))
        .order_by()
    )
    by_child: dict[str, dict] = defaultdict(dict)
    for r in rows:
        by_child[r["child_path"]][(r["period_kind"], r["period_start"])] = r["total"]
    children = (
        Unit.objects.filter(parent=root_unit) if root_unit else Unit.objects.filter(parent__isnull=True)
    )
    if user is not None:
        children = children.visible_to(user)
    children = children.order_by("sort_key").only("id", "name", "path", "depth", "parent_id", "kind_id")
    return [(child, _combine(indicator, period, by_child.get(child.path, {}))) for child in children]


def _targets(indicator_ids, roots: list[Unit] | None, year: int, user) -> dict[int, Decimal]:
    """{indicator id: the year's target of the roots together}: for each root its own target, else the sum
    of its direct children's; the roots' figures add up (None: every root unit of the tree). One query."""
    targets = IndicatorTarget.objects.all() if user is None else IndicatorTarget.objects.visible_to(user)
    targets = targets.filter(indicator_id__in=sorted(indicator_ids), year=year)
    if roots is None:
        targets = targets.filter(Q(unit__parent__isnull=True) | Q(unit__parent__parent__isnull=True))
    else:
        root_ids = [r.pk for r in roots]
        targets = targets.filter(Q(unit_id__in=root_ids) | Q(unit__parent_id__in=root_ids))
    rows = list(targets.values_list("indicator_id", "unit_id", "unit__parent_id", "value"))
    wanted = {r.pk for r in roots} if roots is not None else None
    own: dict[tuple[int, int], Decimal] = {}
    below: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    tops: set[int] = set(wanted or ())
    for indicator_id, unit_id, parent_id, value in rows:
        if (wanted is None and parent_id is None) or (wanted is not None and unit_id in wanted):
            own[(indicator_id, unit_id)] = value
            tops.add(unit_id)
        else:
            below[(indicator_id, parent_id)] += value
            tops.add(parent_id)
    totals: dict[int, Decimal] = {}
    for indicator_id in indicator_ids:
        parts = [own.get((indicator_id, r), below.get((indicator_id, r))) for r in sorted(tops)]
        parts = [p for p in parts if p is not None]
        if parts:
            totals[indicator_id] = sum(parts, ZERO)
    return totals


def target_for(indicator: Indicator, unit: Unit | None, year: int, *, user=None) -> Decimal | None:
    """The unit's own target for the year, else the sum of its direct children's targets, else None
    (for None, the whole tree: each root unit's, by the same rule, added up)."""
    return _targets([indicator.pk], None if unit is None else [unit], year, user).get(indicator.pk)


def percent(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Comparison:
    """One indicator's figure over a span, the same span a year earlier, and the year's target."""

    indicator: Indicator
    value: Decimal | None
    last_year: Decimal | None
    target: Decimal | None
    months: int | None = None  # a year's comparison: 12 for a finished year, else the months so far

    @property
    def change_pct(self) -> Decimal | None:
        """(value - last year) / last year, in %; None when either is missing or last year was 0."""
        if self.value is None or not self.last_year:
            return None
        return (Decimal(100) * (self.value - self.last_year) / self.last_year).quantize(Decimal("0.1"))

    @property
    def target_pct(self) -> Decimal | None:
        """value / the year's target, in %."""
        return percent(self.value, self.target)

    def as_dict(self) -> dict:
        return {
            "value": self.value,
            "last_year": self.last_year,
            "change_pct": self.change_pct,
            "target": self.target,
            "target_pct": self.target_pct,
        }


def _compare_spans(
    indicators: list[Indicator] | None,
    roots: list[Unit] | None,
    year: int,
    this: Span,
    last: Span,
    *,
    read: set[tuple[str, date]] | None = None,
    months: int | None = None,
    user=None,
) -> list[Comparison]:
    """The shared comparison: for each indicator (None: every active one with a counted row in `read`, by
    the catalogue's order) the figure over `this`, over `last` and the year's target, for the subtrees of
    `roots` together (None: the whole tree). Two queries (values, targets), whatever the number of
    indicators; one when there is nothing to compare."""
    paths = None if roots is None else [r.path for r in roots]
    depth = min((r.depth for r in roots), default=0) if roots is not None else 0
    ids = None if indicators is None else {i.pk for i in indicators}
    keys = (read or set()) | this.keys() | last.keys()
    found, catalogue = _totals_by_indicator(ids, paths, depth, keys, user)
    if indicators is None:
        indicators = sorted(catalogue.values(), key=lambda i: (i.order, i.name))
    targets = _targets([i.pk for i in indicators], roots, year, user) if indicators else {}
    out = []
    for indicator in indicators:
        totals = _pick(indicator, found.get(indicator.pk, {}))
        out.append(
            Comparison(
                indicator,
                _figure(indicator, this, totals),
                _figure(indicator, last, totals),
                targets.get(indicator.pk),
                months,
            )
        )
    return out


def compare_many(
    indicators: list[Indicator], root_unit: Unit | None, period: Period, *, user=None
) -> list[Comparison]:
    """`compare` for several indicators at once, in their order: two queries, whatever their number."""
    last = period.same_last_year()
    return _compare_spans(
        list(indicators),
        None if root_unit is None else [root_unit],
        period.year,
        Span.of(period),
        Span.of(last),
        user=user,
    )


def compare(indicator: Indicator, root_unit: Unit | None, period: Period, *, user=None) -> dict:
    """{value, last_year, change_pct, target, target_pct} for the root's subtree over the period.

    None where there is nothing to show (nobody reported, no target, last year was 0). target_pct is the
    period's figure against the whole year's target: for a running total it is the year's progress."""
    (comparison,) = compare_many([indicator], root_unit, period, user=user)
    return comparison.as_dict()


def months_counted(year: int, today: date) -> int:
    """The months of `year` a comparison counts: all 12 once it is over, else those ended before this one
    (at least January)."""
    return 12 if year < today.year else max(today.month - 1, 1)


def compare_year(
    year: int,
    *,
    today: date,
    roots: list[Unit] | None,
    indicators: list[Indicator] | None = None,
    user=None,
) -> list[Comparison]:
    """The year so far against the same months of last year and the year's target, for the subtrees of
    `roots` together (None: the whole tree), in two queries whatever the number of indicators.

    `indicators` None: every active indicator with a figure in the subtrees in the year or the year before,
    by the catalogue's order. A finished year is the yearly report where there is one, else its months; a
    year under way is its months so far (`months_counted`), compared with the same months of last year.
    For a finished year each comparison is exactly `compare(indicator, root, Period(YEAR, year))`."""
    months = months_counted(year, today)
    whole = Span.year_so_far(year, 12).keys() | Span.year_so_far(year - 1, 12).keys()
    return _compare_spans(
        indicators,
        roots,
        year,
        Span.year_so_far(year, months),
        Span.year_so_far(year - 1, months),
        read=whole,
        months=months,
        user=user,
    )


def periods_of(kind: str, year: int) -> list[Period]:
    kind = PeriodKind(kind)
    return [Period(kind, year, number) for number in range(1, PER_YEAR[kind] + 1)]


def series(indicator: Indicator, root_unit: Unit | None, kind: str, year: int, *, user=None):
    """[(period, figure or None)] for every period of the kind in the year, in order; one query."""
    wanted = periods_of(kind, year)
    figures = rollup_many(indicator, root_unit, wanted, user=user)
    return [(period, figures[period]) for period in wanted]
