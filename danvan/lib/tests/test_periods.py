from datetime import date

import pytest

from danvan.lib.periods import Period, PeriodKind


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
