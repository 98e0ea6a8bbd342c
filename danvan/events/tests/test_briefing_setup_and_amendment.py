"""A briefing bound to a programme item when it is set up; an ordinary event made a briefing from its own page
(only by those who may edit it, only a conference or a meeting); an amended conclusions notice read in its
current version by the briefing and by the next one's "Việc kỳ trước giao"."""

from datetime import date

import pytest
from django.urls import reverse

from danvan.core.access import Role
from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.events import services as event_services
from danvan.events.briefings import notices, selectors
from danvan.events.briefings.services import ConclusionItem, briefing_save, conclusions_add
from danvan.events.models import Event
from danvan.lib.periods import Period, PeriodKind
from danvan.lib.plandoc import PlanDocument
from danvan.lib.vndates import parse_window
from danvan.plans import services as plan_services
from danvan.plans.models import Plan, Task
from danvan.testing import factories

Q3, Q4 = Period(PeriodKind.QUARTER, 2026, 3), Period(PeriodKind.QUARTER, 2026, 4)
PICKER = "Thực hiện mục nào trong Chương trình công tác"
MAKE = "Đặt làm cuộc giao ban, sơ kết, tổng kết"


def _programme_item(actor, unit, title="Hội nghị sơ kết công tác dân vận 6 tháng"):
    doc = PlanDocument(title="công tác dân vận năm 2026", doc_type="CHƯƠNG TRÌNH", type_code="CTr")
    programme = plan_services.plan_create(actor=actor, issuing_unit=unit, doc=doc)
    return plan_services.task_create(
        plan=programme, actor=actor, title=title, lead_unit=unit, due=parse_window("tháng 7/2026")
    )


SETUP = {
    "briefing_kind": "so_ket",
    "period_kind": "half",
    "period_number": "1",
    "period_year": "2026",
    "time_text": "ngày 10/7/2026",
}


# --- 1. the programme-item picker on the setup forms --------------------------------------------------------


def test_a_new_briefing_is_bound_to_the_programme_item_chosen(cast, login):
    item = _programme_item(cast.ward_officer, cast.ward)
    client = login(cast.ward_officer)
    url = reverse("events:briefing_new")
    form = client.get(url).content.decode()
    assert PICKER in form and "Hội nghị sơ kết công tác dân vận 6 tháng" in form
    response = client.post(url, {**SETUP, "organiser": cast.ward.pk, "programme_item": item.pk})
    event = Event.objects.get(briefing_kind="so_ket")
    assert response.status_code == 302 and event.programme_item == item
    assert AuditEvent.objects.filter(
        object_id=str(event.pk), changes__has_key="programme_item"
    ).exists()  # the link is written, and recorded, by the events service
    page = client.get(reverse("events:briefing_detail", args=[event.pk])).content.decode()
    assert "Thực hiện chương trình công tác" in page and "Hội nghị sơ kết công tác dân vận 6 tháng" in page


def test_a_programme_item_out_of_sight_creates_nothing(cast, login):
    theirs = _programme_item(cast.outsider, cast.other_ward)
    response = login(cast.ward_officer).post(
        reverse("events:briefing_new"), {**SETUP, "organiser": cast.ward.pk, "programme_item": theirs.pk}
    )
    assert response.status_code == 200 and PICKER in response.content.decode()
    assert not Event.objects.filter(briefing_kind="so_ket").exists()


def test_an_event_made_a_briefing_is_bound_to_the_item_chosen(cast, login):
    item = _programme_item(cast.ward_officer, cast.ward)
    event = event_services.event_save(
        actor=cast.ward_officer, organiser=cast.ward, title="Hội nghị sơ kết", time_text="ngày 10/7/2026"
    )
    client = login(cast.ward_officer)
    assert PICKER in client.get(reverse("events:briefing_detail", args=[event.pk])).content.decode()
    response = client.post(
        reverse("events:briefing_setup", args=[event.pk]), {**SETUP, "programme_item": item.pk}
    )
    event.refresh_from_db()
    assert response.status_code == 302 and event.is_briefing and event.programme_item == item


# --- 2. "Đặt làm cuộc giao ban, sơ kết, tổng kết" on the event page -----------------------------------------


@pytest.fixture
def conference(cast):
    return event_services.event_save(
        actor=cast.ward_officer,
        organiser=cast.ward,
        title="Hội nghị cán bộ chủ chốt",
        time_text="ngày 10/7/2026",
    )


