"""Reading a unit's filled-in form from .xlsx/.docx (danvan.lib.tables). No database."""

from __future__ import annotations

import io
from datetime import date, datetime, time

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from danvan.lib.tables import read
from danvan.lib.tables.grids import GridCell
from danvan.lib.tables.read import KINDS, ColumnSpec, ParsedTable, clean_value, parse_grid, parse_upload
from danvan.lib.uploads import UploadRejected
from danvan.lib.vntext import unicode_to_tcvn3, unicode_to_vni

MB = 1024 * 1024

# The columns of the registration form attached to the "Tháng Dân vận" 2023 plan (seed 003).
COLUMNS = [
    ColumnSpec("c0", "Stt", "index"),
    ColumnSpec("c1", "Tên nội dung, hoạt động", "long_text", required=True),
    ColumnSpec("c2", "Thời gian tổ chức, triển khai", "window", required=True),
    ColumnSpec("c3", "Quy mô, phạm vi triển khai", "text"),
    ColumnSpec("c4", "Đối tượng thực hiện hoặc đối tượng thụ hưởng", "text"),
    ColumnSpec("c5", "Mục tiêu hướng đến hoặc dự kiến kết quả đạt được", "long_text"),
    ColumnSpec("c6", "Ghi chú", "text"),
]
HEADER = [column.label for column in COLUMNS]


# ----------------------------------------------------------------------------------------------
# Builders


