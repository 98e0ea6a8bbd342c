"""The appraisal rounds' writes: setting a round up (rounds) and the council's work on it (scoring)."""

from .rounds import (
    DEFAULT_CRITERIA,
    criteria_save,
    entries_admit,
    members_set,
    round_create,
    round_link_programme_item,
    round_update,
)
from .scoring import DECISION_STATUS, default_decision, round_close, sheet_submit

__all__ = [
    "DECISION_STATUS",
    "DEFAULT_CRITERIA",
    "criteria_save",
    "default_decision",
    "entries_admit",
    "members_set",
    "round_close",
    "round_create",
    "round_link_programme_item",
    "round_update",
    "sheet_submit",
]
