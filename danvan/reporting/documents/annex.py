"""The consolidated table as a landscape Word annex ("PHỤ LỤC") in the official format.

Pure Python, no Django models; the layout is the one of ``consolidated`` (a merged bold row per unit, its
rows numbered from 1; the form's index columns replaced by that numbering), without the "Đơn vị" column.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from docx.text.paragraph import Paragraph

from danvan.lib.officialdoc import blocks as doc_blocks
from danvan.lib.officialdoc.plan import COLUMN_WEIGHTS, NOTE_COLUMN_WEIGHT
from danvan.lib.officialdoc.profiles import FormatProfile, get_profile

from .consolidated import (
    ANNEX_LABEL,
    EMPTY_UNIT_NOTE,
    STT_LABEL,
    Column,
    UnitRows,
    cell_text,
    is_note,
    number_value,
    printed_columns,
    unit_heading,
)

__all__ = ["write_docx"]


def _docx_weights(columns: Sequence[Column]) -> list[float]:
    weights = [COLUMN_WEIGHTS["index"]]
    for column in columns:
        weights.append(NOTE_COLUMN_WEIGHT if is_note(column) else COLUMN_WEIGHTS[column.kind])
    return weights


def write_docx(
    *,
    title: str,
    subtitle: str,
    columns: Sequence[Column],
    groups: Iterable[UnitRows],
    issuer: str = "",
    profile: str | FormatProfile = "party-2018",
) -> bytes:
    """The consolidated table as a landscape annex: issuer (top left, when given), "PHỤ LỤC", the title
    in bold and the subtitle in italics, centred; then a bordered table (Stt | the form's columns) whose
    header repeats on every page, with a merged bold row per unit followed by its rows numbered from 1.
    """
    profile = get_profile(profile)
    doc = doc_blocks.new_document(profile, landscape=True, title=cell_text(title))
    size = profile.body_size
    if issuer.strip():
        doc_blocks.write_line(doc, profile, cell_text(issuer).upper(), size=size, bold=True, align="left")
    doc_blocks.write_line(doc, profile, ANNEX_LABEL, size=size, bold=True, space_before=6)
    if title.strip():
        doc_blocks.write_line(doc, profile, cell_text(title), size=size, bold=True)
    if subtitle.strip():
        doc_blocks.write_line(doc, profile, cell_text(subtitle), size=size, italic=True)
    doc_blocks.write_line(doc, profile, "", size=profile.table_size)

    data_columns = printed_columns(columns)
    width = 1 + len(data_columns)
    rows: list[list[str]] = []
    headings: list[int] = []  # indexes (in ``rows``) of the unit heading rows
    notes: list[int] = []
    for ordinal, group in enumerate(groups, start=1):
        headings.append(len(rows))
        rows.append([unit_heading(ordinal, group.unit_name, group.status)] + [""] * (width - 1))
        number = 0
        for number, values in enumerate(group.rows, start=1):
            rows.append([str(number), *(_docx_text(values.get(c.key)) for c in data_columns)])
        if number == 0:
            notes.append(len(rows))
            rows.append(["", EMPTY_UNIT_NOTE] + [""] * (width - 2) if width > 1 else [EMPTY_UNIT_NOTE])
    table = doc_blocks.add_table(
        doc,
        profile,
        [STT_LABEL, *(cell_text(column.label) for column in data_columns)],
        rows,
        widths=_docx_weights(data_columns),
        aligns=["center"] + ["left"] * (width - 1),
    )
    trs = table._tbl.tr_lst[1:]  # without the header row
    for index in headings:
        tc = _span_row(trs[index], 0)
        for p in tc.p_lst:
            paragraph = Paragraph(p, table)
            paragraph.alignment = doc_blocks.ALIGN["left"]
            paragraph.paragraph_format.keep_with_next = True  # a unit's heading row stays with its rows
            for run in paragraph.runs:
                run.bold = True
    for index in notes:
        tc = _span_row(trs[index], 1 if width > 1 else 0)
        for run in (run for p in tc.p_lst for run in Paragraph(p, table).runs):
            run.italic = True
    return doc_blocks.docx_bytes(doc)


def _span_row(tr: Any, start: int) -> Any:
    """Merge the cells of a table row from ``start`` to the end into one (a gridSpan; the cells that
    go were empty). python-docx's ``merge`` does the same, but scans the whole table on each call."""
    tcs = tr.tc_lst
    first = tcs[start]
    if len(tcs) - start > 1:
        widths = [tc.width for tc in tcs[start:]]
        for tc in tcs[start + 1 :]:
            tr.remove(tc)
        first.grid_span = len(widths)
        if all(widths):
            first.width = sum(widths)
    return first


def _docx_text(value: Any) -> str:
    number = number_value(value) if isinstance(value, (int, float)) else None
    if number is not None and isinstance(number, int):
        return f"{number:,}".replace(",", ".")
    return cell_text(value)
