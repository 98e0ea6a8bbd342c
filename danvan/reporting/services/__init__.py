"""Every write of reporting: `<entity>_<action>(*, ..., actor)`, atomic, validated, audited.

Split by meaning (templates, calls, submissions, uploads, consolidation); the names are gathered here so a
caller writes `services.call_open(...)` whichever module holds it.
"""

from .calls import (
    call_close,
    call_link_programme_item,
    call_open,
    call_reopen,
    calls_from_plan,
    deadline_items,
    due_window,
    reminder_times,
    schedule_reminders,
    send_reminders,
)
from .consolidation import consolidation_request, consolidation_run
from .signed import submission_attach_signed
from .submissions import (
    clean_rows,
    missing_required,
    submission_accept,
    submission_for,
    submission_return,
    submission_save_draft,
    submission_submit,
)
from .templates import (
    REGISTRATION,
    RESULT_REPORT,
    ensure_builtin_templates,
    outline_template_for_plan,
    template_from_form_draft,
    template_save,
)
from .uploads import upload_apply, upload_preview

__all__ = [
    "REGISTRATION",
    "RESULT_REPORT",
    "call_close",
    "call_link_programme_item",
    "call_open",
    "call_reopen",
    "calls_from_plan",
    "clean_rows",
    "consolidation_request",
    "consolidation_run",
    "deadline_items",
    "due_window",
    "ensure_builtin_templates",
    "missing_required",
    "outline_template_for_plan",
    "reminder_times",
    "schedule_reminders",
    "send_reminders",
    "submission_accept",
    "submission_attach_signed",
    "submission_for",
    "submission_return",
    "submission_save_draft",
    "submission_submit",
    "template_from_form_draft",
    "template_save",
    "upload_apply",
    "upload_preview",
]