@pytest.fixture
def ward_leader(cast):
    user = factories.UserFactory.create(username="ward_leader")
    factories.grant(user, Role.LEADER, cast.ward)  # sees the ward's events, may not edit them
    return user


def test_the_event_page_offers_to_make_a_conference_a_briefing(cast, login, conference):
    page = login(cast.ward_officer).get(conference.get_absolute_url()).content.decode()
    assert MAKE in page and reverse("events:briefing_detail", args=[conference.pk]) + "#dat-giao-ban" in page
    form = login(cast.ward_officer).get(reverse("events:briefing_detail", args=[conference.pk]))
    assert 'id="dat-giao-ban"' in form.content.decode()


def test_the_action_is_not_shown_to_who_may_not_edit_nor_for_a_briefing(cast, login, conference, ward_leader):
    page = login(ward_leader).get(conference.get_absolute_url())
    assert page.status_code == 200 and MAKE not in page.content.decode()
    briefing = briefing_save(
        actor=cast.ward_officer, organiser=cast.ward, kind="giao_ban", period=Q3, time_text="ngày 25/9/2026"
    )
    page = login(cast.ward_officer).get(briefing.get_absolute_url()).content.decode()
    assert MAKE not in page and "Việc kỳ trước giao, kết luận" in page


def test_a_training_is_not_offered_nor_accepted_as_a_briefing(cast, login):
    training = event_services.event_save(
        actor=cast.ward_officer, organiser=cast.ward, title="Tập huấn nghiệp vụ", time_text="ngày 10/7/2026"
    )
    assert training.kind == Event.Kind.TRAINING
    client = login(cast.ward_officer)
    assert MAKE not in client.get(training.get_absolute_url()).content.decode()
    detail = client.get(reverse("events:briefing_detail", args=[training.pk])).content.decode()
    assert 'id="dat-giao-ban"' not in detail and "Chỉ hội nghị hoặc cuộc gặp mặt" in detail
    response = client.post(reverse("events:briefing_setup", args=[training.pk]), SETUP)
    training.refresh_from_db()
    assert response.status_code == 200 and not training.is_briefing
    assert "Chỉ hội nghị hoặc cuộc gặp mặt" in response.content.decode()
    with pytest.raises(ServiceError, match="Chỉ hội nghị hoặc cuộc gặp mặt"):
        briefing_save(
            actor=cast.ward_officer,
            organiser=cast.ward,
            kind="giao_ban",
            period=Q3,
            time_text="ngày 10/7/2026",
            event=training,
        )


def test_scope_of_making_an_event_a_briefing(cast, login, client, conference, ward_leader):
    detail = reverse("events:briefing_detail", args=[conference.pk])
    setup = reverse("events:briefing_setup", args=[conference.pk])
    for url, method in ((detail, client.get), (setup, client.post)):
        response = method(url)
        assert response.status_code == 302 and "login" in response["Location"]
    outsider = login(cast.outsider)
    assert outsider.get(detail).status_code == 404
    assert outsider.post(setup, SETUP).status_code == 404
    leader = login(ward_leader)
    page = leader.get(detail)
    assert page.status_code == 200 and 'id="dat-giao-ban"' not in page.content.decode()
    assert leader.post(setup, SETUP).status_code == 403
    conference.refresh_from_db()
    assert not conference.is_briefing
    assert login(cast.ward_officer).post(setup, SETUP).status_code == 302


# --- 3. an amended conclusions notice -----------------------------------------------------------------------


@pytest.fixture
def held(cast):
    """A held briefing whose notice is issued with two conclusions, and the next one of the same ward."""
    cast.ward.abbreviation = "PAB"
    cast.ward.save()
    last = briefing_save(
        actor=cast.ward_officer, organiser=cast.ward, kind="giao_ban", period=Q3, time_text="ngày 25/9/2026"
    )
    conclusions_add(
        actor=cast.ward_officer,
        event=last,
        items=[
            ConclusionItem("Rà soát hộ nghèo.", [cast.area], date(2026, 10, 15)),
            ConclusionItem("Tổ chức đối thoại.", [cast.bloc], date(2026, 10, 31)),
        ],
    )
    last.refresh_from_db()
    assert last.conclusions_notice is not None
    plan_services.plan_issue(
        plan=last.conclusions_notice, actor=cast.ward_officer, issued_on=date(2026, 9, 26)
    )
    upcoming = briefing_save(
        actor=cast.ward_officer, organiser=cast.ward, kind="giao_ban", period=Q4, time_text="ngày 22/12/2026"
    )
    return last, upcoming


