"""Read a unit's filled-in form (a table of columns) from an uploaded .xlsx or .docx.

Pure Python (no Django models)::

    table = parse_upload(request.FILES["file"], name=upload.name, columns=specs, max_bytes=10 * MB)
    table.rows      # [{"c1": "Tổ chức hội nghị...", "c2": "trung tuần tháng 9/2023", "_line": 7}, ...]
    table.problems  # [RowProblem(line=9, column="Thời gian", message="cột «Thời gian»: ...")]

Every upload goes through ``inspect_upload`` first (``UploadRejected`` for anything unsafe or not an
.xlsx/.docx). Then:

- Excel: the first worksheet whose header row matches at least half of the columns, else the
  first worksheet. Word: the first table (nested ones included) whose header row matches at least
  half of the columns, else the largest table; a document without a table is rejected
  (``UploadRejected`` code ``no_table``).
- Header row: among the first 15 non-empty rows, the row (or pair of rows, for a two-row header
  with merged cells) that matches the most columns. Columns are matched by their words, not by
  position, ignoring accents, case, punctuation, line breaks, "(1)" numbering and the " *" of
  required columns: equal, one containing the other, the header's words all in the label, or
  at least 60% of the label's significant words in the header. Each header matches at most one
  column and the other way round, best score first. A row of "(1) (2) (3)" / "1 2 3" / "A B 1 2"
  right under the header is skipped.
- Data rows: every row after the header. Empty rows, rows holding only the template's numbering,
  "..." rows are skipped; the first signature/footer line ("(Ký tên, đóng dấu)", "Người lập
  biểu", "Thủ trưởng đơn vị"...) ends the table. At most ``MAX_DATA_ROWS`` rows are read.
- Values: ``clean_value`` (see ``values``): NFC, legacy TCVN3/VNI text converted by font
  (see ``grids``), ISO dates, canonical numbers, formulas stored as text prefixed with "'".
- ``line`` of a problem and ``"_line"`` of a row: the Excel row number, or the 1-based row index
  in the Word table (its first row, normally the header, is 1); 0 means the file as a whole.
- Every row holds every non-index column key ("" when the column is absent from the file); index
  columns are dropped (numbering is ours). A missing required column is one problem (not one
  per row).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from danvan.lib.tables.grids import GridCell, Row, docx_tables, xlsx_sheets
from danvan.lib.tables.match import Header, Matcher, is_numbering, nonempty, own_texts, row_has_text
from danvan.lib.tables.values import KINDS, ColumnSpec, clean_value, value_as_text
from danvan.lib.uploads import UploadRejected, inspect_upload
from danvan.lib.vntext import fold

__all__ = [
    "HEADER_SEARCH_ROWS",
    "KINDS",
    "MAX_DATA_ROWS",
    "ColumnSpec",
    "ParsedTable",
    "RowProblem",
    "clean_value",
    "parse_grid",
    "parse_upload",
]

logger = logging.getLogger(__name__)

MAX_DATA_ROWS = 5000
HEADER_SEARCH_ROWS = 15

MSG_NO_TABLE = (
    "Tệp «{name}» không có bảng nào. Hãy điền vào bảng của biểu mẫu (tải mẫu Word hoặc Excel "
    "trên hệ thống) rồi tải lên lại."
)
MSG_NO_SHEET = "Tệp «{name}» không có trang tính nào. Hãy dùng biểu mẫu Excel của hệ thống rồi tải lên lại."
MSG_BROKEN = (
    "Tệp «{name}» có nội dung không đọc được. Hãy mở lại bằng Word/Excel, lưu lại rồi tải lên lần nữa."
)
MSG_NO_HEADER = (
    "Không tìm thấy dòng tiêu đề của bảng (tên các cột như {examples}) trong {rows} dòng đầu. "
    "Hãy dùng đúng biểu mẫu, giữ nguyên dòng tên cột."
)
MSG_MISSING_COLUMN = "thiếu cột «{label}» trong bảng"
MSG_NO_ROWS = "Bảng chưa có dòng nào được điền."
MSG_TOO_MANY_ROWS = (
    "Bảng có hơn {limit} dòng; hệ thống chỉ nhận {limit} dòng đầu. Hãy chia thành nhiều tệp rồi tải lên."
)


@dataclass
class RowProblem:
    line: int  # Excel row number / Word table row index (header = 1); 0: the file as a whole
    column: str  # the column label, or ""
    message: str  # Vietnamese


@dataclass
class ParsedTable:
    rows: list[dict[str, Any]] = field(default_factory=list)  # key -> text; plus "_line": int
    problems: list[RowProblem] = field(default_factory=list)
    matched: dict[str, str] = field(default_factory=dict)  # column key -> header text in the file
    missing: list[str] = field(default_factory=list)  # labels of required columns not found
    extra: list[str] = field(default_factory=list)  # header texts matching no column (a note)
    source: str = ""  # "xlsx" | "docx"


def parse_upload(fileobj, *, name: str, columns: list[ColumnSpec], max_bytes: int) -> ParsedTable:
    """Vet the upload (``UploadRejected``), then read its table into rows and problems."""
    # The reading below is the opening check: every failure of it is a refusal (MSG_BROKEN).
    inspected = inspect_upload(
        fileobj, name=name, allowed=("xlsx", "docx"), max_bytes=max_bytes, check_opens=False
    )
    try:
        if inspected.kind == "xlsx":
            return _parse_xlsx(inspected.data, inspected.name, columns)
        return _parse_docx(inspected.data, inspected.name, columns)
    except UploadRejected:
        raise
    except Exception as exc:  # untrusted content that passed inspection but breaks a reader
        logger.warning("table upload %r could not be read", inspected.name, exc_info=True)
        raise UploadRejected(MSG_BROKEN.format(name=inspected.name), "broken") from exc


def parse_grid(grids: Sequence[Iterable[Row]], columns: list[ColumnSpec], *, source: str) -> ParsedTable:
    """The core, on grids from ``grids``: choose the grid, find the header, read the rows.

    The first grid whose header matches at least half of the columns wins; else the largest grid
    for "docx" (grids must then be lists) and the first one otherwise.
    """
    columns = list(columns)
    matcher = Matcher(columns)
    need = (len(columns) + 1) // 2
    candidates: list[tuple[int, list[Row], Iterator[Row], Header | None]] = []
    chosen = None
    for grid in grids:
        size = sum(len(cells) for _, cells in grid) if isinstance(grid, list) else 0
        head, rest = _head(iter(grid))
        header = matcher.find_header(head)
        candidates.append((size, head, rest, header))
        if header is not None and header.count >= max(need, 1):
            chosen = candidates[-1]
            break
    if not candidates:
        return _read_table([], iter(()), None, columns, source)
    if chosen is None:
        # max() keeps the first of equal sizes; the first grid when sizes are unknown (streams).
        chosen = max(candidates, key=lambda c: c[0]) if source == "docx" else candidates[0]
    _, head, rest, header = chosen
    return _read_table(head, rest, header, columns, source)


# ----------------------------------------------------------------------------------------------
# Sources


def _parse_xlsx(data: bytes, name: str, columns: list[ColumnSpec]) -> ParsedTable:
    sheets, workbook = xlsx_sheets(data, name=name)
    try:
        if not sheets:
            raise UploadRejected(MSG_NO_SHEET.format(name=name), "no_table")
        return parse_grid(sheets, columns, source="xlsx")
    finally:
        workbook.close()


def _parse_docx(data: bytes, name: str, columns: list[ColumnSpec]) -> ParsedTable:
    tables = docx_tables(data)
    if not tables:
        raise UploadRejected(MSG_NO_TABLE.format(name=name), "no_table")
    return parse_grid(tables, columns, source="docx")


def _head(rows: Iterator[Row]) -> tuple[list[Row], Iterator[Row]]:
    head: list[Row] = []
    for row in rows:
        if row_has_text(row[1]):
            head.append(row)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
    return head, rows


# ----------------------------------------------------------------------------------------------
# Data rows

# A signature block under the table: every text of the row is one of these (folded), so a data
# row that merely mentions "đóng dấu" or "thủ trưởng đơn vị" among other values is not one.
_FOOTER_RE = re.compile(
    r"(?:tm|kt|tl|ttl|t m|k t|t l)\b"  # TM. BAN THƯỜNG VỤ, KT. TRƯỞNG BAN
    r"|(?:nguoi lap(?: bieu| bang)?|thu truong(?: don vi| co quan)?|xac nhan cua|noi nhan)\b"
)
_SIGN_NOTE_RE = re.compile(r"(?:ky|dong dau|ghi ro ho ten)\b")  # "(Ký tên, đóng dấu)", in brackets
_DATE_LINE_RE = re.compile(r"[^,\d]{2,40},\s*ngày\b", re.IGNORECASE)  # "Yên Dũng, ngày 25 tháng 9 năm 2023"
_FOOTER_TEXT_LIMIT = 80
_FOOTER_TEXTS = 4
_ELLIPSIS_RE = re.compile(r"[.…·\s]+")


def _footer_like(text: str) -> bool:
    if len(text) > _FOOTER_TEXT_LIMIT:
        return False
    folded = fold(text)
    if text.startswith("(") and _SIGN_NOTE_RE.match(folded):
        return True
    return bool(_FOOTER_RE.match(folded) or _DATE_LINE_RE.match(text))


def _is_footer(texts: list[str]) -> bool:
    distinct = set(texts)
    return len(distinct) <= _FOOTER_TEXTS and all(_footer_like(text) for text in distinct)


def _is_ellipsis(texts: list[str]) -> bool:
    return all(_ELLIPSIS_RE.fullmatch(text) for text in texts)


def _raw_value(cells: list[GridCell], positions: list[int]) -> tuple[Any, bool]:
    """The value at the header's positions, and whether the row wrote it itself (not a merged copy)."""
    values: list[Any] = []
    own = False
    for position in positions:
        if position >= len(cells):
            continue
        cell = cells[position]
        if cell.h_cont or not nonempty(cell.value):
            continue
        values.append(cell.value)
        own = own or not cell.v_cont
    if not values:
        return None, False
    if len(values) == 1:
        return values[0], own
    return " ".join(value_as_text(value) for value in values), own


