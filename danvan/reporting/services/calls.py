"""Calls for submissions: opening (by hand or from a plan's deadlines), closing, reopening, reminders."""

import logging
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit, stamps
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.vndates import DateWindow
from danvan.notifications.services import notify_units
from danvan.org.models import Unit
from danvan.plans.programme.services import check_item, write_link

from ..models import Call, CallTarget, FormTemplate
from ..selectors import units_not_submitted
from .templates import outline_template_for_plan, template_from_form_draft

log = logging.getLogger(__name__)


def due_window(
    *, due: DateWindow | None = None, due_date: date | None = None, due_text: str = ""
) -> DateWindow:
    """The call's due window: `due` as read from the words, else a plain deadline on `due_date`."""
    if due is None and due_date is not None:
        due = DateWindow(start=None, end=due_date, text=vntext.clean_text(due_text), kind="deadline")
    if due is None or due.end is None:
        raise ServiceError(_("Hạn gửi cần có ngày cuối cùng (ví dụ “trước ngày 30/9/2023”)."), field="due")
    return due


@transaction.atomic
def call_open(
    *,
    actor,
    owner: Unit,
    template: FormTemplate,
    title: str,
    targets: list[Unit],
    due: DateWindow | None = None,
    due_date: date | None = None,
    due_text: str = "",
    instructions: str = "",
    plan=None,
    accept_late: bool = True,
    remind_days_before: int = 3,
    programme_item=None,
) -> Call:
    """Open a call to the target units; due is a window (from the words), or a date with optional words.
    ``programme_item`` is set as given, unchecked: only ``calls_from_plan`` passes it, the item its plan (or
    the plan's task) already carries out; a person's choice goes through ``call_link_programme_item``."""
    access.require(actor, Cap.CALL_MANAGE, owner)
    title = vntext.clean_text(title)
    if not title:
        raise ServiceError(_("Hãy ghi nội dung yêu cầu."), field="title")
    window = due_window(due=due, due_date=due_date, due_text=due_text)
    if not targets:
        raise ServiceError(
            _("Chưa chọn đơn vị nào phải gửi: hãy chọn đơn vị hoặc loại đơn vị."), field="roots"
        )
    visible = set(
        Unit.objects.visible_to(actor).filter(pk__in=[u.pk for u in targets]).values_list("pk", flat=True)
    )
    outside = [u.name for u in targets if u.pk not in visible]
    if outside:
        raise ServiceError(
            _("Ngoài phạm vi của bạn: %(names)s.") % {"names": ", ".join(outside[:5])}, field="roots"
        )
    call = Call(
        owner=owner,
        template=template,
        title=title[:500],
        instructions=vntext.nfc(instructions).strip(),
        plan=plan,
        programme_item=programme_item,
        accept_late=accept_late,
        remind_days_before=remind_days_before,
        created_by=actor,
    )
    call.set_due(window)
    call.save_checked(expected_version=None)
    CallTarget.objects.bulk_create(
        [CallTarget(call=call, unit=u) for u in {u.pk: u for u in targets}.values()]
    )
    stamps.touched(CallTarget)
    audit.record(
        actor=actor,
        verb="open",
        obj=call,
        summary=_("Mở yêu cầu gửi %(n)s đơn vị") % {"n": len(targets)},
        changes={"programme_item": ["", str(programme_item)]} if programme_item is not None else None,
        unit_path=owner.path,
    )
    transaction.on_commit(lambda: schedule_reminders(call))
    return call


def _set_status(
    call: Call, actor, status: str, verb: str, summary: str, expected_version: int | None
) -> Call:
    access.require(actor, Cap.CALL_MANAGE, call.owner)
    call.status = status
    call.save_checked(expected_version=expected_version)  # a page read before another close/reopen: stale
    audit.record(actor=actor, verb=verb, obj=call, summary=summary, unit_path=call.owner.path)
    return call


@transaction.atomic
def call_close(*, call: Call, actor, expected_version: int | None = None) -> Call:
    return _set_status(call, actor, Call.Status.CLOSED, "close", _("Đóng yêu cầu"), expected_version)


@transaction.atomic
def call_reopen(*, call: Call, actor, expected_version: int | None = None) -> Call:
    return _set_status(call, actor, Call.Status.OPEN, "reopen", _("Mở lại yêu cầu"), expected_version)


def _key(text: str) -> str:
    return vntext.fold(vntext.clean_text(text or ""))


def _owning_tasks(doc) -> dict[str, list[str]]:
    """The text of each block of the plan's document -> the texts of the task blocks it belongs to, nearest
    first (itself when it is a task, then the task blocks above it)."""
    found: dict[str, list[str]] = {}

    def walk(blocks, above: list[str]) -> None:
        for block in blocks:
            chain = [_key(block.text), *above] if block.is_task else above
            found.setdefault(_key(block.text), chain)
            walk(block.children, chain)

    for section in doc.sections:
        walk(section.blocks, [])
    return found


