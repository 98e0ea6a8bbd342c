"""Background work: thin wrappers that load by id and call a service."""

from django_tasks import task


@task()
def send_call_reminders(call_id: int, reason: str, due_iso: str) -> int:
    from .models import Call
    from .services import send_reminders

    call = Call.objects.filter(pk=call_id).select_related("owner").first()
    # A reminder scheduled for an old due date is stale once the date moved: skip it.
    if call is None or call.due_end.isoformat() != due_iso:
        return 0
    return send_reminders(call=call, reason=reason)


@task()
def run_consolidation(job_id: int) -> str:
    from .services import consolidation_run

    return consolidation_run(job_id)


@task()
def run_regimes_daily() -> dict:
    """The periodic regimes' day: open the periods that came due, remind, then queue tomorrow's run."""
    from django.utils import timezone

    from .regimes.services import daily_run, schedule_daily

    try:
        return daily_run(timezone.localdate())
    finally:
        # This run's own row is RUNNING, not READY, so tomorrow's is queued; a failure still keeps the chain.
        schedule_daily()
