"""Reads for calls, submissions and the "who is late" board: data only (states and ids, never markup)."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core import access
from danvan.lib import vntext
from danvan.lib.tables.values import ColumnSpec
from danvan.org.models import Unit

from .models import Call, CallTarget, FormTemplate, Submission

STATES = ["overdue", "not_started", "draft", "on_time", "late", "returned", "accepted"]
STATE_LABELS = {
    "overdue": gettext_lazy("Quá hạn"),
    "not_started": gettext_lazy("Chưa đến hạn"),
    "draft": gettext_lazy("Đang soạn"),
    "on_time": gettext_lazy("Đã gửi đúng hạn"),
    "late": gettext_lazy("Gửi muộn"),
    "returned": gettext_lazy("Bị trả lại"),
    "accepted": gettext_lazy("Đã tiếp nhận"),
}
SENT = (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED)


STATE_HELP = {
    "overdue": gettext_lazy("Hạn đã qua mà đơn vị chưa gửi (kể cả đang soạn dở)"),
    "not_started": gettext_lazy("Chưa gửi, hạn chưa đến"),
    "draft": gettext_lazy("Đang soạn, hạn chưa đến"),
    "on_time": gettext_lazy("Đã gửi trong hạn, chờ Ban xem xét"),
    "late": gettext_lazy("Đã gửi sau hạn, chờ Ban xem xét"),
    "returned": gettext_lazy("Ban trả lại để đơn vị sửa, gửi lại"),
    "accepted": gettext_lazy("Ban đã tiếp nhận"),
}


def is_past_due(call: Call, today: date | None = None) -> bool:
    return (today or timezone.localdate()) > call.due_end


def state_of(submission: Submission | None, call: Call | None = None, today: date | None = None) -> str:
    """The state a unit's answer is in. Given the call, nothing sent by a past deadline is "overdue"
    (whether or not a draft was begun): the board must tell it apart from a call not yet due."""
    unsent = submission is None or submission.status == Submission.Status.DRAFT
    if unsent and call is not None and is_past_due(call, today):
        return "overdue"
    if submission is None:
        return "not_started"
    if submission.status == Submission.Status.DRAFT:
        return "draft" if submission.has_content else "not_started"
    if submission.status == Submission.Status.SUBMITTED:
        return "late" if submission.is_late else "on_time"
    return submission.status  # returned | accepted


# --- calls -----------------------------------------------------------------------------------------------


def call_counts(call: Call) -> dict:
    return calls_counts([call])[call.pk]


def calls_counts(calls) -> dict[int, dict]:
    """Per call: targets and how many units are in each state; two queries whatever the number of calls."""
    ids = [c.pk for c in calls]
    counts = {i: dict.fromkeys([*STATES, "targets", "missing", "sent"], 0) for i in ids}
    for row in CallTarget.objects.filter(call_id__in=ids).values("call_id").annotate(n=Count("id")):
        counts[row["call_id"]]["targets"] = row["n"]
    grouped = (
        Submission.objects.filter(call_id__in=ids)
        .values("call_id", "status", "is_late")
        .annotate(n=Count("id"))
    )
    started = dict.fromkeys(ids, 0)
    for row in grouped:
        c = counts[row["call_id"]]
        status = row["status"]
        if status == Submission.Status.SUBMITTED:
            c["late" if row["is_late"] else "on_time"] += row["n"]
        else:
            c[status] += row["n"]
        started[row["call_id"]] += row["n"]
    today = timezone.localdate()
    past = {c.pk for c in calls if is_past_due(c, today)}
    for i, c in counts.items():
        c["not_started"] = c["targets"] - started[i]
        if i in past:  # nothing sent by a deadline that has passed: overdue, whether begun or not
            c["overdue"], c["not_started"], c["draft"] = c["not_started"] + c["draft"], 0, 0
        c["sent"] = c["on_time"] + c["late"] + c["accepted"]
        c["missing"] = c["targets"] - c["sent"]
        c["percent"] = round(100 * c["sent"] / c["targets"]) if c["targets"] else 0
    return counts


def calls_for_unit(user):
    """Open calls that ask something of a unit the user answers for, with that unit."""
    paths = access.scope_paths(user)
    if access.sees_everything(user) or not paths:
        return CallTarget.objects.none()
    return (
        CallTarget.objects.filter(access.subtree_q("unit__path", paths))
        .select_related("call", "unit")
        .order_by("call__due_end", "unit__path")
    )


def my_calls(user, *, limit: int = 50) -> list[tuple[CallTarget, str]]:
    """The calls the user answers for, each with the state of the unit's answer (one query for all)."""
    mine = list(calls_for_unit(user)[:limit])
    submissions = {
        (s.call_id, s.unit_id): s
        for s in Submission.objects.filter(
            call__in=[t.call_id for t in mine], unit__in=[t.unit_id for t in mine]
        )
    }
    today = timezone.localdate()
    return [(t, state_of(submissions.get((t.call_id, t.unit_id)), t.call, today)) for t in mine]


