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

The package re-exports every name callers use, so ``from danvan.lib.tables import xlsx`` keeps working:
``limits`` (the ``MAX_*`` limits), ``cells`` (``XCell``, ``Sheet``, cell references), ``parsing`` (the
expat parser), ``workbook`` (``Workbook``: parts, shared strings, styles), ``sheet`` (the streaming
sheet reader), ``merged`` (merged ranges).
"""

from __future__ import annotations

from danvan.lib.tables.xlsx.cells import Sheet, XCell, cell_name, column_letter, parse_ref
from danvan.lib.tables.xlsx.limits import (
    CHUNK,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ELEMENTS,
    MAX_MERGED,
    MAX_PART_BYTES,
    MAX_ROWS,
    MAX_SHEETS,
    MAX_SMALL_PART_BYTES,
    MAX_TEXT_CHARS,
)
from danvan.lib.tables.xlsx.workbook import Workbook, open_workbook

__all__ = [
    "CHUNK",
    "MAX_CELL_CHARS",
    "MAX_COLUMNS",
    "MAX_ELEMENTS",
    "MAX_MERGED",
    "MAX_PART_BYTES",
    "MAX_ROWS",
    "MAX_SHEETS",
    "MAX_SMALL_PART_BYTES",
    "MAX_TEXT_CHARS",
    "Sheet",
    "Workbook",
    "XCell",
    "cell_name",
    "column_letter",
    "open_workbook",
    "parse_ref",
]
