import pytest
from django.test import Client
from django.urls import reverse

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
    ["giay-moi.docx", "the-ten.docx", "danh-sach.xlsx", "danh-sach.docx", "ky-yeu.docx", "bao-cao.docx"],
)
def test_the_event_documents_download(cast, login, event, invitation, name):
    response = login(cast.province_officer).get(reverse("events:document", args=[event.pk, name]))
    assert response.status_code == 200 and response.content[:2] == b"PK"


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
