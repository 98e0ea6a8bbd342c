"""Creating and editing an event, by hand or from the plan that announces it."""

from dataclasses import replace

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.events import policy
from danvan.events.models import DelegateGroup, Event, Invitation
from danvan.lib import vntext
from danvan.lib.vndates import DateParseError, DateWindow, parse_window
from danvan.org.models import Unit
from danvan.plans.programme.services import check_item, write_link

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
    place_name: str = "",
    signer_name: str = "",
    signer_title: str = "",
    signer_authority: str = "",
    plan=None,
    task=None,
    event: Event | None = None,
    expected_version: int | None = None,
    notify_invited: bool = False,
    site: str = "",
) -> Event:
    """Create or edit an event. When an edit moves its time and `notify_invited` is set, everyone already
    invited is told the new time (notify_time_changed)."""
    policy.require_manage(actor, organiser if event is None else event)
    title = vntext.clean_text(title)
    if not title:
        raise ServiceError(_("Hãy ghi tên sự kiện."), field="title")
    creating = event is None
    # The stored time, not the caller's copy (an edit form has already written the new words onto it).
    previous_when = "" if creating else Event.objects.get(pk=event.pk).when
    event = event or Event(organiser=organiser, created_by=actor, plan=plan, task=task)
    event.title, event.kind = title[:500], kind or kind_from_words(title)
    event.venue, event.starts_at = vntext.clean_text(venue)[:255], starts_at
    event.expected_attendance = expected_attendance
    event.place_name = vntext.clean_text(place_name)[:80]
    event.signer_name = vntext.clean_text(signer_name)[:120]
    event.signer_title = vntext.clean_text(signer_title)[:120]
    event.signer_authority = vntext.clean_text(signer_authority)[:120]
    event.set_time(_time_window(time_text))
    event.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=event,
        summary=_("Lưu sự kiện"),
        unit_path=event.organiser.path,
    )
    if notify_invited and not creating and event.when != previous_when:
        notify_time_changed(actor=actor, event=event, previous_when=previous_when, site=site)
    return event


def notify_time_changed(*, actor, event: Event, previous_when: str, site: str) -> int:
    """Tell everyone invited and not declined that the event moved: an e-mail to each delegate with an
    address (their personal link in it), and a notice to each invited person's own account. Returns how many
    delegates were told."""
    from danvan.accounts.models import User
    from danvan.notifications.services import email_people, notify_users

    policy.require_manage(actor, event)
    invitations = list(event.invitations.exclude(status=Invitation.Status.DECLINED).filter(is_walk_in=False))
    subject = _("Thay đổi thời gian: %(t)s") % {"t": str(event)[:150]}
    body = _("%(event)s chuyển thời gian từ «%(old)s» sang «%(new)s».\nĐịa điểm: %(venue)s") % {
        "event": str(event),
        "old": previous_when or _("chưa định"),
        "new": event.when or _("chưa định"),
        "venue": event.venue or "—",
    }
    email_people(
        [
            (subject, f"{body}\n" + _("Giấy mời: %(l)s") % {"l": f"{site}/e/{i.token}/"}, [i.email])
            for i in invitations
            if i.email
        ]
    )
    person_ids = [i.person_id for i in invitations if i.person_id]
    users = User.objects.filter(person_id__in=person_ids, is_active=True) if person_ids else []
    notify_users(users, subject=subject, body=body, url=event.get_absolute_url())
    audit.record(
        actor=actor,
        verb="notify",
        obj=event,
        summary=_("Báo %(n)s đại biểu thời gian mới") % {"n": len(invitations)},
        unit_path=event.organiser.path,
    )
    return len(invitations)


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


@transaction.atomic
def event_link_programme_item(
    *, actor, obj: Event, item, note: str = "", checked: bool = True, expected_version: int | None = None
) -> Event:
    """Set (None: clear) the programme item (plans.Task) the event carries out; unchanged: nothing written.
    Registered with plans.programme.services, whose ``link_item`` dispatches here. ``checked=False`` only for
    the programme's carry-over when an amended programme is issued."""
    event = Event.objects.select_for_update().get(pk=obj.pk)
    if event.programme_item_id == (item.pk if item else None):
        return event
    if checked:
        policy.require_manage(actor, event)
        check_item(actor=actor, obj=event, item=item)
    return write_link(
        event,
        actor=actor,
        item=item,
        note=note,
        unit_path=event.organiser.path,
        expected_version=expected_version,
    )
