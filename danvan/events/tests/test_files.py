"""Presentations (tham luận) are reached only through the file door."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.events import services
from danvan.testing.files import assert_all_refused, assert_guarded, assert_served

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Kinh nghiệm vận động nhân dân hiến đất làm đường")
    document.save(buffer)
    return buffer.getvalue()


def test_a_presentation_is_served_only_after_scope_and_capability(cast, login, event):
    services.group_save(
        actor=cast.province_officer, event=event, label="Đại biểu phường", nominating_unit=cast.ward
    )
    presentation = services.presentations_request(
        actor=cast.province_officer, event=event, units=[cast.ward]
    )[0]
    presentation = services.presentation_upload(
        actor=cast.ward_officer,
        presentation=presentation,
        upload=SimpleUploadedFile("Tham luận phường An Bình.docx", docx_bytes()),
        title="Tham luận",
        presenter="",
        max_bytes=10_000_000,
    )
    assert presentation.file.name.startswith("presentations/") and presentation.file.name.endswith(".docx")
    assert "Tham" not in presentation.file.name
    url = reverse("files:download", args=["presentation", presentation.pk])
    # The council member sees the event (the ward sends delegates) but holds no right to read events.
    assert_guarded(url, login=login, out_of_scope=[cast.outsider], no_capability=[cast.ward_council_member])
    for user in (cast.ward_officer, cast.province_officer):
        assert_served(
            url,
            client=login(user),
            stored_name=presentation.file.name,
            content_type=DOCX,
            filename="Tham luận phường An Bình.docx",
        )


def test_the_event_page_links_the_presentation_through_the_door(cast, login, event):
    presentation = services.presentations_request(
        actor=cast.province_officer, event=event, units=[cast.ward]
    )[0]
    services.presentation_upload(
        actor=cast.ward_officer,
        presentation=presentation,
        upload=SimpleUploadedFile("tham-luan.docx", docx_bytes()),
        title="Tham luận",
        presenter="",
        max_bytes=10_000_000,
    )
    page = login(cast.province_officer).get(event.get_absolute_url()).content.decode()
    assert reverse("files:download", args=["presentation", presentation.pk]) in page


def test_the_presentation_upload_refuses_every_hostile_upload(cast, login, event):
    services.group_save(
        actor=cast.province_officer, event=event, label="Đại biểu phường", nominating_unit=cast.ward
    )
    presentation = services.presentations_request(
        actor=cast.province_officer, event=event, units=[cast.ward]
    )[0]
    client = login(cast.ward_officer)
    url = reverse("events:presentation_upload", args=[event.pk, presentation.pk])

    def stored():
        presentation.refresh_from_db()
        return bool(presentation.file), presentation.status

    assert_all_refused(
        lambda upload: client.post(url, {"title": "Tham luận", "file": upload}, follow=True),
        stored_count=stored,
    )
