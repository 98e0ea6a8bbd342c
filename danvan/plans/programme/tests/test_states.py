"""Each state of a programme item, made by hand, and the counts the dashboard reads."""

import datetime

import pytest

from danvan.plans.models import Plan, PlanKind, Task
from danvan.plans.programme.selectors import (
    ItemState,
    attach_states,
    item_period,
    programme_items,
    programme_progress,
)
from danvan.testing import factories

from .conftest import add_item, make_programme

TODAY = datetime.date(2026, 6, 15)


def state_of(item):
    return attach_states([Task.objects.get(pk=item.pk)], today=TODAY)[0].state


def test_a_programme_is_a_plan_of_kind_programme_with_its_year(programme):
    assert programme.kind == PlanKind.PROGRAMME and programme.year == 2026 and programme.type_code == "CTr"


def test_an_item_with_nothing_linked_and_its_window_ahead_is_not_started(cast, programme):
    item = add_item(cast.province_officer, programme, "Hội nghị sơ kết 6 tháng", "tháng 7/2026")
    assert state_of(item) == ItemState.NOT_STARTED


def test_an_item_whose_window_ended_is_late_even_with_work_started(cast, programme):
    item = add_item(cast.province_officer, programme, "Kiểm tra Quy chế dân chủ", "quý I/2026")
    assert state_of(item) == ItemState.LATE
    event = factories.make_event(actor=cast.province_officer, unit=cast.province)
    event.programme_item = item
    event.save()
    assert state_of(item) == ItemState.LATE


def test_an_open_call_puts_the_item_under_way_and_closing_it_makes_it_done(cast, programme):
    item = add_item(cast.province_officer, programme, "Báo cáo 6 tháng", "tháng 6/2026")
    call = factories.make_call(actor=cast.province_officer, unit=cast.province, targets=[cast.ward])
    call.programme_item = item
    call.save()
    assert state_of(item) == ItemState.UNDER_WAY
    call.status = "closed"
    call.save()
    assert state_of(item) == ItemState.DONE


def test_a_draft_plan_is_under_way_and_an_issued_plan_with_an_open_task_is_not_done(cast, programme):
    item = add_item(cast.province_officer, programme, "Tháng Dân vận", "quý III/2026")
    plan = factories.make_plan(actor=cast.province_officer, unit=cast.province)
    task = factories.make_task(actor=cast.province_officer, plan=plan)
    Plan.objects.filter(pk=plan.pk).update(programme_item=item)
    assert state_of(item) == ItemState.UNDER_WAY
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.ISSUED)
    assert state_of(item) == ItemState.UNDER_WAY
    Task.objects.filter(pk=task.pk).update(status=Task.Status.DONE)
    assert state_of(item) == ItemState.DONE


def test_every_linked_object_must_be_done(cast, programme):
    item = add_item(cast.province_officer, programme, "Thẩm định mô hình", "quý IV/2026")
    round_ = factories.make_appraisal_round(actor=cast.province_officer, unit=cast.province)
    event = factories.make_event(actor=cast.province_officer, unit=cast.province)
    for obj in (round_, event):
        obj.programme_item = item
        obj.save()
    round_.status = "closed"
    round_.save()
    assert state_of(item) == ItemState.UNDER_WAY
    event.status = "closed"
    event.save()
    assert state_of(item) == ItemState.DONE


def test_a_linked_task_not_begun_does_not_start_the_item_but_one_in_progress_does(cast, programme):
    item = add_item(cast.province_officer, programme, "Xây dựng mô hình", "tháng 10/2026")
    plan = factories.make_plan(actor=cast.province_officer, unit=cast.ward)
    task = factories.make_task(actor=cast.province_officer, plan=plan)
    Task.objects.filter(pk=task.pk).update(programme_item=item)
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.SUPERSEDED)  # a superseded plan is no link
    assert state_of(item) == ItemState.NOT_STARTED
    Task.objects.filter(pk=task.pk).update(status=Task.Status.IN_PROGRESS)
    assert state_of(item) == ItemState.UNDER_WAY


