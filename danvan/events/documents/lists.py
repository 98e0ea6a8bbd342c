"""Name cards (thẻ đại biểu) and the delegate list (danh sách đại biểu) as XLSX and DOCX.

Delegates are printed in the order given (the caller sorts, e.g. with
``danvan.lib.vntext.person_sort_key``); the lists group them by ``group_label`` in order of first
appearance and number them from 1 within each group, the groups numbered I, II, III.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.shared import Mm

from danvan.events.documents.types import (
    Delegate,
    EventInfo,
    event_name,
    format_count,
    group_delegates,
    line,
    paragraph_text,
    profile_without_page_numbers,
)
from danvan.lib.exports.xlsx import Sheet, write_workbook
from danvan.lib.officialdoc.blocks import (
    add_doc_title,
    add_header_table,
    add_layout_table,
    add_page_break,
    add_table,
    docx_bytes,
    new_document,
    section_text_width_mm,
    write_line,
)
from danvan.lib.officialdoc.profiles import place_date_line, text_width_mm

__all__ = ["delegate_list_docx", "delegate_list_xlsx", "name_cards_docx", "roman"]

LIST_TITLE = "DANH SÁCH ĐẠI BIỂU"
LIST_SUMMARY = "dự {event}"
LIST_WHEN_WHERE = "(Thời gian: {time}; địa điểm: {venue})"
LIST_TOTAL = "Tổng số: {count} đại biểu; có mặt: {present}."
LIST_HEADERS = ("Stt", "Họ và tên", "Chức vụ", "Đơn vị", "Trạng thái", "Có mặt (✓)")
LIST_WIDTHS_DOCX = (0.55, 1.7, 1.6, 1.9, 1.05, 0.75)
LIST_WIDTHS_XLSX = (6, 28, 30, 36, 16, 10)
LIST_SIZE = 12
PRESENT_MARK = "✓"
GROUP_HEADING = "{label} ({count} đại biểu)"
SHEET_TITLE = "Danh sách đại biểu"

CARD_LABEL = "ĐẠI BIỂU"
CARD_COLUMNS = 2
CARD_ROWS = 4  # 8 cards per A4 page
CARD_MARGIN_MM = 10.0
CARD_HEIGHT_MM = 68.0  # 4 x 68 = 272 mm of the 277 mm between the margins
CARD_NAME_SIZE = 22.0
CARD_NAME_MIN_SIZE = 15.0
CARD_TEXT_SIZE = 13.0
CARD_SMALL_SIZE = 10.0

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"))
_ROMAN += ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """ "IV" for 4 (group numbers in Vietnamese lists)."""
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


# ----------------------------------------------------------------------------------------------
# Name cards


def _name_size(name: str, width_mm: float) -> float:
    """The largest size up to CARD_NAME_SIZE at which the name fits on one line (never below the
    minimum: a very long name wraps)."""
    width = text_width_mm(name, CARD_NAME_SIZE, bold=True)
    if width <= width_mm:
        return CARD_NAME_SIZE
    return max(CARD_NAME_MIN_SIZE, int(CARD_NAME_SIZE * width_mm / width * 2) / 2)


def _fill_card(cell: Any, profile: Any, event: EventInfo, delegate: Delegate, width_mm: float) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    kind = line(event.kind_label).upper()
    if kind:
        write_line(cell, profile, kind, size=CARD_SMALL_SIZE, bold=True)
    write_line(cell, profile, CARD_LABEL, size=CARD_TEXT_SIZE + 1, bold=True, space_before=4, space_after=8)
    name = line(delegate.name)
    write_line(cell, profile, name, size=_name_size(name, width_mm), bold=True, space_after=6)
    if line(delegate.title):
        write_line(cell, profile, line(delegate.title), size=CARD_TEXT_SIZE)
    if line(delegate.unit_name):
        write_line(cell, profile, line(delegate.unit_name), size=CARD_TEXT_SIZE, italic=True)
    if line(delegate.group_label):
        write_line(
            cell, profile, line(delegate.group_label), size=CARD_SMALL_SIZE, italic=True, space_before=6
        )


def name_cards_docx(event: EventInfo, delegates: list[Delegate]) -> bytes:
    """Name cards, 2 x 4 per A4 page (cut along the borders), in the order given.

    Each card: the event's kind, "ĐẠI BIỂU", the name large and bold (shrunk to fit one line), the
    title, the unit, the group in small italics. Every page is its own table with rows of a fixed
    height, so a long text never pushes a card onto the next page (it is cut at the card's edge).
    """
    profile = profile_without_page_numbers(event.format_profile)
    profile = replace(
        profile,
        margin_top_mm=CARD_MARGIN_MM,
        margin_bottom_mm=CARD_MARGIN_MM,
        margin_left_mm=CARD_MARGIN_MM,
        margin_right_mm=CARD_MARGIN_MM,
    )
    doc = new_document(profile, title=f"Thẻ đại biểu - {event_name(event)}")
    total = section_text_width_mm(doc.sections[-1])
    widths = [total / CARD_COLUMNS] * CARD_COLUMNS
    text_mm = widths[0] - 8  # cell padding and a little air
    per_page = CARD_COLUMNS * CARD_ROWS
    for start in range(0, len(delegates), per_page):
        if start:
            add_page_break(doc)
        page = delegates[start : start + per_page]
        rows = -(-len(page) // CARD_COLUMNS)
        table = add_layout_table(doc, widths, rows=rows, borders=True)
        for row in table.rows:
            row.height = Mm(CARD_HEIGHT_MM)
            row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        for index, delegate in enumerate(page):
            row, column = divmod(index, CARD_COLUMNS)
            _fill_card(table.rows[row].cells[column], profile, event, delegate, text_mm)
    return docx_bytes(doc)


# ----------------------------------------------------------------------------------------------
# The delegate list


def _list_rows(delegates: Sequence[Delegate]) -> tuple[list[list[Any]], list[int]]:
    """Table rows (group headings included) and the indexes of the heading rows."""
    rows: list[list[Any]] = []
    headings: list[int] = []
    groups = group_delegates(delegates)
    for number, (label, members) in enumerate(groups, start=1):
        if label:
            headings.append(len(rows))
            heading = GROUP_HEADING.format(label=label, count=format_count(len(members)))
            rows.append([roman(number), heading, "", "", "", ""])
        for index, delegate in enumerate(members, start=1):
            rows.append(
                [
                    index,
                    line(delegate.name),
                    line(delegate.title),
                    line(delegate.unit_name),
                    line(delegate.status_label),
                    PRESENT_MARK if delegate.checked_in else "",
                ]
            )
    return rows, headings


def _total_line(delegates: Sequence[Delegate]) -> str:
    present = sum(1 for delegate in delegates if delegate.checked_in)
    return LIST_TOTAL.format(count=format_count(len(delegates)), present=format_count(present))


def _when_where(event: EventInfo) -> str:
    return LIST_WHEN_WHERE.format(time=paragraph_text(event.time_text), venue=paragraph_text(event.venue))


def delegate_list_xlsx(event: EventInfo, delegates: list[Delegate]) -> bytes:
    """The list as one sheet: title lines, then Stt | Họ và tên | Chức vụ | Đơn vị | Trạng thái |
    Có mặt (✓); a group heading row ("I", "<group> (n đại biểu)") before each group's people, who
    are numbered from 1 again. Text is never read as a formula."""
    rows, _ = _list_rows(delegates)
    notes = [
        f"{LIST_TITLE} {LIST_SUMMARY.format(event=event_name(event)).upper()}",
        _when_where(event),
        _total_line(delegates),
    ]
    sheet = Sheet(SHEET_TITLE, LIST_HEADERS, rows, widths=LIST_WIDTHS_XLSX, notes=notes)
    return write_workbook([sheet])


def delegate_list_docx(event: EventInfo, delegates: list[Delegate]) -> bytes:
    """ "DANH SÁCH ĐẠI BIỂU dự <event>" under the official header, then one table: a bold heading
    row per group ("I" | "<group> (n đại biểu)" across the other columns) and the group's people
    numbered from 1."""
    profile = event.format_profile
    doc = new_document(profile, title=f"{LIST_TITLE} {event_name(event)}")
    add_header_table(
        doc,
        profile,
        superior_body=line(event.superior_body),
        issuing_body=line(event.issuing_body),
        place_date_line=place_date_line(profile, line(event.place), event.issued_on),
    )
    add_doc_title(doc, profile, LIST_TITLE, LIST_SUMMARY.format(event=event_name(event)))
    write_line(doc, profile, _when_where(event), italic=True, space_after=4)
    write_line(doc, profile, _total_line(delegates), italic=True, space_after=8)
    rows, headings = _list_rows(delegates)
    table = add_table(
        doc,
        profile,
        LIST_HEADERS,
        rows,
        widths=LIST_WIDTHS_DOCX,
        size=LIST_SIZE,
        aligns=["center", "left", "left", "left", "center", "center"],
    )
    table_rows = list(table.rows)
    for index in headings:
        _merge_heading(table_rows[index + 1])  # + 1: the header row
    return docx_bytes(doc)


def _merge_heading(row: Any) -> None:
    """A group heading row: the Roman number, then the label across the remaining columns; bold."""
    cells = row.cells
    merged = cells[1].merge(cells[-1])
    paragraphs = merged.paragraphs
    for paragraph in paragraphs[1:]:
        if not paragraph.text:
            paragraph._p.getparent().remove(paragraph._p)
    for cell in (cells[0], merged):
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.bold = True
