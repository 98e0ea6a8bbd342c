"""The press contest's writes: running it (the contest, entries, prizes) and judging it (rounds, marks)."""

from .judging import round_advance, round_close, round_reopen, round_save, score_record
from .running import (
    contest_save,
    contest_set_status,
    entry_save,
    entry_withdraw,
    prize_award,
    prize_save,
    prize_unaward,
    prizes_fill_from_results,
)

__all__ = [
    "contest_save",
    "contest_set_status",
    "entry_save",
    "entry_withdraw",
    "prize_award",
    "prize_save",
    "prize_unaward",
    "prizes_fill_from_results",
    "round_advance",
    "round_close",
    "round_reopen",
    "round_save",
    "score_record",
]