def my_targets(call: Call, user):
    """The call's target units the user sees (the units a focal point may open the answer of)."""
    return call.targets.filter(unit__in=Unit.objects.visible_to(user)).select_related("unit")


def resolve_targets(
    *, actor, roots: list[Unit], kinds=(), include_roots: bool = False, on: date | None = None
) -> list[Unit]:
    """Units in the subtrees of `roots` (that the actor sees), of the chosen kinds, valid on the date."""
    if not roots:
        return []
    units = Unit.objects.visible_to(actor).filter(access.subtree_q("path", [r.path for r in roots]))
    units = units.valid_on(on or timezone.localdate())
    if not include_roots:
        units = units.exclude(pk__in=[r.pk for r in roots])
    if kinds:
        units = units.filter(kind__in=kinds)
    return list(units.order_by("path"))


def plan_recipient_root(plan) -> Unit:
    """Where a plan's calls go by default: the whole area its issuer belongs to (the province or the level
    above it). A committee's Ban Dân vận sits under the Party committee, but the bodies it asks (the
    Fatherland Front, the departments, the lower committees) sit under the province's own node."""
    issuer = plan.issuing_unit
    ancestors = list(issuer.ancestors().select_related("kind"))
    area = next((u for u in reversed(ancestors) if u.kind.is_admin_area), None)
    return area or (ancestors[0] if ancestors else issuer)


def plan_recipients(*, actor, plan, root: Unit, kinds=(), direct_only: bool = False) -> list[Unit]:
    """The units a plan's calls would go to: under `root`, of the chosen kinds, in force on the plan's
    date (a 2023 plan asks the units of 2023), never the issuer itself nor the bodies above it."""
    on = plan.issued_on or timezone.localdate()
    units = resolve_targets(actor=actor, roots=[root], kinds=kinds, on=on)
    above = {plan.issuing_unit.path, *plan.issuing_unit.ancestor_paths()}
    units = [u for u in units if u.path not in above]
    if direct_only:
        units = [u for u in units if u.parent_id == root.pk]
    return units


def units_not_submitted(call: Call) -> list[Unit]:
    sent = Submission.objects.filter(call=call, status__in=SENT).values("unit_id")
    return list(Unit.objects.filter(call_targets__call=call).exclude(pk__in=sent).order_by("path"))


def column_specs(template: FormTemplate) -> list[ColumnSpec]:
    """The template's columns as the plain descriptions danvan.lib.tables reads and writes forms with."""
    return [
        ColumnSpec(key=str(f.pk), label=f.label, kind=f.kind, required=f.required, choices=tuple(f.choices))
        for f in template.fields.all()
    ]


# --- the board -------------------------------------------------------------------------------------------


@dataclass
class BoardCell:
    call_id: int
    state: str  # one of STATES, or "not_asked"
    submission_id: int | None = None
    submitted_at: datetime | None = None
    days_overdue: int = 0  # for "overdue": how many days since the deadline
    has_draft: bool = False  # for "overdue": the unit began a draft but did not send it

    @property
    def label(self) -> str:
        if self.state == "overdue":
            return _("Quá hạn %(n)s ngày") % {"n": self.days_overdue}
        return str(STATE_LABELS.get(self.state, "—"))


@dataclass
class BoardRow:
    unit: Unit
    cells: list[BoardCell]


def board_units(calls, *, user, kind=None, within: Unit | None = None):
    """Units asked by any of the calls, in tree order, by kind and subtree, inside the user's scope."""
    # A subquery, not a join + DISTINCT over every unit column: the nation's targets are tens of thousands.
    units = Unit.objects.filter(pk__in=CallTarget.objects.filter(call__in=calls).values("unit_id"))
    if not access.sees_everything(user):
        owners = {c.owner.path for c in calls}
        mine = [p for p in access.scope_paths(user) if any(o.startswith(p) for o in owners)]
        if not mine:  # a unit's focal point: only its own subtree
            units = units.filter(access.subtree_q("path", access.scope_paths(user)))
    if kind is not None:
        units = units.filter(kind=kind)
    if within is not None:
        units = units.filter(access.subtree_q("path", [within.path]))
    return units.select_related("kind").order_by("path")


def board_rows(calls, units, today: date | None = None) -> list[BoardRow]:
    """The matrix for one page of units: one query for all their submissions to the calls."""
    today = today or timezone.localdate()
    units = list(units)
    submissions = {
        (s.call_id, s.unit_id): s
        for s in Submission.objects.filter(call__in=calls, unit__in=units).only(
            "id", "call_id", "unit_id", "status", "is_late", "has_content", "submitted_at"
        )
    }
    targets = set(CallTarget.objects.filter(call__in=calls, unit__in=units).values_list("call_id", "unit_id"))
    rows = []
    for unit in units:
        cells = []
        for call in calls:
            if (call.pk, unit.pk) not in targets:
                cells.append(BoardCell(call.pk, "not_asked"))
                continue
            submission = submissions.get((call.pk, unit.pk))
            state = state_of(submission, call, today)
            cells.append(
                BoardCell(
                    call.pk,
                    state,
                    submission.pk if submission else None,
                    submission.submitted_at if submission else None,
                    days_overdue=(today - call.due_end).days if state == "overdue" else 0,
                    has_draft=bool(submission and submission.has_content and state == "overdue"),
                )
            )
        rows.append(BoardRow(unit=unit, cells=cells))
    return rows


