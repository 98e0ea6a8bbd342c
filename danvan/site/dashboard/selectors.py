"""The leaders' dashboard: the year at a glance for a subtree, in a fixed number of grouped queries.

Where the dashboard stands is a `Node`: one unit (a province, a commune) or, for a user who holds the
dashboard on several roots (the system administrator: every province), all of them at once. Every figure is
read for the node's subtree and split by the node's children with one GROUP BY on the first characters of the
unit path (a child's path is its parent's plus one fixed-width segment), so the number of queries does not
grow with the number of units, calls or reports.

Scope: the view hands a node the user may open (visible and holding DASHBOARD_VIEW on it), and everything in
its subtree is inside the user's scope, so the subtree filter is the scope filter here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import BooleanField, Count, F, Q, Value
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.events.models import Event
from danvan.lib.periods import KIND_LABELS, Period, PeriodKind
from danvan.org.models import Unit
from danvan.org.selectors import cap_paths
from danvan.plans.models import Plan, PlanKind, Task
from danvan.reporting.models import CallTarget, Submission

# Sent at least once (a returned answer was still sent on its day): the rule of the regimes' on-time grid
# (reporting.regimes.selectors.cell_state), so the dashboard and a regime's page count alike.
SENT = Q(revision__gt=0)
OVERDUE_LISTED = 10
EVENTS_LISTED = 8

# A cell's state, worst first: what a leader must look at comes first.
STATES = ("missing", "late", "pending", "on_time", "none")
STATE_LABELS = {
    "missing": "Còn đơn vị chưa gửi",
    "late": "Có đơn vị gửi muộn",
    "pending": "Chưa đến hạn",
    "on_time": "Đủ, đúng hạn",
    "none": "Không có yêu cầu",
}


class Node:
    """Where the dashboard stands: one unit, or several roots together (`unit` None); `everything` when
    those roots are all the top units (the system administrator's landing: the whole country). The roots
    may be given as a loader, read only when the figures are computed (not when they are kept)."""

    def __init__(self, unit: Unit | None, roots=None, everything: bool = False, load_roots=None) -> None:
        self.unit, self.everything = unit, everything
        self._roots: list[Unit] | None = roots
        self._load_roots = load_roots

    @property
    def roots(self) -> list[Unit]:
        if self._roots is None:
            self._roots = self._load_roots() if self._load_roots else []
        return self._roots

    @property
    def paths(self) -> list[str]:
        return [self.unit.path] if self.unit else [root.path for root in self.roots]

    @property
    def name(self) -> str:
        return self.unit.name if self.unit else _("Toàn bộ phạm vi")


def dashboard_roots(user) -> list[Unit] | None:
    """The units the user's dashboard opens on: the top units where they hold DASHBOARD_VIEW (a unit inside
    another of them adds nothing); None when the user holds it nowhere."""
    paths = cap_paths(user, Cap.DASHBOARD_VIEW)
    return None if paths == [] else _roots_at(paths)


def _roots_at(paths: list[str] | None) -> list[Unit]:
    if paths is None:
        units = Unit.objects.filter(parent__isnull=True)
    else:
        ordered = sorted(set(paths))
        minimal = [p for p in ordered if not any(p != q and p.startswith(q) for q in ordered)]
        units = Unit.objects.filter(path__in=minimal)
    return list(units.select_related("kind").order_by("kind__order", "sort_key", "id"))


def landing_node(user) -> Node | None:
    paths = cap_paths(user, Cap.DASHBOARD_VIEW)
    if paths == []:
        return None
    if paths is None:  # everything: the top units are read only to compute the figures, unless only one
        top = list(Unit.objects.filter(parent__isnull=True).values_list("pk", flat=True)[:2])
        if len(top) != 1:
            return Node(unit=None, everything=True, load_roots=lambda: _roots_at(None))
    roots = _roots_at(paths)
    return Node(unit=roots[0] if len(roots) == 1 else None, roots=roots, everything=paths is None)


def _units_below(node: Node, paths: list[str]) -> Q:
    """The rows whose unit is in the subtrees of `paths`. Below the top level, as `unit_id IN (the
    subtree's ids)`: the database starts from the subtree's few units (measured on the nation: a ward 40 ms
    against 200-460 ms). At the top (a province), its subtree holds most of the units its own calls ask, so
    the year's calls drive and the path range filters (the IN list of a province's 3,000 units costs
    seconds). The whole country needs no filter at all."""
    if node.everything:
        return Q()
    if node.unit is None or node.unit.depth == 0:
        return access.subtree_q("unit__path", paths)
    return Q(unit_id__in=Unit.objects.filter(access.subtree_q("path", paths)).values("pk"))


def unit_node(user, pk: int) -> Node | None:
    """The unit asked for (None when the user does not see it); its children are read only when the
    figures are computed (`children_of`), not when they are kept."""
    unit = Unit.objects.visible_to(user).filter(pk=pk).select_related("kind").first()
    return None if unit is None else Node(unit=unit, roots=[unit])


def children_of(node: Node) -> list[Unit]:
    """The tiles of the grid: the node's children (or its roots), sorted as the unit tree is. Past units are
    kept (their reports of the year still count); the grid shows them only when they have figures."""
    if node.unit is None:
        return node.roots
    return list(node.unit.children.select_related("kind").order_by("kind__order", "sort_key", "id"))


# --- reporting rate and punctuality ----------------------------------------------------------------------


@dataclass
class Tally:
    """Who was asked and what they did, over any set of (call, unit) pairs."""

    targets: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0  # not sent, the call's last day has passed
    pending: int = 0  # not sent, still time

    def add(self, other: Tally) -> None:
        self.targets += other.targets
        self.on_time += other.on_time
        self.late += other.late
        self.missing += other.missing
        self.pending += other.pending

    @property
    def sent(self) -> int:
        return self.on_time + self.late

    @property
    def due(self) -> int:
        """Pairs whose last day has passed or that were sent anyway: what the rates count over."""
        return self.targets - self.pending

    @property
    def rate(self) -> int | None:
        """Reporting rate, %: sent among those due."""
        return round(100 * self.sent / self.due) if self.due else None

    @property
    def punctuality(self) -> int | None:
        """Punctuality, %: sent on time among those due."""
        return round(100 * self.on_time / self.due) if self.due else None

    @property
    def state(self) -> str:
        if not self.targets:
            return "none"
        if self.missing:
            return "missing"
        if self.late:
            return "late"
        if self.pending:
            return "pending"
        return "on_time"

    @property
    def state_label(self) -> str:
        return _(STATE_LABELS[self.state])


@dataclass
class GridRow:
    unit: Unit | None  # None: the node itself (asked directly, not through a child)
    label: str
    cells: dict[Period, Tally]
    total: Tally


@dataclass
class ReportingGrid:
    kind: PeriodKind
    periods: list[Period]
    rows: list[GridRow]
    by_period: dict[Period, Tally]
    total: Tally
    late_units: list[tuple[str, Period]] = field(default_factory=list)  # filled by late_answers

    @property
    def kind_label(self) -> str:
        return _(KIND_LABELS[self.kind])


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _prefix_lengths(node: Node) -> dict[int, list[str]]:
    """Child key length -> the subtree roots with that length (one query per distinct length; one in
    practice: a unit, or roots of one level such as the provinces)."""
    lengths: dict[int, list[str]] = defaultdict(list)
    for path in node.paths:
        lengths[len(path) + (access.SEGMENT_WIDTH if node.unit else 0)].append(path)
    return lengths


def reporting_grid(
    node: Node, children: list[Unit], year: int, kind: PeriodKind, *, today: date, regime_id=None
) -> ReportingGrid:
    """Targets and answers of the calls of `kind` whose period starts in `year`, by child and period.

    One query per distinct key length: the targets by (child, call) and the sent answers by (child, call,
    late). A pair is missing when the call's last day has passed and nothing was sent,
    pending when there is still time.
    """
    start, end = _year_span(year)
    calls_filter = Q(call__period_kind=kind, call__period_start__gte=start, call__period_start__lte=end)
    if regime_id is not None:
        calls_filter &= Q(call__regime_id=regime_id)
    targets: dict[tuple[str, int], int] = {}
    sent: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    calls: dict[int, tuple[date, date]] = {}
    columns = ("key", "call_id", "call__period_start", "call__due_end", "source", "late")
    for length, paths in _prefix_lengths(node).items():
        key = Substr("unit__path", 1, length)
        # One query: the targets and the sent answers by (child, call), one UNION ALL of two GROUP BYs.
        asked = (
            CallTarget.objects.filter(calls_filter, _units_below(node, paths))
            .annotate(key=key, source=Value(0), late=Value(False, output_field=BooleanField()))
            .values_list(*columns)
            .annotate(n=Count("id"))
            .order_by()
        )
        answered = (
            Submission.objects.filter(SENT, calls_filter, _units_below(node, paths))
            .annotate(key=key, source=Value(1), late=F("is_late"))
            .values_list(*columns)
            .annotate(n=Count("id"))
            .order_by()
        )
        for child, call_id, period_start, due_end, source, late, n in asked.union(answered, all=True):
            if source == 0:
                targets[(child, call_id)] = n
                calls[call_id] = (period_start, due_end)
            else:
                sent[(child, call_id)][1 if late else 0] += n

    by_key: dict[str, dict[Period, Tally]] = defaultdict(dict)
    for (child, call_id), n in targets.items():
        period_start, due_end = calls[call_id]
        period = Period.from_span(kind, period_start)
        on_time, late = sent.get((child, call_id), (0, 0))
        on_time, late = min(on_time, n), min(late, n - min(on_time, n))
        unsent = n - on_time - late
        tally = Tally(targets=n, on_time=on_time, late=late)
        if due_end < today:
            tally.missing = unsent
        else:
            tally.pending = unsent
        by_key[child].setdefault(period, Tally()).add(tally)

    periods = sorted({p for cells in by_key.values() for p in cells})
    rows = []
    for unit in children:
        cells = by_key.pop(unit.path, {})
        if not cells and not unit.is_valid_on(today):
            continue  # a unit merged away before this year's first call: nothing to show
        rows.append(GridRow(unit=unit, label=unit.name, cells=cells, total=_sum(cells.values())))
    own = {p: t for cells in by_key.values() for p, t in cells.items()}  # asked at the node itself
    if own:
        label = _("%(name)s (được yêu cầu trực tiếp)") % {"name": node.name}
        rows.insert(0, GridRow(unit=None, label=label, cells=own, total=_sum(own.values())))
    by_period = {p: _sum(row.cells.get(p, Tally()) for row in rows) for p in periods}
    return ReportingGrid(
        kind=kind, periods=periods, rows=rows, by_period=by_period, total=_sum(by_period.values())
    )


def _sum(tallies) -> Tally:
    total = Tally()
    for tally in tallies:
        total.add(tally)
    return total


def year_choices(today: date) -> list[int]:
    """The years the selector offers: five back and the next (no query: a year without reports says so)."""
    return list(range(today.year - 5, today.year + 2))


# --- tasks and events ------------------------------------------------------------------------------------


@dataclass
class OverdueTasks:
    total: int
    by_child: list[tuple[str, int]]  # (label, count), most first; children with none left out
    listed: list[dict]  # the first few, soonest due first: pk, title, lead, due_end


def overdue_tasks(node: Node, children: list[Unit], year: int, *, today: date) -> OverdueTasks:
    """Tasks of issued plans (not programmes) due in `year` and before today, not done nor cancelled, led in
    the subtree (or, with no lead unit, of a plan issued there). One query: the overdue rows are few (each
    is a problem someone must answer for), so they are counted by child here, not in a second query."""
    start, end = _year_span(year)
    paths = node.paths
    if node.everything:  # every task is led, or issued, somewhere in the country
        here = Q()
    else:
        led_here = access.subtree_q("lead_unit__path", paths)
        here = led_here | Q(lead_unit__isnull=True) & access.subtree_q("plan__issuing_unit__path", paths)
    tasks = (
        Task.objects.overdue(today)
        .filter(here, plan__status=Plan.Status.ISSUED)
        .exclude(plan__kind=PlanKind.PROGRAMME)  # a programme's items have their own section
        .filter(due_end__gte=start, due_end__lte=end)
        .annotate(owner_path=Coalesce("lead_unit__path", "plan__issuing_unit__path"))
        .values_list("id", "title", "due_end", "lead_unit__name", "lead_text", "owner_path")
        .order_by("due_end", "id")
    )
    lengths = list(_prefix_lengths(node))
    child_paths = {u.path for u in children}
    counts: dict[str, int] = defaultdict(int)
    listed = []
    for pk, title, due_end, lead_name, lead_text, owner_path in tasks:
        # the child whose subtree holds the task; "" for the node itself
        key = next((owner_path[:n] for n in lengths if owner_path[:n] in child_paths), "")
        counts[key] += 1
        if len(listed) < OVERDUE_LISTED:
            listed.append({"pk": pk, "title": title, "lead": lead_name or lead_text, "due_end": due_end})
    total = sum(counts.values())
    by_child = [(u.name, counts.pop(u.path)) for u in children if u.path in counts]
    if counts:
        by_child.insert(0, (node.name, sum(counts.values())))
    by_child.sort(key=lambda item: -item[1])
    return OverdueTasks(total=total, by_child=by_child, listed=listed)


def upcoming_events(node: Node, *, today: date) -> list[Event]:
    """Planned events organised in the subtree from today on, soonest first."""
    here = Q() if node.everything else access.subtree_q("organiser__path", node.paths)
    return list(
        Event.objects.filter(here, status=Event.Status.PLANNED)
        .filter(Q(starts_at__date__gte=today) | Q(starts_at__isnull=True, time_end__gte=today))
        .select_related("organiser")
        .order_by(Coalesce("starts_at__date", "time_start"), "id")[:EVENTS_LISTED]
    )
