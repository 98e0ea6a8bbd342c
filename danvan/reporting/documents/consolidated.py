"""Consolidating the answers of many units to one call for submissions, "with one click".

Pure Python, no Django models: callers (views, tasks) fetch the accepted or submitted answers in
tree order and hand them over as ``UnitRows``, one per unit, ideally from a generator.

* ``write_xlsx`` (here): the master table as .xlsx, streamed (xlsxwriter ``constant_memory``): memory
  does not grow with the number of rows, so 3,321 wards x 30 rows is no harder than 30 rows.
* ``annex.write_docx``: the same table as a landscape annex ("PHỤ LỤC") in the official format.
* ``outline.merge_outline`` / ``outline.write_outline_docx``: narrative reports (an outline of headings
  that every unit answers) merged heading by heading, each unit's text under its name.

Layout of the consolidated table (both formats):

* a bold heading row per unit across the table: ``"1. Sở Nội vụ"`` (units numbered 1, 2, 3...
  in the given order; the unit's status, when given, follows in brackets: ``"2. Sở Tài chính (Muộn)"``);
* under it the unit's rows, numbered **1..n within the unit** (the numbering restarts under each
  heading, as in a hand-made consolidated table: "row 3 of Sở Nội vụ" is what people quote back to the
  unit); a unit without rows gets one line ``EMPTY_UNIT_NOTE``;
* the form's own index columns (kind ``index``, "Stt") are replaced by this numbering.
* The .xlsx also repeats the unit's name in a "Đơn vị" column on every row, so that the sheet can be
  filtered or sorted by unit once the heading rows are removed; the DOCX annex leaves that column out
  (the merged heading row says it, and a landscape page has no width to spare).

Cell text is NFC-normalised, zero-width characters and XML-illegal control characters are dropped, and a
value such as ``"=HYPERLINK(...)"`` is always written as a text cell, never as a formula.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from danvan.lib.officialdoc.plan import NOTE_COLUMN_LABEL
from danvan.lib.vndates import format_date

__all__ = [
    "KINDS",
    "Column",
    "UnitRows",
    "cell_text",
    "unit_heading",
    "write_xlsx",
]

KINDS = ("index", "text", "long_text", "date", "window", "number", "choice")
STT_LABEL = "Stt"
UNIT_LABEL = "Đơn vị"
ANNEX_LABEL = "PHỤ LỤC"
EMPTY_UNIT_NOTE = "(Đơn vị không kê khai nội dung nào)"
OUTLINE_DOC_TYPE = "TỔNG HỢP"
NO_ANSWER_NOTE = "(Chưa có đơn vị nào báo cáo nội dung này)"
PROGRESS_EVERY = 50  # units between two progress calls
PROGRESS_MIN_STEPS = 20  # a small run (total_units known) still reports about this many times

MSG_UNKNOWN_KIND = "Kiểu cột «{kind}» không hợp lệ (chỉ có: {known})."

# Excel column widths (characters) by column kind; "Ghi chú" gets its own.
XLSX_WIDTHS = {
    "index": 6,
    "text": 30,
    "long_text": 50,
    "date": 13,
    "window": 22,
    "number": 12,
    "choice": 18,
}
XLSX_UNIT_WIDTH = 30
XLSX_NOTE_WIDTH = 20
FONT = {"font_name": "Times New Roman", "font_size": 12}


@dataclass(frozen=True)
class Column:
    """One column of the form: the key of the value in each row dict, its printed label, its kind."""

    key: str
    label: str
    kind: str = "text"  # index | text | long_text | date | window | number | choice

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(MSG_UNKNOWN_KIND.format(kind=self.kind, known=", ".join(KINDS)))


@dataclass
class UnitRows:
    """One unit's answer: its name, its rows (column key -> value; any iterable) and a status label."""

    unit_name: str
    rows: Iterable[Mapping[str, Any]] = field(default_factory=list)
    status: str = ""  # "Đúng hạn", "Muộn"...: shown after the unit's name


# ----------------------------------------------------------------------------------------------
# Cell values