def _unit_in_state(call: Call, state: str) -> Q:
    """Units whose answer to `call` is in `state` (a condition on Unit)."""
    asked = Q(pk__in=CallTarget.objects.filter(call=call).values("unit_id"))
    answers = Submission.objects.filter(call=call)
    unsent = asked & ~Q(pk__in=answers.exclude(status=Submission.Status.DRAFT).values("unit_id"))

    def having(**fields) -> Q:
        return Q(pk__in=answers.filter(**fields).values("unit_id"))

    begun = having(status=Submission.Status.DRAFT, has_content=True)
    conditions = {
        "overdue": unsent,
        "not_started": unsent & ~begun,
        "draft": begun,
        "on_time": having(status=Submission.Status.SUBMITTED, is_late=False),
        "late": having(status=Submission.Status.SUBMITTED, is_late=True),
        "returned": having(status=Submission.Status.RETURNED),
        "accepted": having(status=Submission.Status.ACCEPTED),
    }
    return conditions[state]


def filter_units_by_state(units, calls, state: str, today: date | None = None):
    """Units that are in `state` for at least one of the calls (overdue only on calls past their
    deadline; not started and drafting only on calls not yet due)."""
    today = today or timezone.localdate()
    if state == "overdue":
        calls = [c for c in calls if is_past_due(c, today)]
    elif state in ("not_started", "draft"):
        calls = [c for c in calls if not is_past_due(c, today)]
    condition = Q(pk__in=[])
    for call in calls:
        condition |= _unit_in_state(call, state)
    return units.filter(condition)


def call_heading(call: Call) -> str:
    """A call as a column names it: the plan's number and symbol when it came from one, then the title."""
    plan = call.plan if call.plan_id else None
    if plan is None:
        return call.title
    return f"{plan.symbol or _('Kế hoạch (dự thảo)')} — {call.title}"


def board_table(calls, units, *, chunk: int = 500) -> tuple[list[str], Iterator[list[str]]]:
    """The board as a plain table (headers, rows of text) for the spreadsheet export, read page by page."""
    headers = ["Đơn vị", "Loại", "Điện thoại", "Thư điện tử", *(call_heading(c) for c in calls)]
    today = timezone.localdate()

    def rows():
        for start in range(0, units.count(), chunk):
            for row in board_rows(calls, units[start : start + chunk], today):
                unit = row.unit
                yield [
                    unit.name,
                    unit.kind.name,
                    unit.phone,
                    unit.email,
                    *(cell.label for cell in row.cells),
                ]

    return headers, rows()


# --- consolidation ---------------------------------------------------------------------------------------


def answers_for(call: Call, *, accepted_only: bool):
    """The submissions a consolidation reads: accepted ones, or every one sent; in tree order. What they
    sent is `submission.sent` (the frozen revision, fetched along); the live rows are not even loaded."""
    statuses = [Submission.Status.ACCEPTED] if accepted_only else list(SENT)
    return (
        Submission.objects.filter(call=call, status__in=statuses)
        .select_related("unit", "sent")
        .defer("rows", "answers")
        .order_by("unit__path")
    )


def unit_groups(call: Call, accepted_only: bool) -> Iterator:
    """The answers in tree order, one group per unit, streamed (never all in memory at once)."""
    from .documents.consolidated import UnitRows

    for submission in answers_for(call, accepted_only=accepted_only).iterator(chunk_size=200):
        status = _("Muộn") if submission.is_late else _("Đúng hạn")
        yield UnitRows(unit_name=submission.unit.name, rows=submission.sent.rows, status=status)


def call_figures(call: Call, *, accepted_only: bool = False):
    """The figures a result report states: who was asked, who sent on time, late, not at all."""
    from .documents.summary import CallFigures, group_counts

    counts = call_counts(call)
    sent = answers_for(call, accepted_only=accepted_only)
    late_units = [s.unit.name for s in sent if s.is_late]
    missing = [u.name for u in units_not_submitted(call)]
    fields = list(call.template.fields.all())
    scope = next(
        (f for f in fields if "quy mo" in vntext.fold(f.label) or "pham vi" in vntext.fold(f.label)), None
    )
    target = next((f for f in fields if "doi tuong" in vntext.fold(f.label)), None)
    rows = [row for s in sent for row in s.sent.rows]
    return CallFigures(
        call_title=call.title,
        due_text=call.due_text or call.due_end.strftime("%d/%m/%Y"),
        units_called=counts["targets"],
        on_time=counts["on_time"],
        late=counts["late"],
        missing=counts["missing"],
        returned=counts["returned"],
        missing_units=missing,
        late_units=late_units,
        activities_total=len(rows) if call.template.layout == FormTemplate.Layout.TABLE else 0,
        by_scope=group_counts(rows, str(scope.pk)) if scope else [],
        by_target=group_counts(rows, str(target.pk)) if target else [],
    )
