"""Briefings (giao ban, sơ kết, tổng kết): a period, conclusions as tasks, the next one opens with them."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.events.briefings import selectors
from danvan.events.briefings.services import ConclusionItem, briefing_save, conclusions_add
from danvan.events.models import Event
from danvan.lib.periods import Period, PeriodKind
from danvan.plans import services as plan_services
from danvan.plans.models import Plan, Task

Q3, Q4 = Period(PeriodKind.QUARTER, 2026, 3), Period(PeriodKind.QUARTER, 2026, 4)


@pytest.fixture
def last_briefing(cast):
    return briefing_save(
        actor=cast.ward_officer, organiser=cast.ward, kind="giao_ban", period=Q3, time_text="ngày 25/9/2026"
    )


@pytest.fixture
def next_briefing(cast, last_briefing):
    return briefing_save(
        actor=cast.ward_officer, organiser=cast.ward, kind="giao_ban", period=Q4, time_text="ngày 22/12/2026"
    )


def test_a_briefing_is_bound_to_its_period_and_named_after_it(cast, last_briefing):
    assert last_briefing.period == Q3 and last_briefing.period_start == date(2026, 7, 1)
    assert str(last_briefing) == "Hội nghị giao ban quý III/2026"
    assert last_briefing.get_briefing_kind_display() == "Giao ban (định kỳ)"


def test_a_briefing_without_a_day_is_refused(cast):
    with pytest.raises(ServiceError, match="ngày họp"):
        briefing_save(actor=cast.ward_officer, organiser=cast.ward, kind="so_ket", period=Q3, time_text="")
    assert not Event.objects.exists()


def test_conclusions_become_tasks_of_a_notice(cast, last_briefing):
    tasks = conclusions_add(
        actor=cast.ward_officer,
        event=last_briefing,
        items=[
            ConclusionItem("Rà soát hộ nghèo khu phố Đông.", [cast.area], date(2026, 10, 15)),
            ConclusionItem("Tổ chức đối thoại với nhân dân.", [cast.bloc, cast.area], date(2026, 11, 30)),
        ],
    )
    last_briefing.refresh_from_db()
    notice = last_briefing.conclusions_notice
    assert (notice.doc_type, notice.type_code, notice.status) == ("THÔNG BÁO", "TB", Plan.Status.DRAFT)
    assert [t.label for t in tasks] == ["1.", "2."]
    second = Task.objects.get(pk=tasks[1].pk)
    assert second.lead_unit == cast.bloc and set(second.lead_units.all()) == {cast.bloc, cast.area}
    assert second.due_end == date(2026, 11, 30) and second.plan == notice
    body = notice.document().sections[0].blocks
    assert [b.label for b in body] == ["1.", "2."] and "Khối Dân vận" in body[1].text
    # the notice issues like any plan, and no conclusion is added after that
    cast.ward.abbreviation = "PAB"
    cast.ward.save()
    plan_services.plan_issue(plan=notice, actor=cast.ward_officer, issued_on=date(2026, 9, 26))
    with pytest.raises(ServiceError, match="đã ban hành"):
        conclusions_add(
            actor=cast.ward_officer,
            event=last_briefing,
            items=[ConclusionItem("Thêm việc.", [cast.area], date(2026, 10, 1))],
        )


@pytest.mark.parametrize(
    "item, words",
    [
        (ConclusionItem("Rà soát.", [], date(2026, 10, 1)), "Kết luận 2: chưa chọn đơn vị chủ trì."),
        (
            ConclusionItem("Rà soát.", ["area"], date(2026, 9, 1)),
            "thời hạn 01/09/2026 trước ngày họp 25/09/2026",
        ),
        (ConclusionItem("Rà soát.", ["area"], None), "Kết luận 2: chưa ghi thời hạn."),
        (ConclusionItem("  ", ["area"], date(2026, 10, 1)), "Kết luận 2: hãy ghi nội dung kết luận."),
        (ConclusionItem("Rà soát.", ["other_ward"], date(2026, 10, 1)), "ngoài phạm vi"),
    ],
)
def test_a_wrong_conclusion_adds_none_of_them(cast, last_briefing, item, words):
    item.leads = [getattr(cast, name) for name in item.leads]
    good = ConclusionItem("Việc đúng.", [cast.area], date(2026, 10, 1))
    with pytest.raises(ServiceError, match=words):
        conclusions_add(actor=cast.ward_officer, event=last_briefing, items=[good, item])
    last_briefing.refresh_from_db()
    assert last_briefing.conclusions_notice is None and not Plan.objects.filter(type_code="TB").exists()


def test_the_next_briefing_opens_with_what_the_last_one_asked(cast, login, last_briefing, next_briefing):
    done, late, _not_due = conclusions_add(
        actor=cast.ward_officer,
        event=last_briefing,
        items=[
            ConclusionItem("Rà soát hộ nghèo.", [cast.area], date(2026, 10, 15)),
            ConclusionItem("Tổ chức đối thoại.", [cast.bloc], date(2026, 10, 31)),
            ConclusionItem("Tổng kết mô hình.", [cast.area], date(2099, 1, 31)),
        ],
    )
    plan_services.task_add_note(task=done, actor=cast.ward_officer, text="Đã rà soát 42 hộ.", progress=100)
    plan_services.task_add_note(task=late, actor=cast.ward_officer, text="Đang mời đại biểu.", progress=30)
    assert selectors.previous_briefing(next_briefing) == last_briefing
    assert selectors.previous_briefing(last_briefing) is None
    page = (
        login(cast.ward_officer)
        .get(reverse("events:briefing_detail", args=[next_briefing.pk]))
        .content.decode()
    )
    asks = page.split('data-testid="last-asks"')[1].split("</ul>")[0]
    assert "Rà soát hộ nghèo." in asks and "Đã rà soát 42 hộ." in asks and "Hoàn thành" in asks
    assert asks.count("list-group-item-danger") == 1 and "quá hạn" in asks  # the dialogue, 31/10/2026
    assert "Hoàn thành 1/3 việc" in page and "1 việc quá hạn" in page


def test_the_conclusion_form_saves_and_names_the_problem(cast, login, last_briefing):
    client = login(cast.ward_officer)
    url = reverse("events:conclusions_add", args=[last_briefing.pk])
    base = {"ket-luan-TOTAL_FORMS": "3", "ket-luan-INITIAL_FORMS": "0"}
    bad = {**base, "ket-luan-0-content": "Rà soát.", "ket-luan-0-deadline": "01/10/2026"}
    response = client.post(url, bad)
    assert (
        response.status_code == 200 and "Kết luận 1: chưa chọn đơn vị chủ trì." in response.content.decode()
    )
    good = {**bad, "ket-luan-0-leads": [cast.area.pk]}
    response = client.post(url, good)
    assert response.status_code == 302
    assert Task.objects.filter(plan__briefing=last_briefing, lead_unit=cast.area).count() == 1


def test_an_event_is_made_a_briefing_from_its_page(cast, login):
    from danvan.events import services

    event = services.event_save(
        actor=cast.ward_officer, organiser=cast.ward, title="Hội nghị sơ kết", time_text="ngày 10/7/2026"
    )
    client = login(cast.ward_officer)
    assert (
        "chưa là cuộc giao ban"
        in client.get(reverse("events:briefing_detail", args=[event.pk])).content.decode()
    )
    data = {
        "briefing_kind": "so_ket",
        "period_kind": "half",
        "period_number": "2",
        "period_year": "2026",
        "time_text": "ngày 10/7/2026",
    }
    response = client.post(reverse("events:briefing_setup", args=[event.pk]), data)
    assert "chỉ có số từ 1 đến 1" in response.content.decode()
    response = client.post(reverse("events:briefing_setup", args=[event.pk]), {**data, "period_number": "1"})
    event.refresh_from_db()
    assert response.status_code == 302 and event.period.label == "6 tháng đầu năm 2026"
    assert event.title == "Hội nghị sơ kết"  # the event keeps its own name


def test_scope_trio_on_the_briefing_views(cast, login, last_briefing):
    detail = reverse("events:briefing_detail", args=[last_briefing.pk])
    assert login(cast.ward_officer).get(detail).status_code == 200
    assert login(cast.ward_council_member).get(detail).status_code == 403
    assert login(cast.outsider).get(detail).status_code == 404
    add = reverse("events:conclusions_add", args=[last_briefing.pk])
    assert login(cast.ward_council_member).post(add).status_code == 403
    assert login(cast.outsider).post(add).status_code == 404
    listing = reverse("events:briefing_list")
    assert login(cast.ward_officer).get(listing).status_code == 200
    assert last_briefing.title not in login(cast.outsider).get(listing).content.decode()
    assert login(cast.ward_council_member).get(listing).status_code == 403


def test_the_demo_has_a_held_briefing_with_conclusions_and_the_next_one_scheduled(cast):
    from danvan.events.demo import load_demo_briefings

    cast.ward.abbreviation = "PAB"
    cast.ward.save()
    units = {"du_ward": cast.ward, "area1": cast.area, "area2": cast.bloc, "mttq_ward": cast.team}
    assert load_demo_briefings(cast.admin, units) == 4
    assert load_demo_briefings(cast.admin, units) == 0  # a second run makes nothing
    held, scheduled = Event.objects.exclude(briefing_kind="").order_by("time_end")
    assert held.conclusions_notice.status == Plan.Status.ISSUED
    assert selectors.previous_briefing(scheduled) == held
    rows = selectors.conclusion_rows(held, cast.admin)
    assert selectors.tally(rows)["done"] == 2 and len(rows) == 4
    assert scheduled.period == held.period.next()
