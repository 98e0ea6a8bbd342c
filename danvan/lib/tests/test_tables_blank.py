"""Blank forms to download (danvan.lib.tables.blank) and their round trip through parse_upload."""

from __future__ import annotations

import io
from datetime import datetime

import docx
import openpyxl
from docx.enum.section import WD_ORIENT

from danvan.lib.tables.blank import SHEET_NAME, blank_docx, blank_xlsx
from danvan.lib.tables.read import ColumnSpec, parse_upload

MB = 1024 * 1024
TITLE = "DANH SÁCH"
SUBTITLE = "Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận” năm 2023"

# The columns of the registration form attached to the "Tháng Dân vận" 2023 plan (seed 003).
SEED_COLUMNS = [
    ColumnSpec("c0", "Stt", "index"),
    ColumnSpec("c1", "Tên nội dung, hoạt động", "long_text", required=True),
    ColumnSpec("c2", "Thời gian tổ chức, triển khai", "window", required=True),
    ColumnSpec("c3", "Quy mô, phạm vi triển khai", "text"),
    ColumnSpec("c4", "Đối tượng thực hiện hoặc đối tượng thụ hưởng", "text"),
    ColumnSpec("c5", "Mục tiêu hướng đến hoặc dự kiến kết quả đạt được", "long_text"),
    ColumnSpec("c6", "Ghi chú", "text"),
]
FILLED = [
    {
        "c1": "Ra quân làm đường giao thông nông thôn",
        "c2": "trung tuần tháng 9/2023",
        "c3": "Toàn huyện",
        "c4": "Đoàn viên, thanh niên",
        "c5": "Hoàn thành 2 km đường\nNâng cao nhận thức",
        "c6": "",
    },
    {
        "c1": "Hội nghị đối thoại với nhân dân",
        "c2": "từ ngày 05/10/2023 đến ngày 10/10/2023",
        "c3": "10 xã",
        "c4": "Nhân dân",
        "c5": "Giải quyết kiến nghị",
        "c6": "Dự kiến",
    },
]
TYPED_COLUMNS = [
    ColumnSpec("n", "Stt", "index"),
    ColumnSpec("name", "Tên nội dung, hoạt động", "text", required=True),
    ColumnSpec("day", "Ngày tổ chức", "date"),
    ColumnSpec("people", "Số người tham gia", "number"),
    ColumnSpec("level", "Cấp thực hiện", "choice", choices=("Cấp tỉnh", "Cấp huyện", "Cấp xã")),
]


def header_row(sheet) -> int:
    for row in sheet.iter_rows(max_row=15):
        if row[0].value == "Stt":
            return row[0].row
    raise AssertionError("no header row")


def parse(data: bytes, name: str, columns):
    return parse_upload(io.BytesIO(data), name=name, columns=columns, max_bytes=10 * MB)


# ----------------------------------------------------------------------------------------------
# Excel


def test_blank_xlsx_has_the_header_the_numbering_and_a_frozen_header():
    data = blank_xlsx(title=TITLE, subtitle=SUBTITLE, columns=SEED_COLUMNS, unit_name="Huyện ủy Yên Dũng")
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == [SHEET_NAME]
    sheet = workbook[SHEET_NAME]
    top = header_row(sheet)
    assert sheet["A1"].value == "Huyện ủy Yên Dũng"
    texts = [sheet.cell(row, 1).value for row in range(1, top)]
    assert TITLE in texts and SUBTITLE in texts
    assert any(text and text.startswith("Hướng dẫn") for text in texts)
    labels = [cell.value for cell in sheet[top]]
    assert labels[:3] == ["Stt", "Tên nội dung, hoạt động *", "Thời gian tổ chức, triển khai *"]
    assert labels[-1] == "Ghi chú"
    assert [sheet.cell(top + n, 1).value for n in range(1, 11)] == list(range(1, 11))
    assert sheet.cell(top + 11, 1).value is None
    assert sheet.freeze_panes == f"A{top + 1}"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


def test_blank_xlsx_has_dropdowns_for_choices_and_date_checks():
    data = blank_xlsx(title=TITLE, subtitle="", columns=TYPED_COLUMNS, sample_rows=3)
    sheet = openpyxl.load_workbook(io.BytesIO(data))[SHEET_NAME]
    validations = {str(v.sqref).split(":")[0][0]: v for v in sheet.data_validations.dataValidation}
    assert validations["E"].type == "list" and "Cấp huyện" in validations["E"].formula1
    assert validations["C"].type == "date"
    assert "D" not in validations


def test_a_long_choice_list_goes_to_a_hidden_sheet():
    choices = tuple(f"Xã số {n}, huyện A" for n in range(40))
    columns = [ColumnSpec("name", "Tên", "text"), ColumnSpec("where", "Địa bàn", "choice", choices=choices)]
    workbook = openpyxl.load_workbook(io.BytesIO(blank_xlsx(title=TITLE, subtitle="", columns=columns)))
    assert workbook.sheetnames == [SHEET_NAME, "Danh mục"]
    assert workbook["Danh mục"].sheet_state == "hidden"
    assert workbook["Danh mục"]["B40"].value == "Xã số 39, huyện A"
    validation = workbook[SHEET_NAME].data_validations.dataValidation[0]
    assert validation.formula1 == "'Danh mục'!$B$1:$B$40"


