"""Recurring and relative windows become fixed days once their anchor is known.

``fix_window(window, anchor)``:

* recurring ("từ ngày 10 đến ngày 15 tháng 12 hằng năm", "ngày 25 hằng tháng"): ``anchor`` names the
  occurrence (any day in the wanted year, or month for a monthly window); the words are read again in
  that year/month;
* relative ("trong thời hạn 05 ngày kể từ ngày nhận đơn", "trước ngày bầu cử 10 ngày", "10 ngày làm
  việc"): ``anchor`` is the day of the anchor event; the count is applied forwards ("kể từ", "sau")
  or backwards ("trước ... N ngày"), in working days when the words say so (Saturdays and Sundays
  skipped; public holidays are not known here and are left to the reviewer);
* anything else comes back unchanged; a relative window with no count ("đến khi tổ chức thành công Đại
  hội") ends on the anchor day.

The result keeps the original words in ``text``.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from danvan.lib.vndates.scan import find_windows
from danvan.lib.vndates.window import DateWindow

_COUNT_RE = re.compile(r"(\d{1,3})\s+(ngày|tuần|tháng)(\s+làm\s+việc)?", re.IGNORECASE)
_BACKWARDS_RE = re.compile(r"\btrước\b", re.IGNORECASE)
_FROM_RE = re.compile(r"\b(?:kể\s+từ|tính\s+từ|sau)\b", re.IGNORECASE)
_EVERY_RE = re.compile(r"\s*(?:hằng|hàng|mỗi)\s+(tuần|tháng|quý|năm)\b", re.IGNORECASE)


def _add_working_days(start: date, days: int, step: int) -> date:
    d = start
    while days > 0:
        d += timedelta(days=step)
        if d.weekday() < 5:
            days -= 1
    return d


def _shift(anchor: date, count: int, unit: str, working: bool, step: int) -> date:
    unit = unit.lower()
    if unit == "ngày":
        return _add_working_days(anchor, count, step) if working else anchor + timedelta(days=step * count)
    if unit == "tuần":
        return anchor + timedelta(weeks=step * count)
    month = anchor.month - 1 + step * count
    year, month = anchor.year + month // 12, month % 12 + 1
    day = min(
        anchor.day,
        [
            31,
            29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
            31,
            30,
            31,
            30,
            31,
            31,
            30,
            31,
            30,
            31,
        ][month - 1],
    )
    return date(year, month, day)


def fix_window(window: DateWindow, anchor: date) -> DateWindow:
    """The fixed window of a recurring or relative one, given its anchor (see the module docstring)."""
    text = unicodedata.normalize("NFC", window.text)
    if window.kind == "recurring":
        every = _EVERY_RE.search(text)
        if every is None:
            return window
        bare = (text[: every.start()] + text[every.end() :]).strip()
        if every.group(1).lower() == "tháng":
            bare = f"{bare} tháng {anchor.month}/{anchor.year}"
        found = [w for _, _, w in find_windows(bare, default_year=anchor.year) if not w.words_only]
        if not found:
            return window
        got = found[0]
        return DateWindow(got.start, got.end, window.text, window.tentative, got.kind)
    if window.kind == "relative":
        m = _COUNT_RE.search(text)
        if m is None:
            return DateWindow(None, anchor, window.text, window.tentative, "deadline")
        count, unit, working = int(m.group(1)), m.group(2), bool(m.group(3))
        if _BACKWARDS_RE.search(text):
            day = _shift(anchor, count, unit, working, -1)
            return DateWindow(None, day, window.text, window.tentative, "deadline")
        if working and not _FROM_RE.search(text) and anchor.weekday() < 5:
            # "10 ngày làm việc" from a start day: the start day is the first of the ten
            count -= 1
        end = _shift(anchor, count, unit, working, 1)
        return DateWindow(anchor, end, window.text, window.tentative, "range")
    return window


__all__ = ["fix_window"]
