"""Closing an event: its minutes and conclusions are kept, the desk stops, and the plan's task it carries
out is marked done (through the plans service: events never write a task)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.events import policy
from danvan.events.models import Event
from danvan.lib import vntext
from danvan.plans.services import task_mark_done


@transaction.atomic
def event_close(*, actor, event: Event, minutes: str, conclusions: str) -> Event:
    policy.require_manage(actor, event)
    # Lock only the event row: PostgreSQL refuses FOR UPDATE on the nullable side of the join to the task.
    event = Event.objects.select_for_update(of=("self",)).select_related("organiser", "task").get(pk=event.pk)
    if event.status == Event.Status.CLOSED:
        raise ServiceError(_("Sự kiện đã được kết thúc trước đó."))
    event.minutes, event.conclusions = vntext.nfc(minutes).strip(), vntext.nfc(conclusions).strip()
    event.status, event.closed_at = Event.Status.CLOSED, timezone.now()
    event.save_checked(expected_version=None)  # the row is locked above: nobody can have changed it since
    if event.task_id:
        task_mark_done(task=event.task, actor=actor, note=_("Đã tổ chức %(e)s") % {"e": str(event)[:200]})
    audit.record(
        actor=actor, verb="close", obj=event, summary=_("Kết thúc sự kiện"), unit_path=event.organiser.path
    )
    return event