def test_the_seed_form_round_trips_through_blank_xlsx():
    data = blank_xlsx(title=TITLE, subtitle=SUBTITLE, columns=SEED_COLUMNS)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[SHEET_NAME]
    top = header_row(sheet)
    for offset, values in enumerate(FILLED, start=1):
        for index, column in enumerate(SEED_COLUMNS[1:], start=2):
            sheet.cell(top + offset, index).value = values[column.key] or None
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = parse(buffer.getvalue(), "dang-ky.xlsx", SEED_COLUMNS)
    assert table.problems == [] and table.missing == [] and table.extra == []
    assert [{k: v for k, v in row.items() if k != "_line"} for row in table.rows] == FILLED
    assert [row["_line"] for row in table.rows] == [top + 1, top + 2]


def test_typed_columns_round_trip_through_blank_xlsx():
    data = blank_xlsx(title=TITLE, subtitle="", columns=TYPED_COLUMNS)
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[SHEET_NAME]
    top = header_row(sheet)
    sheet.cell(top + 1, 2).value = "Hội thi"
    sheet.cell(top + 1, 3).value = datetime(2023, 10, 15)
    sheet.cell(top + 1, 4).value = 1500
    sheet.cell(top + 1, 5).value = "Cấp xã"
    sheet.cell(top + 2, 2).value = "Tọa đàm"
    sheet.cell(top + 2, 3).value = "16/10/2023"
    sheet.cell(top + 2, 4).value = "1.500"
    sheet.cell(top + 2, 5).value = "cap huyen"
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = parse(buffer.getvalue(), "a.xlsx", TYPED_COLUMNS)
    assert table.problems == []
    assert [(r["day"], r["people"], r["level"]) for r in table.rows] == [
        ("2023-10-15", "1500", "Cấp xã"),
        ("2023-10-16", "1500", "Cấp huyện"),
    ]


def test_an_untouched_blank_xlsx_has_no_rows():
    table = parse(blank_xlsx(title=TITLE, subtitle=SUBTITLE, columns=SEED_COLUMNS), "a.xlsx", SEED_COLUMNS)
    assert table.rows == [] and len(table.matched) == len(SEED_COLUMNS)


# ----------------------------------------------------------------------------------------------
# Word


def blank_seed_docx(**extra) -> bytes:
    return blank_docx(title=TITLE, subtitle=SUBTITLE, label="Mẫu", columns=SEED_COLUMNS, **extra)


def test_blank_docx_is_a_landscape_official_form():
    document = docx.Document(io.BytesIO(blank_seed_docx()))
    section = document.sections[0]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    assert section.orientation == WD_ORIENT.LANDSCAPE and width > height
    top, form, bottom = document.tables
    assert top.cell(0, 0).text == "TÊN CƠ QUAN, ĐƠN VỊ..."
    assert top.cell(0, 1).paragraphs[0].text == "Mẫu"
    assert "ngày..... tháng.....năm" in top.cell(0, 1).text
    paragraphs = [p for p in document.paragraphs if p.text]
    assert [p.text for p in paragraphs[:2]] == [TITLE, SUBTITLE]
    assert all(run.bold for run in paragraphs[0].runs)
    assert [cell.text for cell in form.rows[0].cells] == [column.label for column in SEED_COLUMNS]
    assert [row.cells[0].text for row in form.rows[1:]] == ["1", "2", "3", "4", "5", "..."]
    assert bottom.cell(0, 1).text == "(Ký tên, đóng dấu)"


def test_blank_docx_shows_the_unit_name_when_given():
    document = docx.Document(io.BytesIO(blank_seed_docx(unit_name="Ban Dân vận Huyện ủy")))
    assert document.tables[0].cell(0, 0).text == "BAN DÂN VẬN HUYỆN ỦY"  # issuing bodies in capitals


def test_the_seed_form_round_trips_through_blank_docx():
    document = docx.Document(io.BytesIO(blank_seed_docx()))
    form = document.tables[1]
    for offset, values in enumerate(FILLED, start=1):
        cells = form.rows[offset].cells
        for index, column in enumerate(SEED_COLUMNS[1:], start=1):
            cells[index].text = values[column.key]
    buffer = io.BytesIO()
    document.save(buffer)
    table = parse(buffer.getvalue(), "dang-ky.docx", SEED_COLUMNS)
    assert table.source == "docx"
    assert table.problems == [] and table.missing == [] and table.extra == []
    assert [{k: v for k, v in row.items() if k != "_line"} for row in table.rows] == FILLED
    assert [row["_line"] for row in table.rows] == [2, 3]


def test_rows_added_in_word_below_the_dots_are_read_too():
    document = docx.Document(io.BytesIO(blank_seed_docx(sample_rows=1)))
    form = document.tables[1]
    form.rows[1].cells[1].text = "Hoạt động 1"
    form.rows[1].cells[2].text = "9/2023"
    extra = form.add_row().cells
    extra[0].text, extra[1].text, extra[2].text = "2", "Hoạt động 2", "10/2023"
    buffer = io.BytesIO()
    document.save(buffer)
    table = parse(buffer.getvalue(), "a.docx", SEED_COLUMNS)
    assert [row["c1"] for row in table.rows] == ["Hoạt động 1", "Hoạt động 2"]


def test_an_untouched_blank_docx_has_no_rows():
    table = parse(blank_seed_docx(), "a.docx", SEED_COLUMNS)
    assert table.rows == [] and [p.message for p in table.problems] == ["Bảng chưa có dòng nào được điền."]
