"""The write pages of dialogues, situations, supervision, propaganda and settings, through the views; and the
list pages' bounded query counts."""

import datetime

import pytest
from django.urls import reverse

from danvan.citizens.models import (
    DeadlineRule,
    Dialogue,
    PetitionField,
    PropagandaEntry,
    Recommendation,
    SituationReport,
    Slogan,
    SupervisionActivity,
)

TODAY = datetime.date.today()


def test_a_dialogue_planned_from_a_plan_task_keeps_its_words_and_link(cast, login):
    from danvan.plans.models import Plan, Task

    plan = Plan.objects.create(issuing_unit=cast.ward, title="Kế hoạch Tháng Dân vận")
    task = Task.objects.create(
        plan=plan, title="Tổ chức đối thoại với thanh niên", lead_unit=cast.ward, due_text="tháng 12/2099"
    )
    client = login(cast.ward_officer)
    page = client.get(reverse("citizens:dialogue_new") + f"?task={task.pk}").content.decode()
    assert "Tổ chức đối thoại với thanh niên" in page and "tháng 12/2099" in page
    response = client.post(
        reverse("citizens:dialogue_new") + f"?task={task.pk}",
        {
            "organiser": cast.ward.pk,
            "form": "group",
            "topic": "Tổ chức đối thoại với thanh niên",
            "time_text": "tháng 12/2099",
            "status": "planned",
            "answered_on_spot": 0,
        },
    )
    dialogue = Dialogue.objects.get()
    assert (
        response.status_code == 302
        and dialogue.task == task
        and dialogue.time_start == datetime.date(2099, 12, 1)
    )
    assert (
        client.get(reverse("citizens:dialogue_list") + "?year=2099&month=12")
        .content.decode()
        .count("Tổ chức đối thoại với thanh niên")
        == 1
    )
    assert login(cast.outsider).get(reverse("citizens:dialogue_new") + f"?task={task.pk}").status_code == 404


def test_a_held_dialogue_needs_its_day_and_says_so(cast, login):
    response = login(cast.ward_officer).post(
        reverse("citizens:dialogue_new"),
        {
            "organiser": cast.ward.pk,
            "form": "subject",
            "topic": "Đối thoại",
            "time_text": "",
            "status": "held",
            "answered_on_spot": 0,
        },
    )
    assert response.status_code == 200 and "cần có ngày tổ chức" in response.content.decode()
    assert not Dialogue.objects.exists()


def test_an_urgent_situation_report_through_its_form(cast, login):
    client = login(cast.team_leader)
    response = client.post(
        reverse("citizens:situation_new"),
        {
            "unit": cast.team.pk,
            "reported_on": TODAY.strftime("%d/%m/%Y"),
            "urgency": "urgent",
            "is_hot_spot": "on",
            "topic": "Tranh chấp lối đi chung",
            "content": "Hai nhóm hộ dân xô xát.",
        },
    )
    report = SituationReport.objects.get()
    assert response.status_code == 302 and report.case_status == "open"
    client.post(
        reverse("citizens:situation_action", args=[report.pk, "note"]), {"text": "Tổ hòa giải đã gặp."}
    )
    refused = client.post(
        reverse("citizens:situation_action", args=[report.pk, "close"]), {"text": ""}, follow=True
    )
    assert "Hãy ghi kết quả xử lý" in refused.content.decode()
    assert login(cast.outsider).get(reverse("citizens:situation_detail", args=[report.pk])).status_code == 404


def test_supervision_through_its_pages(cast, login):
    client = login(cast.ward_officer)
    client.post(
        reverse("citizens:activity_new"),
        {"unit": cast.ward.pk, "kind": "supervision", "title": "Giám sát thu chi quỹ phòng chống thiên tai"},
    )
    activity = SupervisionActivity.objects.get()
    client.post(
        reverse("citizens:recommendation_add", args=[activity.pk]),
        {"addressee": "UBND phường", "content": "Công khai thu chi", "deadline": "01/01/2000"},
    )
    assert not Recommendation.objects.exists()  # a deadline before sending is refused
    client.post(
        reverse("citizens:recommendation_add", args=[activity.pk]),
        {"addressee": "UBND phường", "content": "Công khai thu chi", "deadline": ""},
    )
    rec = Recommendation.objects.get()
    client.post(
        reverse("citizens:recommendation_action", args=[activity.pk, rec.pk, "answer"]),
        {"response": "Đã làm"},
    )
    client.post(reverse("citizens:recommendation_action", args=[activity.pk, rec.pk, "close"]))
    assert Recommendation.objects.get().status == "closed"