def xlsx_file(rows, *, merges=(), fonts=None, text_cells=()) -> bytes:
    """rows: lists of values from A1; fonts: {(row, col): name}; text_cells: (row, col) kept as text."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(r, c).value = value
    for (r, c), name in (fonts or {}).items():
        sheet.cell(r, c).font = Font(name=name)
    for r, c in text_cells:
        sheet.cell(r, c).data_type = "s"  # "=..." typed as text, not a formula
    for area in merges:
        sheet.merge_cells(area)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx_file(rows, *, before_table="DANH SÁCH", fonts=None) -> bytes:
    """A document with one paragraph and one table; fonts: {(row, col): font name of the cell's run}."""
    document = docx.Document()
    document.add_paragraph(before_table)
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    for r, values in enumerate(rows):
        cells = table.add_row().cells  # table.cell(r, c) walks the whole table: slow for 200 rows
        for c, value in enumerate(values):
            if value is None:
                continue
            paragraph = cells[c].paragraphs[0]
            run = paragraph.add_run(str(value))
            if fonts and (r, c) in fonts:
                run.font.name = fonts[(r, c)]
    document.add_paragraph("(Ký tên, đóng dấu)")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def parse(data: bytes, name: str, columns=COLUMNS) -> ParsedTable:
    return parse_upload(io.BytesIO(data), name=name, columns=columns, max_bytes=10 * MB)


def messages(table: ParsedTable) -> list[str]:
    return [problem.message for problem in table.problems]


# ----------------------------------------------------------------------------------------------
# Header matching


def test_headers_are_matched_by_words_in_another_order_and_wording():
    header = ["TT", "Thời gian", "Tên hoạt động", "Ghi chú", "Đối tượng", "Quy mô", "Kết quả dự kiến"]
    row = ["1", "Tháng 10/2023", "Hội nghị", "", "Cán bộ", "Toàn tỉnh", "Nâng cao nhận thức"]
    table = parse(xlsx_file([header, row]), "dang-ky.xlsx")
    assert table.matched == {
        "c0": "TT",
        "c1": "Tên hoạt động",
        "c2": "Thời gian",
        "c3": "Quy mô",
        "c4": "Đối tượng",
        "c5": "Kết quả dự kiến",
        "c6": "Ghi chú",
    }
    assert table.rows == [
        {
            "c1": "Hội nghị",
            "c2": "Tháng 10/2023",
            "c3": "Toàn tỉnh",
            "c4": "Cán bộ",
            "c5": "Nâng cao nhận thức",
            "c6": "",
            "_line": 2,
        }
    ]
    assert table.problems == [] and table.extra == [] and table.missing == []


def test_headers_match_without_accents_case_or_line_breaks():
    header = ["STT", "TEN NOI DUNG,\nHOAT DONG", "thời gian tổ chức, triển khai (2)"]
    table = parse(xlsx_file([header, [1, "Mít tinh", "30/9/2023"]]), "a.xlsx")
    assert set(table.matched) == {"c0", "c1", "c2"}
    assert table.rows[0]["c1"] == "Mít tinh"


def test_header_is_found_below_title_lines():
    rows = [["TÊN CƠ QUAN, ĐƠN VỊ..."], ["DANH SÁCH"], [], HEADER, [1, "Tọa đàm", "15/10/2023"]]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert table.rows[0]["_line"] == 5
    assert table.rows[0]["c1"] == "Tọa đàm"


def test_a_numbering_row_under_the_header_is_skipped():
    rows = [HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"], ["1", "Ra quân", "9/2023"]]
    table = parse(docx_file(rows), "a.docx")
    assert [row["c1"] for row in table.rows] == ["Ra quân"]
    assert table.rows[0]["_line"] == 3


def test_a_plain_number_row_under_the_header_is_skipped_in_excel():
    rows = [HEADER, [1, 2, 3, 4, 5, 6, 7], [1, "Ra quân", "9/2023"]]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert [row["_line"] for row in table.rows] == [3]


def test_a_two_row_merged_header_in_excel_is_combined():
    columns = [
        ColumnSpec("n", "Stt", "index"),
        ColumnSpec("name", "Tên hoạt động", "text", required=True),
        ColumnSpec("doer", "Đối tượng thực hiện", "text"),
        ColumnSpec("gain", "Đối tượng thụ hưởng", "text"),
        ColumnSpec("note", "Ghi chú", "text"),
    ]
    rows = [
        ["Stt", "Tên hoạt động", "Đối tượng", None, "Ghi chú"],
        [None, None, "Thực hiện", "Thụ hưởng", None],
        [1, "Làm đường", "Đoàn viên", "Nhân dân xã A", ""],
    ]
    table = parse(xlsx_file(rows, merges=["A1:A2", "B1:B2", "C1:D1", "E1:E2"]), "a.xlsx", columns)
    assert table.matched["doer"] == "Đối tượng Thực hiện"
    assert table.matched["gain"] == "Đối tượng Thụ hưởng"
    assert table.rows == [
        {"name": "Làm đường", "doer": "Đoàn viên", "gain": "Nhân dân xã A", "note": "", "_line": 3}
    ]
    assert table.problems == []


def test_a_two_row_merged_header_in_word_is_combined():
    columns = [
        ColumnSpec("name", "Tên hoạt động", "text", required=True),
        ColumnSpec("doer", "Đối tượng thực hiện", "text"),
        ColumnSpec("gain", "Đối tượng thụ hưởng", "text"),
    ]
    document = docx.Document()
    form = document.add_table(rows=3, cols=3)
    form.cell(0, 0).merge(form.cell(1, 0)).text = "Tên hoạt động"
    form.cell(0, 1).merge(form.cell(0, 2)).text = "Đối tượng"
    form.cell(1, 1).text, form.cell(1, 2).text = "Thực hiện", "Thụ hưởng"
    form.cell(2, 0).text, form.cell(2, 1).text, form.cell(2, 2).text = "Trồng cây", "Đoàn viên", "Xã B"
    buffer = io.BytesIO()
    document.save(buffer)
    table = parse(buffer.getvalue(), "a.docx", columns)
    assert table.rows == [{"name": "Trồng cây", "doer": "Đoàn viên", "gain": "Xã B", "_line": 3}]
    assert table.problems == [] and table.extra == []


def test_a_missing_required_column_is_reported_by_name():
    rows = [["Stt", "Tên nội dung, hoạt động", "Ghi chú"], [1, "Hội thi", ""]]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert table.missing == ["Thời gian tổ chức, triển khai"]
    assert [(p.line, p.column) for p in table.problems] == [(1, "Thời gian tổ chức, triển khai")]
    assert "«Thời gian tổ chức, triển khai»" in table.problems[0].message
    assert table.rows[0]["c2"] == ""  # the column is there, empty, and not reported on every row


def test_an_extra_column_is_noted_not_an_error():
    rows = [[*HEADER, "Kinh phí (triệu đồng)"], [1, "Hội thi", "10/2023", "", "", "", "", "50"]]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert table.extra == ["Kinh phí (triệu đồng)"]
    assert table.problems == []


def test_a_sheet_without_a_header_reports_a_problem():
    table = parse(xlsx_file([["abc", "def"], ["1", "2"]]), "a.xlsx")
    assert table.rows == []
    assert table.problems[0].line == 0 and "dòng tiêu đề" in table.problems[0].message
    assert table.missing == ["Tên nội dung, hoạt động", "Thời gian tổ chức, triển khai"]


# ----------------------------------------------------------------------------------------------
# Rows


def test_empty_numbered_dotted_and_signature_rows_are_skipped():
    rows = [
        HEADER,
        [1, "Hội nghị", "9/2023"],
        [2],
        [],
        ["...", "...", "..."],
        [None, "Người lập biểu", None, None, "Thủ trưởng đơn vị"],
        [None, "(Ký tên)", None, None, "(Ký tên, đóng dấu)"],
        [None, "Nguyễn Văn A", None, None, "Trần Thị B"],
    ]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert [row["c1"] for row in table.rows] == ["Hội nghị"]
    assert table.problems == []


def test_a_data_row_that_mentions_a_signature_word_is_kept():
    rows = [
        HEADER,
        [1, "Hướng dẫn ký tên, đóng dấu hồ sơ", "9/2023", "Thủ trưởng đơn vị"],
        [2, "Hội nghị", "10/2023"],
        [None, None, None, None, "Yên Dũng, ngày 25 tháng 9 năm 2023"],
        [None, "TM. BAN THƯỜNG VỤ", None, None, "Người lập biểu"],
        [None, "Nguyễn Văn A", None, None, "Trần Thị B"],
    ]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert [row["c1"] for row in table.rows] == ["Hướng dẫn ký tên, đóng dấu hồ sơ", "Hội nghị"]
    assert table.problems == []


def test_a_docx_table_is_chosen_by_its_header_and_the_layout_tables_are_ignored():
    document = docx.Document()
    layout = document.add_table(rows=1, cols=2)
    layout.cell(0, 0).text = "BAN DÂN VẬN"
    layout.cell(0, 1).text = "Mẫu"
    form = document.add_table(rows=2, cols=3)
    for c, text in enumerate(["Stt", "Tên nội dung, hoạt động", "Thời gian tổ chức, triển khai"]):
        form.cell(0, c).text = text
    form.cell(1, 1).text = "Hội thao"
    form.cell(1, 2).text = "tuần đầu tháng 10/2023"
    buffer = io.BytesIO()
    document.save(buffer)
    table = parse(buffer.getvalue(), "a.docx")
    assert table.source == "docx"
    assert table.rows[0]["c1"] == "Hội thao" and table.rows[0]["c2"] == "tuần đầu tháng 10/2023"


def test_a_vertically_merged_word_cell_is_given_to_every_row():
    document = docx.Document()
    form = document.add_table(rows=3, cols=3)
    for c, text in enumerate(["Stt", "Tên nội dung, hoạt động", "Thời gian tổ chức, triển khai"]):
        form.cell(0, c).text = text
    form.cell(1, 1).text = "Hội nghị"
    form.cell(2, 1).text = "Hội thi"
    form.cell(1, 2).merge(form.cell(2, 2)).text = "Tháng 10/2023"
    buffer = io.BytesIO()
    document.save(buffer)
    table = parse(buffer.getvalue(), "a.docx")
    assert [(row["c1"], row["c2"]) for row in table.rows] == [
        ("Hội nghị", "Tháng 10/2023"),
        ("Hội thi", "Tháng 10/2023"),
    ]


def test_long_text_keeps_line_breaks_and_text_collapses_them():
    rows = [HEADER, [1, "Dòng 1\n\n\n  Dòng   2 ", "9/2023", "Toàn\ntỉnh"]]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert table.rows[0]["c1"] == "Dòng 1\n\nDòng 2"
    assert table.rows[0]["c3"] == "Toàn tỉnh"


def test_decomposed_text_is_stored_in_nfc():
    rows = [HEADER, [1, "Hội nghi\u0323", "9/2023"]]
    assert parse(xlsx_file(rows), "a.xlsx").rows[0]["c1"] == "Hội nghị"


def test_rows_beyond_the_limit_are_reported(monkeypatch):
    monkeypatch.setattr(read, "MAX_DATA_ROWS", 3)
    rows = [HEADER] + [[n, f"Hoạt động {n}", "9/2023"] for n in range(1, 6)]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert len(table.rows) == 3
    assert table.problems[-1].line == 5 and "3 dòng" in table.problems[-1].message


def test_a_form_with_no_filled_row_says_so():
    rows = [HEADER, [1], [2], ["..."]]
    table = parse(xlsx_file(rows), "a.xlsx")
    assert table.rows == [] and messages(table) == ["Bảng chưa có dòng nào được điền."]


# ----------------------------------------------------------------------------------------------
# Legacy encodings


def test_tcvn3_text_in_a_docx_run_set_in_vntime_is_converted():
    legacy = unicode_to_tcvn3("Tổ chức hội nghị tuyên truyền")
    rows = [HEADER, ["1", legacy, "9/2023"]]
    table = parse(docx_file(rows, fonts={(1, 1): ".VnTime"}), "a.docx")
    assert table.rows[0]["c1"] == "Tổ chức hội nghị tuyên truyền"


def test_tcvn3_capitals_in_vntimeh_and_vni_runs_are_converted():
    rows = [HEADER, ["1", unicode_to_tcvn3("hội nghị"), unicode_to_vni("tháng mười")]]
    fonts = {(1, 1): ".VnTimeH", (1, 2): "VNI-Times"}
    table = parse(docx_file(rows, fonts=fonts), "a.docx")
    assert table.rows[0]["c1"] == "HỘI NGHỊ"
    assert table.rows[0]["c2"] == "tháng mười"


def test_tcvn3_text_inheriting_vntime_from_the_normal_style_is_converted():
    document = docx.Document()
    document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:hAnsi"), ".VnTime")
    form = document.add_table(rows=2, cols=2)
    form.cell(0, 0).text = unicode_to_tcvn3("Tên nội dung, hoạt động")
    form.cell(0, 1).text = unicode_to_tcvn3("Thời gian tổ chức, triển khai")
    form.cell(1, 0).text = unicode_to_tcvn3("Mít tinh kỷ niệm")
    form.cell(1, 1).text = "10/2023"
    buffer = io.BytesIO()
    document.save(buffer)
    table = parse(buffer.getvalue(), "a.docx")
    assert table.rows[0]["c1"] == "Mít tinh kỷ niệm"


def test_tcvn3_text_in_an_xlsx_cell_set_in_vntime_is_converted():
    rows = [HEADER, [1, unicode_to_tcvn3("Ban Chấp hành Đoàn xã"), "9/2023"]]
    table = parse(xlsx_file(rows, fonts={(2, 2): ".VnTime"}), "a.xlsx")
    assert table.rows[0]["c1"] == "Ban Chấp hành Đoàn xã"


def test_latin_text_in_a_unicode_font_is_left_alone():
    rows = [HEADER, [1, "Café Résumé Hà Nội", "9/2023"]]
    assert parse(xlsx_file(rows), "a.xlsx").rows[0]["c1"] == "Café Résumé Hà Nội"


# ----------------------------------------------------------------------------------------------
# Values


DATE_COLUMNS = [
    ColumnSpec("name", "Tên nội dung, hoạt động", "text", required=True),
    ColumnSpec("day", "Thời gian", "date"),
    ColumnSpec("people", "Số người tham gia", "number"),
]


def test_dates_are_stored_as_iso_and_bad_dates_are_reported_with_their_row():
    rows = [
        ["Tên nội dung, hoạt động", "Thời gian", "Số người tham gia"],
        ["A", datetime(2023, 9, 30), 10],
        ["B", "30/9/2023", "1.500"],
        ["C", "31/02/2023", None],
        ["D", "ngày mai", None],
    ]
    table = parse(xlsx_file(rows), "a.xlsx", DATE_COLUMNS)
    assert [row["day"] for row in table.rows] == ["2023-09-30", "2023-09-30", "31/02/2023", "ngày mai"]
    assert [(p.line, p.column, p.message) for p in table.problems] == [
        (4, "Thời gian", "cột «Thời gian»: «31/02/2023» không phải ngày hợp lệ"),
        (5, "Thời gian", "cột «Thời gian»: «ngày mai» không phải ngày hợp lệ"),
    ]


def test_numbers_accept_vietnamese_separators():
    rows = [["Tên nội dung, hoạt động", "Số người tham gia"], ["A", "1.500"], ["B", "1,5"], ["C", 1500]]
    table = parse(xlsx_file(rows), "a.xlsx", DATE_COLUMNS)
    assert [row["people"] for row in table.rows] == ["1500", "1.5", "1500"]


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("1.500", "1500"),
        ("1,5", "1.5"),
        ("1500", "1500"),
        ("1.500.000", "1500000"),
        ("2.500,75", "2500.75"),
        ("1,500,000", "1500000"),
        ("-3", "-3"),
        ("1 500", "1500"),
        (12.0, "12"),
        (0.25, "0.25"),
    ],
)
def test_number_cells_are_stored_canonically(raw, stored):
    assert clean_value(raw, ColumnSpec("n", "Số", "number")) == (stored, None)


