"""Background work for events: thin wrappers that load by id and call a service."""

from django_tasks import task


@task()
def send_event_reminders(event_id: int, day_iso: str, site: str) -> int:
    from .models import Event
    from .services import remind_delegates

    event = Event.objects.filter(pk=event_id).first()
    # Scheduled for a day the event no longer has (it moved or closed): nothing to do.
    if event is None or event.last_day is None or event.last_day.isoformat() != day_iso:
        return 0
    return remind_delegates(event=event, site=site)