def _read_table(
    head: list[Row], rest: Iterator[Row], header: Header | None, columns: list[ColumnSpec], source: str
) -> ParsedTable:
    table = ParsedTable(source=source)
    data_columns = [column for column in columns if column.kind != "index"]
    if header is None:
        examples = ", ".join(f"«{column.label}»" for column in data_columns[:2]) or "«Stt»"
        table.problems.append(
            RowProblem(0, "", MSG_NO_HEADER.format(examples=examples, rows=HEADER_SEARCH_ROWS))
        )
        for column in data_columns:
            if column.required:
                table.missing.append(column.label)
        return table

    for column in columns:
        if column.key in header.positions:
            table.matched[column.key] = header.texts[header.positions[column.key][0]]
        elif column.required and column.kind != "index":
            table.missing.append(column.label)
            table.problems.append(
                RowProblem(header.line, column.label, MSG_MISSING_COLUMN.format(label=column.label))
            )
    used = {position for group in header.positions.values() for position in group}
    matched_texts = set(table.matched.values())
    for position, text in enumerate(header.texts):
        if text and position not in used and text not in matched_texts and text not in table.extra:
            table.extra.append(text)

    start = header.index + header.height
    if start < len(head) and is_numbering(head[start][1]):
        start += 1
    for line, cells in chain(head[start:], rest):
        if not row_has_text(cells):
            continue
        texts = own_texts(cells)
        if not texts:
            continue  # only copies of merged cells from above
        if _is_footer(texts):
            break
        if _is_ellipsis(texts):
            continue
        raws: list[tuple[ColumnSpec, Any]] = []
        wrote = False
        for column in data_columns:
            positions = header.positions.get(column.key)
            raw, own = _raw_value(cells, positions) if positions else (None, False)
            raws.append((column, raw))
            wrote = wrote or own
        if not wrote:
            continue  # a template row with only its number, or data outside our columns
        if len(table.rows) >= MAX_DATA_ROWS:
            limit = f"{MAX_DATA_ROWS:,}".replace(",", ".")
            table.problems.append(RowProblem(line, "", MSG_TOO_MANY_ROWS.format(limit=limit)))
            break
        row: dict[str, Any] = {}
        for column, raw in raws:
            if column.key not in header.positions:
                row[column.key] = ""
                continue
            value, problem = clean_value(raw, column)
            row[column.key] = value
            if problem:
                table.problems.append(RowProblem(line, column.label, problem))
        row["_line"] = line
        table.rows.append(row)
    if not table.rows:
        table.problems.append(RowProblem(header.line, "", MSG_NO_ROWS))
    return table
