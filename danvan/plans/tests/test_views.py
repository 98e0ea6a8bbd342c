import datetime

import pytest
from django.urls import reverse

from danvan.plans import services
from danvan.plans.models import Plan


@pytest.mark.parametrize("name", ["plans:plan_detail", "plans:plan_docx", "plans:plan_versions"])
def test_plan_pages_open_in_scope(cast, login, draft, name):
    assert login(cast.province_officer).get(reverse(name, args=[draft.pk])).status_code == 200


def test_a_unit_with_a_task_in_the_plan_can_read_it_but_not_edit_it(cast, login, draft):
    client = login(cast.ward_officer)
    assert client.get(reverse("plans:plan_detail", args=[draft.pk])).status_code == 200
    assert client.get(reverse("plans:plan_edit", args=[draft.pk])).status_code == 403
    assert client.post(reverse("plans:plan_issue", args=[draft.pk])).status_code == 403


def test_a_plan_outside_the_users_scope_is_not_found(cast, login, draft):
    client = login(cast.team_leader)
    for name in ["plans:plan_detail", "plans:plan_edit", "plans:plan_docx", "plans:plan_issue"]:
        assert client.get(reverse(name, args=[draft.pk])).status_code in (404, 405)
    assert client.post(reverse("plans:plan_issue", args=[draft.pk])).status_code == 404


def test_a_council_member_in_scope_lacks_the_plan_capability(cast, login, draft):
    assert login(cast.ward_council_member).get(reverse("plans:task_board")).status_code == 403


def test_issuing_through_the_page_shows_the_number(cast, login, draft):
    client = login(cast.province_officer)
    response = client.post(
        reverse("plans:plan_issue", args=[draft.pk]), {"issued_on": "15/09/2023"}, follow=True
    )
    assert "01-KH/BDVTU" in response.content.decode()
    assert Plan.objects.get(pk=draft.pk).status == Plan.Status.ISSUED


def test_the_task_board_marks_overdue_tasks_and_filters_by_unit(cast, login, draft):
    client = login(cast.province_officer)
    page = client.get(reverse("plans:task_board"), {"status": "overdue"}).content.decode()
    assert "Phường An Bình tổ chức tọa đàm" in page and "quá hạn" in page
    page = client.get(reverse("plans:task_board"), {"unit": cast.agency.pk}).content.decode()
    assert "Sở Nội vụ báo cáo" in page and "Phường An Bình tổ chức" not in page


def test_the_task_board_uses_a_bounded_number_of_queries(cast, login, draft, django_assert_max_num_queries):
    client = login(cast.province_officer)
    with django_assert_max_num_queries(12):
        client.get(reverse("plans:task_board"))


def test_the_ward_sees_only_its_own_and_partner_tasks_on_the_board(cast, login, draft):
    page = login(cast.outsider).get(reverse("plans:task_board")).content.decode()
    assert "Sở Nội vụ báo cáo" in page  # Phường Bắc Hà is a partner
    assert "Phường An Bình tổ chức" not in page


def test_a_unit_reports_progress_with_evidence(cast, login, draft):
    from django.core.files.uploadedfile import SimpleUploadedFile

    task = draft.tasks.get(label="1.")
    response = login(cast.ward_officer).post(
        reverse("plans:task_detail", args=[task.pk]),
        {
            "status": "in_progress",
            "progress": 50,
            "text": "Đã chuẩn bị hội trường.",
            "evidence": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test", content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.progress == 50 and task.notes.get().evidence_name == "bien-ban.pdf"


def test_editing_a_task_unit_in_the_draft(cast, login, draft):
    task = draft.tasks.get(label="2.")
    response = login(cast.province_officer).post(
        reverse("plans:task_edit", args=[task.pk]),
        {
            "label": "2.",
            "title": task.title,
            "lead_unit": cast.ward.pk,
            "due_text": "quý IV/2023",
            "version": task.version,
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.lead_unit == cast.ward and task.due_end == datetime.date(2023, 12, 31)


def test_a_unit_calendar_lists_its_deadlines_without_login(cast, login, draft, client):
    services.plan_issue(plan=draft, actor=cast.province_officer, issued_on=datetime.date(2023, 9, 12))
    page = login(cast.ward_officer).get(reverse("plans:unit_calendar_link", args=[cast.ward.pk]))
    url = page.context["url"]
    body = client.get(url).content.decode()
    assert "BEGIN:VCALENDAR" in body and "DTSTART;VALUE=DATE:20230930" in body
    assert "Sở Nội vụ báo cáo" not in body
    assert client.get(reverse("plans:calendar_feed", args=["khong-dung"])).status_code == 404
