"""The home page: the user's to-do list (việc cần làm), what they see of the organisation, the latest changes.

Whose work is it: a unit "answers" (sends submissions) where the user holds SUBMISSION_EDIT on that very unit,
"responds" to events (nominates delegates, uploads presentations) where they hold EVENT_RESPOND, and "leads"
tasks where they hold TASK_UPDATE on it; a role on a unit does not make the user answer for every unit below
it (a province officer does not fill in each ward's forms). Units are collected as sets, so a unit held
through two roles gives each item once.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.accounts.models import RoleAssignment
from danvan.core import access
from danvan.core.access import ROLE_CAPS, Cap, Role
from danvan.core.access.scope import grants_of
from danvan.events.models import DelegateGroup, Event, Invitation, Presentation
from danvan.org.models import Person, Unit
from danvan.org.selectors import cap_paths, people_visible_to, top_units_for
from danvan.plans.models import Plan, Task
from danvan.recognition.models import (
    AppraisalRound,
    ContestEntry,
    ContestRound,
    EntryScore,
    RoundEntry,
    ScoreSheet,
)
from danvan.reporting.models import Call, CallTarget, Submission
from danvan.site.audit.selectors import feed

DUE_SOON_DAYS = 14  # a deadline this close (or past) is work for today
ITEMS_PER_GROUP = 10  # each group lists this many, with the full count


@dataclass
class TodoItem:
    title: str
    url: str
    detail: str = ""
    due: date | None = None
    overdue: bool = False


@dataclass
class TodoGroup:
    key: str
    title: str
    count: int
    items: list[TodoItem] = field(default_factory=list)

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.items if item.overdue)

    @property
    def more(self) -> int:
        return self.count - len(self.items)


def _units_with(user, cap: Cap) -> set[str]:
    """The paths of the units on which the user holds a role carrying `cap` (the units themselves, not their
    subtrees); read from the grants already loaded for the request."""
    return {g.path for g in grants_of(user) if g.path and cap in ROLE_CAPS.get(g.role, frozenset())}


def _group(key, title, queryset, make) -> TodoGroup | None:
    """One query for the first items and one for the count (skipped when everything fits)."""
    rows = list(queryset[: ITEMS_PER_GROUP + 1])
    if not rows:
        return None
    count = len(rows) if len(rows) <= ITEMS_PER_GROUP else queryset.count()
    return TodoGroup(key=key, title=title, count=count, items=[make(row) for row in rows[:ITEMS_PER_GROUP]])


def _calls_to_answer(user, units: set[str], today: date) -> TodoGroup | None:
    answered = Submission.objects.filter(
        call=OuterRef("call"),
        unit=OuterRef("unit"),
        status__in=[Submission.Status.SUBMITTED, Submission.Status.ACCEPTED, Submission.Status.RETURNED],
    )
    targets = (
        CallTarget.objects.filter(unit__path__in=units, call__in=Call.objects.visible_to(user))
        .filter(call__status=Call.Status.OPEN)
        .filter(**{"call__due_end__lte": today + timedelta(days=DUE_SOON_DAYS)})
        .exclude(Exists(answered))
        .select_related("call", "unit")
        .order_by("call__due_end", "unit__sort_key", "id")
    )

    def item(target):
        due = target.call.due_end
        return TodoItem(
            title=target.call.title,
            url=reverse("reporting:submission_open", args=[target.call_id, target.unit_id]),
            detail=target.unit.name,
            due=due,
            overdue=due < today,
        )

    return _group("calls", _("Yêu cầu sắp đến hạn, quá hạn chưa gửi"), targets, item)


def _returned(user, units: set[str], today: date) -> TodoGroup | None:
    returned = (
        Submission.objects.visible_to(user)
        .filter(unit__path__in=units, status=Submission.Status.RETURNED)
        .select_related("call", "unit")
        .order_by("call__due_end", "id")
    )

    def item(submission):
        due = submission.call.due_end
        return TodoItem(
            title=submission.call.title,
            url=reverse("reporting:submission_detail", args=[submission.pk]),
            detail=f"{submission.unit.name} — {submission.review_comment}".rstrip(" —")[:200],
            due=due,
            overdue=due < today,
        )

    return _group("returned", _("Bị trả lại, cần sửa và gửi lại"), returned, item)


def _to_review(user, today: date) -> TodoGroup | None:
    paths = cap_paths(user, Cap.SUBMISSION_REVIEW)
    if paths == []:
        return None
    sent = Submission.objects.visible_to(user).filter(status=Submission.Status.SUBMITTED)
    if paths is not None:
        sent = sent.filter(access.subtree_q("call__owner__path", paths))
    sent = sent.select_related("call", "unit").order_by("submitted_at", "id")

    def item(submission):
        return TodoItem(
            title=submission.call.title,
            url=reverse("reporting:submission_detail", args=[submission.pk]),
            detail=submission.unit.name,
            due=submission.call.due_end,
        )

    return _group("review", _("Bản gửi chờ xem xét"), sent, item)


def _tasks(user, units: set[str], today: date) -> TodoGroup | None:
    tasks = (
        Task.objects.visible_to(user)
        .filter(lead_unit__path__in=units, plan__status=Plan.Status.ISSUED)
        .filter(due_end__isnull=False, due_end__lte=today + timedelta(days=DUE_SOON_DAYS))
        .exclude(status__in=[Task.Status.DONE, Task.Status.CANCELLED])
        .select_related("plan", "lead_unit")
        .order_by("due_end", "id")
    )

    def item(task):
        return TodoItem(
            title=str(task),
            url=reverse("plans:task_detail", args=[task.pk]),
            detail=f"{task.lead_unit.name} · {task.plan.symbol or task.plan.title}"[:200],
            due=task.due_end,
            overdue=task.due_end < today,
        )

    return _group("tasks", _("Nhiệm vụ đơn vị chủ trì sắp đến hạn, quá hạn"), tasks, item)


def _own_unit_paths(user) -> list[str]:
    """As the appraisal rules say: a member does not score their own unit's entries (held roles other than the
    council seat, and their person record's unit)."""
    paths = set(
        RoleAssignment.objects.filter(user=user, unit__isnull=False)
        .exclude(role=Role.COUNCIL_MEMBER)
        .values_list("unit__path", flat=True)
    )
    if user.person_id:
        paths.update(Person.objects.filter(pk=user.person_id).values_list("unit__path", flat=True))
    return sorted(paths)


