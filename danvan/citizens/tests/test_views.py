"""Every page of the app: the scope trio (in scope with the capability 200, without it 403, out of scope 404,
anonymous to the login page) and the personal-data rule (who raised a petition shows only to its handlers)."""

import datetime
import io

import pytest
from django.test import Client
from django.urls import reverse

from danvan.citizens.dialogues import services as dialogue_services
from danvan.citizens.models import SituationReport
from danvan.citizens.situations import services as situation_services
from danvan.citizens.supervision import services as supervision_services
from danvan.core.models import AuditEvent

NAME, PHONE, ADDRESS = "Nguyễn Văn Bình", "0912345678", "Số 5 ngõ 12"
LIST_ROUTES = [
    "citizens:home",
    "citizens:dialogue_list",
    "citizens:petition_list",
    "citizens:petition_overdue",
    "citizens:activity_list",
    "citizens:propaganda_list",
    "citizens:slogan_list",
    "citizens:report",
]


@pytest.fixture
def petition(cast, record):
    return record(
        responsible_unit=cast.agency, received_on=datetime.date.today() - datetime.timedelta(days=20)
    )


@pytest.fixture
def objects(cast, petition):
    dialogue = dialogue_services.dialogue_save(
        actor=cast.ward_officer,
        organiser=cast.ward,
        topic="Đối thoại với hộ kinh doanh",
        time_text="01/10/2026",
        status="held",
    )
    report = situation_services.situation_report(
        actor=cast.ward_officer, unit=cast.ward, topic="Dư luận về giá điện", content="Người dân thắc mắc."
    )
    activity = supervision_services.activity_save(
        actor=cast.ward_officer, unit=cast.ward, kind="supervision", title="Giám sát cấp giấy chứng nhận"
    )
    return {
        "citizens:petition_detail": petition.pk,
        "citizens:petition_edit": petition.pk,
        "citizens:dialogue_detail": dialogue.pk,
        "citizens:situation_detail": report.pk,
        "citizens:activity_detail": activity.pk,
    }


@pytest.mark.parametrize("name", LIST_ROUTES)
def test_list_pages_answer_by_capability_and_send_strangers_to_login(cast, login, name):
    url = reverse(name)
    assert login(cast.ward_officer).get(url).status_code == 200
    assert login(cast.ward_council_member).get(url).status_code == 403
    response = Client().get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_object_pages_scope_trio(cast, login, objects):
    for name, pk in objects.items():
        url = reverse(name, args=[pk])
        assert login(cast.ward_officer).get(url).status_code == 200, name
        assert login(cast.ward_council_member).get(url).status_code == 403, name
        assert login(cast.outsider).get(url).status_code == 404, name
        anonymous = Client().get(url)
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"], name


def test_situation_pages_and_settings_need_their_own_capabilities(cast, login, objects):
    assert login(cast.team_leader).get(reverse("citizens:situation_list")).status_code == 200
    assert login(cast.ward_council_member).get(reverse("citizens:situation_list")).status_code == 403
    assert login(cast.ward_officer).get(reverse("citizens:settings")).status_code == 403
    assert login(cast.admin).get(reverse("citizens:settings")).status_code == 200


def _shows_personal(content: bytes) -> bool:
    text = content.decode(errors="ignore")
    return NAME in text or PHONE in text or ADDRESS in text


def test_who_raised_it_shows_on_the_detail_page_only_to_its_handlers_and_each_showing_is_audited(
    cast, login, record, petition
):
    url = reverse("citizens:petition_detail", args=[petition.pk])
    for user in (cast.ward_officer, cast.focal_point, cast.province_officer):
        assert _shows_personal(login(user).get(url).content), user
    assert AuditEvent.objects.filter(verb="view_personal", object_id=str(petition.pk)).count() == 3
    # The team leader reads the petitions of the team's own area, not who raised them.
    at_team = record(received_unit=cast.team)
    page = login(cast.team_leader).get(reverse("citizens:petition_detail", args=[at_team.pk]))
    assert page.status_code == 200 and not _shows_personal(page.content)
    assert not AuditEvent.objects.filter(verb="view_personal", actor=cast.team_leader).exists()


