import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.plans.models import Plan

PLAN_TEXT = """KẾ HOẠCH
tổ chức tập huấn công tác dân vận năm 2024

Thực hiện Chương trình công tác dân vận năm 2024, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao kỹ năng cho cán bộ.

II. TỔ CHỨC THỰC HIỆN
1. Phường An Bình chuẩn bị hội trường (xong trước ngày 15/3/2024).
2. Sở Nội vụ phối hợp với Phường Bắc Hà mời báo cáo viên.

Nơi nhận:
- Ban Dân vận Trung ương (b/c);
- Lưu: BDV.

TRƯỞNG BAN

Nguyễn Văn Thành
"""


def post_import(client, committee, **data):
    return client.post(reverse("plans:plan_import"), {"issuing_unit": committee.pk, **data})


def test_pasting_a_plan_creates_a_draft_with_its_tasks_and_opens_the_review(cast, committee, login):
    response = post_import(login(cast.province_officer), committee, text=PLAN_TEXT)
    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:plan_review", args=[plan.pk])
    assert plan.status == Plan.Status.DRAFT and plan.source_text.startswith("KẾ HOẠCH")
    tasks = {t.label: t for t in plan.tasks.all()}
    assert tasks["1."].lead_unit == cast.ward and str(tasks["1."].due_end) == "2024-03-15"
    assert tasks["2."].lead_unit == cast.agency and list(tasks["2."].partner_units.all()) == [cast.other_ward]


def test_a_docx_upload_is_read_like_pasted_text(cast, committee, login):
    from docx import Document

    document = Document()
    for line in PLAN_TEXT.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("ke-hoach.docx", buffer.getvalue())
    post_import(login(cast.province_officer), committee, file=upload)
    plan = Plan.objects.get()
    assert plan.title == "tổ chức tập huấn công tác dân vận năm 2024" and plan.tasks.count() == 2
    assert plan.source_name == "ke-hoach.docx"


def test_text_without_plan_structure_is_refused_and_the_text_is_kept(cast, committee, login):
    response = post_import(login(cast.province_officer), committee, text="Xin chào, đây không phải kế hoạch.")
    body = response.content.decode()
    assert response.status_code == 200 and "Không nhận ra cấu trúc" in body
    assert "Xin chào, đây không phải kế hoạch." in body
    assert not Plan.objects.exists()


@pytest.mark.parametrize(
    "content, name, words",
    [
        (b"%PDF-1.7 a pdf", "ke-hoach.docx", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "ke-hoach.doc", "cũ"),
    ],
)
def test_files_that_are_not_word_documents_get_a_vietnamese_message(
    cast, committee, login, content, name, words
):
    response = post_import(login(cast.province_officer), committee, file=SimpleUploadedFile(name, content))
    body = response.content.decode()
    assert name in body and words in body and not Plan.objects.exists()


def test_a_macro_enabled_word_file_is_refused(cast, committee, login):
    from docx import Document

    buffer = io.BytesIO()
    Document().save(buffer)
    tampered = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(tampered, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/vbaProject.bin", b"\x00" * 32)
    response = post_import(
        login(cast.province_officer), committee, file=SimpleUploadedFile("co-macro.docm", tampered.getvalue())
    )
    assert "macro" in response.content.decode()


def test_a_file_over_the_limit_is_refused_by_size(cast, committee, login, settings):
    settings.DANVAN_MAX_UPLOAD_BYTES = 1024
    response = post_import(
        login(cast.province_officer), committee, file=SimpleUploadedFile("lon.txt", PLAN_TEXT.encode() * 20)
    )
    assert "quá lớn" in response.content.decode() and not Plan.objects.exists()


def test_a_task_due_date_that_does_not_exist_is_refused_with_the_reason(cast, login, draft):
    task = draft.tasks.first()
    response = login(cast.province_officer).post(
        reverse("plans:task_edit", args=[task.pk]),
        {"label": task.label, "title": task.title, "due_text": "31/02/2023", "version": task.version},
    )
    body = response.content.decode()
    assert response.status_code == 200 and "không tồn tại" in body and "31/02/2023" in body


def test_the_editor_saves_changes_and_refuses_a_stale_form(cast, login, draft):
    from danvan.plans import editor

    client = login(cast.province_officer)
    data = {k: v for k, v in editor.form_initial(draft).items() if v is not None}
    data["title"] = "tổ chức Tháng Dân vận năm 2023 (sửa)"
    assert client.post(reverse("plans:plan_edit", args=[draft.pk]), data).status_code == 302
    assert Plan.objects.get(pk=draft.pk).title == "tổ chức Tháng Dân vận năm 2023 (sửa)"
    data["title"] = "bản cũ"
    response = client.post(reverse("plans:plan_edit", args=[draft.pk]), data)
    assert "người khác sửa" in response.content.decode()


def test_the_versions_page_shows_the_change_between_saves(cast, login, draft):
    from danvan.plans import editor

    client = login(cast.province_officer)
    data = {k: v for k, v in editor.form_initial(draft).items() if v is not None}
    data["body"] = data["body"].replace("Nâng cao nhận thức.", "Nâng cao nhận thức và trách nhiệm.")
    client.post(reverse("plans:plan_edit", args=[draft.pk]), data)
    page = client.get(reverse("plans:plan_versions", args=[draft.pk])).content.decode()
    assert "trách&nbsp;nhiệm" in page and ("diff_chg" in page or "diff_add" in page)


def test_pdf_download_explains_when_libreoffice_is_missing(cast, login, draft, monkeypatch):
    from danvan.lib.officialdoc import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    response = login(cast.province_officer).post(reverse("plans:plan_pdf", args=[draft.pk]), follow=True)
    assert "LibreOffice" in response.content.decode()


WORK_ITEM_TEXT = """KẾ HOẠCH
phối hợp tổ chức đối thoại năm 2024

I. NHIỆM VỤ CỤ THỂ
TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành
1\tChuẩn bị hội trường\tPhường An Bình, Phường Bắc Hà\tSở Nội vụ\tchậm nhất ngày 15/3/2024
2\tTổng hợp ý kiến của Nhân dân\tSở Nội vụ\t\ttrong thời hạn 05 ngày kể từ ngày đối thoại

Nơi nhận:
- Lưu: BDV.

TRƯỞNG BAN

Nguyễn Văn Thành
"""


def test_a_work_item_table_gives_tasks_with_several_leads_and_the_review_marks_the_doubtful_first(
    cast, committee, login
):
    client = login(cast.province_officer)
    post_import(client, committee, text=WORK_ITEM_TEXT)
    plan = Plan.objects.get()
    first, second = plan.tasks.order_by("order")
    assert first.lead_unit == cast.ward and set(first.lead_units.all()) == {cast.ward, cast.other_ward}
    assert second.due_kind == "relative" and second.due_start is None
    page = client.get(reverse("plans:plan_review", args=[plan.pk])).content.decode()
    assert 'data-testid="review-doubts"' in page and "Không thấy số, ký hiệu văn bản." in page
    # the task with a relative deadline is listed before the sure one, marked for checking
    assert page.index("Tổng hợp ý kiến của Nhân dân") < page.index("Chuẩn bị hội trường")
    assert 'data-testid="task-doubt"' in page
