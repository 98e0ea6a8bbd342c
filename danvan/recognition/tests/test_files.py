"""The movement's stored files: exemplar photos and documents, contest entries, medal dossier files.
Each is reached only through the file door: scope (404), capability (403), then the bytes."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from danvan.core.errors import ServiceError
from danvan.recognition.contest import services as services_contest
from danvan.recognition.medals import services as services_medals
from danvan.recognition.models import Attachment, Contest, Exemplar, Field
from danvan.recognition.registry import services
from danvan.testing.files import assert_all_refused, assert_guarded, assert_served, png_bytes

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes(text="Bài viết") -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def exemplar(cast):
    return services.exemplar_save(
        actor=cast.ward_officer,
        unit=cast.ward,
        year=2026,
        kind="initiative",
        field=Field.objects.get(name="Kinh tế"),
        title="Tổ hợp tác trồng rau an toàn",
    )


def attach(cast, exemplar, name, data, **extra):
    upload = SimpleUploadedFile(name, data)
    return services.attach(actor=cast.ward_officer, exemplar=exemplar, upload=upload, **extra)


# --- exemplar attachments --------------------------------------------------------------------------------


def test_an_exemplar_photo_is_guarded_re_encoded_and_served_inline(cast, login, exemplar):
    photo = attach(cast, exemplar, "Ra quân.png", png_bytes() + b"<html><script>alert(1)</script></html>")
    assert photo.kind == Attachment.Kind.PHOTO and photo.file.name.endswith(".png")
    url = reverse("files:download", args=["exemplar-attachment", photo.pk])
    assert_guarded(url, login=login, out_of_scope=[cast.outsider], no_capability=[cast.ward_council_member])
    body = assert_served(
        url,
        client=login(cast.ward_officer),
        stored_name=photo.file.name,
        content_type="image/png",
        inline=True,
        filename="Ra quân.png",
    )
    assert body.startswith(b"\x89PNG") and b"<html" not in body  # what was appended is gone


def test_the_old_attachment_address_runs_the_same_checks(cast, login, exemplar):
    document = attach(cast, exemplar, "bao-cao.docx", docx_bytes())
    url = reverse("recognition:attachment_file", args=[exemplar.pk, document.pk])
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.ward_council_member).get(url).status_code == 403
    response = login(cast.ward_officer).get(url)
    assert response.status_code == 200 and response["Content-Type"] == DOCX
    assert response["Content-Disposition"].startswith("attachment")


def test_a_private_document_is_an_attachment_and_never_public(cast, login, exemplar):
    document = attach(cast, exemplar, "hồ sơ.docx", docx_bytes())
    assert document.kind == Attachment.Kind.DOCUMENT and not document.is_public
    url = reverse("files:download", args=["exemplar-attachment", document.pk])
    assert_guarded(url, login=login, out_of_scope=[cast.outsider], no_capability=[cast.ward_council_member])
    assert_served(url, client=login(cast.ward_officer), stored_name=document.file.name, content_type=DOCX)
    Exemplar.objects.filter(pk=exemplar.pk).update(status=Exemplar.Status.RECOGNISED)
    Attachment.objects.filter(pk=document.pk).update(is_public=True)  # even marked public by mistake
    assert Client().get(reverse("files:public", args=["exemplar-attachment", document.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        (
            "x.html",
            b"\x89PNG\r\n\x1a\n<html><script>alert(document.cookie)</script></html>",
            "không phải ảnh",
        ),
        (
            "anh.svg",
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
            "ảnh SVG không được nhận",
        ),
        ("anh.png", b"<svg onload=alert(1)>", "ảnh SVG không được nhận"),
    ],
)
def test_an_html_or_svg_photo_is_refused(cast, exemplar, name, data, words):
    with pytest.raises(ServiceError) as error:
        attach(cast, exemplar, name, data)
    assert words in error.value.message
    assert not exemplar.attachments.exists()


def test_an_image_bomb_is_refused_from_its_header(cast, exemplar):
    import struct
    import zlib

    def chunk(kind, payload):
        return (
            struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
        )

    # 30,000 × 30,000 pixels declared (900 million): a few hundred bytes that would decode to gigabytes.
    header = struct.pack(">IIBBBBB", 30_000, 30_000, 8, 0, 0, 0, 0)
    bomb = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 30_001 * 4))
        + chunk(b"IEND", b"")
    )
    with pytest.raises(ServiceError) as error:
        attach(cast, exemplar, "bom.png", bomb)
    assert "quá lớn" in error.value.message and "thu nhỏ ảnh" in error.value.message


def test_photos_get_a_thumbnail_beside_them(cast, login, exemplar):
    photo = attach(cast, exemplar, "lon.jpg", png_bytes((2000, 1500), fmt="JPEG"))
    assert photo.file.name.endswith(".jpg")
    thumb_name = photo.file.name[: -len(".jpg")] + ".thumb.jpg"
    assert photo.file.storage.exists(thumb_name)
    url = reverse("files:thumbnail", args=["exemplar-attachment", photo.pk])
    assert_guarded(url, login=login, out_of_scope=[cast.outsider], no_capability=[cast.ward_council_member])
    body = assert_served(
        url, client=login(cast.ward_officer), stored_name=thumb_name, content_type="image/jpeg", inline=True
    )
    assert len(body) < photo.file.size
    page = login(cast.ward_officer).get(exemplar.get_absolute_url()).content.decode()
    assert reverse("files:thumbnail", args=["exemplar-attachment", photo.pk]) in page


def test_public_photos_of_recognised_entries_have_a_public_route_and_private_ones_do_not(cast, exemplar):
    public = attach(cast, exemplar, "cong-khai.png", png_bytes())
    private = attach(cast, exemplar, "noi-bo.png", png_bytes(), is_public=False)
    public_url = reverse("files:public", args=["exemplar-attachment", public.pk])
    assert Client().get(public_url).status_code == 404  # the entry is not recognised yet
    Exemplar.objects.filter(pk=exemplar.pk).update(status=Exemplar.Status.RECOGNISED)
    assert Client().get(public_url).status_code == 404  # recognised, not yet published
    Exemplar.objects.filter(pk=exemplar.pk).update(published_at=timezone.now())
    response = Client().get(public_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff" and response["Cache-Control"].startswith("public")
    thumb = Client().get(reverse("files:public_thumbnail", args=["exemplar-attachment", public.pk]))
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"
    for url in (
        reverse("files:public", args=["exemplar-attachment", private.pk]),
        reverse("files:public_thumbnail", args=["exemplar-attachment", private.pk]),
        reverse("showcase:photo", args=[private.pk]),
        reverse("files:public", args=["medal-dossier-file", public.pk]),  # a kind with no public route
    ):
        assert Client().get(url).status_code == 404, url
    # The private address still wants a login even for a public photo.
    assert Client().get(reverse("files:download", args=["exemplar-attachment", public.pk])).status_code == 302


# --- contest entries -------------------------------------------------------------------------------------


@pytest.fixture
def province_contest(cast):
    return services_contest.contest_save(
        actor=cast.province_officer, owner=cast.province, name="Cuộc thi báo chí tỉnh 2025"
    )


def send_entry(actor, contest, unit, title):
    return services_contest.entry_save(
        actor=actor,
        contest=contest,
        submitted_by=unit,
        title=title,
        author="Nguyễn Văn Báo",
        outlet="Báo tỉnh",
        published_on=date(2025, 5, 19),
        upload=SimpleUploadedFile(f"{title}.docx", docx_bytes(title)),
    )


def test_competing_units_cannot_read_each_others_entries_before_the_results(cast, login, province_contest):
    ours = send_entry(cast.ward_officer, province_contest, cast.ward, "Bài phường An Bình")
    send_entry(cast.outsider, province_contest, cast.other_ward, "Bài phường Bắc Hà")
    url = reverse("files:download", args=["contest-entry", ours.pk])
    # Phường Bắc Hà competes; the agency sees the contest but sent nothing: neither reads our entry.
    assert_guarded(
        url,
        login=login,
        out_of_scope=[cast.outsider, cast.focal_point],
        no_capability=[cast.ward_council_member],
    )
    for organiser_or_sender in (cast.ward_officer, cast.province_officer):
        assert_served(
            url,
            client=login(organiser_or_sender),
            stored_name=ours.file.name,
            content_type=DOCX,
            filename="Bài phường An Bình.docx",
        )
    old_address = reverse("recognition:contest_entry_file", args=[province_contest.pk, ours.pk])
    assert login(cast.outsider).get(old_address).status_code == 404
    Contest.objects.filter(pk=province_contest.pk).update(status=Contest.Status.FINISHED)
    assert login(cast.outsider).get(url).status_code == 200  # results published: entries are open to all


def test_a_judge_reads_every_entry(cast, login, province_contest):
    ours = send_entry(cast.ward_officer, province_contest, cast.ward, "Bài dự thi")
    services_contest.round_save(
        actor=cast.province_officer,
        contest=province_contest,
        name="Sơ khảo",
        order=1,
        max_points=10,
        judges=[cast.ward_council_member],
    )
    url = reverse("files:download", args=["contest-entry", ours.pk])
    assert login(cast.ward_council_member).get(url).status_code == 200


# --- medal dossiers --------------------------------------------------------------------------------------


def test_medal_dossier_files_are_guarded(cast, login):
    from danvan.recognition.tests.test_medals import GROUP

    services_medals.rule_save(actor=cast.admin, name="Thời gian công tác", group=GROUP, min_years=10)
    nomination = services_medals.nomination_propose(
        actor=cast.team_leader,
        unit=cast.team,
        person=cast.team_person,
        group=GROUP,
        achievements="Vận động nhân dân hiến đất làm đường",
    )
    item = services_medals.dossier_add(
        actor=cast.team_leader,
        nomination=nomination,
        upload=SimpleUploadedFile("Tóm tắt thành tích.docx", docx_bytes()),
        max_bytes=1_000_000,
    )
    assert item.file.name.startswith("medals/") and "tom" not in item.file.name.lower()
    url = reverse("files:download", args=["medal-dossier-file", item.pk])
    assert_guarded(url, login=login, out_of_scope=[cast.outsider], no_capability=[cast.ward_council_member])
    for user in (cast.team_leader, cast.ward_officer):
        assert_served(
            url,
            client=login(user),
            stored_name=item.file.name,
            content_type=DOCX,
            filename="Tóm tắt thành tích.docx",
        )
    old_address = reverse("recognition:medal_file_download", args=[nomination.pk, item.pk])
    assert login(cast.outsider).get(old_address).status_code == 404
    assert login(cast.ward_officer).get(old_address).status_code == 200


def test_files_stored_before_the_door_keep_working_and_a_stored_page_is_only_a_download(
    cast, login, exemplar
):
    from django.core.files.base import ContentFile

    storage = Attachment._meta.get_field("file").storage
    legacy = {}
    for name, data in [
        ("anh.png", png_bytes()),
        ("x.html", b"\x89PNG\r\n\x1a\n<html><script>1</script></html>"),
    ]:
        stored = storage.save(f"exemplars/2025/06/{name}", ContentFile(data))  # the old open address shape
        legacy[name] = Attachment.objects.create(
            exemplar=exemplar, kind=Attachment.Kind.PHOTO, file=stored, name=name, is_public=True
        )
    client = login(cast.ward_officer)
    photo = client.get(reverse("files:download", args=["exemplar-attachment", legacy["anh.png"].pk]))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    page = client.get(reverse("files:download", args=["exemplar-attachment", legacy["x.html"].pk]))
    assert page.status_code == 200 and page["Content-Type"] == "application/octet-stream"
    assert (
        page["Content-Disposition"].startswith("attachment") and page["X-Content-Type-Options"] == "nosniff"
    )
    assert (
        client.get(reverse("files:thumbnail", args=["exemplar-attachment", legacy["x.html"].pk])).status_code
        == 404
    )
    thumb = client.get(reverse("files:thumbnail", args=["exemplar-attachment", legacy["anh.png"].pk]))
    assert thumb.status_code == 200 and storage.exists("exemplars/2025/06/anh.thumb.jpg")  # made on first use
    Exemplar.objects.filter(pk=exemplar.pk).update(status=Exemplar.Status.RECOGNISED)
    assert Client().get(reverse("showcase:photo", args=[legacy["x.html"].pk])).status_code == 404


# --- hostile uploads on every endpoint of the movement ----------------------------------------------------


def test_the_exemplar_page_refuses_every_hostile_upload(cast, login, exemplar):
    client = login(cast.ward_officer)
    url = reverse("recognition:exemplar_detail", args=[exemplar.pk])
    assert_all_refused(
        lambda upload: client.post(
            url, {"on": "15/06/2026", "text": "Tiến độ", "figures": "", "file": upload}
        ),
        stored_count=lambda: (exemplar.attachments.count(), exemplar.updates.count()),
    )


def test_the_contest_entry_form_refuses_every_hostile_upload(cast, login, province_contest):
    client = login(cast.ward_officer)
    url = reverse("recognition:contest_entry_new", args=[province_contest.pk])
    data = {"submitted_by": cast.ward.pk, "title": "Bài", "author": "Tác giả", "outlet": "Báo tỉnh"}
    assert_all_refused(
        lambda upload: client.post(url, {**data, "file": upload}),
        stored_count=province_contest.entries.count,
    )


def test_the_medal_dossier_refuses_every_hostile_upload(cast, login):
    from danvan.recognition.tests.test_medals import GROUP

    nomination = services_medals.nomination_propose(
        actor=cast.team_leader,
        unit=cast.team,
        person=cast.team_person,
        group=GROUP,
        achievements="Thành tích",
    )
    client = login(cast.team_leader)
    url = reverse("recognition:medal_file_upload", args=[nomination.pk])
    assert_all_refused(
        lambda upload: client.post(url, {"file": upload}, follow=True), stored_count=nomination.files.count
    )
