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
- Values: ``clean_value`` (see ``tables_values``): NFC, legacy TCVN3/VNI text converted by font
  (see ``tables_read``), ISO dates, canonical numbers, formulas stored as text prefixed with "'".
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
from itertools import chain, pairwise
from typing import Any

from danvan.lib.uploads import UploadRejected, inspect_upload
from danvan.lib.vntext import clean_text, fold
from danvan.reporting.tables_read import GridCell, Row, docx_tables, xlsx_sheets
from danvan.reporting.tables_values import KINDS, ColumnSpec, clean_value, value_as_text

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
    inspected = inspect_upload(fileobj, name=name, allowed=("xlsx", "docx"), max_bytes=max_bytes)
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
    """The core, on grids from ``tables_read``: choose the grid, find the header, read the rows.

    The first grid whose header matches at least half of the columns wins; else the largest grid
    for "docx" (grids must then be lists) and the first one otherwise.
    """
    columns = list(columns)
    matcher = _Matcher(columns)
    need = (len(columns) + 1) // 2
    candidates: list[tuple[int, list[Row], Iterator[Row], _Header | None]] = []
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
    sheets, workbook = xlsx_sheets(data)
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


def _nonempty(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def _row_has_text(cells: list[GridCell]) -> bool:
    return any(_nonempty(cell.value) for cell in cells)


def _head(rows: Iterator[Row]) -> tuple[list[Row], Iterator[Row]]:
    head: list[Row] = []
    for row in rows:
        if _row_has_text(row[1]):
            head.append(row)
            if len(head) >= HEADER_SEARCH_ROWS:
                break
    return head, rows


# ----------------------------------------------------------------------------------------------
# Header matching

# Small words that carry no meaning of their own in a column label.
STOP_WORDS = frozenset(
    {"va", "hoac", "cac", "cua", "the", "nhung", "la", "cho", "voi", "ve", "tai", "neu", "mot", "nay"}
    | {"do", "theo", "tu", "den", "cung", "nhu"}
)
INDEX_ALIASES = frozenset({"stt", "tt", "so tt", "so thu tu", "thu tu"})
_NUMBERING_MARK = re.compile(r"\(\s*\d{1,3}\s*\)|\*")
_NUMBERING_CELL = re.compile(r"\(?\s*(\d{1,3}|[A-Za-z])\s*\)?")


@dataclass
class _Header:
    index: int  # position in ``head`` of the first header row
    height: int  # 1 or 2 rows
    line: int
    positions: dict[str, list[int]]  # column key -> positions in the row (a merged header: several)
    texts: list[str]  # the header text at each position
    count: int  # columns matched
    score: float


@dataclass(frozen=True)
class _Words:
    folded: str
    words: tuple[str, ...]
    significant: frozenset[str]


def _words(text: str) -> _Words:
    folded = fold(_NUMBERING_MARK.sub(" ", text))
    words = tuple(folded.split())
    significant = frozenset(w for w in words if w not in STOP_WORDS) or frozenset(words)
    return _Words(folded, words, significant)


def header_score(header: _Words, label: _Words, *, index: bool = False) -> float:
    """How well a header text names a column label: 0 (no match) .. 1 (equal)."""
    if not header.folded or not label.folded:
        return 0.0
    if header.folded == label.folded or (index and header.folded in INDEX_ALIASES):
        return 1.0
    padded_h, padded_l = f" {header.folded} ", f" {label.folded} "
    if padded_h in padded_l or padded_l in padded_h:
        shorter, longer = sorted((len(header.words), len(label.words)))
        return 0.8 + 0.1 * shorter / longer
    common = len(header.significant & label.significant)
    if not common:
        return 0.0
    cover_label = common / len(label.significant)
    cover_header = common / len(header.significant)
    if cover_label >= 0.6 or cover_header == 1.0:
        return 0.4 + 0.2 * cover_label + 0.2 * cover_header
    return 0.0


class _Matcher:
    def __init__(self, columns: list[ColumnSpec]) -> None:
        self.columns = columns
        self.labels = [_words(column.label) for column in columns]

    def assign(self, texts: list[str]) -> tuple[dict[int, int], int, float]:
        """Best one-to-one (column index -> position) assignment, its size and total score."""
        pairs: list[tuple[float, int, int, int]] = []
        rank = 0
        for position, text in enumerate(texts):
            if not text:
                continue
            words = _words(text)
            for index, (column, label) in enumerate(zip(self.columns, self.labels, strict=True)):
                score = header_score(words, label, index=column.kind == "index")
                if score > 0:
                    pairs.append((score, abs(rank - index), position, index))
            rank += 1
        pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
        used_positions: set[int] = set()
        assignment: dict[int, int] = {}
        total = 0.0
        for score, _, position, index in pairs:
            if index in assignment or position in used_positions:
                continue
            assignment[index] = position
            used_positions.add(position)
            total += score
        return assignment, len(assignment), total

    def find_header(self, head: list[Row]) -> _Header | None:
        singles = [_single_texts(cells) for _, cells in head]
        scored = [self.assign(texts) for texts in singles]
        best: tuple[tuple[int, float], _Header] | None = None
        for i, (line, cells) in enumerate(head):
            options = [(1, singles[i], scored[i])]
            if i + 1 < len(head) and not _is_numbering(head[i + 1][1]):
                below = head[i + 1][1]
                texts = _double_texts(cells, below)
                result = self.assign(texts)
                alone = max((scored[i][1], scored[i][2]), (scored[i + 1][1], scored[i + 1][2]))
                if (result[1], result[2]) > alone and (result[1] > alone[0] or _linked(cells, below)):
                    options.append((2, texts, result))
            for height, texts, (assignment, count, total) in options:
                if not count:
                    continue
                key = (count, total)
                if best is None or key > best[0]:
                    flags = _merged_flags(cells, head[i + 1][1] if height == 2 else None, len(texts))
                    header = _Header(
                        index=i,
                        height=height,
                        line=line,
                        positions=self._positions(assignment, texts, flags),
                        texts=texts,
                        count=count,
                        score=total,
                    )
                    best = (key, header)
        return best[1] if best else None

    def _positions(
        self, assignment: dict[int, int], texts: list[str], flags: list[bool]
    ) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for index, position in assignment.items():
            group = [position]
            following = position + 1
            while following < len(texts) and flags[following] and texts[following] == texts[position]:
                group.append(following)
                following += 1
            positions[self.columns[index].key] = group
        return positions


def _cell_header_text(cell: GridCell | None) -> str:
    if cell is None or not _nonempty(cell.value):
        return ""
    return clean_text(value_as_text(cell.value))


def _single_texts(cells: list[GridCell]) -> list[str]:
    return [_cell_header_text(cell) for cell in cells]


def _double_texts(top: list[GridCell], bottom: list[GridCell]) -> list[str]:
    texts: list[str] = []
    for position in range(max(len(top), len(bottom))):
        upper = _cell_header_text(top[position] if position < len(top) else None)
        cell = bottom[position] if position < len(bottom) else None
        lower = _cell_header_text(cell)
        if not lower or (cell is not None and cell.v_cont) or fold(lower) == fold(upper):
            texts.append(upper)
        elif not upper:
            texts.append(lower)
        else:
            texts.append(f"{upper} {lower}")
    return texts


def _merged_flags(top: list[GridCell], bottom: list[GridCell] | None, width: int) -> list[bool]:
    flags = []
    for position in range(width):
        flag = position < len(top) and top[position].h_cont
        if bottom is not None and position < len(bottom):
            flag = flag and (bottom[position].h_cont or bottom[position].v_cont or not bottom[position].value)
        flags.append(flag)
    return flags


def _linked(top: list[GridCell], bottom: list[GridCell]) -> bool:
    """Do merged cells tie the two rows into one header?"""
    for position, cell in enumerate(bottom):
        if cell.v_cont and position < len(top) and not top[position].v_cont and top[position].value:
            return True  # a cell merged down from the upper row ("Stt" over two rows)
    anchors = {id(cell) for cell in top if _nonempty(cell.value) and not cell.h_cont}
    if len(anchors) < 2:
        return False  # a title or a note across the whole width is not a header
    for position, cell in enumerate(top):
        in_group = cell.h_cont or (position + 1 < len(top) and top[position + 1].h_cont)
        below = bottom[position] if position < len(bottom) else None
        if in_group and below is not None and _nonempty(below.value) and not below.v_cont:
            return True  # a merged "Đối tượng" over "Thực hiện | Thụ hưởng"
    return False


def _own_texts(cells: list[GridCell]) -> list[str]:
    return [
        clean_text(value_as_text(cell.value))
        for cell in cells
        if not cell.h_cont and not cell.v_cont and _nonempty(cell.value)
    ]


def _is_numbering(cells: list[GridCell]) -> bool:
    """A row like "(1) (2) (3)", "1 2 3" or "A B 1 2 3" under a header."""
    texts = _own_texts(cells)
    if len(texts) < 2:
        return False
    numbers: list[int] = []
    for text in texts:
        match = _NUMBERING_CELL.fullmatch(text)
        if match is None:
            return False
        if match.group(1).isdigit():
            numbers.append(int(match.group(1)))
    return len(numbers) >= 2 and all(b == a + 1 for a, b in pairwise(numbers))


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
        if cell.h_cont or not _nonempty(cell.value):
            continue
        values.append(cell.value)
        own = own or not cell.v_cont
    if not values:
        return None, False
    if len(values) == 1:
        return values[0], own
    return " ".join(value_as_text(value) for value in values), own


def _read_table(
    head: list[Row], rest: Iterator[Row], header: _Header | None, columns: list[ColumnSpec], source: str
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
    if start < len(head) and _is_numbering(head[start][1]):
        start += 1
    for line, cells in chain(head[start:], rest):
        if not _row_has_text(cells):
            continue
        texts = _own_texts(cells)
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