def deadline_items(plan, deadlines, doc=None) -> list:
    """The programme item each deadline's call carries out: that of the plan's task the deadline is written
    in (its own line, or the task line it stands under: "Đề nghị … gửi về … như sau:") when that task carries
    out one, else the plan's own item (None when neither has one). One query for the plan's linked tasks."""
    tasks: dict[str, object] = {}
    for task in (
        plan.tasks.filter(programme_item__isnull=False)
        .select_related("programme_item__plan")
        .order_by("order", "id")
    ):
        tasks.setdefault(_key(task.title), task.programme_item)
    own = plan.programme_item if plan.programme_item_id else None
    if not tasks:
        return [own for _deadline in deadlines]
    owners = _owning_tasks(doc if doc is not None else plan.document())
    found = []
    for deadline in deadlines:
        line = _key(deadline.text)
        item = next((tasks[text] for text in owners.get(line, []) if text in tasks), None)
        if item is None:  # a line the document no longer holds as such: the task whose text holds it
            item = next((i for title, i in tasks.items() if title and line and line in title), None)
        found.append(item or own)
    return found


@transaction.atomic
def calls_from_plan(*, actor, plan, targets: list[Unit]) -> list[Call]:
    """One call per deadline the plan sets ("gửi về ... trước ngày ..."), all in one step. Each call carries
    out the plan's programme item, or that of the plan's task the deadline belongs to (``deadline_items``)."""
    doc = plan.document()
    owner = plan.issuing_unit
    access.require(actor, Cap.CALL_MANAGE, owner)
    # The plan's row is the lock: two requests opening its calls at once make one set, the other is told.
    type(plan).objects.select_for_update().filter(pk=plan.pk).exists()
    if plan.calls.exists():
        raise ServiceError(_("Các yêu cầu của kế hoạch này đã được tạo."))
    deadlines = [d for d in doc.deadlines if d.due and d.due.end]
    if not deadlines:
        raise ServiceError(_("Kế hoạch không có hạn gửi về nào (ví dụ “gửi về … trước ngày 30/9/2023”)."))
    forms: dict[int, FormTemplate] = {}
    calls = []
    for deadline, item in zip(deadlines, deadline_items(plan, deadlines, doc), strict=True):
        if deadline.form_index is not None and deadline.form_index < len(doc.forms):
            if deadline.form_index not in forms:
                forms[deadline.form_index] = template_from_form_draft(
                    actor=actor, owner=owner, draft=doc.forms[deadline.form_index]
                )
            template = forms[deadline.form_index]
        else:
            template = outline_template_for_plan(actor=actor, owner=owner, plan=plan)
        calls.append(
            call_open(
                actor=actor,
                owner=owner,
                template=template,
                title=deadline.what,
                due=deadline.due,
                plan=plan,
                targets=targets,
                instructions=deadline.note.strip("() "),
                programme_item=item,
            )
        )
    return calls


# --- reminders -------------------------------------------------------------------------------------------


def send_reminders(*, call: Call, actor=None, reason: str = "manual") -> int:
    """A notice and an e-mail to every unit that has not sent yet; returns how many units were reminded."""
    if actor is not None:
        access.require(actor, Cap.CALL_MANAGE, call.owner)
    if call.status == Call.Status.CLOSED:
        return 0
    units = units_not_submitted(call)
    if not units:
        return 0
    due = call.due_end.strftime("%d/%m/%Y")
    if reason == "after":
        subject = _("Quá hạn gửi: %(t)s") % {"t": call.title[:150]}
        body = _("Hạn gửi là %(due)s. Đơn vị chưa gửi; hãy gửi ngay.") % {"due": due}
    else:
        subject = _("Nhắc hạn gửi: %(t)s") % {"t": call.title[:150]}
        body = _("Hạn gửi: %(due)s. Đơn vị chưa gửi.") % {"due": due}
    with transaction.atomic():
        notify_units(units, subject=subject, body=body, url=reverse("reporting:call_detail", args=[call.pk]))
        audit.record(
            actor=actor,
            verb="remind",
            obj=call,
            unit_path=call.owner.path,
            summary=_("Nhắc %(n)s đơn vị chưa gửi") % {"n": len(units)},
        )
    return len(units)


def reminder_times(call: Call) -> list[tuple[str, datetime]]:
    """When the automatic reminders go: N days before the due date and the day after, at 08:00 local time."""
    tz = timezone.get_current_timezone()
    at_eight = time(8, 0)
    times = []
    if call.remind_days_before:
        before = call.due_end - timedelta(days=call.remind_days_before)
        times.append(("before", datetime.combine(before, at_eight, tzinfo=tz)))
    times.append(("after", datetime.combine(call.due_end + timedelta(days=1), at_eight, tzinfo=tz)))
    return [(reason, when) for reason, when in times if when > timezone.now()]


def schedule_reminders(call: Call) -> None:
    from ..tasks import send_call_reminders

    if not send_call_reminders.get_backend().supports_defer:
        log.warning("the task backend cannot run tasks later: no automatic reminders for call %s", call.pk)
        return
    for reason, when in reminder_times(call):
        send_call_reminders.using(run_after=when).enqueue(call.pk, reason, call.due_end.isoformat())


@transaction.atomic
def call_link_programme_item(
    *, actor, obj: Call, item, note: str = "", checked: bool = True, expected_version: int | None = None
) -> Call:
    """Set (None: clear) the programme item (plans.Task) the call carries out; unchanged: nothing written.
    Registered with plans.programme.services, whose ``link_item`` dispatches here. ``checked=False`` only for
    the programme's carry-over when an amended programme is issued."""
    call = Call.objects.select_for_update().get(pk=obj.pk)
    if call.programme_item_id == (item.pk if item else None):
        return call
    if checked:
        access.require(actor, Cap.CALL_MANAGE, call.owner)
        check_item(actor=actor, obj=call, item=item)
    return write_link(
        call, actor=actor, item=item, note=note, unit_path=call.owner.path, expected_version=expected_version
    )
