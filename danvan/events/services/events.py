"""Creating and editing an event, by hand or from the plan that announces it."""

from dataclasses import replace

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.events import policy
from danvan.events.models import DelegateGroup, Event
from danvan.lib import vntext
from danvan.lib.vndates import DateParseError, DateWindow, parse_window
from danvan.org.models import Unit

KIND_WORDS = [
    ("toa dam", Event.Kind.SEMINAR),
    ("tap huan", Event.Kind.TRAINING),
    ("bieu duong", Event.Kind.CEREMONY),
    ("khen thuong", Event.Kind.CEREMONY),
    ("gap mat", Event.Kind.MEETING),
    ("doi thoai", Event.Kind.DIALOGUE),
    ("tiep xuc", Event.Kind.DIALOGUE),
]


def kind_from_words(text: str) -> str:
    folded = vntext.fold(text)
    return next((kind for words, kind in KIND_WORDS if words in folded), Event.Kind.CONFERENCE)


def _time_window(time_text: str) -> DateWindow | None:
    """The event's time as written; words that name a day that does not exist are refused, words we
    cannot place on the calendar are kept as written."""
    text = vntext.clean_text(time_text)[:255]
    if not text:
        return None
    try:
        window = parse_window(text)
    except DateParseError as error:
        if "không tồn tại" in error.message:
            raise ServiceError(error.message, field="time_text") from error
        return DateWindow.unparsed(text)
    return replace(window, text=text)


@transaction.atomic
def event_save(
    *,
    actor,
    organiser: Unit,
    title: str,
    kind: str = "",
    venue: str = "",
    time_text: str = "",
    starts_at=None,
    expected_attendance: int | None = None,
    plan=None,
    task=None,
    event: Event | None = None,
    expected_version: int | None = None,
) -> Event:
    policy.require_manage(actor, organiser if event is None else event)
    title = vntext.clean_text(title)
    if not title:
        raise ServiceError(_("Hãy ghi tên sự kiện."), field="title")
    creating = event is None
    event = event or Event(organiser=organiser, created_by=actor, plan=plan, task=task)
    event.title, event.kind = title[:500], kind or kind_from_words(title)
    event.venue, event.starts_at = vntext.clean_text(venue)[:255], starts_at
    event.expected_attendance = expected_attendance
    event.set_time(_time_window(time_text))
    event.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=event,
        summary=_("Lưu sự kiện"),
        unit_path=event.organiser.path,
    )
    return event


@transaction.atomic
def event_from_plan(*, actor, plan) -> Event:
    """The plan's time, venue and composition (seed 002: about 112 delegates in seven groups) as an event."""
    doc = plan.document()
    info = doc.event
    if info is None:
        raise ServiceError(_("Kế hoạch không có phần thời gian, địa điểm, thành phần của một sự kiện."))
    # The plan's row is the lock: two requests at once make one event, the other is told it exists.
    type(plan).objects.select_for_update().filter(pk=plan.pk).exists()
    if plan.events.exists():
        raise ServiceError(_("Sự kiện của kế hoạch này đã được tạo."))
    title = vntext.clean_text(doc.title)
    for prefix in ("tổ chức ", "Tổ chức "):
        if title.startswith(prefix):
            title = title[len(prefix) :]
    title = title[:1].upper() + title[1:]
    task = next((t for t in plan.tasks.all() if "hoi nghi" in vntext.fold(t.title)), None)
    event = event_save(
        actor=actor,
        organiser=plan.issuing_unit,
        title=title.rstrip("."),
        venue=info.venue,
        time_text=info.time_text,
        expected_attendance=info.participants_total,
        plan=plan,
        task=task,
    )
    DelegateGroup.objects.bulk_create(
        DelegateGroup(event=event, order=i, label=vntext.clean_text(g.label)[:500], quota=g.quota)
        for i, g in enumerate(info.groups)
    )
    return event
