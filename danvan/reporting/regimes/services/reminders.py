"""The daily job's reminders for regimes' calls: before the due day, and once when it has passed.

Each (call, reason) is sent once (RegimeReminder is unique on it), so a second run on one day, or a day the
worker missed and caught up, never sends twice."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef

from ...models import Call
from ...services import send_reminders
from ..models import RegimeReminder

# An overdue reminder goes once, within this many days after the due day (a worker down for a week does
# not wake up to remind of last year's reports).
OVERDUE_WINDOW_DAYS = 7


def _not_sent(reason: str):
    return ~Exists(RegimeReminder.objects.filter(call=OuterRef("pk"), reason=reason))


def reminders_due(today: date) -> list[tuple[Call, str]]:
    open_calls = Call.objects.filter(regime__isnull=False, status=Call.Status.OPEN).select_related("owner")
    before = open_calls.filter(
        _not_sent(RegimeReminder.Reason.BEFORE),
        remind_days_before__gt=0,
        due_end__gte=today,
        due_end__lte=today + timedelta(days=30),
    )
    # The day to remind is due_end - N days; compared in Python (date minus a number is not portable SQL).
    due_soon = [
        (call, RegimeReminder.Reason.BEFORE)
        for call in before
        if call.due_end - timedelta(days=call.remind_days_before) <= today
    ]
    overdue = open_calls.filter(
        _not_sent(RegimeReminder.Reason.AFTER),
        due_end__lt=today,
        due_end__gte=today - timedelta(days=OVERDUE_WINDOW_DAYS),
    )
    return due_soon + [(call, RegimeReminder.Reason.AFTER) for call in overdue]


def send_regime_reminders(today: date) -> int:
    """Remind the units that have not sent; returns how many units were reminded in all."""
    reminded = 0
    for call, reason in reminders_due(today):
        try:
            with transaction.atomic():
                mark = RegimeReminder.objects.create(call=call, reason=reason, sent_on=today)
                mark.units = send_reminders(call=call, reason=reason)
                mark.save(update_fields=["units"])
        except IntegrityError:  # another worker took this one
            continue
        reminded += mark.units
    return reminded
