"""The streaming reader of one sheet's XML: rows of cells with their values, formulas and fonts."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from danvan.lib.tables.xlsx.cells import Sheet, XCell, cell_name, parse_ref
from danvan.lib.tables.xlsx.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ELEMENTS
from danvan.lib.tables.xlsx.parsing import _int, _local
from danvan.lib.uploads import UploadRejected

if TYPE_CHECKING:
    from danvan.lib.tables.xlsx.workbook import Workbook


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
        if local == "sheetData":  # the rows are over: what follows (merged ranges...) is read elsewhere
            self.done = True
        elif local in ("v", "f", "t"):
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