def test_a_word_in_a_number_column_is_a_problem():
    stored, problem = clean_value("khoảng 200", ColumnSpec("n", "Số người", "number"))
    assert stored == "khoảng 200" and problem is not None and problem.startswith("cột «Số người»")


def test_fuzzy_windows_are_kept_and_only_impossible_dates_are_problems():
    spec = ColumnSpec("w", "Thời gian", "window")
    assert clean_value("trung tuần tháng 9/2023", spec) == ("trung tuần tháng 9/2023", None)
    assert clean_value("ngay sau khi kết thúc hội nghị", spec)[1] is None
    assert clean_value("Quý IV", spec)[1] is None
    stored, problem = clean_value("từ 31/02/2023 đến 5/3/2023", spec)
    assert stored == "từ 31/02/2023 đến 5/3/2023" and problem is not None and "không tồn tại" in problem


def test_choices_are_compared_without_accents_and_stored_canonically():
    spec = ColumnSpec("k", "Cấp", "choice", choices=("Cấp tỉnh", "Cấp huyện"))
    assert clean_value("cap TINH", spec) == ("Cấp tỉnh", None)
    stored, problem = clean_value("Cấp xã", spec)
    assert stored == "Cấp xã" and problem is not None and "Cấp tỉnh, Cấp huyện" in problem


