"""Readers for ``danvan.lib.tables.read``: an .xlsx sheet or a Word table as a grid of cells.

Pure Python (no Django models). A grid is an iterator of ``(line, cells)``: ``line`` is the Excel
row number or the 1-based row index in the Word table, ``cells`` a list of :class:`GridCell` by
column position (at most ``MAX_COLUMNS``).

Merged cells: every cell of a merged area carries the anchor's value, flagged ``h_cont`` (right of
the anchor) and/or ``v_cont`` (below it). Header matching uses these copies; data rows use a
vertical copy (a "Thời gian" shared by several rows) but not a horizontal one.

Legacy text: a run (Word) or cell (Excel) whose font is ".VnTime"/".VnTimeH"/".VnArial..." is TCVN3,
"VNI-..." is VNI, and is converted with ``vntext.repair_legacy_text(text, font_name=...)``. Text in
any other font is converted only when ``detect_legacy_encoding`` recognises TCVN3 or UTF-8 read as
cp1252 in it (never VNI without the font: VNI bytes are ordinary Latin-1 letters too).
"""

from __future__ import annotations

import io
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from danvan.lib.tables import xlsx
from danvan.lib.vntext import ALL_LETTERS, detect_legacy_encoding, repair_legacy_text

__all__ = [
    "MAX_COLUMNS",
    "GridCell",
    "Row",
    "docx_tables",
    "repair_cell_text",
    "xlsx_sheets",
]

MAX_COLUMNS = xlsx.MAX_COLUMNS
MERGE_FILL_BUDGET = 200_000  # merged-area cells filled at most (a hostile range cannot blow up memory)

_UNICODE_ONLY_LETTERS = frozenset(ch for ch in ALL_LETTERS if ord(ch) > 0xFF)


@dataclass(slots=True)
class GridCell:
    value: Any = None  # str | int | float | date | datetime | time | bool | None
    h_cont: bool = False  # a copy of the anchor of a horizontally merged area
    v_cont: bool = False  # a copy of the anchor of a vertically merged area


Row = tuple[int, list[GridCell]]
EMPTY = GridCell()


# ----------------------------------------------------------------------------------------------
# Legacy text


def is_legacy_font(font_name: str | None) -> bool:
    name = (font_name or "").strip().lower()
    return name.startswith((".vn", "vni"))


def repair_run_text(text: str, font_name: str | None) -> tuple[str, bool]:
    """Convert text set in a legacy font; (text, whether the font said legacy)."""
    if not text or not is_legacy_font(font_name):
        return text, False
    if any(ch in _UNICODE_ONLY_LETTERS for ch in text):
        return text, True  # typed in Unicode although the font is legacy: already fine
    return repair_legacy_text(text, font_name=font_name), True


def repair_cell_text(text: str) -> str:
    """Fallback for text in a Unicode font: convert recognised TCVN3 / UTF-8-as-cp1252 only."""
    if not text or text.isascii():
        return text
    if detect_legacy_encoding(text) in ("tcvn3", "utf8-as-cp1252"):
        return repair_legacy_text(text)
    return text


# ----------------------------------------------------------------------------------------------
# Excel


def xlsx_sheets(data: bytes, *, name: str = "tệp Excel") -> tuple[list[Iterator[Row]], Any]:
    """(one grid per worksheet, the workbook to close). Formulas are read as their text.

    Read by ``danvan.lib.tables.xlsx`` (streamed, limits that do not depend on what the file declares);
    raises ``UploadRejected`` for a broken workbook.
    """
    workbook = xlsx.open_workbook(data, name=name)
    return [_sheet_rows(workbook, sheet) for sheet in workbook.sheets], workbook


def _xlsx_value(cell: xlsx.XCell) -> Any:
    if cell.formula is not None:
        return cell.formula  # the formula text "=..."; neutralised when cleaned
    value = cell.value
    if isinstance(value, str):
        if not value.strip():
            return None
        fixed, legacy = repair_run_text(value, cell.font)
        return fixed if legacy else repair_cell_text(value)
    return value  # numbers, dates, times, booleans


