"""Merged ranges, read from a sheet's ``<mergeCells>`` without parsing the rows before it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from danvan.lib.tables.xlsx.cells import parse_ref
from danvan.lib.tables.xlsx.limits import MAX_MERGED

_MERGE_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']{1,40})[\"']")
_MERGE_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCells\b")


def merged_ranges(chunks: Iterable[bytes]) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of each merged range in a sheet part's bytes, at most
    ``MAX_MERGED``.

    ``<mergeCells>`` comes after ``<sheetData>``: the bytes before it are skipped without parsing (a
    64-byte tail is kept so a start tag split between chunks is still found), and at most
    ``MAX_MERGED * 64`` bytes after it are kept.
    """
    ranges: list[tuple[int, int, int, int]] = []
    tail = b""
    collecting = False
    kept = bytearray()
    for chunk in chunks:
        if not collecting:
            window = tail + chunk
            match = _MERGE_START.search(window)
            if match is None:
                tail = window[-64:]
                continue
            collecting = True
            chunk = window[match.start() :]
        kept += chunk
        if len(kept) > MAX_MERGED * 64:
            break
    for match in _MERGE_RE.finditer(bytes(kept)):
        first, _, last = match.group(1).decode("ascii", "replace").partition(":")
        start, end = parse_ref(first), parse_ref(last or first)
        if start is None or end is None:
            continue
        ranges.append(
            (min(start[0], end[0]), min(start[1], end[1]), max(start[0], end[0]), max(start[1], end[1]))
        )
        if len(ranges) >= MAX_MERGED:
            break
    return ranges
