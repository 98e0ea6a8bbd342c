"""A streaming .xlsx reader whose time and memory do not depend on what the file declares.

openpyxl's full load creates one object per position of every merged range (a 5 KB file with the merged
range A1:Z40000 took 54 s and 476 MB), and its read-only mode pads every row to the declared dimension
(A1:XFD1048576). This reader parses the parts itself with expat, keeping only what it returns:

- rows are streamed (``Workbook.rows``), at most ``MAX_ROWS`` rows with content per sheet, cells beyond
  ``MAX_COLUMNS`` are skipped, a cell's text is cut at ``MAX_CELL_CHARS`` (Excel's own limit);
- the declared ``<dimension>``, counts of shared strings and of cells are never used for sizing anything;
- merged ranges are read from the sheet's ``<mergeCells>`` (at most ``MAX_MERGED``) and returned as
  rectangles; filling them is the caller's job, within its own budget (see ``grids``);
- a sheet part bigger than ``MAX_PART_BYTES`` or with more than ``MAX_ELEMENTS`` elements, or shared
  strings with more than ``MAX_TEXT_CHARS`` characters in all, is refused rather than read;
- anything the file gets wrong (a shared-string index out of range, a missing sheet part, malformed XML,
  a DOCTYPE) is an ``UploadRejected`` with a Vietnamese message naming the file, the sheet and the cell.

A cell is an ``XCell``: its 1-based column, its value (text, int, float, bool, datetime/date/time; a
"number" holding text or a bad ISO date keeps its text), its formula text ("=..." or ``None``) and its font.
Pure Python: zipfile, expat, and openpyxl only for number formats and Excel serial dates.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import Any
from xml.parsers import expat

from danvan.lib.uploads import UploadRejected

MAX_COLUMNS = 100
MAX_ROWS = 25_000  # rows with content read from one sheet (the imports need at most 20,000)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_TEXT_CHARS = 20_000_000  # characters of shared strings kept in all
MAX_PART_BYTES = 64 * 1024 * 1024  # decompressed bytes of one sheet or of the shared strings
MAX_SMALL_PART_BYTES = 8 * 1024 * 1024  # workbook, relationships, styles
MAX_ELEMENTS = 4_000_000  # XML elements of one part
MAX_MERGED = 20_000
MAX_SHEETS = 255
CHUNK = 64 * 1024

_REF_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_MERGE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']{1,40})[\"']")
_MERGE_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCells\b")


@dataclass(slots=True)
class XCell:
    column: int
    value: Any = None
    formula: str | None = None
    font: str | None = None


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def parse_ref(ref: str) -> tuple[int, int] | None:
    """(row, column) of "B5"; None for anything else."""
    match = _REF_RE.match(ref.strip())
    if not match:
        return None
    return int(match.group(2)), _column_number(match.group(1))


def _local(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _attr(attrs: dict[str, str], name: str) -> str | None:
    if name in attrs:
        return attrs[name]
    for key, value in attrs.items():
        if _local(key) == name:
            return value
    return None


class _Doctype(Exception):
    pass


def _new_parser() -> Any:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def refuse(*_args):
        raise _Doctype

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    return parser


class Workbook:
    """The sheets of an .xlsx package, read lazily. Raises ``UploadRejected`` for a broken file."""

    def __init__(self, data: bytes, *, name: str) -> None:
        self.name = name
        try:
            self.archive = zipfile.ZipFile(BytesIO(data))
        except Exception as exc:
            raise self.broken("không đọc được cấu trúc tệp nén") from exc
        self.parts = {info.filename.lower(): info for info in self.archive.infolist()}
        self.date1904 = False
        self._shared: list[str] | None = None
        self._styles: tuple[list[tuple[int, int]], list[str | None], dict[int, str]] | None = None
        self._style_cache: dict[int, tuple[bool, str | None]] = {}
        self.sheets, self._targets = self._read_workbook()

    # ---- errors ---------------------------------------------------------------------------------

    def broken(self, detail: str) -> UploadRejected:
        return UploadRejected(
            f"Tệp «{self.name}» bị hỏng: {detail}. Hãy mở lại bằng Excel, lưu lại rồi tải lên lần nữa.",
            "broken",
        )

    def too_big(self, detail: str) -> UploadRejected:
        return UploadRejected(
            f"Tệp «{self.name}» {detail} nên hệ thống không đọc hết được. Hãy chia nhỏ tệp rồi tải lên lại.",
            "too_big",
        )

    # ---- parts ----------------------------------------------------------------------------------

    def _info(self, path: str) -> zipfile.ZipInfo | None:
        return self.parts.get(path.lstrip("/").lower())

    def _chunks(self, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
        read = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    read += len(chunk)
                    if read > limit:
                        raise self.too_big(
                            f"có phần {info.filename} quá lớn (hơn {limit // (1024 * 1024)} MB)"
                        )
                    yield chunk
        except UploadRejected:
            raise
        except Exception as exc:  # zlib/CRC/truncation: untrusted bytes
            raise self.broken(f"không đọc được phần {info.filename}") from exc

    def _parse(self, info: zipfile.ZipInfo, parser: Any, *, limit: int, stop=None) -> None:
        try:
            for chunk in self._chunks(info, limit):
                parser.Parse(chunk, False)
                if stop is not None and stop():
                    return
            parser.Parse(b"", True)
        except _Doctype as exc:
            raise self.broken(f"phần {info.filename} chứa khai báo DOCTYPE/ENTITY không an toàn") from exc
        except expat.ExpatError as exc:
            raise self.broken(
                f"phần {info.filename} bị lỗi cấu trúc XML (dòng {exc.lineno}, cột {exc.offset + 1})"
            ) from exc
        except RecursionError as exc:  # pragma: no cover - expat is iterative; kept for safety
            raise self.broken(f"phần {info.filename} lồng nhau quá sâu") from exc

    def _small_tree(self, path: str) -> list[tuple[str, dict[str, str]]]:
        """The start tags (local name, attributes) of a small part, in order; [] when it is absent."""
        info = self._info(path)
        if info is None:
            return []
        tags: list[tuple[str, dict[str, str]]] = []
        parser = _new_parser()

        def start(tag, attrs):
            if len(tags) >= MAX_ELEMENTS // 10:
                raise self.too_big(f"có phần {info.filename} quá nhiều thành phần")
            tags.append((_local(tag), attrs))

        parser.StartElementHandler = start
        self._parse(info, parser, limit=MAX_SMALL_PART_BYTES)
        return tags

    def _read_workbook(self) -> tuple[list[Sheet], dict[str, str]]:
        if self._info("xl/workbook.xml") is None:
            raise self.broken("thiếu phần xl/workbook.xml")
        rels: dict[str, tuple[str, str]] = {}
        for tag, attrs in self._small_tree("xl/_rels/workbook.xml.rels"):
            if tag == "Relationship" and attrs.get("Id") and attrs.get("Target"):
                target = attrs["Target"]
                path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
                rels[attrs["Id"]] = (posixpath.normpath(path), attrs.get("Type", ""))
        targets = {kind.rsplit("/", 1)[-1]: path for path, kind in rels.values()}
        sheets: list[Sheet] = []
        for tag, attrs in self._small_tree("xl/workbook.xml"):
            if tag == "workbookPr":
                self.date1904 = _attr(attrs, "date1904") in ("1", "true")
            elif tag == "sheet":
                rel = rels.get(_attr(attrs, "id") or "")
                if rel is None or not rel[1].endswith("/worksheet"):
                    continue  # a chart sheet or a dangling reference: nothing to read
                if self._info(rel[0]) is None:
                    raise self.broken(f"thiếu phần {rel[0]} của trang tính «{attrs.get('name', '')}»")
                sheets.append(Sheet(name=(attrs.get("name") or "")[:100], part=rel[0]))
                if len(sheets) > MAX_SHEETS:
                    raise self.too_big(f"có hơn {MAX_SHEETS} trang tính")
        return sheets, targets

    # ---- shared strings and styles ----------------------------------------------------------------

    def shared_strings(self) -> list[str]:
        if self._shared is not None:
            return self._shared
        strings: list[str] = []
        info = self._info(self._targets.get("sharedStrings", "xl/sharedStrings.xml"))
        if info is not None:
            state = {"depth_rph": 0, "in_t": False, "total": 0, "elements": 0}
            buffer: list[str] = []
            length = [0]

            def start(tag, _attrs):
                state["elements"] += 1
                if state["elements"] > MAX_ELEMENTS:
                    raise self.too_big("có quá nhiều chuỗi văn bản")
                local = _local(tag)
                if local == "si":
                    buffer.clear()
                    length[0] = 0
                elif local == "rPh":
                    state["depth_rph"] += 1
                elif local == "t" and not state["depth_rph"]:
                    state["in_t"] = True

            def end(tag):
                local = _local(tag)
                if local == "si":
                    text = "".join(buffer)
                    state["total"] += len(text)
                    if state["total"] > MAX_TEXT_CHARS:
                        raise self.too_big("có quá nhiều chữ")
                    strings.append(text)
                elif local == "rPh":
                    state["depth_rph"] -= 1
                elif local == "t":
                    state["in_t"] = False

            def text(data):
                if state["in_t"] and length[0] < MAX_CELL_CHARS:
                    data = data[: MAX_CELL_CHARS - length[0]]
                    buffer.append(data)
                    length[0] += len(data)

            parser = _new_parser()
            parser.StartElementHandler, parser.EndElementHandler = start, end
            parser.CharacterDataHandler = text
            self._parse(info, parser, limit=MAX_PART_BYTES)
        self._shared = strings
        return strings

    def _load_styles(self):
        if self._styles is not None:
            return self._styles
        xfs: list[tuple[int, int]] = []
        fonts: list[str | None] = []
        formats: dict[int, str] = {}
        section = ""
        for tag, attrs in self._small_tree(self._targets.get("styles", "xl/styles.xml")):
            if tag in ("fonts", "cellXfs", "cellStyleXfs", "dxfs", "numFmts"):
                section = tag
            elif tag == "font" and section == "fonts":
                fonts.append(None)
            elif tag == "name" and section == "fonts" and fonts:
                fonts[-1] = (attrs.get("val") or "")[:100]
            elif tag == "numFmt" and section == "numFmts":
                try:
                    formats[int(attrs.get("numFmtId", ""))] = (attrs.get("formatCode") or "")[:200]
                except ValueError:
                    continue
            elif tag == "xf" and section == "cellXfs":
                xfs.append((_int(attrs.get("numFmtId")), _int(attrs.get("fontId"))))
        self._styles = (xfs, fonts, formats)
        return self._styles

    def style(self, index: int) -> tuple[bool, str | None]:
        """(whether the number format is a date/time, the font name) of a cell style."""
        if index in self._style_cache:
            return self._style_cache[index]
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        xfs, fonts, formats = self._load_styles()
        is_date, font = False, None
        if 0 <= index < len(xfs):
            format_id, font_id = xfs[index]
            code = formats.get(format_id) or BUILTIN_FORMATS.get(format_id) or ""
            try:
                is_date = bool(code) and is_date_format(code)
            except Exception:  # an odd format code: show the number as it is
                is_date = False
            font = fonts[font_id] if 0 <= font_id < len(fonts) else None
        if len(self._style_cache) < 100_000:
            self._style_cache[index] = (is_date, font)
        return is_date, font

    # ---- sheets ---------------------------------------------------------------------------------

    def merged(self, sheet: Sheet) -> list[tuple[int, int, int, int]]:
        """(min_row, min_col, max_row, max_col) of each merged range, at most ``MAX_MERGED``."""
        info = self._info(sheet.part)
        if info is None:
            return []
        ranges: list[tuple[int, int, int, int]] = []
        tail = b""
        collecting = False
        kept = bytearray()
        for chunk in self._chunks(info, MAX_PART_BYTES):
            if not collecting:
                window = tail + chunk
                match = _MERGE_START.search(window)
                if match is None:
                    tail = window[-64:]
                    continue
                collecting = True
                chunk = window[match.start() :]
            kept += chunk
            if len(kept) > MAX_MERGED * 64:
                break
        for match in _MERGE_RE.finditer(bytes(kept)):
            first, _, last = match.group(1).decode("ascii", "replace").partition(":")
            start, end = parse_ref(first), parse_ref(last or first)
            if start is None or end is None:
                continue
            ranges.append(
                (min(start[0], end[0]), min(start[1], end[1]), max(start[0], end[0]), max(start[1], end[1]))
            )
            if len(ranges) >= MAX_MERGED:
                break
        return ranges

    def rows(self, sheet: Sheet, *, max_rows: int = MAX_ROWS) -> Iterator[tuple[int, list[XCell]]]:
        """(row number, cells with a value or a formula) of each row with content, in file order."""
        info = self._info(sheet.part)
        if info is None:
            return
        reader = _SheetReader(self, sheet, max_rows)
        parser = _new_parser()
        parser.StartElementHandler = reader.start
        parser.EndElementHandler = reader.end
        parser.CharacterDataHandler = reader.text
        try:
            for chunk in self._chunks(info, MAX_PART_BYTES):
                parser.Parse(chunk, False)
                yield from reader.drain()
                if reader.done:
                    return
            parser.Parse(b"", True)
            yield from reader.drain()
        except _Doctype as exc:
            raise self.broken(f"phần {info.filename} chứa khai báo DOCTYPE/ENTITY không an toàn") from exc
        except expat.ExpatError as exc:
            raise self.broken(
                f"trang tính «{sheet.name}» bị lỗi cấu trúc XML (dòng {exc.lineno}, cột {exc.offset + 1})"
            ) from exc

    def close(self) -> None:
        self.archive.close()


def _int(value: str | None, default: int = -1) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


class _SheetReader:
    """The expat handlers of one sheet: a small state machine, no tree."""

    def __init__(self, workbook: Workbook, sheet: Sheet, max_rows: int) -> None:
        self.workbook = workbook
        self.sheet = sheet
        self.max_rows = max_rows
        self.ready: list[tuple[int, list[XCell]]] = []
        self.done = False
        self.count = 0
        self.elements = 0
        self.line = 0
        self.column = 0
        self.cells: list[XCell] = []
        self.in_row = False
        self.cell: dict[str, Any] | None = None
        self.capture: str | None = None  # "v" | "f" | "t"
        self.phonetic = 0
        self.shared_formulas: dict[str, tuple[str, str]] = {}

    def drain(self) -> list[tuple[int, list[XCell]]]:
        ready, self.ready = self.ready, []
        return ready

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise self.workbook.too_big(f"có trang tính «{self.sheet.name}» quá nhiều ô")
        if self.done:
            return
        local = _local(tag)
        if local == "row":
            self.in_row = True
            number = _int(attrs.get("r"), 0)
            self.line = number if 0 < number <= 1_048_576 else self.line + 1
            self.column = 0
            self.cells = []
        elif local == "c" and self.in_row:
            ref = parse_ref(attrs.get("r", "")) if attrs.get("r") else None
            self.column = ref[1] if ref else self.column + 1
            self.cell = {"t": attrs.get("t", "n"), "s": _int(attrs.get("s"), 0), "v": [], "f": [], "is": []}
            self.cell["ref"] = cell_name(self.line, self.column)
        elif self.cell is not None:
            if local == "v":
                self.capture = "v"
            elif local == "f":
                self.capture = "f"
                self.cell["f_attrs"] = attrs
                self.cell["has_f"] = True
            elif local == "rPh":
                self.phonetic += 1
            elif local == "t" and not self.phonetic:
                self.capture = "is"

    def text(self, data: str) -> None:
        if self.capture is None or self.cell is None:
            return
        counted = "n_" + self.capture
        used = self.cell.get(counted, 0)
        if used < MAX_CELL_CHARS:
            self.cell[self.capture].append(data[: MAX_CELL_CHARS - used])
            self.cell[counted] = used + len(data)

    def end(self, tag: str) -> None:
        if self.done:
            return
        local = _local(tag)
        if local in ("v", "f", "t"):
            self.capture = None
        elif local == "rPh":
            self.phonetic = max(0, self.phonetic - 1)
        elif local == "c" and self.cell is not None:
            if self.column <= MAX_COLUMNS:
                cell = self.finish_cell(self.cell)
                if cell is not None:
                    self.cells.append(cell)
            self.cell = None
        elif local == "row" and self.in_row:
            self.in_row = False
            if self.cells:
                self.cells.sort(key=lambda c: c.column)
                self.ready.append((self.line, self.cells))
                self.count += 1
                if self.count >= self.max_rows:
                    self.done = True

    def finish_cell(self, raw: dict[str, Any]) -> XCell | None:
        kind = raw["t"]
        text = "".join(raw["v"])[:MAX_CELL_CHARS]
        formula = self.formula(raw) if raw.get("has_f") else None
        value: Any = None
        if kind == "s":
            strings = self.workbook.shared_strings()
            index = _int(text.strip())
            if not 0 <= index < len(strings):
                raise UploadRejected(
                    f"Tệp «{self.workbook.name}» bị hỏng: ô {raw['ref']} của trang tính «{self.sheet.name}» "
                    f"trỏ tới chuỗi văn bản số {text.strip()[:20] or '?'}, "
                    f"mà tệp chỉ có {len(strings)} chuỗi. "
                    "Hãy mở lại bằng Excel, lưu lại rồi tải lên lần nữa.",
                    "broken",
                )
            value = strings[index]
        elif kind == "inlineStr":
            value = "".join(raw["is"])[:MAX_CELL_CHARS]
        elif kind in ("str", "e"):
            value = text
        elif kind == "b":
            value = text.strip() in ("1", "true") if text else None
        elif kind == "d":
            value = _iso_date(text)
        elif text:
            value = self.number(text, raw["s"])
        font = self.workbook.style(raw["s"])[1]
        if isinstance(value, str) and not value.strip():
            value = None
        if value is None and formula is None:
            return None
        return XCell(self.column, value, formula, font)

    def number(self, text: str, style: int) -> Any:
        text = text.strip()
        try:
            number: int | float = float(text) if any(ch in text for ch in ".eE") else int(text)
        except ValueError:
            return text  # a cell typed as a number holding text: keep the text
        if style:
            is_date, _font = self.workbook.style(style)
            if is_date:
                from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

                epoch = CALENDAR_MAC_1904 if self.workbook.date1904 else CALENDAR_WINDOWS_1900
                try:
                    return from_excel(number, epoch)
                except Exception:  # out of the calendar: the number as written
                    return number
        return number

    def formula(self, raw: dict[str, Any]) -> str:
        attrs = raw.get("f_attrs") or {}
        text = "".join(raw["f"])[:MAX_CELL_CHARS]
        if attrs.get("t") == "shared" and attrs.get("si") is not None:
            key = attrs["si"][:20]
            if text:
                if len(self.shared_formulas) < 10_000:
                    self.shared_formulas[key] = (text, raw["ref"])
            elif key in self.shared_formulas:
                master, origin = self.shared_formulas[key]
                try:
                    from openpyxl.formula.translate import Translator

                    return Translator("=" + master, origin=origin).translate_formula(raw["ref"])
                except Exception:  # an odd formula: its text untranslated is still a formula
                    return "=" + master
        return "=" + text


def _iso_date(text: str) -> Any:
    text = text.strip()
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return text or None  # a bad ISO date keeps its text; the reader of the column reports it


def open_workbook(data: bytes, *, name: str) -> Workbook:
    return Workbook(data, name=name)
