"""Reporting periods: a month, a quarter, the first 6 months, the first 9 months, a year.

Pure Python, no Django. A periodic report counts figures over one period (cumulative periods such as "9
tháng" start on 1 January), and periods of one kind are compared with the same period a year earlier.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"  # 6 tháng đầu năm
    NINE_MONTHS = "nine_months"  # 9 tháng
    YEAR = "year"


KIND_LABELS = {
    PeriodKind.MONTH: "Hằng tháng",
    PeriodKind.QUARTER: "Hằng quý",
    PeriodKind.HALF: "6 tháng",
    PeriodKind.NINE_MONTHS: "9 tháng",
    PeriodKind.YEAR: "Hằng năm",
}

# How many of each kind a year holds (the number runs 1..count).
PER_YEAR = {
    PeriodKind.MONTH: 12,
    PeriodKind.QUARTER: 4,
    PeriodKind.HALF: 1,
    PeriodKind.NINE_MONTHS: 1,
    PeriodKind.YEAR: 1,
}

ROMAN = ("I", "II", "III", "IV")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: its kind, year and number within the year (month 1-12, quarter 1-4, else 1)."""

    kind: PeriodKind
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.number <= PER_YEAR[PeriodKind(self.kind)]:
            raise ValueError(f"{self.kind} {self.number} does not exist")

    @property
    def start(self) -> date:
        if self.kind == PeriodKind.MONTH:
            return date(self.year, self.number, 1)
        if self.kind == PeriodKind.QUARTER:
            return date(self.year, 3 * self.number - 2, 1)
        return date(self.year, 1, 1)  # half, nine months and year all count from 1 January

    @property
    def end(self) -> date:
        last_month = {
            PeriodKind.MONTH: self.number,
            PeriodKind.QUARTER: 3 * self.number,
            PeriodKind.HALF: 6,
            PeriodKind.NINE_MONTHS: 9,
            PeriodKind.YEAR: 12,
        }[PeriodKind(self.kind)]
        return month_end(self.year, last_month)

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.MONTH:
            return f"Tháng {self.number}/{self.year}"
        if self.kind == PeriodKind.QUARTER:
            return f"Quý {ROMAN[self.number - 1]}/{self.year}"
        if self.kind == PeriodKind.HALF:
            return f"6 tháng đầu năm {self.year}"
        if self.kind == PeriodKind.NINE_MONTHS:
            return f"9 tháng năm {self.year}"
        return f"Năm {self.year}"

    def same_last_year(self) -> Period:
        return Period(self.kind, self.year - 1, self.number)

    def previous(self) -> Period:
        """The period of the same kind just before (the year before, for kinds held once a year)."""
        if self.number > 1:
            return Period(self.kind, self.year, self.number - 1)
        return Period(self.kind, self.year - 1, PER_YEAR[PeriodKind(self.kind)])

    def next(self) -> Period:
        if self.number < PER_YEAR[PeriodKind(self.kind)]:
            return Period(self.kind, self.year, self.number + 1)
        return Period(self.kind, self.year + 1, 1)

    @classmethod
    def containing(cls, kind: PeriodKind, day: date) -> Period:
        """The period of this kind whose span holds `day`; for the cumulative kinds, the year's one."""
        kind = PeriodKind(kind)
        if kind == PeriodKind.MONTH:
            return cls(kind, day.year, day.month)
        if kind == PeriodKind.QUARTER:
            return cls(kind, day.year, (day.month - 1) // 3 + 1)
        return cls(kind, day.year, 1)

    @classmethod
    def from_span(cls, kind: str, start: date) -> Period:
        """The period stored as (kind, start) on a call: the inverse of `.kind`, `.start`."""
        return cls.containing(PeriodKind(kind), start)


# --- cut-off, due day and working days -------------------------------------------------------------------
#
# A regime counts each period's figures up to a cut-off day (thời gian chốt số liệu) and wants the report by a
# due day; a due day on a weekend or a public holiday either rolls forward to the next working day or stays.
# The holiday calendar comes from the `holidays` package (Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9
# with the extra and observed days the government announces), so a new year needs a package update, not code.


class DueKind(StrEnum):
    DAYS_AFTER_CUTOFF = "days_after_cutoff"  # N days after the cut-off day
    DAY_OF_MONTH = "day_of_month"  # a fixed day of the period's last month (or a month after it)


class WorkingDayRule(StrEnum):
    ROLL_FORWARD = "roll_forward"  # a day off moves to the next working day
    KEEP = "keep"  # the calendar day stands


WORKING_DAY_RULE_LABELS = {
    WorkingDayRule.ROLL_FORWARD: "Lùi sang ngày làm việc kế tiếp",
    WorkingDayRule.KEEP: "Giữ nguyên ngày theo lịch",
}

DUE_KIND_LABELS = {
    DueKind.DAYS_AFTER_CUTOFF: "Số ngày sau ngày chốt số liệu",
    DueKind.DAY_OF_MONTH: "Ngày cố định trong tháng",
}


def day_in_month(year: int, month: int, day: int) -> date:
    """The `day`th of the month, or its last day when the month is shorter (31 → 30/4, 29/2 or 28/2)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class CutoffRule:
    """`day` 0: figures count to the last day of the period; 1-31: to that day of the period's last month."""

    day: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.day <= 31:
            raise ValueError(f"cut-off day {self.day} is not 0-31")

    def for_period(self, period: Period) -> date:
        if self.day == 0:
            return period.end
        return day_in_month(period.end.year, period.end.month, self.day)


@dataclass(frozen=True)
class DueRule:
    """When the report is due: `value` days after the cut-off, or day `value` of the period's last month
    moved on by `month_offset` months (0: that month, 1: the month after)."""

    kind: DueKind = DueKind.DAYS_AFTER_CUTOFF
    value: int = 5
    month_offset: int = 0

    def __post_init__(self) -> None:
        if DueKind(self.kind) == DueKind.DAY_OF_MONTH and not 1 <= self.value <= 31:
            raise ValueError(f"due day {self.value} is not 1-31")
        if self.value < 0 or not 0 <= self.month_offset <= 12:
            raise ValueError("due rule out of range")

    def calendar_day(self, period: Period, cutoff: date) -> date:
        if DueKind(self.kind) == DueKind.DAYS_AFTER_CUTOFF:
            return cutoff + timedelta(days=self.value)
        year, month = add_months(period.end.year, period.end.month, self.month_offset)
        return day_in_month(year, month, self.value)


@lru_cache(maxsize=64)
def _days_off(year: int) -> frozenset[date]:
    import holidays  # imported late: only due-day arithmetic needs the calendar

    return frozenset(holidays.country_holidays("VN", years=year))


def holiday_name(day: date) -> str:
    """The public holiday's name in Vietnamese, or "" on an ordinary day."""
    import holidays

    return holidays.country_holidays("VN", years=day.year, language="vi").get(day, "") or ""


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Vietnamese public holiday (including Tết's days and observed days)."""
    return day.weekday() < 5 and day not in _days_off(day.year)


def shift_to_working_day(day: date, rule: str = WorkingDayRule.ROLL_FORWARD) -> date:
    if WorkingDayRule(rule) == WorkingDayRule.KEEP:
        return day
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


@dataclass(frozen=True)
class Schedule:
    """One period of a regime: figures count to `cutoff`, the call opens that day, the report is due `due`."""

    period: Period
    cutoff: date
    due: date

    @property
    def opens_on(self) -> date:
        return self.cutoff


def schedule(
    period: Period,
    cutoff: CutoffRule,
    due: DueRule,
    rule: str = WorkingDayRule.ROLL_FORWARD,
) -> Schedule:
    cut = cutoff.for_period(period)
    return Schedule(period, cut, shift_to_working_day(due.calendar_day(period, cut), rule))


def periods_between(kind: PeriodKind, first_day: date, last_day: date) -> list[Period]:
    """Every period of `kind` that starts on or after `first_day` and starts on or before `last_day`."""
    period = Period.containing(kind, first_day)
    if period.start < first_day:
        period = period.next()
    found = []
    while period.start <= last_day:
        found.append(period)
        period = period.next()
    return found