def _sheet_rows(workbook: xlsx.Workbook, sheet: xlsx.Sheet) -> Iterator[Row]:
    """The sheet's rows with the anchor of each merged area copied into its other cells.

    The copies are made row by row as the rows stream past, at most ``MERGE_FILL_BUDGET`` in all, only
    up to the last row that has content and within ``MAX_COLUMNS``: a range declared as A1:Z40000 costs
    what its rows with content cost. Overlapping ranges are tolerated (the later anchor wins).
    """
    pending = deque(sorted(workbook.merged(sheet)))  # by min_row
    active: list[tuple[tuple[int, int, int, int], Any]] = []
    budget = [MERGE_FILL_BUDGET]
    last = 0
    for line, xcells in workbook.rows(sheet):
        cells = {c.column: GridCell(v) for c in xcells if (v := _xlsx_value(c)) is not None}
        # rows inside an active merged area that the file leaves out (nothing typed there)
        horizon = max((area[2] for area, _value in active), default=0)
        for missing in range(last + 1, min(line, horizon + 1)):
            if budget[0] <= 0:
                break
            filled: dict[int, GridCell] = {}
            _fill(filled, missing, active, budget)
            if filled:
                yield missing, _as_list(filled)
        last = line
        while pending and pending[0][0] <= line:
            area = pending.popleft()
            if area[0] == line and area[1] <= MAX_COLUMNS and area[1] in cells:
                active.append((area, cells[area[1]].value))
        active = [(area, value) for area, value in active if area[2] >= line]
        _fill(cells, line, active, budget)
        if cells:
            yield line, _as_list(cells)


def _fill(cells: dict[int, GridCell], line: int, active: list, budget: list[int]) -> None:
    for (min_row, min_col, max_row, max_col), value in active:
        if not min_row <= line <= max_row:
            continue
        for col in range(min_col, min(max_col, MAX_COLUMNS) + 1):
            if line == min_row and col == min_col:
                continue
            budget[0] -= 1
            if budget[0] < 0:
                return
            cells[col] = GridCell(value, h_cont=col > min_col, v_cont=line > min_row)


def _as_list(cells: dict[int, GridCell]) -> list[GridCell]:
    kept = {col: cell for col, cell in cells.items() if col <= MAX_COLUMNS}
    if not kept:
        return []
    return [kept.get(col, EMPTY) for col in range(1, max(kept) + 1)]


# ----------------------------------------------------------------------------------------------
# Word


