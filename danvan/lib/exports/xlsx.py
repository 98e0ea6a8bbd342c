"""Streaming .xlsx tables: xlsxwriter in constant-memory mode, text cells never turned into formulas."""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence]
    widths: Sequence[int] = field(default_factory=tuple)
    notes: Sequence[str] = field(default_factory=tuple)  # lines written above the header


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    import xlsxwriter

    buffer = io.BytesIO()
    # strings_to_formulas off: a cell "=HYPERLINK(...)" typed by a user stays text in what we hand out.
    workbook = xlsxwriter.Workbook(
        buffer,
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    header_format = workbook.add_format(
        {
            "bold": True,
            "bg_color": "#F2DCDB",
            "border": 1,
            "text_wrap": True,
            "valign": "vcenter",
            "font_name": "Times New Roman",
            "font_size": 12,
        }
    )
    cell_format = workbook.add_format(
        {"font_name": "Times New Roman", "font_size": 12, "text_wrap": True, "valign": "top"}
    )
    date_format = workbook.add_format(
        {"font_name": "Times New Roman", "font_size": 12, "num_format": "dd/mm/yyyy", "valign": "top"}
    )
    note_format = workbook.add_format({"italic": True, "font_name": "Times New Roman", "font_size": 11})
    for sheet in sheets:
        worksheet = workbook.add_worksheet(sheet.title[:31])
        row_index = 0
        for note in sheet.notes:
            worksheet.write_string(row_index, 0, note, note_format)
            row_index += 1
        for column, width in enumerate(sheet.widths):
            worksheet.set_column(column, column, width)
        for column, header in enumerate(sheet.headers):
            worksheet.write_string(row_index, column, header, header_format)
        worksheet.freeze_panes(row_index + 1, 0)
        row_index += 1
        for values in sheet.rows:
            for column, value in enumerate(values):
                if value is None or value == "":
                    continue
                if isinstance(value, date):
                    worksheet.write_datetime(row_index, column, value, date_format)
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    worksheet.write_number(row_index, column, value, cell_format)
                else:
                    worksheet.write_string(row_index, column, str(value), cell_format)
            row_index += 1
    workbook.close()
    return buffer.getvalue()
