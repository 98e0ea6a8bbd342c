"""Task evidence: reached only through the file door, vetted on the way in."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.plans import services
from danvan.testing.files import (
    assert_all_refused,
    assert_guarded,
    assert_served,
    png_bytes,
    zip_bomb_docx,
)


def add_evidence(cast, draft, upload):
    task = draft.tasks.get(label="1.")  # led by Phường An Bình
    return services.task_add_note(task=task, actor=cast.ward_officer, text="Đã làm.", evidence=upload)


def test_evidence_is_served_only_after_scope_and_capability(cast, login, draft):
    note = add_evidence(cast, draft, SimpleUploadedFile("Biên bản họp.pdf", b"%PDF-1.4\n% minutes\n%%EOF\n"))
    url = reverse("files:download", args=["task-evidence", note.pk])
    assert_guarded(
        url,
        login=login,
        out_of_scope=[cast.outsider, cast.team_leader],
        no_capability=[cast.ward_council_member],
    )
    body = assert_served(
        url,
        client=login(cast.ward_officer),
        stored_name=note.evidence.name,
        content_type="application/pdf",
        filename="Biên bản họp.pdf",
    )
    assert body.startswith(b"%PDF-1.4")
    assert login(cast.province_officer).get(url).status_code == 200


def test_evidence_is_stored_under_a_random_name_and_the_page_links_the_door(cast, login, draft):
    note = add_evidence(cast, draft, SimpleUploadedFile("bao cao <x>.pdf", b"%PDF-1.4 x"))
    folder, stored = note.evidence.name.rsplit("/", 1)
    assert folder.startswith("evidence/") and len(stored) == len("0" * 32 + ".pdf")
    assert "bao" not in stored and note.evidence_name == "bao cao <x>.pdf"
    page = login(cast.ward_officer).get(reverse("plans:task_detail", args=[note.task_id])).content.decode()
    assert reverse("files:download", args=["task-evidence", note.pk]) in page
    assert note.evidence.name not in page


def test_evidence_refuses_a_zip_bomb(cast, draft):
    with pytest.raises(ServiceError) as error:
        add_evidence(cast, draft, SimpleUploadedFile("bao-cao.docx", zip_bomb_docx()))
    assert "nén bất thường" in error.value.message
    assert error.value.field == "evidence"
    assert not draft.tasks.get(label="1.").notes.exists()


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("trang.html", b"<!doctype html><script>alert(1)</script>", "trang web"),
        ("anh.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
        ("anh.png", b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>", "không phải ảnh hợp lệ"),
        ("chuong-trinh.exe", b"MZ\x90\x00" + b"\x00" * 60, "chương trình"),
    ],
)
def test_evidence_refuses_what_is_not_a_document_or_a_picture(cast, draft, name, data, words):
    with pytest.raises(ServiceError) as error:
        add_evidence(cast, draft, SimpleUploadedFile(name, data))
    assert words in error.value.message and name in error.value.message


def test_the_task_page_shows_the_refusal_in_vietnamese(cast, login, draft):
    task = draft.tasks.get(label="1.")
    response = login(cast.ward_officer).post(
        reverse("plans:task_detail", args=[task.pk]),
        {"status": "in_progress", "text": "Ảnh", "evidence": SimpleUploadedFile("x.svg", b"<svg></svg>")},
    )
    assert response.status_code == 200
    assert "ảnh SVG không được nhận" in response.content.decode()
    assert not task.notes.exists()


def test_a_photo_as_evidence_is_re_encoded_and_shown_inline_with_a_thumbnail(cast, login, draft):
    note = add_evidence(cast, draft, SimpleUploadedFile("hien-truong.png", png_bytes((1200, 900))))
    assert note.evidence.name.endswith(".png")
    client = login(cast.ward_officer)
    assert_served(
        reverse("files:download", args=["task-evidence", note.pk]),
        client=client,
        stored_name=note.evidence.name,
        content_type="image/png",
        inline=True,
    )
    thumb = client.get(reverse("files:thumbnail", args=["task-evidence", note.pk]))
    assert thumb.status_code == 200 and thumb["Content-Type"] == "image/jpeg"
    from PIL import Image

    assert max(Image.open(io.BytesIO(b"".join(thumb.streaming_content))).size) <= 480


def test_the_task_page_refuses_every_hostile_upload(cast, login, draft):
    from danvan.plans.models import TaskNote

    task = draft.tasks.get(label="1.")
    client = login(cast.ward_officer)
    url = reverse("plans:task_detail", args=[task.pk])
    assert_all_refused(
        lambda upload: client.post(url, {"status": "in_progress", "text": "Minh chứng", "evidence": upload}),
        stored_count=TaskNote.objects.count,
    )
