"""Matching a table's header row to the form's columns (see ``danvan.lib.tables.read`` for the rules).

Pure Python: columns by their words, not by position, ignoring accents, case, punctuation, line breaks,
"(1)" numbering and the " *" of required columns; a two-row header with merged cells is read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from danvan.lib.tables.grids import GridCell, Row
from danvan.lib.tables.values import ColumnSpec, value_as_text
from danvan.lib.vntext import clean_text, fold

__all__ = [
    "INDEX_ALIASES",
    "STOP_WORDS",
    "Header",
    "Matcher",
    "header_score",
    "is_numbering",
    "nonempty",
    "own_texts",
    "row_has_text",
]


def nonempty(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def row_has_text(cells: list[GridCell]) -> bool:
    return any(nonempty(cell.value) for cell in cells)


# ----------------------------------------------------------------------------------------------
# Header matching

# Small words that carry no meaning of their own in a column label.
STOP_WORDS = frozenset(
    {"va", "hoac", "cac", "cua", "the", "nhung", "la", "cho", "voi", "ve", "tai", "neu", "mot", "nay"}
    | {"do", "theo", "tu", "den", "cung", "nhu"}
)
INDEX_ALIASES = frozenset({"stt", "tt", "so tt", "so thu tu", "thu tu"})
_NUMBERING_MARK = re.compile(r"\(\s*\d{1,3}\s*\)|\*")
_NUMBERING_CELL = re.compile(r"\(?\s*(\d{1,3}|[A-Za-z])\s*\)?")


@dataclass
class Header:
    index: int  # position in ``head`` of the first header row
    height: int  # 1 or 2 rows
    line: int
    positions: dict[str, list[int]]  # column key -> positions in the row (a merged header: several)
    texts: list[str]  # the header text at each position
    count: int  # columns matched
    score: float


@dataclass(frozen=True)
class _Words:
    folded: str
    words: tuple[str, ...]
    significant: frozenset[str]


def _words(text: str) -> _Words:
    folded = fold(_NUMBERING_MARK.sub(" ", text))
    words = tuple(folded.split())
    significant = frozenset(w for w in words if w not in STOP_WORDS) or frozenset(words)
    return _Words(folded, words, significant)


def header_score(header: _Words, label: _Words, *, index: bool = False) -> float:
    """How well a header text names a column label: 0 (no match) .. 1 (equal)."""
    if not header.folded or not label.folded:
        return 0.0
    if header.folded == label.folded or (index and header.folded in INDEX_ALIASES):
        return 1.0
    padded_h, padded_l = f" {header.folded} ", f" {label.folded} "
    if padded_h in padded_l or padded_l in padded_h:
        shorter, longer = sorted((len(header.words), len(label.words)))
        return 0.8 + 0.1 * shorter / longer
    common = len(header.significant & label.significant)
    if not common:
        return 0.0
    cover_label = common / len(label.significant)
    cover_header = common / len(header.significant)
    if cover_label >= 0.6 or cover_header == 1.0:
        return 0.4 + 0.2 * cover_label + 0.2 * cover_header
    return 0.0


class Matcher:
    def __init__(self, columns: list[ColumnSpec]) -> None:
        self.columns = columns
        self.labels = [_words(column.label) for column in columns]

    def assign(self, texts: list[str]) -> tuple[dict[int, int], int, float]:
        """Best one-to-one (column index -> position) assignment, its size and total score."""
        pairs: list[tuple[float, int, int, int]] = []
        rank = 0
        for position, text in enumerate(texts):
            if not text:
                continue
            words = _words(text)
            for index, (column, label) in enumerate(zip(self.columns, self.labels, strict=True)):
                score = header_score(words, label, index=column.kind == "index")
                if score > 0:
                    pairs.append((score, abs(rank - index), position, index))
            rank += 1
        pairs.sort(key=lambda p: (-p[0], p[1], p[2], p[3]))
        used_positions: set[int] = set()
        assignment: dict[int, int] = {}
        total = 0.0
        for score, _, position, index in pairs:
            if index in assignment or position in used_positions:
                continue
            assignment[index] = position
            used_positions.add(position)
            total += score
        return assignment, len(assignment), total

    def find_header(self, head: list[Row]) -> Header | None:
        singles = [_single_texts(cells) for _, cells in head]
        scored = [self.assign(texts) for texts in singles]
        best: tuple[tuple[int, float], Header] | None = None
        for i, (line, cells) in enumerate(head):
            options = [(1, singles[i], scored[i])]
            if i + 1 < len(head) and not is_numbering(head[i + 1][1]):
                below = head[i + 1][1]
                texts = _double_texts(cells, below)
                result = self.assign(texts)
                alone = max((scored[i][1], scored[i][2]), (scored[i + 1][1], scored[i + 1][2]))
                if (result[1], result[2]) > alone and (result[1] > alone[0] or _linked(cells, below)):
                    options.append((2, texts, result))
            for height, texts, (assignment, count, total) in options:
                if not count:
                    continue
                key = (count, total)
                if best is None or key > best[0]:
                    flags = _merged_flags(cells, head[i + 1][1] if height == 2 else None, len(texts))
                    header = Header(
                        index=i,
                        height=height,
                        line=line,
                        positions=self._positions(assignment, texts, flags),
                        texts=texts,
                        count=count,
                        score=total,
                    )
                    best = (key, header)
        return best[1] if best else None

    def _positions(
        self, assignment: dict[int, int], texts: list[str], flags: list[bool]
    ) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for index, position in assignment.items():
            group = [position]
            following = position + 1
            while following < len(texts) and flags[following] and texts[following] == texts[position]:
                group.append(following)
                following += 1
            positions[self.columns[index].key] = group
        return positions


def cell_header_text(cell: GridCell | None) -> str:
    if cell is None or not nonempty(cell.value):
        return ""
    return clean_text(value_as_text(cell.value))


def _single_texts(cells: list[GridCell]) -> list[str]:
    return [cell_header_text(cell) for cell in cells]


def _double_texts(top: list[GridCell], bottom: list[GridCell]) -> list[str]:
    texts: list[str] = []
    for position in range(max(len(top), len(bottom))):
        upper = cell_header_text(top[position] if position < len(top) else None)
        cell = bottom[position] if position < len(bottom) else None
        lower = cell_header_text(cell)
        if not lower or (cell is not None and cell.v_cont) or fold(lower) == fold(upper):
            texts.append(upper)
        elif not upper:
            texts.append(lower)
        else:
            texts.append(f"{upper} {lower}")
    return texts


def _merged_flags(top: list[GridCell], bottom: list[GridCell] | None, width: int) -> list[bool]:
    flags = []
    for position in range(width):
        flag = position < len(top) and top[position].h_cont
        if bottom is not None and position < len(bottom):
            flag = flag and (bottom[position].h_cont or bottom[position].v_cont or not bottom[position].value)
        flags.append(flag)
    return flags


def _linked(top: list[GridCell], bottom: list[GridCell]) -> bool:
    """Do merged cells tie the two rows into one header?"""
    for position, cell in enumerate(bottom):
        if cell.v_cont and position < len(top) and not top[position].v_cont and top[position].value:
            return True  # a cell merged down from the upper row ("Stt" over two rows)
    anchors = {id(cell) for cell in top if nonempty(cell.value) and not cell.h_cont}
    if len(anchors) < 2:
        return False  # a title or a note across the whole width is not a header
    for position, cell in enumerate(top):
        in_group = cell.h_cont or (position + 1 < len(top) and top[position + 1].h_cont)
        below = bottom[position] if position < len(bottom) else None
        if in_group and below is not None and nonempty(below.value) and not below.v_cont:
            return True  # a merged "Đối tượng" over "Thực hiện | Thụ hưởng"
    return False


def own_texts(cells: list[GridCell]) -> list[str]:
    return [
        clean_text(value_as_text(cell.value))
        for cell in cells
        if not cell.h_cont and not cell.v_cont and nonempty(cell.value)
    ]


def is_numbering(cells: list[GridCell]) -> bool:
    """A row like "(1) (2) (3)", "1 2 3" or "A B 1 2 3" under a header."""
    texts = own_texts(cells)
    if len(texts) < 2:
        return False
    numbers: list[int] = []
    for text in texts:
        match = _NUMBERING_CELL.fullmatch(text)
        if match is None:
            return False
        if match.group(1).isdigit():
            numbers.append(int(match.group(1)))
    return len(numbers) >= 2 and all(b == a + 1 for a, b in pairwise(numbers))