def _section(page: str, testid: str) -> str:
    return page.split(f'data-testid="{testid}"')[1].split("</ul>")[0]


def test_an_amendment_being_drafted_takes_the_new_conclusions(cast, login, held):
    last, _upcoming = held
    old = last.conclusions_notice
    client = login(cast.ward_officer)
    url = reverse("events:briefing_detail", args=[last.pk])
    assert "conclusion-form" not in client.get(url).content.decode()  # issued: no more conclusions
    draft = plan_services.plan_amend(plan=old, actor=cast.ward_officer)
    page = client.get(url).content.decode()
    assert 'data-testid="conclusion-form"' in page and 'data-testid="notice-amendment"' in page
    assert old.symbol in page  # the issued notice stays the one in force until the amendment is issued
    response = client.post(
        reverse("events:conclusions_add", args=[last.pk]),
        {
            "ket-luan-TOTAL_FORMS": "3",
            "ket-luan-INITIAL_FORMS": "0",
            "ket-luan-0-content": "Tổng kết mô hình dân vận khéo.",
            "ket-luan-0-leads": [cast.area.pk],
            "ket-luan-0-deadline": "30/11/2026",
        },
    )
    assert response.status_code == 302
    added = Task.objects.get(title="Tổng kết mô hình dân vận khéo.")
    assert added.plan == draft and added.label == "3."
    assert not old.tasks.filter(title=added.title).exists()
    last.refresh_from_db()
    assert last.conclusions_notice == old  # the link names the first notice; the chain is followed


def test_the_briefing_and_the_next_one_read_the_amended_notice(cast, login, held):
    last, upcoming = held
    old = last.conclusions_notice
    draft = plan_services.plan_amend(plan=old, actor=cast.ward_officer)
    conclusions_add(
        actor=cast.ward_officer,
        event=last,
        items=[ConclusionItem("Tổng kết mô hình dân vận khéo.", [cast.area], date(2026, 11, 30))],
    )
    rewritten = draft.tasks.get(title="Rà soát hộ nghèo.")
    plan_services.task_update(
        task=rewritten,
        actor=cast.ward_officer,
        expected_version=rewritten.version,
        title="Rà soát hộ cận nghèo.",
    )
    new = plan_services.plan_issue(plan=draft, actor=cast.ward_officer, issued_on=date(2026, 10, 5))
    old.refresh_from_db()
    assert old.status == Plan.Status.SUPERSEDED
    assert notices.notice_in_force(old) == new and notices.writable_notice(old) is None
    done = new.tasks.get(title="Tổ chức đối thoại.")
    plan_services.task_add_note(
        task=done, actor=cast.ward_officer, text="Đã đối thoại 2 khu phố.", progress=100
    )

    client = login(cast.ward_officer)
    page = client.get(reverse("events:briefing_detail", args=[last.pk])).content.decode()
    rows = _section(page, "conclusions")
    assert "Rà soát hộ cận nghèo." in rows and "Tổng kết mô hình dân vận khéo." in rows
    assert "Rà soát hộ nghèo." not in rows and "Đã đối thoại 2 khu phố." in rows
    assert new.symbol in page and "conclusion-form" not in page  # the amendment is issued in turn

    assert [r.task.plan_id for r in selectors.conclusion_rows(last, cast.ward_officer)] == [new.pk] * 3
    next_page = client.get(reverse("events:briefing_detail", args=[upcoming.pk])).content.decode()
    asks = _section(next_page, "last-asks")
    assert "Rà soát hộ cận nghèo." in asks and "Tổng kết mô hình dân vận khéo." in asks
    assert "Rà soát hộ nghèo." not in asks and "Đã đối thoại 2 khu phố." in asks
    assert "Hoàn thành 1/3 việc" in next_page


def test_a_notice_amended_twice_is_read_at_its_last_issued_version(cast, held):
    last, _upcoming = held
    first = last.conclusions_notice
    second = plan_services.plan_issue(
        plan=plan_services.plan_amend(plan=first, actor=cast.ward_officer),
        actor=cast.ward_officer,
        issued_on=date(2026, 10, 5),
    )
    third = plan_services.plan_amend(plan=second, actor=cast.ward_officer)
    assert notices.notice_in_force(first) == second and notices.writable_notice(first) == third
    third = plan_services.plan_issue(plan=third, actor=cast.ward_officer, issued_on=date(2026, 10, 20))
    assert notices.notice_in_force(first) == third
    assert {r.task.plan_id for r in selectors.conclusion_rows(last, cast.ward_officer)} == {third.pk}