def test_personal_data_never_shows_on_lists_reports_exports_or_the_public_page(
    cast, login, petition, objects
):
    client = login(cast.province_officer)
    month = datetime.date.today()
    query = f"?unit={cast.province.pk}&kind=range&year={month.year}&start=01/01/2000&end={month:%d/%m/%Y}"
    pages = [
        reverse("citizens:petition_list"),
        reverse("citizens:petition_list") + "?q=binh",  # a citizen's name is not searchable
        reverse("citizens:petition_overdue") + f"?unit={cast.province.pk}",
        reverse("citizens:dialogue_detail", args=[objects["citizens:dialogue_detail"]]),
        reverse("citizens:report") + query,
        reverse("citizens:petition_similar") + f"?title=duong+ngap+nuoc&received_unit={cast.ward.pk}",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200 and not _shows_personal(response.content), url
    assert "Đường vào khu phố Đông" in client.get(reverse("citizens:report") + query).content.decode()
    docx = client.get(reverse("citizens:report") + query + "&format=docx")
    xlsx = client.get(reverse("citizens:report") + query + "&format=xlsx")
    from docx import Document
    from openpyxl import load_workbook

    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    cells = [
        str(c.value)
        for ws in load_workbook(io.BytesIO(xlsx.content)).worksheets
        for row in ws.iter_rows()
        for c in row
    ]
    assert "BÁO CÁO" in text and NAME not in text and PHONE not in text
    assert NAME not in " ".join(cells) and PHONE not in " ".join(cells)
    public = Client().get(reverse("petition_status", args=[petition.lookup_code]))
    assert public.status_code == 200 and not _shows_personal(public.content)
    assert petition.title not in public.content.decode() and "Đã giao xử lý" in public.content.decode()


def test_the_public_page_answers_a_wrong_code_with_404(petition):
    assert Client().get(reverse("petition_status", args=["ABCDEFGHJK"])).status_code == 404
    assert Client().get(reverse("petition_status", args=[petition.lookup_code.lower()])).status_code == 200
    lookup = Client().get(reverse("petition_lookup") + f"?code={petition.lookup_code}")
    assert lookup.status_code == 302


def test_a_ward_records_assigns_and_the_department_answers_through_the_pages(cast, login, land):
    ward = login(cast.ward_officer)
    response = ward.post(
        reverse("citizens:petition_new"),
        {
            "received_unit": cast.ward.pk,
            "received_on": datetime.date.today().strftime("%d/%m/%Y"),
            "kind": "recommendation",
            "field": land.pk,
            "title": "Đề nghị cấp giấy chứng nhận quyền sử dụng đất",
            "source": "reception",
            "raiser": "person",
            "raiser_count": 1,
            "full_name": NAME,
        },
    )
    assert response.status_code == 302
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    action = lambda name: reverse("citizens:petition_action", args=[pk, name])  # noqa: E731
    refused = ward.post(action("close"), follow=True).content.decode()
    assert "chưa có câu trả lời" in refused
    ward.post(action("assign"), {"unit": cast.agency.pk, "deadline": ""})
    agency = login(cast.focal_point)
    agency.post(action("answer"), {"answer": "Sở đã hướng dẫn hồ sơ.", "answered_on": ""})
    ward.post(action("inform"), {"how": "Điện thoại", "informed_on": ""})
    page = ward.get(reverse("citizens:petition_detail", args=[pk])).content.decode()
    assert "Đã thông tin cho công dân" in page and "Trả lời đúng hạn" in page


def test_urgent_reports_and_hot_spots_notify_the_units_above_at_once(cast):
    from danvan.notifications.models import Notice

    situation_services.situation_report(
        actor=cast.ward_officer,
        unit=cast.ward,
        topic="Tụ tập đông người tại UBND phường",
        content="Khoảng 50 hộ dân phản đối giá đền bù.",
        is_hot_spot=True,
        urgency="urgent",
    )
    assert Notice.objects.filter(user=cast.province_officer, title__contains="Điểm nóng").exists()
    report = SituationReport.objects.get()
    assert report.case_status == SituationReport.Case.OPEN
    situation_services.situation_note_add(actor=cast.ward_officer, report=report, text="Đã đối thoại lần 1.")
    situation_services.situation_close(
        actor=cast.ward_officer, report=report, text="Đã thống nhất phương án."
    )
    assert report.case_status == SituationReport.Case.CLOSED and report.notes.count() == 2


def test_a_supervision_recommendation_is_followed_until_answered(cast):
    from danvan.core.errors import ServiceError

    activity = supervision_services.activity_save(
        actor=cast.ward_officer, unit=cast.ward, kind="critique", title="Phản biện dự thảo quy hoạch"
    )
    rec = supervision_services.recommendation_add(
        actor=cast.ward_officer,
        activity=activity,
        addressee="Sở Nội vụ",
        addressee_unit=cast.agency,
        content="Bổ sung ý kiến Nhân dân",
        deadline=datetime.date.today() - datetime.timedelta(days=1),
        sent_on=datetime.date.today() - datetime.timedelta(days=5),
    )
    assert rec.overdue
    with pytest.raises(ServiceError, match="chưa có câu trả lời"):
        supervision_services.recommendation_close(actor=cast.ward_officer, recommendation=rec)
    supervision_services.recommendation_answer(
        actor=cast.focal_point, recommendation=rec, response="Đã tiếp thu"
    )
    assert rec.status == "answered" and not rec.overdue


def test_attachments_are_checked_by_their_bytes_and_served_only_to_those_who_see_personal_data(
    cast, login, record, petition, tmp_path, settings
):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    # A real picture: a photo is decoded and re-encoded, so a PNG signature before nothing is refused.
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    png = buffer.getvalue()
    ward = login(cast.ward_officer)
    url = reverse("citizens:petition_attach", args=[petition.pk])
    fake = ward.post(
        url, {"file": SimpleUploadedFile("don.docx", b"<html>not a document</html>")}, follow=True
    )
    assert "không phải ảnh" in fake.content.decode() and not petition.attachments.exists()
    ward.post(
        url, {"file": SimpleUploadedFile("Don cua Nguyen Van Binh.png", png), "caption": "Ảnh hiện trường"}
    )
    attachment = petition.attachments.get()
    assert "Binh" not in attachment.file.name  # the stored path carries no name
    file_url = reverse("citizens:petition_attachment", args=[petition.pk, attachment.pk])
    served = login(cast.focal_point).get(file_url)
    stored = attachment.file.open("rb").read()
    assert stored.startswith(b"\x89PNG\r\n\x1a\n")  # the re-encoded picture, served as stored
    assert served.status_code == 200 and served.content == stored and served["Content-Type"] == "image/png"
    assert AuditEvent.objects.filter(verb="view_personal", actor=cast.focal_point).exists()
    at_team = record(received_unit=cast.team)
    with_file = login(cast.ward_officer).post(
        reverse("citizens:petition_attach", args=[at_team.pk]), {"file": SimpleUploadedFile("a.png", png)}
    )
    assert with_file.status_code == 302
    team_file = at_team.attachments.get()
    team_url = reverse("citizens:petition_attachment", args=[at_team.pk, team_file.pk])
    assert login(cast.team_leader).get(team_url).status_code == 403  # sees the petition, not its files
    assert login(cast.outsider).get(file_url).status_code == 404
