"""Every write of the regimes: defining them, opening their periods, reminding, carrying answers forward."""

from .carry import CARRIED_NOTE, carry_forward, previous_sent, require_period_over
from .daily import daily_run, next_run_at, schedule_daily
from .definition import RegimeSpec, regime_create, regime_update, skipped_periods, skipped_warning
from .lifecycle import delete_refusal, regime_activate, regime_deactivate, regime_delete
from .opening import OpenResult, due_periods, open_due_periods, regime_open_now
from .reminders import reminders_due, send_regime_reminders

__all__ = [
    "CARRIED_NOTE",
    "OpenResult",
    "RegimeSpec",
    "carry_forward",
    "daily_run",
    "delete_refusal",
    "due_periods",
    "next_run_at",
    "open_due_periods",
    "previous_sent",
    "regime_activate",
    "regime_create",
    "regime_deactivate",
    "regime_delete",
    "regime_open_now",
    "regime_update",
    "reminders_due",
    "require_period_over",
    "schedule_daily",
    "send_regime_reminders",
    "skipped_periods",
    "skipped_warning",
]
