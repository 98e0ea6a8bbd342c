from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from danvan.lib.periods import (
    CutoffRule,
    DueKind,
    DueRule,
    Period,
    PeriodKind,
    WorkingDayRule,
    day_in_month,
    holiday_name,
    is_working_day,
    periods_between,
    schedule,
    shift_to_working_day,
)


def test_spans_and_labels():
    assert (Period(PeriodKind.MONTH, 2024, 2).start, Period(PeriodKind.MONTH, 2024, 2).end) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    q3 = Period(PeriodKind.QUARTER, 2025, 3)
    assert (q3.start, q3.end, q3.label) == (date(2025, 7, 1), date(2025, 9, 30), "Quý III/2025")
    nine = Period(PeriodKind.NINE_MONTHS, 2025)
    assert (nine.start, nine.end) == (date(2025, 1, 1), date(2025, 9, 30))
    assert Period(PeriodKind.HALF, 2023).end == date(2023, 6, 30)


def test_neighbours():
    jan = Period(PeriodKind.MONTH, 2026, 1)
    assert jan.previous() == Period(PeriodKind.MONTH, 2025, 12)
    assert jan.same_last_year() == Period(PeriodKind.MONTH, 2025, 1)
    assert Period(PeriodKind.QUARTER, 2026, 4).next() == Period(PeriodKind.QUARTER, 2027, 1)
    assert Period.containing(PeriodKind.QUARTER, date(2026, 5, 31)) == Period(PeriodKind.QUARTER, 2026, 2)


def test_numbers_outside_the_year_are_refused():
    with pytest.raises(ValueError):
        Period(PeriodKind.MONTH, 2026, 13)


# --- cut-off, due day, working days (property-based where a rule holds for every day) -------------------

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
kinds = st.sampled_from(list(PeriodKind))


@st.composite
def period_of(draw, kind=kinds):
    chosen = draw(kind)
    return Period.containing(chosen, draw(days))


@given(period_of())
def test_periods_tile_the_calendar_without_gap_or_overlap_for_month_and_quarter(period):
    if period.kind in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR):
        assert period.next().start == period.end + timedelta(days=1)
        assert period.next().previous() == period
    assert period.start <= period.end
    assert Period.from_span(period.kind, period.start) == period


@given(days)
def test_a_month_ends_on_its_last_day_in_leap_and_common_years(day):
    end = Period.containing(PeriodKind.MONTH, day).end
    assert (end + timedelta(days=1)).day == 1
    if day.month == 2:
        leap = day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)
        assert end.day == (29 if leap else 28)


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(1, 31))
def test_a_day_past_the_month_end_clamps_to_it(year, month, day):
    result = day_in_month(year, month, day)
    assert result.month == month and result.day <= day
    assert result.day == day or (result + timedelta(days=1)).day == 1


@given(period_of(), st.integers(0, 31))
def test_the_cut_off_is_inside_the_periods_last_month(period, cutoff_day):
    cut = CutoffRule(cutoff_day).for_period(period)
    assert cut.month == period.end.month and cut.year == period.end.year
    assert cut <= period.end
    if cutoff_day == 0:
        assert cut == period.end


@given(days)
def test_shifting_lands_on_a_working_day_within_two_weeks_and_never_earlier(day):
    shifted = shift_to_working_day(day, WorkingDayRule.ROLL_FORWARD)
    assert is_working_day(shifted)
    assert day <= shifted <= day + timedelta(days=14)  # Tết: up to 9 days off in a row
    assert all(not is_working_day(day + timedelta(days=n)) for n in range((shifted - day).days))
    assert shift_to_working_day(day, WorkingDayRule.KEEP) == day


@given(days)
def test_weekends_are_never_working_days(day):
    if day.weekday() >= 5:
        assert not is_working_day(day)


def test_national_days_and_tet_are_days_off():
    for day in [date(2025, 4, 30), date(2025, 5, 1), date(2025, 9, 2), date(2026, 2, 17), date(2026, 2, 19)]:
        assert not is_working_day(day), day
    assert holiday_name(date(2026, 2, 17))  # named in Vietnamese
    assert is_working_day(date(2026, 2, 23)) and holiday_name(date(2026, 2, 23)) == ""


def test_tet_moves_a_due_day_past_the_holiday():
    """January 2026 counted to the month end, due on the 20th of the next month: 20/2/2026 is the fourth
    day of Tết Bính Ngọ (a Friday), so the report is due Monday 23/2 — or stays on 20/2 if the regime keeps
    calendar days."""
    january = Period(PeriodKind.MONTH, 2026, 1)
    rule = DueRule(DueKind.DAY_OF_MONTH, 20, month_offset=1)
    assert schedule(january, CutoffRule(0), rule).due == date(2026, 2, 23)
    assert schedule(january, CutoffRule(0), rule, WorkingDayRule.KEEP).due == date(2026, 2, 20)


def test_the_decree_shape_counts_to_the_15th_and_is_due_on_the_20th():
    march = schedule(Period(PeriodKind.MONTH, 2025, 3), CutoffRule(15), DueRule(DueKind.DAY_OF_MONTH, 20))
    assert (march.cutoff, march.due, march.opens_on) == (
        date(2025, 3, 15),
        date(2025, 3, 20),
        date(2025, 3, 15),
    )
    # 20/4/2025 is a Sunday: Monday 21/4.
    april = schedule(Period(PeriodKind.MONTH, 2025, 4), CutoffRule(15), DueRule(DueKind.DAY_OF_MONTH, 20))
    assert april.due == date(2025, 4, 21)


@given(period_of(), st.integers(0, 31), st.integers(0, 60))
def test_a_due_day_counted_after_the_cut_off_is_never_before_it(period, cutoff_day, after):
    planned = schedule(period, CutoffRule(cutoff_day), DueRule(DueKind.DAYS_AFTER_CUTOFF, after))
    assert planned.due >= planned.cutoff + timedelta(days=after)


@given(kinds, days, st.integers(0, 800))
def test_periods_between_starts_on_or_after_the_first_day_and_has_no_gap(kind, first, span):
    found = periods_between(kind, first, first + timedelta(days=span))
    assert all(p.start >= first for p in found)
    assert all(b == a.next() for a, b in pairwise(found))
    if found:
        assert found[0].previous().start < first
