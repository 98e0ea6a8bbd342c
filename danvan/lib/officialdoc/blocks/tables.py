"""Tables: borderless layout tables and bordered data tables across the text width."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.shared import Mm
from docx.table import Table

from danvan.lib.officialdoc.blocks.document import _close_table, section_text_width_mm
from danvan.lib.officialdoc.blocks.lines import write_line
from danvan.lib.officialdoc.blocks.ooxml import _row_flag, _set_table_borders, _set_widths
from danvan.lib.officialdoc.profiles import FormatProfile


def add_layout_table(
    doc: DocxDocument, widths_mm: Sequence[float], rows: int = 1, *, borders: bool = False
) -> Table:
    """A table used for layout (borderless unless asked), fixed column widths, centred."""
    _close_table(doc)
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_table_borders(table, "single" if borders else "none")
    _set_widths(table, widths_mm)
    return table


def add_table(
    doc: DocxDocument,
    profile: FormatProfile,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    widths: Sequence[float] | None = None,
    size: float | None = None,
    aligns: Sequence[str] | None = None,
    bold_columns: Iterable[int] = (),
    row_height_mm: float | None = None,
) -> Table:
    """A bordered table across the text width: bold centred header row repeated on every page.

    ``headers`` may be empty (no header row). ``widths`` are relative column widths (any unit),
    scaled to the text width of the current section. ``aligns`` per column: "left", "center", ...;
    ``bold_columns``: indexes of columns in bold. Cell values are written with ``str()``; None is empty.
    """
    rows = [list(r) for r in rows]
    ncols = len(headers) if headers else max((len(r) for r in rows), default=1)
    weights = list(widths) if widths else [1.0] * ncols
    total = section_text_width_mm(doc.sections[-1])
    widths_mm = [total * w / sum(weights) for w in weights]
    size = size if size is not None else profile.table_size
    aligns = list(aligns) if aligns else ["left"] * ncols
    bold = set(bold_columns)
    _close_table(doc)
    table = doc.add_table(rows=0, cols=ncols)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_table_borders(table, "single")
    if headers:
        row = table.add_row()
        _row_flag(row, "cantSplit")
        _row_flag(row, "tblHeader")
        for cell, text in zip(row.cells, headers, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            write_line(cell, profile, text, size=size, bold=True, space_before=3, space_after=3)
    for values in rows:
        row = table.add_row()
        _row_flag(row, "cantSplit")
        if row_height_mm:
            row.height = Mm(row_height_mm)
        for index, cell in enumerate(row.cells):
            value = values[index] if index < len(values) else None
            text = "" if value is None else str(value)
            write_line(
                cell,
                profile,
                text,
                size=size,
                bold=index in bold,
                align=aligns[index],
                space_before=3,
                space_after=3,
            )
    _set_widths(table, widths_mm)
    return table