def test_a_required_empty_cell_is_reported():
    assert clean_value("  ", ColumnSpec("k", "Tên", "text", required=True)) == ("", "thiếu «Tên»")
    assert clean_value(None, ColumnSpec("k", "Tên", "text")) == ("", None)


def test_excel_values_become_text_in_text_columns():
    spec = ColumnSpec("k", "Ghi chú", "text")
    assert clean_value(date(2023, 9, 5), spec) == ("05/09/2023", None)
    assert clean_value(time(7, 30), spec) == ("07:30", None)
    assert clean_value(2.0, spec) == ("2", None)


def test_formulas_in_xlsx_are_stored_as_text_with_a_leading_quote():
    formula = '=HYPERLINK("http://evil","x")'
    rows = [HEADER, [1, formula, "9/2023"], [2, formula, "9/2023"], [3, "@SUM(A1)", "-2+3+cmd|' /C calc'!A0"]]
    table = parse(xlsx_file(rows, text_cells=[(3, 2)]), "a.xlsx")
    assert [row["c1"] for row in table.rows] == ["'" + formula, "'" + formula, "'@SUM(A1)"]
    assert table.rows[2]["c2"] == "'-2+3+cmd|' /C calc'!A0"
    assert table.problems == []


@pytest.mark.parametrize("text", ["- Tổ chức hội nghị", "-5", "+84 912 345 678", "@ban dân vận", "Quy mô"])
def test_ordinary_text_starting_with_a_sign_is_not_prefixed(text):
    assert clean_value(text, ColumnSpec("k", "Nội dung", "text"))[0] == text


