"""Periods that group the items of a work programme (Chương trình công tác năm).

A programme's item table is cut by group rows naming a month or a quarter ("THÁNG 01", "QUÝ II", "6 tháng
cuối năm"), or it opens with a period column whose cell is merged down over the items of that period
("Quý I" on the first row, empty cells below). Items under a numbered heading "1. Quý I" belong to that
quarter. An item whose own time cell is empty, or says only "Trong tháng" / "Trong quý", takes its group's
period; a cell with a date of its own ("Trước ngày 15/6") keeps it."""

from __future__ import annotations

import calendar
import re
from datetime import date

from danvan.lib import vntext
from danvan.lib.vndates import DateWindow

from . import tasks as task_rules

_PERIOD_START_RE = re.compile(r"^(?:thang|quy|\d\s+thang|sau thang|chin thang|ca nam|trong nam|nam \d{4})\b")
# Words that say "the group's own period" without naming a time.
_WITHIN_GROUP = {"trong thang", "trong quy", "trong thoi gian tren", "trong ky", ""}
_WHOLE_YEAR_RE = re.compile(r"^(?:(?:ca|trong|quanh) nam(?: (?P<named>\d{4}))?|nam (?P<year>\d{4}))$")
MAX_HEADING_CHARS = 40


def whole_year(text: str, default_year: int | None) -> DateWindow | None:
    """ "Cả năm", "Trong năm", "Năm 2026", "CẢ NĂM 2026": the whole year (the document's year when none is
    written)."""
    m = _WHOLE_YEAR_RE.match(vntext.fold(text))
    if m is None:
        return None
    written = m.group("named") or m.group("year")
    year = int(written) if written else default_year
    if year is None:
        return None
    return DateWindow(start=date(year, 1, 1), end=date(year, 12, 31), text=text.strip(), kind="period")


def period_heading(text: str, default_year: int | None) -> DateWindow | None:
    """The period a short line names and nothing else: "THÁNG 01", "Quý II/2026", "6 tháng cuối năm",
    "Tháng 01 và tháng 02", "Cả năm"; None for an item that merely mentions a time."""
    text = text.strip().rstrip(":.").strip()
    folded = vntext.fold(text)
    if not text or len(text) > MAX_HEADING_CHARS or not _PERIOD_START_RE.match(folded):
        return None
    found = whole_year(text, default_year) or task_rules.find_due(text, default_year)
    if found is None or found.start is None or found.end is None:
        return None
    # the window must be the whole line: "Tháng 9 tổ chức ..." is an item, not a heading
    if len(vntext.fold(found.text)) < len(folded) - 3:
        return None
    return found


def is_within_group(text: str) -> bool:
    return vntext.fold(text) in _WITHIN_GROUP


def month_window(year: int, month: int, text: str) -> DateWindow:
    last = calendar.monthrange(year, month)[1]
    return DateWindow(start=date(year, month, 1), end=date(year, month, last), text=text, kind="period")


def align_period_column(cells: list[str], columns: dict[str, int], width: int, default_year) -> list[str]:
    """A row of a table that opens with a period column, copied as text: the merged (empty) period cell
    lost its tab, so the row is one cell short and starts with the item. Put the empty cell back."""
    due, what = columns.get("due"), columns.get("what")
    if due is None or what is None or due > what or len(cells) >= width:
        return cells
    first = cells[due] if due < len(cells) else ""
    if not first or period_heading(first, default_year) is not None:
        return cells
    return [*cells[:due], "", *cells[due:]]


__all__ = ["align_period_column", "is_within_group", "period_heading", "whole_year"]
