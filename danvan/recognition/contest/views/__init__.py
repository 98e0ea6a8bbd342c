"""The press contest's pages, by what they are for: running the contest (contests) and judging it."""

from .contests import (
    contest_award,
    contest_detail,
    contest_edit,
    contest_entry_edit,
    contest_entry_file,
    contest_entry_new,
    contest_entry_withdraw,
    contest_list,
    contest_new,
    contest_prize_edit,
    contest_prize_new,
    contest_results,
    contest_results_xlsx,
    contest_status,
)
from .judging import (
    contest_round_action,
    contest_round_detail,
    contest_round_edit,
    contest_round_new,
    contest_score,
)

__all__ = [
    "contest_award",
    "contest_detail",
    "contest_edit",
    "contest_entry_edit",
    "contest_entry_file",
    "contest_entry_new",
    "contest_entry_withdraw",
    "contest_list",
    "contest_new",
    "contest_prize_edit",
    "contest_prize_new",
    "contest_results",
    "contest_results_xlsx",
    "contest_round_action",
    "contest_round_detail",
    "contest_round_edit",
    "contest_round_new",
    "contest_score",
    "contest_status",
]