# C0 controls other than tab, LF and CR, DEL (not allowed in XML) and zero-width characters: dropped.
# (A regex, not str.translate: translate with a table costs microseconds per cell.)
_UNWANTED_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_INTEGER_RE = re.compile(r"-?(?:0|[1-9]\d{0,14})")
_GROUPED_RE = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+")  # Vietnamese thousands: 1.234.567
_DMY_RE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def cell_text(value: Any) -> str:
    """The text of a cell: None is empty, a date is dd/mm/yyyy, text is cleaned (NFC, no controls)."""
    if isinstance(value, str):
        text = value
    elif value is None:
        return ""
    elif isinstance(value, date):
        return format_date(value.date() if isinstance(value, datetime) else value)
    else:
        text = str(value)
    if _UNWANTED_RE.search(text):
        text = _UNWANTED_RE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def number_value(value: Any) -> int | float | None:
    """A number cell's value when the text is unambiguously a number ("12", "1.234"), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        text = value.strip()
        if _INTEGER_RE.fullmatch(text):
            return int(text)
        if _GROUPED_RE.fullmatch(text):
            return int(text.replace(".", ""))
    return None


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        match = _DMY_RE.fullmatch(value.strip())
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def unit_heading(ordinal: int, unit_name: str, status: str = "") -> str:
    """ "1. Sở Nội vụ", or "2. Sở Tài chính (Muộn)" with a status."""
    name = " ".join(cell_text(unit_name).split())
    status = " ".join(cell_text(status).split())
    return f"{ordinal}. {name} ({status})" if status else f"{ordinal}. {name}"


def printed_columns(columns: Sequence[Column]) -> list[Column]:
    return [column for column in columns if column.kind != "index"]


def is_note(column: Column) -> bool:
    return column.label.strip().casefold().startswith(NOTE_COLUMN_LABEL)


def _progress_step(total_units: int | None) -> int:
    if total_units and total_units > 0:
        return max(1, min(PROGRESS_EVERY, math.ceil(total_units / PROGRESS_MIN_STEPS)))
    return PROGRESS_EVERY


# ----------------------------------------------------------------------------------------------
# .xlsx


def write_xlsx(
    path_or_buffer: Any,
    *,
    title: str,
    subtitle: str,
    columns: Sequence[Column],
    groups: Iterable[UnitRows],
    progress: Callable[[int], None] | None = None,
    total_units: int | None = None,
    indicators: Sequence[Any] = (),
) -> int:
    """Write the consolidated table to a path or a binary file object; return the number of data rows.

    Row 1 is the title, row 2 the subtitle, row 3 the header (Stt | Đơn vị | the form's columns without
    its index columns), frozen; then, unit by unit in the given order, a bold heading row spanning the
    table and the unit's rows numbered from 1 (see the module's docstring). ``groups`` (and each unit's
    ``rows``) may be generators: they are consumed once and never kept, and the sheet is streamed
    (constant memory), so memory does not grow with the row count. Unit headings, title and header are
    not counted in the result.

    ``progress(units_done)`` is called every ``PROGRESS_EVERY`` units and once at the end; when
    ``total_units`` is known, small runs report more often (about ``PROGRESS_MIN_STEPS`` times).
    """
    import xlsxwriter

    if isinstance(path_or_buffer, os.PathLike):
        path_or_buffer = os.fspath(path_or_buffer)
    data_columns = printed_columns(columns)
    last_col = 1 + len(data_columns)
    workbook = xlsxwriter.Workbook(
        path_or_buffer,
        {
            # One row in memory at a time; strings inline. in_memory must stay off: it disables this.
            "constant_memory": True,
            # A text "=HYPERLINK(...)" typed by a unit stays text in what we hand out, never a formula.
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    try:
        fmt = _xlsx_formats(workbook)
        sheet = workbook.add_worksheet("Tổng hợp")
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(2)
        sheet.set_column(0, 0, XLSX_WIDTHS["index"])
        sheet.set_column(1, 1, XLSX_UNIT_WIDTH)
        for index, column in enumerate(data_columns, start=2):
            width = XLSX_NOTE_WIDTH if is_note(column) else XLSX_WIDTHS[column.kind]
            sheet.set_column(index, index, width)

        sheet.merge_range(0, 0, 0, last_col, cell_text(title), fmt["title"])
        sheet.merge_range(1, 0, 1, last_col, cell_text(subtitle), fmt["subtitle"])
        headers = [STT_LABEL, UNIT_LABEL, *(cell_text(column.label) for column in data_columns)]
        for index, header in enumerate(headers):
            sheet.write_string(2, index, header, fmt["header"])
        sheet.freeze_panes(3, 0)

        cells = [(col, c.key, _cell_writer(sheet, c, fmt)) for col, c in enumerate(data_columns, start=2)]
        step = _progress_step(total_units)
        row_index = 3
        written = 0
        units = 0
        for units, group in enumerate(groups, start=1):
            unit_name = " ".join(cell_text(group.unit_name).split())
            heading = unit_heading(units, unit_name, group.status)
            # Not merge_range: xlsxwriter remembers every merged cell (memory would grow with the units).
            # The text, bold and unwrapped, runs over the blank cells of its row, shaded and framed alike.
            sheet.write_string(row_index, 0, heading, fmt["unit"])
            for col in range(1, last_col):
                sheet.write_blank(row_index, col, None, fmt["unit_middle"])
            sheet.write_blank(row_index, last_col, None, fmt["unit_last"])
            row_index += 1
            number = 0
            for number, values in enumerate(group.rows, start=1):
                sheet.write_number(row_index, 0, number, fmt["index"])
                sheet.write_string(row_index, 1, unit_name, fmt["cell"])
                for col, key, write in cells:
                    write(row_index, col, values.get(key))
                row_index += 1
            if number == 0 and data_columns:
                sheet.write_blank(row_index, 0, None, fmt["cell"])
                sheet.write_string(row_index, 1, unit_name, fmt["cell"])
                sheet.write_string(row_index, 2, EMPTY_UNIT_NOTE, fmt["note"])
                for col in range(3, last_col + 1):
                    sheet.write_blank(row_index, col, None, fmt["cell"])
                row_index += 1
            written += number
            if progress is not None and units % step == 0:
                progress(units)
        if progress is not None and (units == 0 or units % step):
            progress(units)
        if indicators:  # issue 14: a second sheet, the period's indicators (indicators.documents)
            from ..indicators.documents import write_sheet

            write_sheet(workbook, indicators)
    finally:
        workbook.close()
    return written


def _xlsx_formats(workbook: Any) -> dict[str, Any]:
    cell = {**FONT, "text_wrap": True, "valign": "top", "border": 1}
    unit = {**FONT, "bold": True, "valign": "top", "bg_color": "#FBEEE6", "top": 1, "bottom": 1}
    return {
        "title": workbook.add_format(
            {**FONT, "bold": True, "font_size": 14, "align": "center", "text_wrap": True}
        ),
        "subtitle": workbook.add_format({**FONT, "italic": True, "align": "center", "text_wrap": True}),
        "header": workbook.add_format(
            {**cell, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#F2F2F2"}
        ),
        "unit": workbook.add_format({**unit, "left": 1}),
        "unit_middle": workbook.add_format(unit),
        "unit_last": workbook.add_format({**unit, "right": 1}),
        "cell": workbook.add_format(cell),
        "note": workbook.add_format({**cell, "italic": True}),
        "index": workbook.add_format({**cell, "align": "center"}),
        "date": workbook.add_format({**cell, "num_format": "dd/mm/yyyy", "align": "center"}),
        "integer": workbook.add_format({**cell, "num_format": "#,##0"}),
        "number": workbook.add_format(cell),
    }


def _cell_writer(sheet: Any, column: Column, fmt: dict[str, Any]) -> Callable[[int, int, Any], None]:
    """A function writing one value of this column: numbers and dates typed, everything else as text."""
    cell = fmt["cell"]

    def write_text(row: int, col: int, value: Any) -> None:
        text = cell_text(value)
        if text:
            sheet.write_string(row, col, text, cell)
        else:
            sheet.write_blank(row, col, None, cell)

    if column.kind == "number":

        def write_number(row: int, col: int, value: Any) -> None:
            number = number_value(value)
            if number is None:
                write_text(row, col, value)
            else:
                sheet.write_number(row, col, number, fmt["integer" if isinstance(number, int) else "number"])

        return write_number
    if column.kind == "date":

        def write_date(row: int, col: int, value: Any) -> None:
            day = _date(value)
            if day is None:
                write_text(row, col, value)
            else:
                sheet.write_datetime(row, col, datetime(day.year, day.month, day.day), fmt["date"])

        return write_date
    return write_text
