import io
import zipfile

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.lib import vntext
from danvan.org.models import ImportBatch, Person, Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_bytes(rows: list[list]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, kind: str, data: bytes, name: str = "du-lieu.xlsx"):
    return client.post(
        reverse("org:import_start"), {"kind": kind, "file": SimpleUploadedFile(name, data, content_type=XLSX)}
    )


def test_the_template_downloads_with_the_expected_headers(cast, login):
    response = login(cast.ward_officer).get(reverse("org:import_template", args=["units"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    headers = [c.value for c in sheet[2]]
    assert headers[:2] == ["Mã đơn vị *", "Tên đơn vị *"]


def test_good_unit_rows_are_previewed_then_saved_on_confirm_with_parents_first(cast, login):
    client = login(cast.ward_officer)
    data = workbook_bytes(
        [
            ["Tên đơn vị", "Mã đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"],  # columns in another order
            ["Tổ Dân vận khu phố Nam", "TDV-NAM", "Tổ Dân vận", "KP-NAM"],
            ["Khu phố Nam", "KP-NAM", "residential_area", "P-AB"],
        ]
    )
    Unit.objects.filter(pk=cast.ward.pk).update(code="P-AB")
    response = upload(client, "units", data)
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert batch.errors == [] and not Unit.objects.filter(code="KP-NAM").exists()
    client.post(reverse("org:import_confirm", args=[batch.pk]))
    team = Unit.objects.get(code="TDV-NAM")
    assert team.parent.code == "KP-NAM" and team.parent.parent == cast.ward
    assert team.path.startswith(cast.ward.path)


def test_bad_rows_are_listed_with_line_numbers_and_nothing_is_saved(cast, login):
    client = login(cast.ward_officer)
    Unit.objects.filter(pk=cast.ward.pk).update(code="P-AB")
    data = workbook_bytes(
        [
            ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên", "Hiệu lực từ ngày"],
            ["A1", "Khu A", "residential_area", "P-AB", "01/07/2025"],
            ["A1", "Khu B", "residential_area", "P-AB", ""],
            ["A3", "", "loại không có", "KHONG-CO", "31/02/2023"],
        ]
    )
    upload(client, "units", data)
    batch = ImportBatch.objects.get()
    page = client.get(reverse("org:import_preview", args=[batch.pk])).content.decode()
    lines = {p["line"] for p in batch.errors}
    assert lines == {3, 4}
    assert "trùng với dòng 2" in page and "Tên đơn vị" in page and "không phải ngày hợp lệ" in page
    assert "KHONG-CO" in page
    response = client.post(reverse("org:import_confirm", args=[batch.pk]), follow=True)
    assert "còn dòng lỗi" in response.content.decode()
    assert not Unit.objects.filter(code="A1").exists()


def test_a_cycle_of_parent_codes_in_the_file_is_reported(cast, login):
    client = login(cast.admin)
    data = workbook_bytes(
        [
            ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Mã đơn vị cấp trên"],
            ["X1", "Khu X1", "residential_area", "X2"],
            ["X2", "Khu X2", "residential_area", "X1"],
        ]
    )
    upload(client, "units", data)
    assert any("vòng lặp" in p["message"] for p in ImportBatch.objects.get().errors)


def test_people_import_converts_legacy_tcvn3_text_and_checks_every_row(cast, login):
    client = login(cast.ward_officer)
    Unit.objects.filter(pk=cast.area.pk).update(code="KP-DONG")
    legacy_name = vntext.unicode_to_tcvn3("nguyễn thị hương")
    data = workbook_bytes(
        [
            ["Họ và tên", "Mã đơn vị", "Năm sinh", "Giới tính", "Thư điện tử"],
            [legacy_name, "KP-DONG", 1985, "Nữ", "huong@example.vn"],
            ["Hoàng Văn Tư", "KP-DONG", "năm ngoái", "Nam", "sai-email"],
        ]
    )
    upload(client, "people", data)
    batch = ImportBatch.objects.get()
    assert batch.rows[0]["full_name"] == "nguyễn thị hương"
    assert {p["line"] for p in batch.errors} == {3}
    assert not Person.objects.filter(full_name="Hoàng Văn Tư").exists()


def test_a_clean_people_file_is_saved_whole(cast, login):
    client = login(cast.ward_officer)
    Unit.objects.filter(pk=cast.area.pk).update(code="KP-DONG")
    data = workbook_bytes(
        [["Họ và tên", "Mã đơn vị", "Chức vụ"]]
        + [[f"Nguyễn Văn Số {n}", "KP-DONG", "Tổ viên"] for n in range(25)]
    )
    upload(client, "people", data)
    batch = ImportBatch.objects.get()
    client.post(reverse("org:import_confirm", args=[batch.pk]))
    assert Person.objects.filter(unit=cast.area).count() == 25
    second = client.post(reverse("org:import_confirm", args=[batch.pk]), follow=True)
    assert "đã được xử lý" in second.content.decode()
    assert Person.objects.filter(unit=cast.area).count() == 25


def test_a_file_without_the_required_columns_is_refused_by_name(cast, login):
    client = login(cast.ward_officer)
    response = upload(client, "people", workbook_bytes([["Họ và tên", "Ghi chú"], ["A", "B"]]))
    body = response.content.decode()
    assert response.status_code == 200 and "Mã đơn vị" in body and "thiếu cột" in body
    assert not ImportBatch.objects.exists()


def test_a_word_file_or_garbage_is_refused_with_a_vietnamese_message(cast, login):
    client = login(cast.ward_officer)
    response = upload(client, "units", b"%PDF-1.7 not a workbook", name="ke-hoach.xlsx")
    assert response.status_code == 200 and "ke-hoach.xlsx" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_macro_enabled_workbook_is_refused(cast, login):
    client = login(cast.ward_officer)
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(workbook_bytes([["Mã đơn vị"]]))) as source,
        zipfile.ZipFile(buffer, "w") as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/vbaProject.bin", b"\x00" * 64)
    response = upload(client, "units", buffer.getvalue(), name="co-macro.xlsm")
    assert "macro" in response.content.decode()


def test_someone_without_the_import_capability_is_forbidden(cast, login):
    assert login(cast.team_leader).get(reverse("org:import_start")).status_code == 403


def test_another_users_batch_is_not_found(cast, login):
    client = login(cast.ward_officer)
    upload(client, "people", workbook_bytes([["Họ và tên", "Mã đơn vị"], ["A", "X"]]))
    batch = ImportBatch.objects.get()
    assert login(cast.province_officer).get(reverse("org:import_preview", args=[batch.pk])).status_code == 404


def test_units_and_people_export_to_excel_within_the_scope(cast, login):
    client = login(cast.ward_officer)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(reverse("org:export_people")).content)).worksheets[0]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Trần Thị Lan" in names and "Phạm Minh Khôi" not in names
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(reverse("org:export_units")).content)).worksheets[0]
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names[0] == "Phường An Bình" and "Phường Bắc Hà" not in names


def test_exported_text_that_looks_like_a_formula_stays_text(cast, login):
    Person.objects.filter(pk=cast.ward_person.pk).update(title='=HYPERLINK("http://x","y")')
    content = login(cast.ward_officer).get(reverse("org:export_people")).content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml
