"""The scheduled daily job: open the periods that came due, send the reminders, queue tomorrow's run."""

import logging
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .opening import open_due_periods
from .reminders import send_regime_reminders

log = logging.getLogger(__name__)

RUN_AT = time(6, 0)  # local time: before the working day, so the day's calls and reminders are there


def daily_run(today: date) -> dict:
    opened = open_due_periods(today)
    reminded = send_regime_reminders(today)
    log.info("regimes %s: %s calls opened, %s units reminded", today, len(opened.calls), reminded)
    return {
        "day": today.isoformat(),
        "calls": len(opened.calls),
        "targets": opened.targets,
        "reminded": reminded,
    }


def next_run_at(now: datetime | None = None) -> datetime:
    now = timezone.localtime(now)
    return datetime.combine(now.date() + timedelta(days=1), RUN_AT, tzinfo=now.tzinfo)


def _already_queued(task_path: str) -> bool:
    """A run waiting in the database queue (django-tasks-db): one chain only, however often it is started."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover - another backend keeps no queue we can read
        return False
    return DBTaskResult.objects.filter(task_path=task_path, status="READY").exists()


def schedule_daily(*, run_after: datetime | None = None) -> bool:
    """Queue the daily job (at `run_after`, else tomorrow 06:00) unless a run is already waiting.

    Returns whether a run was queued. A backend that cannot run tasks later (the tests' immediate one) gets
    nothing: there the job would call itself forever."""
    from ...tasks import run_regimes_daily

    backend = run_regimes_daily.get_backend()
    if not backend.supports_defer:
        log.warning("the task backend cannot run tasks later: the regimes' daily job is not scheduled")
        return False
    if _already_queued(run_regimes_daily.module_path):
        return False
    run_regimes_daily.using(run_after=run_after or next_run_at()).enqueue()
    return True
