"""Briefings (giao ban định kỳ, sơ kết, tổng kết): a meeting that reviews a period, whose conclusions are
tasks with lead units and deadlines. The conclusions are kept as a notice (Thông báo kết luận, a plans.Plan of
type TB) with one task per conclusion, written through the plans services: the notice is issued, exported
and its tasks followed to done like any plan's."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.events import policy
from danvan.events.models import BriefingKind, Event
from danvan.events.services import event_save
from danvan.lib import vntext
from danvan.lib.periods import Period, PeriodKind
from danvan.lib.plandoc import ROLE_CONTENT, Block, PlanDocument, Section
from danvan.lib.vndates import DateWindow, format_date
from danvan.org.models import Unit
from danvan.plans import services as plan_services
from danvan.plans.models import Plan, Task

from .notices import notice_in_force, writable_notice

NOTICE_TYPE, NOTICE_CODE = "THÔNG BÁO", "TB"


@dataclass
class ConclusionItem:
    """One conclusion as the form gives it: what is asked, who leads it, by when."""

    content: str = ""
    leads: list[Unit] = field(default_factory=list)
    deadline: date | None = None


def default_title(kind: str, period: Period) -> str:
    """ "Hội nghị giao ban quý III/2026", "Hội nghị sơ kết 6 tháng đầu năm 2026", "Hội nghị tổng kết năm
    2026" (an event of kind Hội nghị whose title already says so is not named twice)."""
    words = {
        BriefingKind.REGULAR: _("Hội nghị giao ban"),
        BriefingKind.REVIEW: _("Hội nghị sơ kết"),
        BriefingKind.YEAR_END: _("Hội nghị tổng kết"),
    }
    label = period.label
    return f"{words[BriefingKind(kind)]} {label[:1].lower()}{label[1:]}"


def meeting_day(event: Event) -> date | None:
    return event.last_day or event.time_start


# The events that can be held as a briefing: a conference (Hội nghị) or a meeting (Gặp mặt). A training, a
# seminar, a ceremony or a dialogue with the people is not where a period is reviewed and tasks are given.
BRIEFING_EVENT_KINDS = (Event.Kind.CONFERENCE, Event.Kind.MEETING)


def can_become_briefing(event: Event) -> bool:
    """Whether an event that is not a briefing may be made one (its kind allows it)."""
    return not event.is_briefing and event.kind in BRIEFING_EVENT_KINDS


def _check_kind(kind: str) -> None:
    if kind not in BriefingKind.values:
        raise ServiceError(_("Hãy chọn loại: giao ban, sơ kết hoặc tổng kết."), field="briefing_kind")


@transaction.atomic
def briefing_save(
    *,
    actor,
    organiser: Unit,
    kind: str,
    period: Period,
    time_text: str,
    venue: str = "",
    title: str = "",
    event: Event | None = None,
    expected_version: int | None = None,
) -> Event:
    """A new briefing, or an event made (or kept) a briefing of `period`. It needs its day: conclusions'
    deadlines are measured from it and the next briefing finds the last one by it."""
    _check_kind(kind)
    if event is not None and not event.is_briefing and not can_become_briefing(event):
        raise ServiceError(
            _(
                "Chỉ hội nghị hoặc cuộc gặp mặt mới đặt làm cuộc giao ban, sơ kết, tổng kết được "
                "(sự kiện này là “%(kind)s”)."
            )
            % {"kind": event.get_kind_display()}
        )
    event = event_save(
        actor=actor,
        organiser=organiser if event is None else event.organiser,
        title=vntext.clean_text(title) or (event.title if event is not None else default_title(kind, period)),
        kind=event.kind if event is not None else Event.Kind.CONFERENCE,
        venue=venue,
        time_text=time_text,
        event=event,
        expected_version=expected_version,
        starts_at=event.starts_at if event is not None else None,
    )
    if meeting_day(event) is None:
        raise ServiceError(
            _("Hãy ghi ngày họp (ví dụ “ngày 25/9/2026”): hạn của các kết luận tính từ ngày họp."),
            field="time_text",
        )
    event.briefing_kind, event.period_kind, event.period_start = kind, PeriodKind(period.kind), period.start
    event.save(update_fields=["briefing_kind", "period_kind", "period_start", "updated_at"])
    audit.record(
        actor=actor,
        verb="update",
        obj=event,
        summary=_("%(kind)s kỳ %(period)s")
        % {"kind": event.get_briefing_kind_display(), "period": period.label},
        unit_path=event.organiser.path,
    )
    return event


def _validate(items: list[ConclusionItem], *, day: date | None, visible_ids: set[int]) -> list[str]:
    """Every problem, each naming the conclusion by its number."""
    problems = []
    for number, item in enumerate(items, start=1):
        where = _("Kết luận %(n)s") % {"n": number}
        if not vntext.clean_text(item.content):
            problems.append(_("%(where)s: hãy ghi nội dung kết luận.") % {"where": where})
        if not item.leads:
            problems.append(_("%(where)s: chưa chọn đơn vị chủ trì.") % {"where": where})
        elif any(unit.pk not in visible_ids for unit in item.leads):
            problems.append(_("%(where)s: có đơn vị chủ trì ngoài phạm vi của bạn.") % {"where": where})
        if item.deadline is None:
            problems.append(_("%(where)s: chưa ghi thời hạn.") % {"where": where})
        elif day is not None and item.deadline < day:
            problems.append(
                _("%(where)s: thời hạn %(due)s trước ngày họp %(day)s.")
                % {"where": where, "due": format_date(item.deadline), "day": format_date(day)}
            )
    return problems


