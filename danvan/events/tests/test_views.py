import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from danvan.core.jobs.models import DocumentJob
from danvan.events import selectors, services
from danvan.events.models import Invitation
from danvan.testing.factories import PersonFactory


@pytest.fixture
def invitation(cast, event, group):
    person = PersonFactory(full_name="Nguyễn Thị Hồng Nhung", title="Tổ trưởng", unit=cast.area)
    return services.invite_people(actor=cast.province_officer, event=event, group=group, people=[person])[0]


def test_the_event_page_scope_trio(cast, login, event):
    url = reverse("events:event_detail", args=[event.pk])
    assert login(cast.province_officer).get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404
    assert (
        login(cast.ward_council_member).get(url).status_code == 404
    )  # not organised nor asked in its subtree
    from danvan.testing.factories import UserFactory, grant

    viewer = UserFactory(username="council_at_province")
    grant(viewer, "council_member", cast.province)
    assert login(viewer).get(url).status_code == 403
    assert login(cast.ward_officer).get(reverse("events:desk", args=[event.pk])).status_code == 404


def test_the_group_panel_uses_a_bounded_number_of_queries(
    cast, login, event, group, django_assert_max_num_queries
):
    for n in range(8):  # every group asks a unit to nominate: still no query per group
        services.group_save(
            actor=cast.province_officer,
            event=event,
            label=f"Thành phần {n}",
            quota=5,
            nominating_unit=cast.ward,
        )
    client = login(cast.province_officer)
    with django_assert_max_num_queries(10):
        client.get(reverse("events:event_detail", args=[event.pk]), HTTP_HX_REQUEST="true")


def test_the_personal_link_needs_no_account_and_shows_nothing_else(cast, event, group, invitation):
    other = services.invite_people(
        actor=cast.province_officer,
        event=event,
        group=group,
        people=[PersonFactory(full_name="Đại Biểu Khác", unit=cast.area)],
    )[0]
    client = Client()
    page = client.get(f"/e/{invitation.token}/").content.decode()
    assert "Nguyễn Thị Hồng Nhung" in page and "Đại Biểu Khác" not in page and other.token not in page
    client.post(f"/e/{invitation.token}/", {"answer": "accepted"})
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.ACCEPTED
    again = client.post(f"/e/{invitation.token}/", {"answer": "declined"}).content.decode()
    assert "đã được trả lời" in again
    assert Client().get("/e/gia-mao-token/").status_code == 404


def test_tokens_are_unguessable(cast, event, group):
    people = PersonFactory.create_batch(2, unit=cast.ward)
    tokens = [
        i.token
        for i in services.invite_people(actor=cast.province_officer, event=event, group=group, people=people)
    ]
    assert len(set(tokens)) == 2 and all(len(t) >= 32 for t in tokens)


