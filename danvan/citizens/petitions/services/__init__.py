"""Every write on a petition (and the audited reads of personal data), by meaning:
rules (deadlines, checks, timeline), records (record, edit, who raised it), workflow (the road to the answer),
attachments."""

from .attachments import petition_attach, petition_attachment_open
from .records import CITIZEN_FIELDS, EDIT_FIELDS, petition_personal_data, petition_record, petition_update
from .rules import deadline_days, default_deadline
from .workflow import (
    petition_answer,
    petition_assign,
    petition_close,
    petition_escalate,
    petition_inform,
    petition_merge,
    petition_start,
    petition_transfer,
)

__all__ = [
    "CITIZEN_FIELDS",
    "EDIT_FIELDS",
    "deadline_days",
    "default_deadline",
    "petition_answer",
    "petition_assign",
    "petition_attach",
    "petition_attachment_open",
    "petition_close",
    "petition_escalate",
    "petition_inform",
    "petition_merge",
    "petition_personal_data",
    "petition_record",
    "petition_start",
    "petition_transfer",
    "petition_update",
]