def _new_notice(*, actor, event: Event) -> Plan:
    day = meeting_day(event)
    doc = PlanDocument(
        doc_type=NOTICE_TYPE,
        type_code=NOTICE_CODE,
        is_plan=False,
        title=_("kết luận %(event)s") % {"event": str(event)[:1].lower() + str(event)[1:]},
        preamble=_("Ngày %(day)s, %(unit)s tổ chức %(event)s. Kết luận của hội nghị như sau:")
        % {"day": format_date(day), "unit": event.organiser.name, "event": str(event)},
        sections=[Section(label="", title=_("Kết luận"), role=ROLE_CONTENT)],
    )
    return plan_services.plan_create(actor=actor, issuing_unit=event.organiser, doc=doc)


def _sync_notice_body(*, actor, notice: Plan) -> None:
    """The notice's text lists its tasks, so the exported document says what the rows say."""
    doc = notice.document()
    blocks = []
    for task in notice.tasks.order_by("order", "id").prefetch_related("lead_units"):
        leads = [u.name for u in task.lead_units.all()] or ([task.lead_unit.name] if task.lead_unit else [])
        text = task.title
        if leads:
            text += " " + _("Đơn vị chủ trì: %(leads)s.") % {"leads": ", ".join(leads)}
        if task.due:
            text += " " + _("Thời hạn: %(due)s.") % {"due": task.due.display()}
        blocks.append(
            Block(
                kind="item",
                label=task.label,
                text=text,
                is_task=True,
                lead=", ".join(leads),
                leads=leads,
                due=task.due,
            )
        )
    if not doc.sections:
        doc.sections = [Section(label="", title=_("Kết luận"), role=ROLE_CONTENT)]
    doc.sections[0].blocks = blocks
    notice.refresh_from_db()
    plan_services.plan_update(plan=notice, actor=actor, expected_version=notice.version, doc=doc)


@transaction.atomic
def conclusions_add(*, actor, event: Event, items: list[ConclusionItem]) -> list[Task]:
    """Add conclusions to the briefing's notice (made on the first one): all of them, or none when any is
    wrong."""
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to the notice.
    locked = Event.objects.select_for_update(of=("self",))
    event = locked.select_related("organiser", "conclusions_notice").get(pk=event.pk)
    policy.require_manage(actor, event)
    access.require(actor, Cap.PLAN_EDIT, event.organiser)
    if not event.is_briefing:
        raise ServiceError(_("Sự kiện này chưa là cuộc giao ban, sơ kết hay tổng kết."))
    if not items:
        raise ServiceError(_("Hãy ghi ít nhất một kết luận."))
    # An issued notice takes no more conclusions; its amendment being drafted does (they hold once it is
    # issued). The event's link keeps naming the first notice: the chain is followed (notices.py).
    notice = None
    if event.conclusions_notice is not None:
        notice = writable_notice(event.conclusions_notice)
        if notice is None:
            in_force = notice_in_force(event.conclusions_notice)
            raise ServiceError(
                _(
                    "Thông báo kết luận số %(symbol)s đã ban hành: không thêm kết luận vào được nữa. "
                    "Hãy tạo bản sửa đổi ở trang thông báo."
                )
                % {"symbol": in_force.symbol if in_force else ""}
            )
        notice = Plan.objects.select_for_update().get(pk=notice.pk)
        if not notice.is_editable:  # issued meanwhile
            raise ServiceError(_("Thông báo kết luận vừa được ban hành: hãy tải lại trang."))
    lead_ids = {unit.pk for item in items for unit in item.leads}
    visible = set(Unit.objects.visible_to(actor).filter(pk__in=lead_ids).values_list("pk", flat=True))
    problems = _validate(items, day=meeting_day(event), visible_ids=visible)
    if problems:
        raise ServiceError(" ".join(problems))
    if notice is None:
        notice = _new_notice(actor=actor, event=event)
        event.conclusions_notice = notice
        event.save(update_fields=["conclusions_notice", "updated_at"])
    first = notice.tasks.count() + 1
    tasks = []
    for number, item in enumerate(items, start=first):
        due = DateWindow(
            start=None,
            end=item.deadline,
            text=_("trước ngày %(d)s") % {"d": format_date(item.deadline)},
            kind="deadline",
        )
        task = plan_services.task_create(
            plan=notice, actor=actor, title=vntext.clean_text(item.content), lead_unit=item.leads[0], due=due
        )
        task = plan_services.task_update(
            task=task, actor=actor, expected_version=task.version, label=f"{number}.", lead_units=item.leads
        )
        tasks.append(task)
    _sync_notice_body(actor=actor, notice=notice)
    audit.record(
        actor=actor,
        verb="update",
        obj=event,
        summary=_("Thêm %(n)s kết luận") % {"n": len(tasks)},
        unit_path=event.organiser.path,
    )
    return tasks
