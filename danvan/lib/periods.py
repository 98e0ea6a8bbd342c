"""Reporting periods: a month, a quarter, the first 6 months, the first 9 months, a year.

Pure Python, no Django. A periodic report counts figures over one period (cumulative periods such as "9
tháng" start on 1 January), and periods of one kind are compared with the same period a year earlier.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


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
