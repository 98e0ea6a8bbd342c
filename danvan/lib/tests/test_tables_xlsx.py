"""The streaming .xlsx reader (danvan.lib.tables.xlsx): what a workbook declares never sizes the work."""

from __future__ import annotations

from datetime import datetime

import pytest

from danvan.lib.tables import grids, xlsx
from danvan.lib.tables.read import ColumnSpec, parse_upload
from danvan.lib.uploads import UploadRejected, inspect_upload
from danvan.testing import hostile

MB = 1024 * 1024
COLUMNS = [ColumnSpec("name", "Họ và tên", "text", required=True), ColumnSpec("title", "Chức vụ", "text")]


def rows_of(data: bytes) -> list[tuple[int, list[xlsx.XCell]]]:
    workbook = xlsx.open_workbook(data, name="a.xlsx")
    return list(workbook.rows(workbook.sheets[0]))


def grid_of(data: bytes):
    sheets, _workbook = grids.xlsx_sheets(data, name="a.xlsx")
    return list(sheets[0])


def test_a_merged_range_of_a_million_positions_costs_only_the_rows_that_have_content():
    data = hostile.xlsx(
        "<row r='1'>" + hostile._inline("A1", "Họ và tên") + "</row>",
        after='<mergeCells count="1"><mergeCell ref="A1:Z40000"/></mergeCells>',
    )
    assert len(data) < 5000
    grid = grid_of(data)
    assert [line for line, _ in grid] == [1]  # no row is made up below the last row with content
    assert len(grid[0][1]) == 26 and grid[0][1][25].h_cont and grid[0][1][25].value == "Họ và tên"


def test_merged_copies_reach_rows_between_rows_with_content_within_the_budget(monkeypatch):
    monkeypatch.setattr(grids, "MERGE_FILL_BUDGET", 10)
    body = hostile._inline("A1", "Thời gian") + "</row><row r='9'>" + hostile._inline("B9", "x")
    data = hostile.xlsx(f"<row r='1'>{body}</row>", after='<mergeCells><mergeCell ref="A1:A9"/></mergeCells>')
    grid = grid_of(data)
    copies = [cells[0] for line, cells in grid if line > 1 and cells and cells[0].v_cont]
    assert len(copies) == 8 and all(c.value == "Thời gian" for c in copies)
    monkeypatch.setattr(grids, "MERGE_FILL_BUDGET", 3)
    assert sum(1 for line, cells in grid_of(data) if line > 1 and cells and cells[0].v_cont) == 3


def test_a_declared_dimension_and_a_cell_at_xfd1048576_are_not_padded():
    data = hostile.corpus_file("kich-thuoc.xlsx").data
    rows = rows_of(data)
    assert [line for line, _ in rows] == [1]  # the XFD cell is beyond MAX_COLUMNS: skipped, not padded to
    assert max(len(cells) for _, cells in grid_of(data)) <= grids.MAX_COLUMNS


def test_overlapping_merged_ranges_are_read_without_error():
    table = parse_upload(
        hostile.corpus_file("gop-chong.xlsx").data, name="a.xlsx", columns=COLUMNS, max_bytes=MB
    )
    assert table.source == "xlsx"


def test_a_shared_string_index_out_of_range_is_refused_naming_the_cell():
    with pytest.raises(UploadRejected) as error:
        rows_of(hostile.corpus_file("chuoi-ngoai.xlsx").data)
    assert error.value.code == "broken"
    assert "ô A2" in error.value.message and "99999" in error.value.message


def test_cells_keep_text_typed_as_a_number_and_a_bad_iso_date_and_read_dates_by_their_format():
    rows = dict(rows_of(hostile.corpus_file("so-la-chu.xlsx").data))
    assert [c.value for c in rows[2]] == ["Nguyễn Văn A", "abc"]
    assert rows_of(hostile.corpus_file("ngay-hong.xlsx").data)[1][1][0].value == "2024-13-45T99:99"
    styles = (
        f'<?xml version="1.0"?><styleSheet xmlns="{hostile.NS_MAIN}">'
        '<fonts count="1"><font><name val=".VnTime"/></font>'
        '</fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0"/></cellXfs>'
        "</styleSheet>"
    )
    data = hostile.xlsx(
        '<row r="1"><c r="A1" s="1"><v>45292</v></c>'
        '<c r="B1" s="0" t="inlineStr"><is><t>x</t></is></c></row>',
        extra={"xl/styles.xml": styles},
    )
    cells = rows_of(data)[0][1]
    assert cells[0].value == datetime(2024, 1, 1) and cells[1].font == ".VnTime"


def test_formulas_come_with_their_text_and_shared_formulas_are_translated():
    data = hostile.xlsx(
        '<row r="1"><c r="A1"><f t="shared" si="0" ref="A1:A2">B1+1</f><v>2</v></c></row>'
        '<row r="2"><c r="A2"><f t="shared" si="0"/><v>3</v></c></row>'
    )
    assert [cells[0].formula for _, cells in rows_of(data)] == ["=B1+1", "=B2+1"]


def test_a_huge_cell_is_cut_at_excels_own_limit():
    rows = rows_of(hostile.corpus_file("o-khong-lo.xlsx").data)
    assert len(rows[1][1][0].value) == xlsx.MAX_CELL_CHARS


def test_a_workbook_without_sheets_is_refused_at_vetting_and_by_the_table_reader():
    data = hostile.corpus_file("khong-trang.xlsx").data
    with pytest.raises(UploadRejected) as error:
        inspect_upload(data, name="a.xlsx", allowed=("xlsx",))
    assert error.value.code == "no_sheet" and "không có trang tính nào" in error.value.message
    with pytest.raises(UploadRejected) as error:
        parse_upload(data, name="a.xlsx", columns=COLUMNS, max_bytes=MB)
    assert "không có trang tính nào" in error.value.message


@pytest.mark.parametrize("name", ["khong-rels.docx", "sai-goc.docx", "long-sau.docx", "chu-khong-lo.docx"])
def test_a_word_file_python_docx_cannot_open_is_refused_at_vetting(name):
    with pytest.raises(UploadRejected) as error:
        inspect_upload(hostile.corpus_file(name).data, name=name, allowed=("docx",))
    assert error.value.code == "unreadable" and f"«{name}»" in error.value.message


def test_a_deeply_nested_sheet_is_read_without_recursion():
    rows = rows_of(hostile.corpus_file("long-sau.xlsx").data)
    assert rows[0][1][0].value == "a"
