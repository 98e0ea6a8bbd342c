"""Per-object rules of events beyond the unit subtree: who manages an event, who works its desk, which unit
names a group's delegates, which unit sends a presentation, and when a personal link may still be answered."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError

from .models import DelegateGroup, Event, Invitation, Presentation


def can_manage(user, event: Event) -> bool:
    return access.has_cap(user, Cap.EVENT_MANAGE, event.organiser)


def require_manage(user, event_or_unit) -> None:
    """Managing an event is held on its organiser (or, before it exists, the unit to organise it)."""
    unit = event_or_unit.organiser if isinstance(event_or_unit, Event) else event_or_unit
    access.require(user, Cap.EVENT_MANAGE, unit)


def can_work_desk(user, event: Event) -> bool:
    return access.has_cap(user, Cap.EVENT_CHECKIN, event.organiser)


def require_desk(user, event: Event) -> None:
    if not can_work_desk(user, event):
        raise PermissionDenied


def can_nominate(user, group: DelegateGroup) -> bool:
    """The unit a group is handed to names its delegates (its officers, not the organiser's)."""
    return group.nominating_unit_id is not None and access.has_cap(
        user, Cap.EVENT_RESPOND, group.nominating_unit
    )


def require_nominating_unit(user, group: DelegateGroup) -> None:
    if group.nominating_unit_id is None:
        raise ServiceError(_("Thành phần này không giao cho đơn vị nào cử đại biểu."))
    access.require(user, Cap.EVENT_RESPOND, group.nominating_unit)


def require_nomination_open(group: DelegateGroup) -> None:
    if group.nomination_deadline and timezone.localdate() > group.nomination_deadline:
        raise ServiceError(
            _("Đã quá hạn cử đại biểu (%(d)s). Hãy liên hệ đơn vị tổ chức.")
            % {"d": group.nomination_deadline.strftime("%d/%m/%Y")}
        )


def can_send_presentation(user, presentation: Presentation) -> bool:
    """The unit asked for a presentation sends it."""
    return access.has_cap(user, Cap.EVENT_RESPOND, presentation.unit)


def require_presentation_sender(user, presentation: Presentation) -> None:
    access.require(user, Cap.EVENT_RESPOND, presentation.unit)


def require_open(event: Event) -> None:
    # The stored status, not the caller's copy: the desk may hold an event another officer just closed.
    if Event.objects.filter(pk=event.pk, status=Event.Status.CLOSED).exists():
        raise ServiceError(_("Sự kiện đã kết thúc."))


def invitation_expired(invitation: Invitation) -> bool:
    """The holder of a personal link answers it until the event closes or its last day has passed."""
    event = invitation.event
    last_day = event.last_day
    return event.status == Event.Status.CLOSED or (last_day is not None and timezone.localdate() > last_day)
