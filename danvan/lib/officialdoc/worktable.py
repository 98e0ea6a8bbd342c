"""A work-item table of a plan or a programme, rendered as a bordered table rather than as paragraphs:
"TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian", its first row the header (repeated on
every page), and the group rows of a programme ("THÁNG 01", "QUÝ II") merged across the table in bold."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument

from danvan.lib.officialdoc.blocks import add_table, write_line
from danvan.lib.officialdoc.profiles import FormatProfile

GROUP_LINE_MAX_CHARS = 60
MIN_WEIGHT, MAX_WEIGHT = 0.55, 4.0


def is_group_line(items: Sequence[tuple[str, str, str]], index: int) -> bool:
    """A short paragraph between two rows of a table: a group row ("THÁNG 01") the parser kept as a line."""
    kind, text, _ = items[index]
    return (
        kind == "paragraph"
        and len(text) <= GROUP_LINE_MAX_CHARS
        and 0 < index < len(items) - 1
        and items[index - 1][0] in ("row", "group")
        and items[index + 1][0] == "row"
    )


def _weights(rows: list[list[str]], width: int) -> list[float]:
    """Wider columns for longer text: "Nội dung" takes most of the width, "TT" little."""
    weights = []
    for column in range(width):
        lengths = [len(r[column]) for r in rows if column < len(r) and r[column]]
        mean = sum(lengths) / len(lengths) if lengths else 1
        weights.append(max(MIN_WEIGHT, min(MAX_WEIGHT, mean / 12)))
    return weights


def add_work_table(out: DocxDocument, profile: FormatProfile, run: Sequence[tuple[str, str, str]]) -> None:
    """``run``: ("row", tab-joined cells, "") and ("group", text, "") items, the first row the header."""
    rows = [text.split("\t") for kind, text, _ in run if kind == "row"]
    width = max(len(r) for r in rows)
    header, body = rows[0], run[1:]
    padded = [[*cells, *[""] * (width - len(cells))] for cells in rows]
    values: list[list[str]] = []
    groups: list[int] = []
    for kind, text, _ in body:
        if kind == "group":
            groups.append(len(values))
            values.append([text, *[""] * (width - 1)])
        else:
            cells = text.split("\t")
            values.append([*cells, *[""] * (width - len(cells))])
    table = add_table(
        out,
        profile,
        [*header, *[""] * (width - len(header))],
        values,
        widths=_weights(padded, width),
    )
    for index in groups:
        row_cells = table.rows[index + 1].cells  # after the header row
        merged = row_cells[0].merge(row_cells[-1])
        # the merged cell holds every cell's (empty) paragraph: keep one, written in bold
        for paragraph in merged.paragraphs:
            paragraph._element.getparent().remove(paragraph._element)
        write_line(merged, profile, values[index][0], size=profile.table_size, bold=True, space_before=3)
