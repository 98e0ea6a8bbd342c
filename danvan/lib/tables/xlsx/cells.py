"""Cells and sheets as the reader returns them, and A1-style cell references."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_REF_RE = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


@dataclass(slots=True)
class XCell:
    column: int
    value: Any = None
    formula: str | None = None
    font: str | None = None


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    return f"{column_letter(column)}{row}"


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def parse_ref(ref: str) -> tuple[int, int] | None:
    """(row, column) of "B5"; None for anything else."""
    match = _REF_RE.match(ref.strip())
    if not match:
        return None
    return int(match.group(2)), _column_number(match.group(1))
