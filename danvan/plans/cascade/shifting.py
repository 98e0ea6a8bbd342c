"""Moving a superior plan's deadlines earlier for the lower unit's own plan, so that the units below it report
to it before it must report up. Pure: no database.

Working days are those of danvan.lib.periods (the one calendar: weekends, Tết and the public holidays with
their official days off), the same the periodic regimes count their due days by.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from danvan.lib.periods import is_working_day
from danvan.lib.vndates import DateWindow, format_date

WORKING = "working"  # N working days earlier (the default: 5)
CALENDAR = "calendar"  # N calendar days earlier
SAME = "same"  # the superior's own dates

DEFAULT_DAYS = 5
MAX_DAYS = 60


@dataclass(frozen=True)
class Shift:
    mode: str = WORKING
    days: int = DEFAULT_DAYS

    @property
    def is_none(self) -> bool:
        return self.mode == SAME or self.days == 0

    def describe(self) -> str:
        if self.is_none:
            return _("giữ nguyên thời hạn của kế hoạch cấp trên")
        if self.mode == WORKING:
            return _("sớm hơn %(n)s ngày làm việc") % {"n": self.days}
        return _("sớm hơn %(n)s ngày") % {"n": self.days}


def earlier(day: date, shift: Shift) -> date:
    """`day` moved back by the shift; a working-day shift lands on a working day."""
    if shift.is_none:
        return day
    if shift.mode == CALENDAR:
        return day - timedelta(days=shift.days)
    left = shift.days
    while left > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def shift_window(window: DateWindow | None, shift: Shift) -> DateWindow | None:
    """The window with its last day moved earlier (a one-day window moves whole); words that name no day
    ("hằng tháng", "sau khi có kết quả") and a window with no last day stay as they are."""
    if window is None or shift.is_none or window.words_only or window.end is None:
        return window
    end = earlier(window.end, shift)
    if window.kind == "exact":
        return DateWindow.exact(end)
    start = window.start
    if start is not None and start > end:
        start = end
    if start is None:
        text = _("trước ngày %(d)s") % {"d": format_date(end)}
        return DateWindow(start=None, end=end, text=text, tentative=window.tentative, kind="deadline")
    if start == end:
        return DateWindow(start=end, end=end, text=format_date(end), tentative=window.tentative, kind="exact")
    text = _("từ ngày %(a)s đến ngày %(b)s") % {"a": format_date(start), "b": format_date(end)}
    return DateWindow(start=start, end=end, text=text, tentative=window.tentative, kind="range")


def reword(text: str, before: DateWindow | None, after: DateWindow | None) -> str:
    """The sentence with the old deadline's words replaced by the new one's, where they are written in it."""
    if before is None or after is None or before == after or not before.text or before.text not in text:
        return text
    return text.replace(before.text, after.text)
