"""The board tells overdue units apart from calls not yet due, names each column's plan, dates in full."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from danvan.reporting import selectors, services

from .conftest import row_for


def _future_call(cast, registration, *, plan=None, title="Báo cáo kết quả quý"):
    return services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=registration,
        title=title,
        due_date=timezone.localdate() + datetime.timedelta(days=10),
        targets=[cast.ward, cast.other_ward],
    )


def _send(call, registration, unit, actor):
    submission = services.submission_for(call=call, unit=unit)
    rows = [row_for(registration, ten="Gặp mặt", thoi="15/10/2023", quy="Cấp xã")]
    services.submission_save_draft(submission=submission, actor=actor, expected_version=None, rows=rows)
    return services.submission_submit(submission=submission, actor=actor, expected_version=None)


def _cell(page: str, unit, call) -> str:
    match = re.search(rf'data-testid="cell-{unit.pk}-{call.pk}" data-state="(\w+)">(.*?)</td>', page, re.S)
    assert match, f"no cell for {unit} / {call}"
    return match.group(1) + " " + match.group(2)


def test_nothing_sent_by_a_past_deadline_is_overdue_with_days_and_a_future_call_is_not_yet_due(
    cast, login, call, registration
):
    future = _future_call(cast, registration)
    _send(call, registration, cast.ward, cast.ward_officer)
    page = login(cast.province_officer).get(reverse("reporting:board"), {"call": [call.pk, future.pk]})
    page = page.content.decode()
    days = (timezone.localdate() - call.due_end).days
    overdue = _cell(page, cast.other_ward, call)
    assert overdue.startswith("overdue") and f"Quá hạn {days} ngày" in overdue
    not_due = _cell(page, cast.other_ward, future)
    assert not_due.startswith("not_started") and "Chưa đến hạn" in not_due and "Quá hạn" not in not_due
    sent = _cell(page, cast.ward, call)
    assert sent.startswith("late")
    assert re.search(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", sent), "a send time carries its year"
    assert 'data-testid="board-legend"' in page and "Quá hạn" in page and "Chưa đến hạn" in page


def test_a_draft_begun_but_not_sent_by_the_deadline_is_overdue_and_says_so(cast, registration, call):
    submission = services.submission_for(call=call, unit=cast.ward)
    rows = [row_for(registration, ten="Gặp mặt")]
    services.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, rows=rows
    )
    [row] = [r for r in selectors.board_rows([call], [cast.ward])]
    assert row.cells[0].state == "overdue" and row.cells[0].has_draft
    assert row.cells[0].label.startswith("Quá hạn")


def test_the_counts_and_the_state_filter_know_overdue(cast, login, call, registration):
    future = _future_call(cast, registration)
    _send(call, registration, cast.ward, cast.ward_officer)
    counts = selectors.calls_counts([call, future])
    assert counts[call.pk]["overdue"] == 2 and counts[call.pk]["not_started"] == 0
    assert counts[future.pk]["overdue"] == 0 and counts[future.pk]["not_started"] == 2
    units = selectors.board_units([call, future], user=cast.province_officer)
    overdue = set(selectors.filter_units_by_state(units, [call, future], "overdue"))
    assert overdue == {cast.other_ward, cast.agency}
    not_due = set(selectors.filter_units_by_state(units, [call, future], "not_started"))
    assert not_due == {cast.ward, cast.other_ward}
    page = login(cast.province_officer).get(
        reverse("reporting:board"), {"call": [call.pk, future.pk], "state": "overdue"}
    )
    assert "Sở Nội vụ" in page.content.decode() and "Phường An Bình</a>" not in page.content.decode()


def test_columns_from_different_plans_carry_the_plan_symbol_and_the_whole_title(cast, login, committee_plan):
    calls = services.calls_from_plan(
        actor=cast.province_officer, plan=committee_plan, targets=[cast.ward, cast.agency]
    )
    assert calls
    page = login(cast.province_officer).get(reverse("reporting:board"), {"plan": committee_plan.pk})
    page = page.content.decode()
    assert committee_plan.symbol and committee_plan.symbol in page
    for made in calls:
        assert made.title in page  # not cut at 60 characters
    headers, _rows = selectors.board_table(calls, selectors.board_units(calls, user=cast.province_officer))
    assert all(committee_plan.symbol in h for h in headers[4:])


def test_the_unit_sees_overdue_on_its_own_list_of_calls(cast, login, call):
    page = login(cast.ward_officer).get(reverse("reporting:call_list")).content.decode()
    assert "Quá hạn" in page