def test_propaganda_and_the_slogan_library_through_their_pages(cast, login):
    client = login(cast.ward_officer)
    response = client.post(
        reverse("citizens:propaganda_new"),
        {
            "unit": cast.ward.pk,
            "kind": "social",
            "title": "Clip Tổ Dân vận hiến đất làm đường",
            "published_on": TODAY.strftime("%d/%m/%Y"),
            "campaign": "Tháng Dân vận",
            "link": "facebook.com/p/1",
            "views": 1200,
            "shares": 30,
        },
    )
    entry = PropagandaEntry.objects.get()
    assert response.status_code == 302 and entry.link == "https://facebook.com/p/1" and entry.reach == 1230
    listing = client.get(reverse("citizens:propaganda_list") + "?q=hien+dat").content.decode()
    assert "Clip Tổ Dân vận hiến đất làm đường" in listing
    client.post(
        reverse("citizens:slogan_new"), {"unit": cast.ward.pk, "text": "Dân vận khéo thì việc gì cũng xong"}
    )
    again = client.post(
        reverse("citizens:slogan_new"), {"unit": cast.ward.pk, "text": "Dân vận khéo thì việc gì cũng xong"}
    )
    assert "đã có trong thư viện" in again.content.decode()
    slogan = Slogan.objects.get()
    client.post(reverse("citizens:slogan_reuse", args=[slogan.pk]))
    assert Slogan.objects.get().times_used == 1 and PropagandaEntry.objects.filter(kind="slogan").count() == 1


def test_settings_edit_the_fields_and_the_days(cast, login):
    client = login(cast.admin)
    client.post(reverse("citizens:field_add"), {"name": "Giáo dục", "order": 50, "active": "on"})
    duplicate = client.post(reverse("citizens:field_add"), {"name": "giao duc", "order": 50}, follow=True)
    assert (
        "đã có" in duplicate.content.decode() and PetitionField.objects.filter(name="Giáo dục").count() == 1
    )
    rule = DeadlineRule.objects.get(kind="recommendation")
    client.post(reverse("citizens:rule_edit", args=[rule.pk]), {"days": 15, "note": "Quy chế mới"})
    assert DeadlineRule.objects.get(pk=rule.pk).days == 15
    assert (
        login(cast.ward_officer).post(reverse("citizens:rule_edit", args=[rule.pk]), {"days": 1}).status_code
        == 403
    )


@pytest.mark.parametrize(
    "name",
    ["citizens:petition_list", "citizens:petition_overdue", "citizens:dialogue_list", "citizens:report"],
)
def test_list_pages_use_a_bounded_number_of_queries(cast, login, record, name, django_assert_max_num_queries):
    for n in range(12):
        record(
            title=f"Kiến nghị số {n}",
            responsible_unit=cast.agency,
            received_on=TODAY - datetime.timedelta(days=n),
        )
    client = login(cast.province_officer)
    client.get(reverse(name))
    with django_assert_max_num_queries(14):
        assert client.get(reverse(name)).status_code == 200


def test_a_write_without_the_capability_is_refused_before_its_input_is_read(cast, login, record):
    """An empty form from someone who may not write is a 403, not a 'fill the form' message."""
    petition = record()
    activity = SupervisionActivity.objects.create(unit=cast.ward, title="Giám sát")
    council = login(cast.ward_council_member)
    assert council.post(reverse("citizens:petition_merge", args=[petition.pk])).status_code == 403
    assert council.post(reverse("citizens:recommendation_add", args=[activity.pk])).status_code == 403
    officer = login(cast.ward_officer)
    rule = DeadlineRule.objects.first()
    assert officer.post(reverse("citizens:field_add")).status_code == 403
    assert officer.post(reverse("citizens:rule_edit", args=[rule.pk])).status_code == 403
