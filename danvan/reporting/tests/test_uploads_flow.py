"""A unit uploads its filled Word or Excel form; the rows are shown for confirmation, then sent."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.lib import vntext
from danvan.lib.tables import blank as blank_forms
from danvan.reporting import selectors, services
from danvan.reporting.models import Submission, UploadPreview


def filled_docx(registration, rows: list[list[str]], *, legacy: bool = False) -> bytes:
    from docx import Document

    data = blank_forms.blank_docx(
        title="DANH SÁCH",
        subtitle="Đăng ký",
        label="Mẫu",
        columns=selectors.column_specs(registration),
        sample_rows=len(rows),
    )
    document = Document(io.BytesIO(data))
    table = max(document.tables, key=lambda t: len(t.rows))
    for index, values in enumerate(rows, start=1):
        cells = table.rows[index].cells
        for position, value in enumerate(values, start=1):
            paragraph = cells[position].paragraphs[0]
            run = paragraph.add_run(vntext.unicode_to_tcvn3(value) if legacy else value)
            if legacy:
                run.font.name = ".VnTime"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_filled_word_form_is_read_confirmed_and_sent(cast, login, call, registration):
    client = login(cast.ward_officer)
    submission = services.submission_for(call=call, unit=cast.ward)
    data = filled_docx(
        registration,
        [["gặp mặt truyền thống", "15/10/2023", "cấp xã", "cán bộ", "đoàn kết", ""]],
        legacy=True,
    )
    response = client.post(
        reverse("reporting:submission_upload", args=[submission.pk]),
        {"file": SimpleUploadedFile("dang-ky.docx", data)},
    )
    preview = UploadPreview.objects.get()
    assert response["Location"] == reverse("reporting:upload_preview", args=[preview.pk])
    page = client.get(response["Location"]).content.decode()
    assert "gặp mặt truyền thống" in page and preview.problems == []
    client.post(response["Location"], {"action": "submit"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    assert submission.versions.get().source_name == "dang-ky.docx"


def test_a_file_with_a_bad_date_shows_the_row_and_saves_nothing(cast, login, call, registration):
    import openpyxl

    client = login(cast.ward_officer)
    submission = services.submission_for(call=call, unit=cast.ward)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Tên nội dung, hoạt động", "Thời gian tổ chức, triển khai", "Ghi chú"])
    sheet.append(["Tọa đàm", "31/02/2023", '=HYPERLINK("http://x","y")'])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client.post(
        reverse("reporting:submission_upload", args=[submission.pk]),
        {"file": SimpleUploadedFile("dang-ky.xlsx", buffer.getvalue())},
        follow=True,
    )
    body = response.content.decode()
    assert "31/02/2023" in body and "Dòng 2" in body
    confirm = client.post(
        reverse("reporting:upload_preview", args=[UploadPreview.objects.get().pk]),
        {"action": "submit"},
        follow=True,
    )
    assert "còn dòng lỗi" in confirm.content.decode()
    assert Submission.objects.get(pk=submission.pk).rows == []


def test_a_macro_file_or_a_pdf_is_refused_with_a_vietnamese_message(cast, login, call):
    client = login(cast.ward_officer)
    submission = services.submission_for(call=call, unit=cast.ward)
    response = client.post(
        reverse("reporting:submission_upload", args=[submission.pk]),
        {"file": SimpleUploadedFile("bao-cao.docx", b"%PDF-1.5 ...")},
        follow=True,
    )
    assert "bao-cao.docx" in response.content.decode() and not UploadPreview.objects.exists()


def test_formula_text_never_reaches_the_consolidated_file_as_a_formula(cast, call, registration):
    import zipfile

    from django.test import TestCase

    from danvan.reporting.models import ConsolidationJob

    submission = services.submission_for(call=call, unit=cast.ward)
    field = {f.label: str(f.pk) for f in registration.fields.all()}
    rows = [
        {
            field["Tên nội dung, hoạt động"]: '=HYPERLINK("http://evil","bấm")',
            field["Thời gian tổ chức, triển khai"]: "tháng 10/2023",
        }
    ]
    services.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, rows=rows
    )
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = services.consolidation_request(
            call=call, actor=cast.province_officer, kind="xlsx", accepted_only=False
        )
    job.refresh_from_db()
    assert job.status == ConsolidationJob.Status.DONE
    with zipfile.ZipFile(job.file.open("rb")) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        strings = (
            archive.read("xl/sharedStrings.xml").decode()
            if "xl/sharedStrings.xml" in archive.namelist()
            else ""
        )
    assert "<f>" not in sheet and "HYPERLINK" in strings + sheet


def test_two_people_saving_the_same_units_form_do_not_overwrite_each_other(cast, call, registration):
    import pytest

    from danvan.core.errors import StaleEdit

    submission = services.submission_for(call=call, unit=cast.ward)
    version = submission.version
    field = str(registration.fields.get(label="Tên nội dung, hoạt động").pk)
    services.submission_save_draft(
        submission=Submission.objects.get(pk=submission.pk),
        actor=cast.ward_officer,
        expected_version=version,
        rows=[{field: "Người thứ nhất"}],
    )
    with pytest.raises(StaleEdit):
        services.submission_save_draft(
            submission=Submission.objects.get(pk=submission.pk),
            actor=cast.ward_officer,
            expected_version=version,
            rows=[{field: "Người thứ hai"}],
        )
    assert Submission.objects.get(pk=submission.pk).rows[0][field] == "Người thứ nhất"
