"""The indicators table of a call's summary documents: the consolidated workbook gets a sheet, the draft
result report a sub-section. `indicator_table(call)` reads (called by the consolidation service); the two
writers only render what they are handed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import selectors
from .charts import figure
from .prefill import bound_fields

HEADING = "Kết quả các chỉ tiêu"
HEADERS = (
    "Stt",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kỳ này",
    "Cùng kỳ năm trước",
    "Tăng, giảm (%)",
    "Chỉ tiêu năm",
    "Đạt (%)",
)


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    unit_of_measure: str
    period_label: str
    value: Decimal | None
    last_year: Decimal | None
    change_pct: Decimal | None
    target: Decimal | None
    target_pct: Decimal | None


def indicator_table(call) -> list[IndicatorRow]:
    """One row per indicator the call's form carries, rolled up over the owner's subtree for the call's
    period; [] for a call without a period or without bound fields."""
    period = call.period
    if period is None:
        return []
    rows, seen = [], set()
    for field in bound_fields(call.template):
        indicator = field.indicator
        if indicator.pk in seen:
            continue
        seen.add(indicator.pk)
        c = selectors.compare(indicator, call.owner, period)
        rows.append(
            IndicatorRow(
                name=indicator.name,
                unit_of_measure=indicator.unit_of_measure,
                period_label=period.label,
                value=c["value"],
                last_year=c["last_year"],
                change_pct=c["change_pct"],
                target=c["target"],
                target_pct=c["target_pct"],
            )
        )
    return rows


def _cells(index: int, row: IndicatorRow) -> list[str]:
    def pct(value):
        return "" if value is None else figure(value)

    return [
        str(index),
        row.name,
        row.unit_of_measure,
        figure(row.value),
        figure(row.last_year),
        pct(row.change_pct),
        figure(row.target),
        pct(row.target_pct),
    ]


def write_sheet(workbook: Any, rows: Sequence[IndicatorRow]) -> None:
    """A sheet "Chỉ tiêu" in an open xlsxwriter workbook (the consolidated table's), numbers typed."""
    bold = workbook.add_format({"bold": True, "border": 1, "font_name": "Times New Roman", "text_wrap": True})
    cell = workbook.add_format({"border": 1, "font_name": "Times New Roman", "text_wrap": True})
    sheet = workbook.add_worksheet("Chỉ tiêu")
    sheet.set_column(0, 0, 5)
    sheet.set_column(1, 1, 48)
    sheet.set_column(2, 7, 14)
    title = f"{HEADING} — {rows[0].period_label}" if rows else HEADING
    sheet.write_string(0, 0, title, workbook.add_format({"bold": True, "font_name": "Times New Roman"}))
    for col, header in enumerate(HEADERS):
        sheet.write_string(2, col, header, bold)
    for index, row in enumerate(rows, start=1):
        line = 2 + index
        sheet.write_number(line, 0, index, cell)
        sheet.write_string(line, 1, row.name, cell)
        sheet.write_string(line, 2, row.unit_of_measure, cell)
        numbers = (row.value, row.last_year, row.change_pct, row.target, row.target_pct)
        for col, number in enumerate(numbers, start=3):
            if number is None:
                sheet.write_blank(line, col, None, cell)
            else:
                sheet.write_number(line, col, float(number), cell)


def add_docx_table(doc: Any, profile: Any, rows: Sequence[IndicatorRow]) -> None:
    """The table under the result report's sub-heading (python-docx, the official format's table)."""
    from danvan.lib.officialdoc import blocks as doc_blocks

    doc_blocks.add_table(
        doc,
        profile,
        list(HEADERS),
        [_cells(i, row) for i, row in enumerate(rows, start=1)],
        widths=[0.5, 3.2, 1.1, 0.9, 1.0, 0.9, 0.9, 0.7],
        aligns=["center", "left", "left", "right", "right", "right", "right", "right"],
    )