def _w(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


class _StyleFonts:
    """The font of a run, following run properties, character style, paragraph style and defaults."""

    def __init__(self, document: Any) -> None:
        self.styles: dict[str, tuple[str | None, str | None]] = {}
        self.default_paragraph: str | None = None
        self.default_font: str | None = None
        self._cache: dict[str, str | None] = {}
        try:
            root = document.styles.element
        except Exception:  # no styles part: Word's built-in defaults (not legacy)
            return
        defaults = root.find(_w("docDefaults"))
        if defaults is not None:
            r_pr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
            self.default_font = _fonts_of(r_pr)
        for style in root.findall(_w("style")):
            style_id = style.get(_w("styleId"))
            if not style_id:
                continue
            based = style.find(_w("basedOn"))
            self.styles[style_id] = (
                based.get(_w("val")) if based is not None else None,
                _fonts_of(style.find(_w("rPr"))),
            )
            if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                self.default_paragraph = style_id

    def style_font(self, style_id: str | None) -> str | None:
        if not style_id:
            return None
        if style_id in self._cache:
            return self._cache[style_id]
        font: str | None = None
        current: str | None = style_id
        seen: set[str] = set()
        while current and current not in seen and current in self.styles:
            seen.add(current)
            based, own = self.styles[current]
            if own:
                font = own
                break
            current = based
        self._cache[style_id] = font
        return font

    def run_font(self, r_pr: Any, paragraph_style: str | None) -> str | None:
        own = _fonts_of(r_pr)
        if own:
            return own
        if r_pr is not None:
            r_style = r_pr.find(_w("rStyle"))
            font = self.style_font(r_style.get(_w("val")) if r_style is not None else None)
            if font:
                return font
        font = self.style_font(paragraph_style or self.default_paragraph)
        return font or self.default_font


def _fonts_of(r_pr: Any) -> str | None:
    """hAnsi (the slot Word uses for characters above 0x7F, where legacy bytes live), else ascii."""
    if r_pr is None:
        return None
    fonts = r_pr.find(_w("rFonts"))
    if fonts is None:
        return None
    return fonts.get(_w("hAnsi")) or fonts.get(_w("ascii"))


_RUN_CONTAINERS = ("hyperlink", "ins", "smartTag", "fldSimple", "sdt", "sdtContent", "customXml", "moveTo")


class _DocxText:
    def __init__(self, fonts: _StyleFonts) -> None:
        self.fonts = fonts
        self.containers = {_w(tag) for tag in _RUN_CONTAINERS}
        self.tags = {name: _w(name) for name in ("p", "r", "t", "tab", "ptab", "br", "cr", "noBreakHyphen")}
        self.tags.update({name: _w(name) for name in ("rPr", "pPr", "pStyle", "sdt", "sdtContent", "val")})

    def cell_text(self, tc: Any) -> str:
        paragraphs: list[str] = []
        legacy_seen = False
        for p in self._paragraphs(tc):
            text, legacy = self.paragraph_text(p)
            legacy_seen = legacy_seen or legacy
            paragraphs.append(text)
        text = "\n".join(paragraphs)
        return text if legacy_seen else repair_cell_text(text)

    def _paragraphs(self, element: Any) -> Iterator[Any]:
        for child in element:
            if child.tag == self.tags["p"]:
                yield child
            elif child.tag in (self.tags["sdt"], self.tags["sdtContent"]):
                yield from self._paragraphs(child)

    def paragraph_text(self, p: Any) -> tuple[str, bool]:
        style = None
        p_pr = p.find(self.tags["pPr"])
        if p_pr is not None:
            p_style = p_pr.find(self.tags["pStyle"])
            style = p_style.get(self.tags["val"]) if p_style is not None else None
        parts: list[str] = []
        legacy_seen = False
        for run in self._runs(p):
            raw = self.run_text(run)
            if not raw:
                continue
            font = self.fonts.run_font(run.find(self.tags["rPr"]), style)
            text, legacy = repair_run_text(raw, font)
            legacy_seen = legacy_seen or legacy
            parts.append(text)
        return "".join(parts), legacy_seen

    def _runs(self, element: Any) -> Iterator[Any]:
        for child in element:
            if child.tag == self.tags["r"]:
                yield child
            elif child.tag in self.containers:
                yield from self._runs(child)

    def run_text(self, run: Any) -> str:
        tags = self.tags
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == tags["t"]:
                parts.append(child.text or "")
            elif tag in (tags["tab"], tags["ptab"]):
                parts.append("\t")
            elif tag in (tags["br"], tags["cr"]):
                parts.append("\n")
            elif tag == tags["noBreakHyphen"]:
                parts.append("-")
        return "".join(parts)


def docx_tables(data: bytes) -> list[list[Row]]:
    """Every table of the document body (nested ones too), in document order, as grids."""
    import docx

    document = docx.Document(io.BytesIO(data))
    reader = _DocxText(_StyleFonts(document))
    body = document.element.body
    return [_docx_grid(tbl, reader) for tbl in body.iter(_w("tbl"))]


def _table_rows(tbl: Any) -> Iterator[Any]:
    tr, sdt, content = _w("tr"), _w("sdt"), _w("sdtContent")
    for child in tbl:
        if child.tag == tr:
            yield child
        elif child.tag in (sdt, content):
            yield from _table_rows(child)


def _row_cells(tr: Any) -> Iterator[Any]:
    tc, wrappers = _w("tc"), (_w("sdt"), _w("sdtContent"), _w("customXml"))
    for child in tr:
        if child.tag == tc:
            yield child
        elif child.tag in wrappers:
            yield from _row_cells(child)


def _int_attr(element: Any, default: int) -> int:
    if element is None:
        return default
    try:
        return max(1, int(element.get(_w("val"))))
    except (TypeError, ValueError):
        return default


def _docx_grid(tbl: Any, reader: _DocxText) -> list[Row]:
    tc_pr, grid_span, v_merge = _w("tcPr"), _w("gridSpan"), _w("vMerge")
    tr_pr, grid_before = _w("trPr"), _w("gridBefore")
    rows: list[Row] = []
    previous: list[GridCell] = []
    for line, tr in enumerate(_table_rows(tbl), start=1):
        cells: list[GridCell] = []
        props = tr.find(tr_pr)
        skip = _int_attr(props.find(grid_before), 0) if props is not None else 0
        cells.extend(EMPTY for _ in range(min(skip, MAX_COLUMNS)))
        for tc in _row_cells(tr):
            if len(cells) >= MAX_COLUMNS:
                break
            props = tc.find(tc_pr)
            span = _int_attr(props.find(grid_span), 1) if props is not None else 1
            merge = props.find(v_merge) if props is not None else None
            continues = merge is not None and merge.get(_w("val"), "continue") == "continue"
            position = len(cells)
            if continues and position < len(previous) and previous[position].value is not None:
                anchor = GridCell(previous[position].value, v_cont=True)
            else:
                text = reader.cell_text(tc)
                anchor = GridCell(text) if text.strip() else EMPTY
            cells.append(anchor)
            for _ in range(min(span, MAX_COLUMNS - position) - 1):
                cells.append(
                    GridCell(anchor.value, h_cont=True, v_cont=anchor.v_cont) if anchor.value else EMPTY
                )
        rows.append((line, cells))
        previous = cells
    return rows
