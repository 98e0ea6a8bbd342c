"""The entry points: ``parse_window``/``parse_date`` read one field, ``find_windows`` scans free text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from danvan.lib.vndates.grammar import _Parser
from danvan.lib.vndates.lexer import _EMPHASIS, _prepare, _tokenize
from danvan.lib.vndates.messages import (
    MSG_BLANK,
    MSG_MULTIPLE,
    MSG_NOT_A_DAY,
    MSG_NOT_RECOGNISED,
    MSG_NOT_TEXT,
    MSG_YOU_WROTE,
    WORDS_ONLY,
)
from danvan.lib.vndates.points import _BLANK, _Placed
from danvan.lib.vndates.resolve import _resolve
from danvan.lib.vndates.vocabulary import _TENTATIVE
from danvan.lib.vndates.window import DateParseError, DateWindow, _Problem, _quote

# ----------------------------------------------------------------------------------------------
# Scanning


def _starter_words() -> frozenset[str]:
    """Every first word of every phrase the grammar can match: the first words of all string literals of
    the grammar's modules (a superset: docstrings add words that never start anything, which is
    harmless). Read from the source so a phrase added to the grammar is never forgotten here."""
    import ast
    import inspect

    from danvan.lib.vndates import grammar, points, vocabulary

    found: set[str] = set()
    for module in (grammar, points, vocabulary):
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for word in node.value.lower().split()[:1]:
                    found.add(unicodedata.normalize("NFC", word))
    return frozenset(found)


_STARTERS = _starter_words()


@dataclass(frozen=True)
class _Found:
    first_tok: int
    end_tok: int
    outcome: _Placed | object


def _scan(
    text: str, default_year: int | None, *, strict: bool
) -> tuple[list[_Found], _Parser, Sequence[int], Sequence[int]]:
    scan, starts, ends = _prepare(text)
    parser = _Parser(_tokenize(scan))
    found: list[_Found] = []
    i = 0
    toks = parser.toks
    while i < parser.n:
        t = toks[i]
        # Only a number or a word some rule begins with can start an expression: skipping the others
        # keeps a long text's scan to one cheap look per word.
        if (t.kind == "word" and t.text not in _STARTERS) or t.kind == "punct" or not parser.start_ok(i):
            i += 1
            continue
        best_ok: tuple[int, _Placed | object] | None = None
        best_bad: tuple[int, _Problem] | None = None
        for j, raw in parser.attempts(i):
            if j <= i or not parser.end_ok(j):
                continue
            try:
                outcome = _resolve(raw, default_year)
            except _Problem as problem:
                if best_bad is None or j > best_bad[0]:
                    best_bad = (j, problem)
                continue
            if best_ok is None or j > best_ok[0]:
                best_ok = (j, outcome)
        if strict and best_bad is not None and (best_ok is None or best_bad[0] > best_ok[0]):
            raise best_bad[1]
        if best_ok is not None:
            found.append(_Found(i, best_ok[0], best_ok[1]))
            i = best_ok[0]
        else:
            i += 1
    return found, parser, starts, ends


def _check_default_year(default_year: int | None) -> None:
    if default_year is not None and (not isinstance(default_year, int) or isinstance(default_year, bool)):
        raise TypeError("default_year must be an int or None")


def parse_window(text: str, *, default_year: int | None = None) -> DateWindow:
    """Read one time expression (a form field, a "Thời gian:" line).

    Returns a DateWindow whose ``text`` is the whole input (NFC, stripped); words around the
    expression ("Sáng ngày 15/9/2023") are tolerated and kept. Raises DateParseError when there
    is no time expression, when a date does not exist, when the year is missing and
    ``default_year`` is None, when the input is an unfilled draft date, or when it holds more
    than one placeable time expression.
    """
    _check_default_year(default_year)
    if not isinstance(text, str):
        raise DateParseError(MSG_NOT_TEXT.format(type=type(text).__name__))
    original = unicodedata.normalize("NFC", text).strip()
    try:
        found, parser, _, _ = _scan(text, default_year, strict=True)
    except _Problem as problem:
        message = MSG_YOU_WROTE.format(problem=problem.message, text=_quote(original))
        raise DateParseError(message, text=original) from None
    placed = [f.outcome for f in found if isinstance(f.outcome, _Placed) and f.outcome.kind not in WORDS_ONLY]
    unparsed = [f.outcome for f in found if isinstance(f.outcome, _Placed) and f.outcome.kind in WORDS_ONLY]
    blanks = [f for f in found if f.outcome is _BLANK]
    mentions_tentative = any(parser.words(i, *_TENTATIVE) is not None for i in range(parser.n))
    if len(placed) > 1:
        raise DateParseError(MSG_MULTIPLE.format(text=_quote(original)), text=original)
    if placed:
        p = placed[0]
        return DateWindow(p.start, p.end, original, p.tentative or mentions_tentative, p.kind)
    if unparsed:
        return DateWindow(None, None, original, mentions_tentative, unparsed[0].kind)
    if blanks:
        message = MSG_YOU_WROTE.format(problem=MSG_BLANK, text=_quote(original))
        raise DateParseError(message, text=original)
    raise DateParseError(MSG_NOT_RECOGNISED.format(text=_quote(original)), text=original)


def parse_date(text: str) -> date:
    """Read one day: "11/9/2019", "05/11/2023", "01-10-1997", "15.10.2018", "ngày 03 tháng 4 năm 2018",
    "ngày 03 tháng bốn năm 2018", "ngày mồng 3 tháng 4 năm 2018". Raises DateParseError."""
    window = parse_window(text)
    if window.kind != "exact" or window.start is None:
        raise DateParseError(MSG_NOT_A_DAY.format(text=_quote(window.text)), text=window.text)
    return window.start


def find_windows(text: str, *, default_year: int | None = None) -> list[tuple[int, int, DateWindow]]:
    """Every time expression in free text, in order, as (start, end, window).

    Offsets index the ``text`` given (whatever its normalisation), so ``text[start:end]`` is
    the expression as written; ``window.text`` is that slice in NFC. Expressions that cannot be
    placed come back with kind ``unparsed``. Invalid dates, expressions without a year (when
    ``default_year`` is None) and the blanks of unsigned drafts are skipped; never raises
    DateParseError.
    """
    _check_default_year(default_year)
    if not isinstance(text, str) or not text:
        return []
    found, parser, starts, ends = _scan(text, default_year, strict=False)
    result: list[tuple[int, int, DateWindow]] = []
    for f in found:
        outcome = f.outcome
        if not isinstance(outcome, _Placed):
            continue
        first, last = parser.toks[f.first_tok], parser.toks[f.end_tok - 1]
        start, end = starts[first.start], ends[last.end - 1]
        # take in markdown emphasis that touches the expression: "**30/9/2023**"
        while start > 0 and text[start - 1] in _EMPHASIS:
            start -= 1
        while end < len(text) and text[end] in _EMPHASIS:
            end += 1
        window = DateWindow(outcome.start, outcome.end, text[start:end], outcome.tentative, outcome.kind)
        result.append((start, end, window))
    return result