def test_an_item_marked_done_is_done_and_a_cancelled_one_is_not_counted(cast, programme):
    done = add_item(cast.province_officer, programme, "Giao ban quý I", "quý I/2026")
    cancelled = add_item(cast.province_officer, programme, "Tọa đàm", "tháng 2/2026")
    Task.objects.filter(pk=done.pk).update(status=Task.Status.DONE)
    Task.objects.filter(pk=cancelled.pk).update(status=Task.Status.CANCELLED)
    assert state_of(done) == ItemState.DONE
    assert state_of(cancelled) == ItemState.CANCELLED
    progress = programme_progress(cast.province_officer, 2026, today=TODAY)
    assert progress.counts == {"done": 1, "under_way": 0, "late": 0, "not_started": 0}


def test_progress_counts_each_state_and_lists_the_late_items_oldest_first(cast, programme):
    officer = cast.province_officer
    add_item(officer, programme, "Hội nghị tổng kết", "tháng 12/2026")
    late_one = add_item(officer, programme, "Kiểm tra quý I", "quý I/2026")
    late_two = add_item(officer, programme, "Báo cáo tháng 5", "tháng 5/2026")
    done = add_item(officer, programme, "Giao ban", "tháng 1/2026")
    Task.objects.filter(pk=done.pk).update(status=Task.Status.DONE)
    under_way = add_item(officer, programme, "Tháng Dân vận", "tháng 9/2026")
    Task.objects.filter(pk=under_way.pk).update(progress=20)
    other_year = make_programme(officer, cast.province, title="công tác dân vận năm 2025")
    add_item(officer, other_year, "Việc năm trước", "tháng 3/2025")
    progress = programme_progress(officer, 2026, today=TODAY)
    assert progress.counts == {"done": 1, "under_way": 1, "late": 2, "not_started": 1}
    assert progress.total == 5 and progress.percent_done == 20
    assert [v.item.pk for v in progress.late_items] == [late_one.pk, late_two.pk]


def test_progress_is_scoped_to_the_user_and_the_root_unit(cast, programme):
    add_item(cast.province_officer, programme, "Hội nghị", "tháng 12/2026")
    ward_programme = make_programme(cast.ward_officer, cast.ward)
    add_item(cast.ward_officer, ward_programme, "Đối thoại", "tháng 12/2026")
    assert programme_progress(cast.province_officer, 2026, today=TODAY).total == 2
    assert programme_progress(cast.province_officer, 2026, root_unit=cast.ward, today=TODAY).total == 1
    assert programme_progress(cast.outsider, 2026, today=TODAY).total == 0


def test_progress_takes_a_bounded_number_of_queries(cast, programme, django_assert_max_num_queries):
    for month in range(1, 13):
        item = add_item(cast.province_officer, programme, f"Việc tháng {month}", f"tháng {month}/2026")
        event = factories.make_event(actor=cast.province_officer, unit=cast.province)
        event.programme_item = item
        event.save()
    with django_assert_max_num_queries(8):
        progress = programme_progress(cast.province_officer, 2026, today=TODAY)
    assert progress.total == 12


def test_the_items_are_grouped_by_month_and_quarter_and_filtered(cast, programme):
    officer = cast.province_officer
    add_item(officer, programme, "Sơ kết quý I", "quý I/2026")
    add_item(officer, programme, "Hội nghị tháng 2", "tháng 2/2026", lead=cast.ward)
    views = programme_items(programme, user=officer, today=TODAY)
    assert [v.period[1] for v in views] == ["Tháng 2/2026", "Quý I/2026"]
    assert [v.item.title for v in programme_items(programme, lead_unit=cast.ward)] == ["Hội nghị tháng 2"]
    assert programme_items(programme, state=ItemState.NOT_STARTED, today=TODAY) == []


@pytest.mark.parametrize(
    "start, end, label",
    [
        ((2026, 1, 1), (2026, 12, 31), "Cả năm 2026"),
        ((2026, 1, 1), (2026, 6, 30), "6 tháng đầu năm 2026"),
        ((2026, 4, 1), (2026, 6, 30), "Quý II/2026"),
        ((2026, 3, 1), (2026, 4, 30), "Tháng 3–4/2026"),
        (None, (2026, 3, 31), "Tháng 3/2026"),
    ],
)
def test_period_labels(start, end, label):
    as_date = lambda t: datetime.date(*t) if t else None  # noqa: E731
    assert item_period(as_date(start), as_date(end))[1] == label