@settings(deadline=None)
@given(
    raw=st.one_of(
        st.text(),
        st.none(),
        st.integers(),
        st.floats(),
        st.booleans(),
        st.dates(),
        st.datetimes(),
        st.times(),
    ),
    kind=st.sampled_from([*KINDS, "unknown"]),
    required=st.booleans(),
    choices=st.lists(st.text(max_size=10), max_size=4).map(tuple),
)
def test_clean_value_never_raises_for_any_value_and_kind(raw, kind, required, choices):
    stored, problem = clean_value(raw, ColumnSpec("k", "Cột", kind, required=required, choices=choices))
    assert isinstance(stored, str)
    assert problem is None or isinstance(problem, str)


# ----------------------------------------------------------------------------------------------
# Sizes and rejected files


def test_a_200_row_docx_and_a_500_row_xlsx_are_read():
    body = [
        [str(n), f"Hoạt động số {n}", "Tháng 10/2023", "Xã", "Nhân dân", "Tốt", ""] for n in range(1, 201)
    ]
    assert len(parse(docx_file([HEADER, *body]), "a.docx").rows) == 200
    typed = [[n, f"Hoạt động số {n}", datetime(2023, 10, 1), "Xã", "Nhân dân", "Tốt"] for n in range(1, 501)]
    table = parse(xlsx_file([HEADER, *typed]), "a.xlsx")
    assert len(table.rows) == 500 and table.rows[-1]["_line"] == 501
    assert table.rows[0]["c2"] == "01/10/2023"


