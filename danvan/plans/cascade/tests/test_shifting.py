from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from danvan.lib.periods import is_working_day
from danvan.lib.vndates import DateWindow, parse_window
from danvan.plans.cascade.shifting import CALENDAR, SAME, WORKING, Shift, earlier, reword, shift_window


def test_five_working_days_before_a_sunday_deadline_is_the_monday_a_week_earlier():
    assert earlier(date(2023, 11, 5), Shift(WORKING, 5)) == date(2023, 10, 30)
    assert earlier(date(2023, 11, 5), Shift(CALENDAR, 5)) == date(2023, 10, 31)
    assert earlier(date(2023, 11, 5), Shift(SAME, 5)) == date(2023, 11, 5)


def test_a_working_day_shift_crosses_a_month_end_and_a_leap_day():
    assert earlier(date(2024, 3, 4), Shift(WORKING, 3)) == date(2024, 2, 28)  # Mon -> Fri 1, Thu 29, Wed 28


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(min_value=1, max_value=60)
)
def test_a_working_day_shift_lands_on_a_working_day_exactly_n_working_days_back(day, days):
    moved = earlier(day, Shift(WORKING, days))
    assert is_working_day(moved) and moved < day
    visited = [moved + timedelta(days=i) for i in range((day - moved).days)]  # moved .. day - 1
    assert sum(1 for d in visited if is_working_day(d)) == days


def test_a_working_day_shift_steps_over_the_tet_holiday():
    # Tết Giáp Thìn: Thursday 08/02/2024 to Wednesday 14/02/2024 were days off.
    assert earlier(date(2024, 2, 19), Shift(WORKING, 3)) == date(2024, 2, 7)


def test_a_deadline_moves_and_its_words_follow():
    window = parse_window("trước ngày 05/11/2023")
    moved = shift_window(window, Shift(WORKING, 5))
    assert (moved.start, moved.end, moved.kind) == (None, date(2023, 10, 30), "deadline")
    assert reword("Báo cáo trước ngày 05/11/2023.", window, moved) == "Báo cáo trước ngày 30/10/2023."


def test_a_range_keeps_its_start_and_a_one_day_window_moves_whole():
    window = DateWindow(start=date(2023, 9, 1), end=date(2023, 9, 30), text="tháng 9/2023", kind="period")
    moved = shift_window(window, Shift(CALENDAR, 10))
    assert (moved.start, moved.end, moved.kind) == (date(2023, 9, 1), date(2023, 9, 20), "range")
    assert shift_window(DateWindow.exact(date(2023, 9, 15)), Shift(CALENDAR, 2)).end == date(2023, 9, 13)


def test_words_that_name_no_day_stay_as_written():
    window = parse_window("hằng tháng")
    assert shift_window(window, Shift(WORKING, 5)) == window