def _entries_to_score(user) -> tuple[list[TodoItem], int]:
    """Appraisal: each entry of an open round where the user has a seat and has not sent a sheet."""
    sent = ScoreSheet.objects.filter(entry=OuterRef("pk"), member__user=user, submitted_at__isnull=False)
    entries = (
        RoundEntry.objects.filter(round__members__user=user, round__status=AppraisalRound.Status.OPEN)
        .exclude(Exists(sent))
        .select_related("round", "exemplar__unit")
        .order_by("round_id", "exemplar__title", "id")
    )
    own = _own_unit_paths(user)
    if own:
        entries = entries.exclude(access.subtree_q("exemplar__unit__path", own))
    rows = list(entries[: ITEMS_PER_GROUP + 1])
    count = len(rows) if len(rows) <= ITEMS_PER_GROUP else entries.count()
    items = [
        TodoItem(
            title=entry.exemplar.title,
            url=reverse("recognition:round_score", args=[entry.round_id, entry.pk]),
            detail=f"{entry.exemplar.unit.name} · {entry.round.name}"[:200],
        )
        for entry in rows
    ]
    return items, count


def _contest_rounds_to_judge(user) -> list[TodoItem]:
    """Press contest: each open round the user judges with entries still unmarked by them, in one query.

    A round judges the entries whose stage reached its position among the contest's rounds (the first
    round every entry), as recognition's round_entries says; the position is counted in SQL.
    """
    earlier = (
        ContestRound.objects.filter(contest=OuterRef("contest"))
        .filter(Q(order__lt=OuterRef("order")) | Q(order=OuterRef("order"), pk__lt=OuterRef("pk")))
        .values("contest")
        .annotate(n=Count("pk"))
        .values("n")
    )
    marked = EntryScore.objects.filter(round=OuterRef(OuterRef("pk")), entry=OuterRef("pk"), judge=user)
    unmarked = (
        ContestEntry.objects.filter(contest=OuterRef("contest"), stage__gte=OuterRef("position"))
        .exclude(Exists(marked))
        .values("contest")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rounds = (
        ContestRound.objects.filter(judges=user, status=ContestRound.Status.OPEN)
        .annotate(position=Coalesce(Subquery(earlier, output_field=IntegerField()), 0))
        .annotate(unmarked=Coalesce(Subquery(unmarked, output_field=IntegerField()), 0))
        .filter(unmarked__gt=0)
        .select_related("contest")
        .order_by("contest_id", "order", "id")
    )
    return [
        TodoItem(
            title=_("Chấm %(n)s tác phẩm: %(contest)s") % {"n": r.unmarked, "contest": r.contest},
            url=reverse("recognition:contest_score", args=[r.contest_id, r.pk]),
            detail=str(r),
        )
        for r in rounds[: ITEMS_PER_GROUP + 1]
    ]


def _scores_to_give(user, today: date) -> TodoGroup | None:
    entries, count = _entries_to_score(user)
    rounds = _contest_rounds_to_judge(user)  # one line per round, however many entries it holds
    if not entries and not rounds:
        return None
    return TodoGroup(
        key="scores",
        title=_("Chờ bạn chấm điểm"),
        count=count + len(rounds),
        items=(rounds + entries)[:ITEMS_PER_GROUP],
    )


def _event_work(user, units: set[str], today: date) -> TodoGroup | None:
    """Delegates to nominate, presentations to send (for the units the user responds for), and the user's
    own invitations still unanswered. Three small queries, merged by date."""
    items: list[TodoItem] = []
    planned = Event.objects.visible_to(user).filter(status=Event.Status.PLANNED)
    nominated = Invitation.objects.filter(group=OuterRef("pk"), nominated_by=OuterRef("nominating_unit"))
    groups = (
        DelegateGroup.objects.filter(nominating_unit__path__in=units, event__in=planned)
        .exclude(Exists(nominated))
        .exclude(nomination_deadline__lt=today)  # past its deadline the service refuses: not doable work
        .select_related("event", "nominating_unit")
        .order_by("nomination_deadline", "id")[: ITEMS_PER_GROUP + 1]
    )
    for group in groups:
        items.append(
            TodoItem(
                title=_("Cử đại biểu: %(event)s") % {"event": group.event},
                url=group.event.get_absolute_url(),
                detail=f"{group.nominating_unit.name} · {group.label}"[:200],
                due=group.nomination_deadline,
            )
        )
    presentations = (
        Presentation.objects.filter(unit__path__in=units, event__in=planned)
        .filter(status__in=[Presentation.Status.REQUESTED, Presentation.Status.REJECTED])
        .select_related("event", "unit")
        .order_by("due_end", "id")[: ITEMS_PER_GROUP + 1]
    )
    for presentation in presentations:
        due = presentation.due_end
        items.append(
            TodoItem(
                title=_("Gửi tham luận: %(event)s") % {"event": presentation.event},
                url=presentation.event.get_absolute_url(),
                detail=presentation.unit.name,
                due=due,
                overdue=due is not None and due < today,
            )
        )
    if user.person_id:
        invitations = (
            Invitation.objects.filter(person_id=user.person_id, status=Invitation.Status.INVITED)
            .filter(event__status=Event.Status.PLANNED)
            .select_related("event")
            .order_by("event__time_end", "id")[: ITEMS_PER_GROUP + 1]
        )
        for invitation in invitations:
            items.append(
                TodoItem(
                    title=_("Trả lời thư mời: %(event)s") % {"event": invitation.event},
                    url=reverse("rsvp", args=[invitation.token]),
                    detail=invitation.event.when,
                    due=invitation.event.last_day,
                )
            )
    if not items:
        return None
    items.sort(key=lambda item: (item.due is None, item.due or today))
    return TodoGroup(
        key="events",
        title=_("Sự kiện: cử đại biểu, gửi tham luận, trả lời thư mời"),
        count=len(items),
        items=items[:ITEMS_PER_GROUP],
    )


def todo_for(user, today: date | None = None) -> list[TodoGroup]:
    """The user's work, group by group, in the order a day's work is done; empty groups are left out."""
    today = today or timezone.localdate()
    answering = _units_with(user, Cap.SUBMISSION_EDIT)
    responding = _units_with(user, Cap.EVENT_RESPOND)
    leading = _units_with(user, Cap.TASK_UPDATE)
    groups = [
        _calls_to_answer(user, answering, today) if answering else None,
        _returned(user, answering, today) if answering else None,
        _to_review(user, today),
        _tasks(user, leading, today) if leading else None,
        _scores_to_give(user, today) if access.has_cap(user, Cap.APPRAISAL_SCORE) else None,
        _event_work(user, responding, today),
    ]
    return [group for group in groups if group is not None]


def assignments_shown(user) -> list[RoleAssignment]:
    """The user's roles, each (role, unit) once, in the order of the roles table."""
    seen, shown = set(), []
    for assignment in user.assignments.select_related("unit").order_by("role", "unit__path"):
        key = (assignment.role, assignment.unit_id)
        if key not in seen:
            seen.add(key)
            shown.append(assignment)
    return shown


def home_summary(user) -> dict:
    tops = list(top_units_for(user).current().select_related("kind").order_by("sort_key")[:10])
    summary = {"top_units": tops, "todo": todo_for(user)}
    if access.sees_everything(user):
        summary["unit_count"] = Unit.objects.count()
    else:
        summary["unit_count"] = Unit.objects.visible_to(user).count()
    # The count of people, like their names, only for those who may view people.
    summary["person_count"] = (
        people_visible_to(user).count() if access.has_cap(user, Cap.PERSON_VIEW) else None
    )
    summary["recent_changes"] = feed(user)
    summary["assignments"] = assignments_shown(user)
    return summary
