"""A unit's answer through its states: an upload never silently replaces typed rows, every send asks the
same question, a sent answer is read-only, the Ban sees review controls only, a signed document attached."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.reporting import services
from danvan.reporting.models import Submission, UploadPreview
from danvan.testing.files import png_bytes

from .conftest import row_for
from .test_uploads_flow import filled_docx

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _typed(cast, call, registration, names):
    submission = services.submission_for(call=call, unit=cast.ward)
    rows = [row_for(registration, ten=name, thoi="15/10/2023") for name in names]
    return services.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, rows=rows
    )


def _uploaded(client, submission, registration):
    data = filled_docx(registration, [["Từ tệp", "20/10/2023", "cấp xã", "cán bộ", "", ""]])
    response = client.post(
        reverse("reporting:submission_upload", args=[submission.pk]),
        {"file": SimpleUploadedFile("dang-ky.docx", data)},
    )
    return response["Location"]


def test_an_upload_over_typed_rows_asks_replace_or_append_and_refuses_to_guess(
    cast, login, call, registration
):
    submission = _typed(cast, call, registration, ["Gõ một", "Gõ hai"])
    client = login(cast.ward_officer)
    preview_url = _uploaded(client, submission, registration)
    page = client.get(preview_url).content.decode()
    assert "Bản nháp đang có 2 dòng đã nhập" in page
    assert 'value="replace"' in page and 'value="append"' in page
    response = client.post(preview_url, {"action": "draft"}, follow=True)
    assert "hãy chọn thay thế" in response.content.decode()
    submission.refresh_from_db()
    assert len(submission.rows) == 2 and not UploadPreview.objects.get().applied
    client.post(preview_url, {"action": "draft", "mode": "append"})
    submission.refresh_from_db()
    names = [next(iter(r.values())) for r in submission.rows]
    assert names == ["Gõ một", "Gõ hai", "Từ tệp"]


def test_replacing_typed_rows_is_the_units_explicit_choice(cast, login, call, registration):
    submission = _typed(cast, call, registration, ["Gõ một"])
    client = login(cast.ward_officer)
    preview_url = _uploaded(client, submission, registration)
    client.post(preview_url, {"action": "submit", "mode": "replace"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    assert [next(iter(r.values())) for r in submission.rows] == ["Từ tệp"]


def test_an_upload_into_an_empty_draft_needs_no_choice(cast, call, registration):
    submission = services.submission_for(call=call, unit=cast.ward)
    preview = UploadPreview.objects.create(
        submission=submission,
        uploaded_by=cast.ward_officer,
        file_name="a.xlsx",
        rows=[row_for(registration, ten="Từ tệp", thoi="15/10/2023")],
    )
    applied = services.upload_apply(preview=preview, actor=cast.ward_officer, submit=False)
    assert len(applied.rows) == 1


def test_both_send_buttons_ask_the_same_question(cast, login, call, registration):
    submission = _typed(cast, call, registration, ["Gõ một"])
    client = login(cast.ward_officer)
    detail = client.get(submission.get_absolute_url()).content.decode()
    preview = client.get(_uploaded(client, submission, registration)).content.decode()
    question = 'data-confirm="Gửi tới Ban? Bản gửi được lưu lại và không sửa được nữa'
    assert question in detail and question in preview


def test_a_sent_answer_is_read_only_and_the_ban_sees_review_controls_only(cast, login, call, registration):
    submission = _typed(cast, call, registration, ["Gõ một"])
    unit = login(cast.ward_officer)
    editing = unit.get(submission.get_absolute_url()).content.decode()
    assert 'data-testid="rows-editor"' in editing and 'name="document"' in editing
    assert 'data-label="Tên nội dung, hoạt động"' in editing and "data-autogrow" in editing
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    sent = unit.get(submission.get_absolute_url()).content.decode()
    assert 'data-testid="rows-view"' in sent
    for control in ('data-testid="rows-editor"', 'value="submit"', 'name="file"', 'name="document"'):
        assert control not in sent
    ban = login(cast.province_officer).get(submission.get_absolute_url()).content.decode()
    assert "Trả lại để sửa" in ban and "Tiếp nhận" in ban
    for control in ('data-testid="rows-editor"', 'value="submit"', 'name="file"', 'name="document"'):
        assert control not in ban


def test_the_signed_document_is_vetted_kept_and_served_only_to_who_sees_the_answer(
    cast, login, call, registration
):
    submission = _typed(cast, call, registration, ["Gõ một"])
    client = login(cast.ward_officer)
    bad = client.post(
        reverse("reporting:submission_signed", args=[submission.pk]),
        {"document": SimpleUploadedFile("ky.pdf", b"<html>not a pdf</html>")},
        follow=True,
    )
    submission.refresh_from_db()
    assert not submission.signed_document and "alert" in bad.content.decode()
    client.post(
        reverse("reporting:submission_signed", args=[submission.pk]),
        {"document": SimpleUploadedFile("Văn bản triển khai.pdf", PDF)},
    )
    submission.refresh_from_db()
    assert submission.signed_document.name.endswith(".pdf")
    assert submission.signed_document_name == "Văn bản triển khai.pdf"
    url = reverse("files:download", args=["submission-signed", submission.pk])
    response = login(cast.province_officer).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert 'filename="van-ban-trien-khai_phuong-an-binh_' in response["Content-Disposition"]
    assert login(cast.outsider).get(url).status_code == 404
    # A photo of the stamped page is accepted too; it is served as a picture.
    services.submission_attach_signed(
        submission=submission,
        actor=cast.ward_officer,
        upload=SimpleUploadedFile("anh.png", png_bytes()),
    )
    submission.refresh_from_db()
    assert login(cast.ward_officer).get(url)["Content-Type"].startswith("image/")
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    with pytest.raises(ServiceError):
        services.submission_attach_signed(
            submission=submission, actor=cast.ward_officer, upload=SimpleUploadedFile("k.pdf", PDF)
        )
