"""What the superior sees of its plan's cascade: which units it addressed have issued their implementing
plan, drafted one, or none yet, and how far each one's tasks are."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from danvan.org.models import Unit

from ..models import Plan, Task
from .services import lead_key, suggested_lead

ISSUED, DRAFTED, NONE = "issued", "draft", "none"
STATES = (ISSUED, DRAFTED, NONE)


@dataclass
class UnitRow:
    unit: Unit
    state: str  # ISSUED | DRAFTED | NONE
    plan: Plan | None = None  # the implementing plan (the issued one first)
    visible: bool = False  # whether the user may open it
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def addressed_unit_ids(plan: Plan) -> set[int]:
    """The units the plan speaks to: the leads of its tasks (each co-lead) and the targets of its calls, other
    than the issuer itself (wherever they are in the tree); when it has none, the issuer's direct subordinate
    units still in being today. Every unit that has already cascaded the plan is added in either case."""
    ids: set[int] = set(
        Task.lead_units.through.objects.filter(task__plan=plan).values_list("unit_id", flat=True)
    )
    ids |= {pk for pk in plan.tasks.values_list("lead_unit_id", flat=True) if pk}
    # The calls of the plan are the reporting app's rows, read through the reverse relation (no import).
    ids |= set(Unit.objects.filter(call_targets__call__plan=plan).values_list("pk", flat=True))
    ids.discard(plan.issuing_unit_id)
    if not ids:
        today = timezone.localdate()
        ids = set(
            Unit.objects.filter(parent_id=plan.issuing_unit_id)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
            .values_list("pk", flat=True)
        )
    ids |= set(plan.implementations.values_list("issuing_unit_id", flat=True))
    ids.discard(plan.issuing_unit_id)
    return ids


def implementation_rows(plan: Plan, user, *, state: str = "") -> tuple[list[UnitRow], dict[str, int]]:
    """One row per addressed unit (by tree order), and the counts of each state before the filter."""
    units = Unit.objects.filter(pk__in=addressed_unit_ids(plan)).order_by("path")
    implementations = list(
        plan.implementations.annotate(
            task_total=Count("tasks"), task_done=Count("tasks", filter=Q(tasks__status=Task.Status.DONE))
        ).order_by("-issued_on", "-created_at")
    )
    visible = set(Plan.objects.visible_to(user).filter(implements=plan).values_list("pk", flat=True))
    by_unit: dict[int, Plan] = {}
    for candidate in implementations:  # an issued (or issued then amended) plan wins over a draft
        held = by_unit.get(candidate.issuing_unit_id)
        if held is None or (held.status == Plan.Status.DRAFT and candidate.status != Plan.Status.DRAFT):
            by_unit[candidate.issuing_unit_id] = candidate
    rows = []
    for unit in units:
        found = by_unit.get(unit.pk)
        row = UnitRow(unit=unit, state=NONE)
        if found is not None:
            row.plan, row.visible = found, found.pk in visible
            row.state = DRAFTED if found.status == Plan.Status.DRAFT else ISSUED
            row.done, row.total = found.task_done, found.task_total
        rows.append(row)
    counts = {key: sum(1 for r in rows if r.state == key) for key in STATES}
    counts["all"] = len(rows)
    if state in STATES:
        rows = [r for r in rows if r.state == state]
    return rows, counts


@dataclass
class LeadChoice:
    key: str
    label: str  # the superior's lead as written or named
    tasks: int  # how many tasks it leads
    suggestion: Unit


def lead_choices(superior: Plan, unit: Unit) -> list[LeadChoice]:
    """Each distinct lead of the superior's tasks, with the unit suggested in its place."""
    choices: dict[str, LeadChoice] = {}
    for task in superior.tasks.select_related("lead_unit"):
        key = lead_key(task)
        if key in choices:
            choices[key].tasks += 1
            continue
        label = task.lead_unit.name if task.lead_unit_id else (task.lead_text or "—")
        choices[key] = LeadChoice(key=key, label=label, tasks=1, suggestion=suggested_lead(task, unit))
    return list(choices.values())


def lead_options(unit: Unit, choices: Sequence[LeadChoice] = ()) -> list[Unit]:
    """The units a lower unit may give its tasks to in the form: itself, its direct subordinates, and each
    suggestion of ``choices`` deeper in its tree (a superior's lead the suggestion keeps), so every select
    holds the unit it is set to."""
    today = timezone.localdate()
    children = list(
        Unit.objects.filter(parent=unit)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .order_by("sort_key", "pk")
    )
    known = {unit.pk} | {child.pk for child in children}
    deeper = {c.suggestion.pk: c.suggestion for c in choices if c.suggestion.pk not in known}
    return [unit, *children, *sorted(deeper.values(), key=lambda u: u.path)]