def test_the_desk_finds_a_delegate_without_diacritics_and_checks_in_once(cast, login, event, invitation):
    client = login(cast.province_officer)
    found = client.get(reverse("events:desk", args=[event.pk]), {"q": "nhung"}, HTTP_HX_REQUEST="true")
    assert "Nguyễn Thị Hồng Nhung" in found.content.decode()
    first = client.post(
        reverse("events:desk_check_in", args=[event.pk]),
        {"invitation": invitation.pk},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    second = client.post(
        reverse("events:desk_check_in", args=[event.pk]), {"code": invitation.token}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "Đã điểm danh" in first and "không tính hai lần" in second
    assert selectors.group_panel(event)[0]["present"] == 1


def test_the_desk_reads_the_qr_link(cast, login, event, invitation):
    client = login(cast.province_officer)
    page = client.post(
        reverse("events:desk_check_in", args=[event.pk]),
        {"code": f"http://danvan.example/e/{invitation.token}/"},
    ).content.decode()
    assert "Đã điểm danh" in page


@pytest.mark.parametrize(
    "name",
    [
        "giay-moi.docx",
        "the-ten.docx",
        "danh-sach.xlsx",
        "danh-sach.docx",
        "ky-yeu.docx",
        "bao-cao.docx",
    ],
)
def test_the_event_documents_are_made_by_a_job_and_downloaded_when_done(cast, login, event, invitation, name):
    client = login(cast.province_officer)
    response = client.post(reverse("events:document", args=[event.pk, name]))
    assert response.status_code == 302 and response["Location"].endswith("#tai-lieu")
    job = DocumentJob.objects.get()
    assert (job.status, job.owner, job.subject, job.params["name"]) == (
        "done",
        cast.province_officer,
        event,
        name,
    )
    assert job.file_name.startswith(name.split(".")[0] + "-hoi-nghi-toa-dam-to-dan-van-2026")
    page = client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    download = reverse("jobs:job_download", args=[job.pk])
    assert download in page
    data = b"".join(client.get(download).streaming_content)
    assert data[:2] == b"PK"


def test_the_event_documents_are_queued_not_rendered_in_the_request(cast, login, event, invitation, settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }  # a worker never runs
    client = login(cast.province_officer)
    client.post(reverse("events:document", args=[event.pk, "giay-moi.docx"]))
    job = DocumentJob.objects.get()
    assert (job.status, bool(job.result), job.done) == ("queued", False, 0)
    page = client.get(reverse("events:event_detail", args=[event.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "Đang chờ" in page  # the card polls until the worker is done
    from danvan.core.jobs.tasks import run_document_job

    run_document_job.call(job.pk)  # what the worker does
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 2, 2)  # one letter, one QR image
    letters = Document(job.result.open("rb"))
    assert "Nguyễn Thị Hồng Nhung" in "\n".join(p.text for p in letters.paragraphs)


def test_a_get_of_a_document_asks_for_nothing(cast, login, event, invitation):
    response = login(cast.province_officer).get(reverse("events:document", args=[event.pk, "giay-moi.pdf"]))
    assert response.status_code == 302 and not DocumentJob.objects.exists()


def test_only_the_events_managers_ask_for_its_documents(cast, login, event, invitation):
    url = reverse("events:document", args=[event.pk, "giay-moi.docx"])
    assert login(cast.outsider).post(url).status_code == 404
    assert login(cast.ward_officer).post(url).status_code == 404
    assert not DocumentJob.objects.exists()


def test_the_letters_pdf_fails_with_a_message_when_libreoffice_is_missing(
    cast, login, event, invitation, monkeypatch
):
    from danvan.lib.officialdoc import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    client = login(cast.province_officer)
    client.post(reverse("events:document", args=[event.pk, "giay-moi.pdf"]))
    job = DocumentJob.objects.get()
    assert job.status == "failed" and "LibreOffice" in job.error
    assert "LibreOffice" in client.get(reverse("events:event_detail", args=[event.pk])).content.decode()


def test_the_printed_letters_of_the_unsent_leave_out_those_with_an_address(
    cast, login, event, group, invitation
):
    mailed = services.invite_people(
        actor=cast.province_officer, event=event, group=group, people=[PersonFactory(full_name="Có Thư Điện")]
    )[0]
    Invitation.objects.filter(pk=mailed.pk).update(email="co.thu@example.vn")
    login(cast.province_officer).post(
        reverse("events:document", args=[event.pk, "giay-moi.docx"]), {"unsent": "1"}
    )
    job = DocumentJob.objects.get()
    text = "\n".join(p.text for p in Document(job.result.open("rb")).paragraphs)
    assert job.params["unsent"] is True and "Nguyễn Thị Hồng Nhung" in text and "Có Thư Điện" not in text


def test_invitations_are_mailed_to_those_with_an_address(cast, login, event, group, invitation, mailoutbox):
    from django.test import TestCase

    Invitation.objects.filter(pk=invitation.pk).update(email="nhung@example.vn")
    with TestCase.captureOnCommitCallbacks(execute=True):
        login(cast.province_officer).post(reverse("events:invitations_send", args=[event.pk]))
    assert mailoutbox[0].to == ["nhung@example.vn"] and invitation.token in mailoutbox[0].body


def test_the_calendar_and_ical_list_visible_events(cast, login, event):
    client = login(cast.province_officer)
    page = client.get(reverse("events:calendar"), {"y": 2099, "m": 12}).content.decode()
    assert "Hội nghị tọa đàm Tổ Dân vận 2026" in page
    feed = client.get(reverse("events:ical")).content.decode()
    assert "BEGIN:VEVENT" in feed and "DTSTART;VALUE=DATE:20991211" in feed


def test_the_edit_page_starts_from_the_event_and_refuses_a_stale_form(cast, login, event):
    client = login(cast.province_officer)
    url = reverse("events:event_edit", args=[event.pk])
    page = client.get(url).content.decode()
    assert "dự kiến trung tuần tháng 12/2099" in page and 'name="version" value="1"' in page
    data = {
        "organiser": cast.ward.pk,  # the organiser is chosen once: a posted one is ignored
        "kind": event.kind,
        "title": "Hội nghị tọa đàm đổi tên",
        "time_text": "ngày 15/12/2099",
        "venue": event.venue,
        "version": 1,
    }
    assert client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert (event.title, event.time_kind, event.version, event.organiser) == (
        "Hội nghị tọa đàm đổi tên",
        "exact",
        2,
        cast.province,
    )
    stale = client.post(url, {**data, "title": "Bản cũ"})
    assert stale.status_code == 200 and "người khác sửa" in stale.content.decode()
    event.refresh_from_db()
    assert event.title == "Hội nghị tọa đàm đổi tên"
