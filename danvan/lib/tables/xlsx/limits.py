"""The reader's limits: none of them depends on what the file declares."""

from __future__ import annotations

MAX_COLUMNS = 100
MAX_ROWS = 25_000  # rows with content read from one sheet (the imports need at most 20,000)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_TEXT_CHARS = 20_000_000  # characters of shared strings kept in all
MAX_PART_BYTES = 64 * 1024 * 1024  # decompressed bytes of one sheet or of the shared strings
MAX_SMALL_PART_BYTES = 8 * 1024 * 1024  # workbook, relationships, styles
MAX_ELEMENTS = 4_000_000  # XML elements of one part
MAX_MERGED = 20_000
MAX_SHEETS = 255
CHUNK = 64 * 1024
