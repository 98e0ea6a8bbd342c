"""Blank forms to download, fill offline and upload back (``danvan.lib.tables.read.parse_upload`` reads them).

Pure Python (no Django models).

- ``blank_xlsx``: one sheet "Biểu mẫu": unit name, title, subtitle, a help note, the header row
  (required columns marked " *", frozen, repeated when printed), ``sample_rows`` bordered rows with
  the index column numbered 1..n. Dropdowns for choice columns (a hidden "Danh mục" sheet when the
  list is too long for an inline list), a date check on date columns, text format ("@") on the
  text columns so Excel keeps "1/2" or "=..." as typed, column widths by kind. Nothing is written
  as a formula.
- ``blank_docx``: A4 landscape in the official format (``officialdoc`` blocks and profile): unit
  name in capitals (or "TÊN CƠ QUAN, ĐƠN VỊ...") top left, the label ("Mẫu") and a date placeholder top right,
  the title (bold, centred, upper case), the subtitle, a bordered table of the column labels with
  numbered empty rows and a "..." row, the footer ("(Ký tên, đóng dấu)") bottom right.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from danvan.lib.officialdoc.blocks import (
    add_layout_table,
    add_table,
    docx_bytes,
    new_document,
    section_text_width_mm,
    write_line,
)
from danvan.lib.officialdoc.profiles import FormatProfile, get_profile
from danvan.lib.tables.values import ColumnSpec
from danvan.lib.vntext import clean_text, fold

__all__ = ["COLUMN_WIDTHS", "SHEET_NAME", "blank_docx", "blank_xlsx", "column_heading"]

SHEET_NAME = "Biểu mẫu"
CHOICES_SHEET = "Danh mục"
UNIT_PLACEHOLDER = "TÊN CƠ QUAN, ĐƠN VỊ..."
DATE_PLACEHOLDER = "....., ngày..... tháng.....năm....."
MORE_ROWS = "..."
REQUIRED_MARK = " *"
VALIDATED_ROWS = 5000  # rows under the header that get dropdowns and date checks
FONT = "Times New Roman"

# Excel column widths (characters) and Word relative widths by kind; "Ghi chú" is narrower.
COLUMN_WIDTHS = {
    "index": 6,
    "text": 28,
    "long_text": 42,
    "date": 14,
    "window": 24,
    "number": 12,
    "choice": 20,
}
WORD_WEIGHTS = {
    "index": 0.55,
    "text": 1.4,
    "long_text": 2.2,
    "date": 1.0,
    "window": 1.3,
    "number": 0.8,
    "choice": 1.0,
}
NOTE_LABEL = "ghi chu"
NOTE_WIDTH, NOTE_WEIGHT = 18, 0.9

HELP_GENERAL = (
    "Hướng dẫn: mỗi dòng ghi một nội dung, bắt đầu từ dòng ngay dưới dòng tên cột; "
    "không đổi tên, không xoá cột; cột có dấu * là bắt buộc."
)
HELP_DATE = "Cột ngày ghi theo dạng ngày/tháng/năm, ví dụ 30/9/2023."
HELP_WINDOW = "Cột thời gian có thể ghi ước lượng, ví dụ «trung tuần tháng 9/2023»."
HELP_CHOICE = "Cột có danh sách: chọn một giá trị trong danh sách."
HELP_NUMBER = "Cột số chỉ ghi số, ví dụ 1.500 hoặc 1,5."


def column_heading(column: ColumnSpec) -> str:
    """The label written in a blank form's header cell (required columns marked " *" in Excel)."""
    label = clean_text(column.label)
    return label + REQUIRED_MARK if column.required and column.kind != "index" else label


def _is_note(column: ColumnSpec) -> bool:
    return fold(column.label).startswith(NOTE_LABEL)


# ----------------------------------------------------------------------------------------------
# Excel


