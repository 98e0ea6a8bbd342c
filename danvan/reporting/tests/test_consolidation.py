"""Consolidating unit answers: the streamed .xlsx, the DOCX annex and merged narrative outlines.

Files are read back with openpyxl / python-docx (and the sheet's XML where it matters). No database.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

import openpyxl
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from danvan.reporting.documents.annex import write_docx
from danvan.reporting.documents.consolidated import (
    EMPTY_UNIT_NOTE,
    NO_ANSWER_NOTE,
    Column,
    UnitRows,
    cell_text,
    unit_heading,
    write_xlsx,
)
from danvan.reporting.documents.outline import merge_outline, write_outline_docx

# The registration form of seed 003 (Tháng Dân vận).
COLUMNS = [
    Column("stt", "Stt", "index"),
    Column("name", "Tên nội dung, hoạt động", "text"),
    Column("when", "Thời gian tổ chức, triển khai", "window"),
    Column("scope", "Quy mô, phạm vi triển khai", "text"),
    Column("target", "Đối tượng thực hiện hoặc đối tượng thụ hưởng", "text"),
    Column("goal", "Mục tiêu hướng đến hoặc dự kiến kết quả đạt được", "long_text"),
    Column("note", "Ghi chú", "text"),
]
HYPERLINK = '=HYPERLINK("http://example.com/x","Bấm vào đây")'


def sample_groups() -> list[UnitRows]:
    return [
        UnitRows(
            "Sở Nội vụ",
            [
                {
                    "name": "Gặp mặt kỷ niệm 93 năm Ngày truyền thống công tác dân vận",
                    "when": "15/10/2023",
                    "scope": "Cấp tỉnh",
                    "target": "Cán bộ, công chức",
                    "goal": "Nâng cao nhận thức\nvề công tác dân vận",
                    "note": "",
                },
                {"name": HYPERLINK, "when": "tháng 10/2023", "scope": "cap tinh", "target": "Nhân dân"},
            ],
            status="Đúng hạn",
        ),
        UnitRows("Ủy ban MTTQ tỉnh", [], status="Muộn"),
        UnitRows(
            "Huyện ủy Lạng Giang",
            [{"name": f"Hoạt động số {i}", "when": "quý IV/2023", "scope": "Cấp xã"} for i in range(1, 4)],
        ),
    ]


def xlsx_bytes(groups, **kwargs) -> tuple[bytes, int]:
    buffer = io.BytesIO()
    written = write_xlsx(
        buffer,
        title="DANH SÁCH",
        subtitle="Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận” năm 2023",
        columns=COLUMNS,
        groups=groups,
        **kwargs,
    )
    return buffer.getvalue(), written


def sheet_rows(data: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return list(sheet.iter_rows(values_only=True))


def sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


# ----------------------------------------------------------------------------------------------
# .xlsx


def test_the_xlsx_has_a_title_a_subtitle_and_a_header_without_the_forms_index_column():
    rows = sheet_rows(xlsx_bytes(sample_groups())[0])
    assert rows[0][0] == "DANH SÁCH"
    assert rows[1][0].startswith("Đăng ký hoạt động")
    assert rows[2] == (
        "Stt",
        "Đơn vị",
        "Tên nội dung, hoạt động",
        "Thời gian tổ chức, triển khai",
        "Quy mô, phạm vi triển khai",
        "Đối tượng thực hiện hoặc đối tượng thụ hưởng",
        "Mục tiêu hướng đến hoặc dự kiến kết quả đạt được",
        "Ghi chú",
    )


def test_the_xlsx_has_unit_headings_in_the_given_order_with_rows_numbered_within_each_unit():
    data, written = xlsx_bytes(sample_groups())
    rows = sheet_rows(data)[3:]
    assert written == 5
    headings = [r[0] for r in rows if isinstance(r[0], str)]
    assert headings == ["1. Sở Nội vụ (Đúng hạn)", "2. Ủy ban MTTQ tỉnh (Muộn)", "3. Huyện ủy Lạng Giang"]
    assert [r[0] for r in rows[:3]] == ["1. Sở Nội vụ (Đúng hạn)", 1, 2]
    assert rows[3][0].startswith("2. ") and rows[4][2] == EMPTY_UNIT_NOTE
    assert [r[0] for r in rows[6:9]] == [1, 2, 3]
    assert {r[1] for r in rows[6:9]} == {"Huyện ủy Lạng Giang"}


def test_the_xlsx_unit_headings_run_across_the_table_and_the_header_is_frozen():
    data = xlsx_bytes(sample_groups())[0]
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert {str(r) for r in sheet.merged_cells.ranges} == {"A1:H1", "A2:H2"}  # title and subtitle only
    heading = sheet[4]
    assert heading[0].value == "1. Sở Nội vụ (Đúng hạn)" and heading[0].font.b
    assert not heading[0].alignment.wrap_text  # the text runs over the blank cells to its right
    assert all(cell.value is None for cell in heading[1:])
    assert {cell.fill.fgColor.rgb for cell in heading} == {heading[0].fill.fgColor.rgb}
    assert heading[0].border.left.style and heading[-1].border.right.style
    assert sheet.freeze_panes == "A4"
    assert sheet["C5"].font.name == "Times New Roman" and sheet["C5"].font.sz == 12
    assert sheet["G5"].alignment.wrap_text and sheet["G5"].border.left.style == "thin"
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["C"].width  # long text is wider


def test_a_hyperlink_formula_typed_by_a_unit_is_stored_as_text_never_as_a_formula():
    data = xlsx_bytes(sample_groups())[0]
    rows = sheet_rows(data)
    assert HYPERLINK in [r[2] for r in rows]
    xml = sheet_xml(data)
    assert "<f>" not in xml and "<f " not in xml
    assert "HYPERLINK" in xml and 't="inlineStr"' in xml
    assert "hyperlink" not in xml.replace("HYPERLINK", "")  # no hyperlink records either


def test_the_xlsx_keeps_vietnamese_text_intact_and_joins_decomposed_letters():
    decomposed = "Tuye\u0302n truye\u0302\u0300n"  # NFD, as pasted from some Mac applications
    groups = [UnitRows("Xã Đồng Tâm", [{"name": decomposed, "goal": "Ươm mầm “Dân vận khéo” ữ ỹ ỵ"}])]
    rows = sheet_rows(xlsx_bytes(groups)[0])
    assert rows[3][0] == "1. Xã Đồng Tâm"
    assert rows[4][2] == "Tuyên truyền"
    assert rows[4][6] == "Ươm mầm “Dân vận khéo” ữ ỹ ỵ"


def test_control_characters_are_dropped_and_line_breaks_kept():
    assert cell_text("a\x00b\x1fc\r\nd\re") == "abc\nd\ne"
    assert cell_text(None) == "" and cell_text(date(2023, 9, 5)) == "05/09/2023"
    groups = [UnitRows("Sở Y tế", [{"name": "Khám\x0b bệnh", "goal": "Dòng 1\nDòng 2"}])]
    rows = sheet_rows(xlsx_bytes(groups)[0])
    assert rows[4][2] == "Khám bệnh" and rows[4][6] == "Dòng 1\nDòng 2"


def test_number_and_date_columns_are_typed_only_when_the_text_is_unambiguous():
    columns = [Column("n", "Số người tham gia", "number"), Column("d", "Ngày", "date")]
    groups = [
        UnitRows("Sở Tư pháp", [{"n": "1.234", "d": "05/10/2023"}, {"n": "khoảng 200", "d": "cuối tháng"}])
    ]
    buffer = io.BytesIO()
    write_xlsx(buffer, title="T", subtitle="", columns=columns, groups=groups)
    rows = sheet_rows(buffer.getvalue())
    assert rows[4][2] == 1234 and rows[4][3].date() == date(2023, 10, 5)
    assert rows[5][2] == "khoảng 200" and rows[5][3] == "cuối tháng"


def test_the_progress_callback_is_called_every_fifty_units_and_at_the_end():
    calls: list[int] = []
    groups = (UnitRows(f"Xã {i}", [{"name": "x"}]) for i in range(120))
    xlsx_bytes(groups, progress=calls.append)
    assert calls == [50, 100, 120]


def test_a_small_run_with_a_known_total_reports_progress_more_often():
    calls: list[int] = []
    xlsx_bytes((UnitRows(f"Xã {i}", []) for i in range(40)), progress=calls.append, total_units=40)
    assert calls == list(range(2, 41, 2))
    calls.clear()
    xlsx_bytes(iter(()), progress=calls.append)
    assert calls == [0]


def test_a_generator_of_two_thousand_units_with_five_rows_each_is_written_without_a_list():
    consumed = []

    def groups():
        for unit in range(2000):
            consumed.append(unit)
            rows = ({"name": f"Hoạt động {unit}.{n}", "scope": "Cấp xã"} for n in range(1, 6))
            yield UnitRows(f"Xã số {unit + 1}", rows)

    buffer = io.BytesIO()
    written = write_xlsx(buffer, title="T", subtitle="S", columns=COLUMNS, groups=groups())
    assert written == 10_000 and len(consumed) == 2000
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue()), read_only=True).active
    last = None
    count = 0
    for count, last in enumerate(sheet.iter_rows(values_only=True), start=1):  # noqa: B007
        pass
    assert count == 3 + 2000 * 6
    assert last[0] == 5 and last[1] == "Xã số 2000" and last[2] == "Hoạt động 1999.5"


def test_the_xlsx_can_be_written_to_a_path(tmp_path):
    target = tmp_path / "tong-hop.xlsx"
    assert write_xlsx(target, title="T", subtitle="", columns=COLUMNS, groups=sample_groups()) == 5
    assert sheet_rows(target.read_bytes())[3][0] == "1. Sở Nội vụ (Đúng hạn)"


def test_an_unknown_column_kind_is_refused():
    with pytest.raises(ValueError, match="không hợp lệ"):
        Column("x", "X", "picture")


# ----------------------------------------------------------------------------------------------
# DOCX annex


def annex() -> Document:
    data = write_docx(
        title="Danh sách đăng ký hoạt động “Tháng Dân vận” năm 2023",
        subtitle="(Kèm theo báo cáo của Ban Dân vận Tỉnh ủy)",
        columns=COLUMNS,
        groups=sample_groups(),
        issuer="Ban Dân vận Tỉnh ủy",
    )
    return Document(io.BytesIO(data))


def test_the_docx_annex_is_a_landscape_page_with_the_annex_label_and_title():
    doc = annex()
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[:3] == [
        "BAN DÂN VẬN TỈNH ỦY",
        "PHỤ LỤC",
        "Danh sách đăng ký hoạt động “Tháng Dân vận” năm 2023",
    ]
    assert all(run.bold for p in doc.paragraphs[1:3] for run in p.runs)


def test_the_docx_table_has_a_repeating_header_and_a_merged_bold_row_per_unit():
    table = annex().tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Stt", *(c.label for c in COLUMNS[1:])]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    firsts = [row.cells[0].text for row in table.rows[1:]]
    assert firsts == [
        "1. Sở Nội vụ (Đúng hạn)",
        "1",
        "2",
        "2. Ủy ban MTTQ tỉnh (Muộn)",
        "",
        "3. Huyện ủy Lạng Giang",
        "1",
        "2",
        "3",
    ]
    heading = table.rows[1]
    assert len({id(c._tc) for c in heading.cells}) == 1  # one cell across the row
    assert all(run.bold for p in heading.cells[0].paragraphs for run in p.runs)
    assert table.rows[5].cells[1].text == EMPTY_UNIT_NOTE
    assert table.rows[3].cells[1].text == HYPERLINK


# ----------------------------------------------------------------------------------------------
# Narrative outlines

HEADINGS = ["I- Công tác lãnh đạo, chỉ đạo", "II- Kết quả thực hiện", "III- Kiến nghị, đề xuất"]


def test_merge_outline_skips_empty_answers_and_keeps_the_units_order():
    answers = [
        ("Huyện ủy Yên Dũng", {0: "Ban hành kế hoạch.", 1: "  ", 2: "Đề nghị tăng kinh phí."}),
        ("Sở Nội vụ", {1: "Tổ chức 5 hội nghị.", 7: "câu trả lời cho mục đã bỏ"}),
        ("Xã Tân Liễu", {0: "", 1: "Ra quân vệ sinh môi trường."}),
    ]
    merged = merge_outline(headings=HEADINGS, answers=answers)
    assert [heading for heading, _ in merged] == HEADINGS
    assert merged[0][1] == [("Huyện ủy Yên Dũng", "Ban hành kế hoạch.")]
    assert merged[1][1] == [
        ("Sở Nội vụ", "Tổ chức 5 hội nghị."),
        ("Xã Tân Liễu", "Ra quân vệ sinh môi trường."),
    ]
    assert merged[2][1] == [("Huyện ủy Yên Dũng", "Đề nghị tăng kinh phí.")]


def test_the_outline_docx_puts_each_units_text_under_its_bold_name_heading_by_heading():
    merged = merge_outline(
        headings=HEADINGS,
        answers=[("Sở Nội vụ", {0: "Đoạn một.\nĐoạn hai."}), ("Xã Tân Liễu", {0: "Kế hoạch số 5."})],
    )
    data = write_outline_docx(
        title="báo cáo kết quả “Tháng Dân vận” năm 2023", headings=HEADINGS, merged=merged
    )
    paragraphs = [p for p in Document(io.BytesIO(data)).paragraphs if p.text]
    texts = [p.text for p in paragraphs]
    start = texts.index("I- CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO")
    assert texts[start : start + 6] == [
        "I- CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO",
        "Sở Nội vụ:",
        "Đoạn một.",
        "Đoạn hai.",
        "Xã Tân Liễu:",
        "Kế hoạch số 5.",
    ]
    assert paragraphs[start + 1].runs[0].bold and not paragraphs[start + 2].runs[0].bold
    assert texts[start + 6] == "II- KẾT QUẢ THỰC HIỆN" and texts[start + 7] == NO_ANSWER_NOTE


def test_unit_headings_are_numbered_and_carry_the_status():
    assert unit_heading(3, "  Sở   Tài chính ", "Muộn") == "3. Sở Tài chính (Muộn)"
    assert unit_heading(1, "Sở Nội vụ") == "1. Sở Nội vụ"


def test_the_sheet_xml_holds_no_shared_strings_so_memory_does_not_grow_with_text():
    data = xlsx_bytes(sample_groups())[0]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    assert "xl/sharedStrings.xml" not in names  # constant_memory writes strings inline
    assert re.search(r"<c r=\"A5\"[^>]*><v>1</v>", sheet_xml(data))
