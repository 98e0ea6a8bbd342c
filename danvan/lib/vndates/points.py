"""The first half of the parser: written points in time (a day, a month, a third of a month, a
quarter, a half, a year) and the raw results the grammar yields."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from danvan.lib.vndates.lexer import _Tok
from danvan.lib.vndates.vocabulary import (
    _CONNECTOR_WORDS,
    _DASHES,
    _MONTH_WORDS,
    _NUMBER_WORDS,
    _ROMAN,
    _ROMAN_RE,
    _THIRDS,
    _split,
)

# ----------------------------------------------------------------------------------------------
# Raw (syntactic) results


@dataclass(frozen=True)
class _Pt:
    """One written point in time, possibly missing its year (or, for a day, its month)."""

    gran: str  # "day", "month", "third", "week", "quarter", "half", "year"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    index: int = 0  # third 0-2, week 0-1, quarter 1-4, half 1-2
    label: str = ""  # the quarter as written, for messages


@dataclass(frozen=True)
class _Raw:
    kind: str  # "point", "range", "open", "deadline", "unparsed", "blank"
    first: _Pt | None = None
    last: _Pt | None = None
    mode: str = ""  # deadline: "before" or "by"
    tentative: bool = False


@dataclass(frozen=True)
class _Placed:
    start: date | None
    end: date | None
    kind: str
    tentative: bool


_BLANK = object()

# ----------------------------------------------------------------------------------------------
# The first half of the parser: tokens, values and the points in time they write.


@functools.lru_cache(maxsize=512)
def _phrases_by_first(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The split phrases indexed by their first word (the parser asks the same sets at every token)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        parts = _split(phrase)
        index.setdefault(parts[0], []).append(parts)
    return index


class _PointParser:
    """Token helpers, values and written points; ``grammar._Parser`` adds whole expressions."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.n = len(toks)
        self._starts_memo: dict[int, bool] = {}

    # -- token helpers

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if 0 <= i < self.n else None

    def words(self, i: int, *phrases: str) -> int | None:
        """End of the longest phrase among ``phrases`` written at ``i``."""
        if not 0 <= i < self.n or self.toks[i].kind != "word":
            return None
        best = None
        for parts in _phrases_by_first(phrases).get(self.toks[i].text, ()):
            k = i + 1
            for part in parts[1:]:
                t = self.tok(k)
                if t is None or t.kind != "word" or t.text != part:
                    break
                k += 1
            else:
                if best is None or k > best:
                    best = k
        return best

    def punct(self, i: int, chars: str | frozenset[str]) -> int | None:
        t = self.tok(i)
        if t is not None and t.kind == "punct" and t.text in chars:
            return i + 1
        return None

    def num(self, i: int, min_len: int = 1, max_len: int = 2) -> tuple[int, int, str] | None:
        t = self.tok(i)
        if t is not None and t.kind == "num" and min_len <= len(t.text) <= max_len:
            return i + 1, int(t.text), t.text
        return None

    def year(self, i: int) -> tuple[int, int] | None:
        got = self.num(i, 4, 4)
        return (got[0], got[1]) if got else None

    def sep(self, i: int, sep: str) -> int | None:
        """A date separator; "-" and "." must touch the numbers on both sides."""
        t = self.tok(i)
        if t is None or t.kind != "punct" or t.text != sep:
            return None
        if sep == "/":
            return i + 1
        after = self.tok(i + 1)
        if t.glued and after is not None and after.glued:
            return i + 1
        return None

    def connector(self, i: int) -> int | None:
        dash = self.punct(i, _DASHES)
        if dash is not None:
            return dash
        return self.words(i, *_CONNECTOR_WORDS)

    def start_ok(self, i: int) -> bool:
        """A candidate must not start glued to a word, number or slash ("KL15", "2023/15")."""
        t, before = self.tok(i), self.tok(i - 1)
        if t is None or before is None or not t.glued:
            return True
        return before.kind == "punct" and before.text != "/"

    def end_ok(self, j: int) -> bool:
        """A candidate must not end glued to a word or number, nor to "/…" ("12/2023/QĐ")."""
        t = self.tok(j)
        if t is None or not t.glued:
            return True
        if t.kind != "punct":
            return False
        if t.text == "/":
            after = self.tok(j + 1)
            return after is None or not after.glued or after.kind == "punct"
        return True

    # -- values

    def day_value(self, i: int, words_ok: bool) -> tuple[int, int] | None:
        got = self.num(i)
        if got:
            return got[0], got[1]
        if words_ok:
            t = self.tok(i)
            if t is not None and t.kind == "word" and t.text in _NUMBER_WORDS:
                return i + 1, _NUMBER_WORDS[t.text]
        return None

    def month_value(self, i: int) -> tuple[int, int] | None:
        got = self.num(i)
        if got:
            return got[0], got[1]
        best: tuple[int, int] | None = None
        for phrase, value in _MONTH_WORDS.items():
            k = self.words(i, phrase)
            if k is None or (best is not None and k <= best[0]):
                continue
            if phrase == "năm":
                # "tháng năm" is May only when a year follows: "tháng năm năm 2018", "tháng Năm 2018"
                after = self.tok(k)
                bare_year = after is not None and after.kind == "num" and not after.glued
                slash_year = self.punct(k, "/") is not None and self.year(k + 1) is not None
                if self.words(k, "năm") is None and not (slash_year or (bare_year and self.year(k))):
                    continue
            best = (k, value)
        return best

    def year_part(self, i: int) -> tuple[int, int | None] | None:
        """The year after a month: "/2023", "năm 2023", ", năm 2023", "-2023", " 2023", "năm nay"."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "punct" and t.text == "/":
            return self.year(i + 1)
        if t.kind == "punct" and t.text in "-." and t.glued:
            after = self.tok(i + 1)
            if after is not None and after.glued:
                return self.year(i + 1)
            return None
        j = i + 1 if (t.kind == "punct" and t.text == ",") else i
        k = self.words(j, "năm")
        if k is not None:
            got = self.year(k)
            if got:
                return got
            nay = self.words(k, "nay")
            return (nay, None) if nay is not None else None
        if j == i and t.kind == "num" and not t.glued:
            return self.year(i)
        return None

    # make(year) -> the point. Callable[..., _Pt]: callers bind loop values as default arguments, which a
    # Callable[[int | None], _Pt] would refuse.
    def with_year(self, j: int, make: Callable[..., _Pt]) -> tuple[int, _Pt]:
        got = self.year_part(j)
        if got is None:
            return j, make(None)
        return got[0], make(got[1])

    # -- points: yield (end, first, last-or-None)

    def points(self, i: int, *, bare: bool, day_only: int) -> Iterator[tuple[int, _Pt, _Pt | None]]:
        """Every point that starts at ``i``.

        ``bare``: allow a day without "ngày" ("30/9", "10 tháng 12 năm 2025");
        ``day_only``: 0 never, 1 with "ngày"/"mồng" ("ngày 08"), 2 also bare ("từ 08 đến ...").
        """
        yield from self.pt_day(i, bare=bare, day_only=day_only)
        yield from self.pt_month(i)
        yield from self.pt_third(i)
        yield from self.pt_quarter(i)
        yield from self.pt_half(i)
        yield from self.pt_year(i)

    def pt_day(self, i: int, *, bare: bool, day_only: int) -> Iterator[tuple[int, _Pt, None]]:
        j, keyword = i, False
        k = self.words(j, "ngày")
        if k is not None:
            j, keyword = k, True
        k = self.words(j, "mồng", "mùng")
        mong = k is not None
        if k is not None:
            j, keyword = k, True
        got = self.day_value(j, words_ok=mong)
        if got is None:
            return
        j, day = got
        # numeric: 11/9/2019, 01-10-1997, 15.10.2018, 30/9
        for sep in ("/", "-", "."):
            k = self.sep(j, sep)
            if k is None:
                continue
            m = self.num(k)
            if m is None:
                break
            k2, month, _ = m
            k3 = self.sep(k2, sep)
            if k3 is not None:
                y = self.year(k3)
                if y is not None:
                    yield y[0], _Pt("day", year=y[1], month=month, day=day), None
                break  # 30/9/23 is not read
            if sep == "/" and (keyword or bare):
                end, pt = self.with_year(k2, lambda y, m=month: _Pt("day", year=y, month=m, day=day))
                yield end, pt, None
            break
        # long: ngày 03 tháng 4 năm 2018, ngày 03 tháng bốn năm 2018
        if keyword or bare:
            k = self.words(j, "tháng")
            if k is not None:
                m2 = self.month_value(k)
                if m2 is not None:
                    end, pt = self.with_year(m2[0], lambda y: _Pt("day", year=y, month=m2[1], day=day))
                    yield end, pt, None
        if day_only == 2 or (day_only == 1 and keyword):
            yield j, _Pt("day", day=day), None

    def joined(
        self, j: int, keyword: str, value: Callable[[int], tuple[int, int] | None]
    ) -> tuple[int, int] | None:
        """A second value after a connector: "9-10", "9 đến tháng 10", "III và IV"."""
        c = self.connector(j)
        if c is None:
            c = self.words(j, "và")
        if c is None:
            return None
        k = self.words(c, keyword)
        return value(k if k is not None else c)

    def pt_month(self, i: int) -> Iterator[tuple[int, _Pt, _Pt | None]]:
        k = self.words(i, "tháng")
        if k is None:
            return
        m = self.month_value(k)
        if m is None:
            return
        j, month = m
        second = self.joined(j, "tháng", self.month_value)
        if second is not None:
            # the year written once at the end belongs to the second month ("tháng 12-1/2024")
            j2, month2 = second
            end, last = self.with_year(j2, lambda y: _Pt("month", year=y, month=month2))
            yield end, _Pt("month", month=month), last
        end, pt = self.with_year(j, lambda y: _Pt("month", year=y, month=month))
        yield end, pt, None

    def pt_third(self, i: int) -> Iterator[tuple[int, _Pt, None]]:
        for phrase, (gran, index) in _THIRDS.items():
            k = self.words(i, phrase)
            if k is None:
                continue
            k = self.words(k, "của") or k
            k = self.words(k, "tháng")
            if k is None:
                continue
            m = self.month_value(k)
            if m is None:
                continue
            after, month = m
            end, pt = self.with_year(after, lambda y, g=gran, x=index, mo=month: _Pt(g, y, mo, None, x))
            yield end, pt, None

    def quarter_value(self, i: int) -> tuple[int, int] | None:
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num" and len(t.text) <= 2:
            return i + 1, int(t.text)
        if t.kind == "word" and _ROMAN_RE.fullmatch(t.text):
            return i + 1, _ROMAN.get(t.text, -1)
        return None

    def pt_quarter(self, i: int) -> Iterator[tuple[int, _Pt, _Pt | None]]:
        k = self.words(i, "quý", "qúy")
        if k is None:
            return
        q = self.quarter_value(k)
        if q is None:
            return
        j, quarter = q
        label = self.toks[k].text.upper()

        def make(y: int | None, value: int = quarter, lab: str = label) -> _Pt:
            return _Pt("quarter", year=y, index=value, label=lab)

        second = self.joined(j, "quý", self.quarter_value)
        if second is not None:
            j2, quarter2 = second
            label2 = self.toks[j2 - 1].text.upper()
            end, last = self.with_year(j2, lambda y: make(y, quarter2, label2))
            yield end, make(None), last
        end, pt = self.with_year(j, make)
        yield end, pt, None

    def pt_half(self, i: int) -> Iterator[tuple[int, _Pt, None]]:
        six = self.num(i, 1, 1)
        k: int | None = None
        if six is not None and six[1] == 6:
            k = self.words(six[0], "tháng")
        elif self.words(i, "sáu") is not None:
            k = self.words(i + 1, "tháng")
        elif self.words(i, "nửa") is not None:
            k = i + 1
        if k is None:
            return
        for phrase, index in (("đầu", 1), ("cuối", 2)):
            k2 = self.words(k, phrase)
            if k2 is None:
                continue
            k3 = self.words(k2, "năm")
            if k3 is not None:
                y = self.year(k3)
                if y is not None:
                    yield y[0], _Pt("half", year=y[1], index=index), None
                else:
                    nay = self.words(k3, "nay")
                    yield (nay or k3), _Pt("half", index=index), None
            else:
                got = self.year_part(k2)
                if got is not None:
                    yield got[0], _Pt("half", year=got[1], index=index), None

    def pt_year(self, i: int) -> Iterator[tuple[int, _Pt, _Pt | None]]:
        k = self.words(i, "năm", "giai đoạn", "nhiệm kỳ")
        if k is None:
            return
        y = self.year(k)
        if y is None:
            return
        j, year = y
        c = self.connector(j)
        if c is not None:
            c = self.words(c, "năm") or c
            y2 = self.year(c)
            if y2 is not None:
                yield y2[0], _Pt("year", year=year), _Pt("year", year=y2[1])
        yield j, _Pt("year", year=year), None