def blank_xlsx(
    *, title: str, subtitle: str, columns: list[ColumnSpec], unit_name: str = "", sample_rows: int = 10
) -> bytes:
    """The blank form as .xlsx bytes (see the module docstring for the layout)."""
    import xlsxwriter
    from xlsxwriter.utility import xl_col_to_name

    columns = list(columns)
    if not columns:
        raise ValueError("a form needs at least one column")
    sample_rows = max(0, int(sample_rows))
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"strings_to_formulas": False, "strings_to_urls": False, "in_memory": True}
    )
    workbook.set_properties({"title": clean_text(f"{title} {subtitle}"), "author": "", "comments": ""})
    base = {"font_name": FONT, "font_size": 12}
    formats = {
        "unit": workbook.add_format({**base, "bold": True}),
        "title": workbook.add_format({**base, "bold": True, "font_size": 14, "align": "center"}),
        "subtitle": workbook.add_format({**base, "bold": True, "align": "center", "text_wrap": True}),
        "help": workbook.add_format({**base, "italic": True, "font_size": 11, "text_wrap": True}),
        "header": workbook.add_format(
            {
                **base,
                "bold": True,
                "border": 1,
                "text_wrap": True,
                "align": "center",
                "valign": "vcenter",
                "bg_color": "#F2DCDB",
            }
        ),
    }
    cell_base = {**base, "border": 1, "text_wrap": True, "valign": "top"}
    by_kind = {
        "index": workbook.add_format({**cell_base, "align": "center"}),
        "date": workbook.add_format({**cell_base, "num_format": "dd/mm/yyyy"}),
        "number": workbook.add_format({**cell_base, "num_format": "#,##0.##"}),
        "text": workbook.add_format({**cell_base, "num_format": "@"}),
    }
    column_formats = [by_kind.get(column.kind, by_kind["text"]) for column in columns]

    sheet = workbook.add_worksheet(SHEET_NAME)
    last = len(columns) - 1
    for index, column in enumerate(columns):
        width = NOTE_WIDTH if _is_note(column) else COLUMN_WIDTHS.get(column.kind, COLUMN_WIDTHS["text"])
        # The column format also applies to rows the user adds below the sample rows.
        sheet.set_column(index, index, width, column_formats[index] if column.kind != "index" else None)

    def across(row: int, text: str, fmt, height: float | None = None) -> None:
        if last:
            sheet.merge_range(row, 0, row, last, text, fmt)
        else:
            sheet.write_string(row, 0, text, fmt)
        if height:
            sheet.set_row(row, height)

    row = 0
    unit = clean_text(unit_name) or UNIT_PLACEHOLDER
    if last >= 2:
        sheet.merge_range(row, 0, row, min(2, last), unit, formats["unit"])
    else:
        sheet.write_string(row, 0, unit, formats["unit"])
    row += 1
    if clean_text(title):
        across(row, clean_text(title).upper(), formats["title"])
        row += 1
    if clean_text(subtitle):
        across(row, clean_text(subtitle), formats["subtitle"], 33)
        row += 1
    help_text = _help_text(columns)
    across(row, help_text, formats["help"], 15 * (1 + len(help_text) // 150))
    row += 1

    header_row = row
    for index, column in enumerate(columns):
        sheet.write_string(header_row, index, column_heading(column), formats["header"])
    sheet.set_row(header_row, 48)
    first_data = header_row + 1
    for number in range(1, sample_rows + 1):
        data_row = header_row + number
        for index, column in enumerate(columns):
            if column.kind == "index":
                sheet.write_number(data_row, index, number, column_formats[index])
            else:
                sheet.write_blank(data_row, index, None, column_formats[index])

    last_validated = first_data + max(VALIDATED_ROWS, sample_rows) - 1
    choices_sheet = None
    for index, column in enumerate(columns):
        if column.kind == "date":
            sheet.data_validation(first_data, index, last_validated, index, _date_validation(column))
        elif column.kind == "choice" and column.choices:
            choices = [clean_text(choice) for choice in column.choices if clean_text(choice)]
            if not choices:
                continue
            if _inline_list_fits(choices):
                source: object = choices
            else:
                if choices_sheet is None:
                    choices_sheet = workbook.add_worksheet(CHOICES_SHEET)
                    choices_sheet.hide()
                for offset, choice in enumerate(choices):
                    choices_sheet.write_string(offset, index, choice)
                letter = xl_col_to_name(index)
                source = f"='{CHOICES_SHEET}'!${letter}$1:${letter}${len(choices)}"
            sheet.data_validation(
                first_data,
                index,
                last_validated,
                index,
                {
                    "validate": "list",
                    "source": source,
                    "error_type": "stop",
                    "error_title": "Giá trị không có trong danh sách",
                    "error_message": "Hãy chọn một giá trị trong danh sách của cột.",
                },
            )
    sheet.freeze_panes(first_data, 0)
    sheet.repeat_rows(header_row)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.activate()
    workbook.close()
    return buffer.getvalue()


def _help_text(columns: Sequence[ColumnSpec]) -> str:
    kinds = {column.kind for column in columns}
    parts = [HELP_GENERAL]
    if "date" in kinds:
        parts.append(HELP_DATE)
    if "window" in kinds:
        parts.append(HELP_WINDOW)
    if "number" in kinds:
        parts.append(HELP_NUMBER)
    if any(column.kind == "choice" and column.choices for column in columns):
        parts.append(HELP_CHOICE)
    return " ".join(parts)


def _inline_list_fits(choices: list[str]) -> bool:
    # Excel's inline list: at most 255 characters in all, and a comma separates items.
    return all("," not in choice and '"' not in choice for choice in choices) and (
        len(",".join(choices)) <= 255
    )


def _date_validation(column: ColumnSpec) -> dict:
    return {
        "validate": "date",
        "criteria": "between",
        "minimum": date(1900, 1, 1),
        "maximum": date(2200, 12, 31),
        "error_type": "warning",
        "error_title": "Ngày chưa đúng",
        "error_message": "Hãy ghi ngày theo dạng ngày/tháng/năm, ví dụ 30/9/2023.",
        "input_title": clean_text(column.label)[:32],
        "input_message": "Ghi ngày theo dạng ngày/tháng/năm, ví dụ 30/9/2023.",
    }


# ----------------------------------------------------------------------------------------------
# Word


def blank_docx(
    *,
    title: str,
    subtitle: str,
    label: str,
    columns: list[ColumnSpec],
    unit_name: str = "",
    footer: str = "(Ký tên, đóng dấu)",
    sample_rows: int = 5,
    profile: str | FormatProfile | None = None,
) -> bytes:
    """The blank form as .docx bytes: A4 landscape, official format of ``profile`` (default Party)."""
    columns = list(columns)
    if not columns:
        raise ValueError("a form needs at least one column")
    fmt = get_profile(profile)
    doc = new_document(fmt, landscape=True, title=clean_text(f"{title} {subtitle}"))
    total = section_text_width_mm(doc.sections[-1])
    size = fmt.table_size

    top = add_layout_table(doc, [total * 0.4, total * 0.6])
    left, right = top.cell(0, 0), top.cell(0, 1)
    write_line(left, fmt, clean_text(unit_name).upper() or UNIT_PLACEHOLDER, size=size, bold=True)
    if clean_text(label):
        write_line(right, fmt, clean_text(label), size=size, bold=True, align="right")
    write_line(right, fmt, DATE_PLACEHOLDER, size=size, italic=True)
    if clean_text(title):
        write_line(doc, fmt, clean_text(title).upper(), size=fmt.body_size, bold=True, space_before=12)
    if clean_text(subtitle):
        write_line(doc, fmt, clean_text(subtitle), size=fmt.body_size, bold=True)
    write_line(doc, fmt, "", size=size)

    numbered = [column.kind == "index" for column in columns]
    rows = [
        [str(number) if flag else "" for flag in numbered] for number in range(1, max(0, sample_rows) + 1)
    ]
    more = [MORE_ROWS if flag else "" for flag in numbered]
    if not any(numbered):
        more[0] = MORE_ROWS
    rows.append(more)
    add_table(
        doc,
        fmt,
        [clean_text(column.label) for column in columns],
        rows,
        widths=[
            NOTE_WEIGHT if _is_note(column) else WORD_WEIGHTS.get(column.kind, WORD_WEIGHTS["text"])
            for column in columns
        ],
        aligns=["center" if flag else "left" for flag in numbered],
        row_height_mm=8,
    )
    if clean_text(footer):
        bottom = add_layout_table(doc, [total * 0.5, total * 0.5])
        write_line(bottom.cell(0, 1), fmt, clean_text(footer), size=size, italic=True, space_before=6)
    return docx_bytes(doc)