def test_a_workbook_is_streamed_with_fonts_and_formulas():
    rows = [["Ghi chú dài"], HEADER, [1, unicode_to_tcvn3("Hội thi"), "=1+1"], [2, "B", "9/2023"]]
    table = parse(xlsx_file(rows, fonts={(3, 2): ".VnTime"}), "big.xlsx")
    found = [(r["c1"], r["c2"], r["_line"]) for r in table.rows]
    assert found == [("Hội thi", "'=1+1", 3), ("B", "9/2023", 4)]


cell_values = st.one_of(st.none(), st.text(max_size=30), st.sampled_from([*HEADER, "(1)", "...", "Ký tên"]))


@settings(deadline=None)
@given(grid=st.lists(st.lists(st.tuples(cell_values, st.booleans(), st.booleans()), max_size=8), max_size=20))
def test_parse_grid_never_raises_on_any_grid(grid):
    rows = [
        (line, [GridCell(value, h_cont=h, v_cont=v) for value, h, v in cells])
        for line, cells in enumerate(grid, start=1)
    ]
    table = parse_grid([rows], COLUMNS, source="docx")
    for row in table.rows:
        assert set(row) == {"c1", "c2", "c3", "c4", "c5", "c6", "_line"}


def test_a_docx_without_a_table_is_rejected_in_vietnamese():
    document = docx.Document()
    document.add_paragraph("Kính gửi Ban Dân vận")
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(UploadRejected) as error:
        parse(buffer.getvalue(), "bao-cao.docx")
    assert error.value.code == "no_table"
    assert "«bao-cao.docx»" in error.value.message and "không có bảng" in error.value.message


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "not_office"),
        (b"Stt,Ten noi dung\n1,Hoi nghi\n", "not_office"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600, "legacy_format"),
        (b"", "empty"),
    ],
)
def test_wrong_file_types_are_rejected_by_the_inspector(data, code):
    with pytest.raises(UploadRejected) as error:
        parse(data, "mau.xlsx")
    assert error.value.code == code


def test_a_file_over_the_size_limit_is_rejected():
    data = xlsx_file([HEADER, [1, "A", "9/2023"]])
    with pytest.raises(UploadRejected) as error:
        parse_upload(io.BytesIO(data), name="a.xlsx", columns=COLUMNS, max_bytes=100)
    assert error.value.code == "too_large"
