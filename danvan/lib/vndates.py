"""Vietnamese dates and time expressions as they appear in plans and official documents.

Pure Python, no Django: the module imports without settings. User-visible messages are plain
Vietnamese strings (the ``MSG_*`` constants below); a later pass hooks them into gettext.

What is recognised (case-, NFC/NFD- and markdown-emphasis-insensitive):

====================================================  ===========================================
written                                               window
====================================================  ===========================================
11/9/2019, 01-10-1997, 15.10.2018, ngày 03 tháng      one day (kind ``exact``)
tư năm 2018, ngày mồng 3 tháng 4 năm 2018
15/10/1930 - 15/10/2023, từ ngày 08 đến ngày 10       ``range``; month and year written once at the
tháng 12 năm 2025, từ 08/12 đến 10/12/2025,           end apply to both ends
tháng 9-10/2023, quý III-IV/2023, giai đoạn 2021-2025
từ ngày 11/9/2019 (nothing after)                     ``range`` with an open end
trước ngày 30/9/2023, xong trước ngày ..., chậm       ``deadline``: no start, end = X inclusive
nhất (là) ngày X, hạn chót X, đến hết X               ("trước" is usually meant "by"); "trước"
                                                      a month/quarter/year ends the day before it
thượng/trung/hạ tuần, đầu/giữa/cuối tháng 9/2023      days 1-10 / 11-20 / 21-last (``period``)
tuần đầu / tuần cuối tháng 9/2023                     days 1-7 / the last 7 days
tháng 9/2023, quý IV/2025, 6 tháng đầu năm 2023,      the whole month, quarter, half, year
năm 2023
dự kiến ... / ... (dự kiến)                           the same window with ``tentative=True``
trong thời hạn 05 ngày kể từ ..., ngay sau khi ...,   recognised but not placeable: kind
ngày mồng 3 hằng tháng, 10 ngày làm việc              ``unparsed`` (start and end None)
ngày ..... tháng ..... năm ..... (unsigned draft)     a blank: no date at all
====================================================  ===========================================

``parse_window`` reads one field; ``find_windows`` scans a paragraph and reports offsets into
the text it was given. Nothing the author wrote is lost: every window keeps its words in
``text``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

__all__ = [
    "KINDS",
    "DateParseError",
    "DateWindow",
    "find_windows",
    "format_date",
    "format_vn_date_line",
    "parse_date",
    "parse_window",
]

# ----------------------------------------------------------------------------------------------
# Messages a user can see (Vietnamese; gettext is hooked in later).

MSG_NOT_RECOGNISED = "Không nhận ra thời gian trong «{text}»."
MSG_NOT_TEXT = "Thời gian phải được ghi bằng chữ (nhận được giá trị kiểu {type})."
MSG_DAY_NOT_EXIST = (
    "Ngày {day:02d}/{month:02d}/{year} không tồn tại (tháng {month} năm {year} chỉ có {days} ngày)."
)
MSG_DAY_ZERO = "Ngày {day:02d}/{month:02d}/{year} không tồn tại (ngày trong tháng bắt đầu từ 01)."
MSG_MONTH_NOT_EXIST = "Tháng {month} không tồn tại (chỉ có tháng 1 đến tháng 12)."
MSG_QUARTER_NOT_EXIST = "Quý {quarter} không tồn tại (chỉ có quý I đến quý IV)."
MSG_YEAR_INVALID = "Năm {year} không hợp lệ (năm phải từ 1000 đến 9999)."
MSG_NEED_YEAR = "Chưa ghi năm: vui lòng ghi rõ năm (ví dụ «30/9/2023» hoặc «tháng 9/2023»)."
MSG_NEED_MONTH = "Chưa ghi tháng: vui lòng ghi rõ tháng (ví dụ «từ ngày 08 đến ngày 10 tháng 12 năm 2025»)."
MSG_REVERSED = "Thời gian bắt đầu ({start}) sau thời gian kết thúc ({end})."
MSG_BLANK = "Chưa ghi ngày: văn bản còn để trống ngày tháng (bản dự thảo chưa ký)."
MSG_MULTIPLE = "Có nhiều mốc thời gian trong «{text}»; vui lòng chỉ ghi một mốc hoặc một khoảng thời gian."
MSG_NOT_A_DAY = "«{text}» không phải là một ngày cụ thể; vui lòng ghi một ngày, ví dụ «30/9/2023»."
MSG_YOU_WROTE = "{problem} Đã nhập: «{text}»."

MSG_WINDOW_KIND = "Loại thời gian «{kind}» không hợp lệ (chỉ dùng: exact, range, deadline, period, unparsed)."
MSG_WINDOW_NOT_DATE = "Giá trị «{value}» không phải là một ngày."
MSG_WINDOW_TEXT = "Nội dung thời gian phải là chữ."
MSG_WINDOW_TENTATIVE = "Giá trị «dự kiến» phải là đúng hoặc sai."
MSG_WINDOW_FIELDS = {
    "exact": "Thời gian loại một ngày cần ngày bắt đầu trùng ngày kết thúc.",
    "period": "Thời gian loại giai đoạn cần cả ngày bắt đầu và ngày kết thúc.",
    "range": "Khoảng thời gian cần ngày bắt đầu.",
    "deadline": "Hạn chót cần ngày kết thúc và không có ngày bắt đầu.",
    "unparsed": "Thời gian chưa xác định được ngày cần nội dung chữ và không có ngày cụ thể.",
}
MSG_STORED = "Dữ liệu thời gian đã lưu không hợp lệ: {detail}"
MSG_STORED_NOT_MAPPING = "cần một bảng khoá–giá trị."
MSG_STORED_BAD_DATE = "«{value}» không phải là ngày dạng YYYY-MM-DD."

DISPLAY_DEADLINE = "chậm nhất {end}"
DISPLAY_OPEN_END = "từ {start}"
DISPLAY_TENTATIVE = "dự kiến {body}"
DISPLAY_RANGE = "{start} – {end}"

DATE_LINE = "ngày {day} tháng {month} năm {year}"
BLANK_DATE_LINE = "ngày    tháng    năm      "

KINDS = ("exact", "range", "deadline", "period", "unparsed")

MIN_YEAR = 1000
MAX_YEAR = 9999
_QUOTE_LIMIT = 80


# ----------------------------------------------------------------------------------------------
# The error


class DateParseError(ValueError):
    """The one error type of this module: ``message`` is Vietnamese and quotes the input.

    ``str(error) == error.message``; ``text`` is the input that was being read (when known).
    """

    def __init__(self, message: str, *, text: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.text = text

    def __str__(self) -> str:
        return self.message


class _Problem(Exception):
    """A semantic problem found while resolving one candidate (message without the input)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > _QUOTE_LIMIT:
        return text[: _QUOTE_LIMIT - 1] + "…"
    return text


# ----------------------------------------------------------------------------------------------
# Formatting


def format_date(d: date | None) -> str:
    """``dd/mm/yyyy``; ``""`` for None."""
    if d is None:
        return ""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_vn_date_line(place: str, d: date | None) -> str:
    """The place-and-date line of an official document: "Từ Sơn, ngày 05 tháng 9 năm 2023".

    Days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2023", but
    "ngày 27 tháng 5 năm 2023"). ``d=None`` (an unsigned draft) leaves blanks to fill by hand:
    "Từ Sơn, ngày    tháng    năm      ".
    """
    place = unicodedata.normalize("NFC", place or "").strip()
    if d is None:
        body = BLANK_DATE_LINE
    else:
        month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
        body = DATE_LINE.format(day=f"{d.day:02d}", month=month, year=f"{d.year:04d}")
    if place:
        return f"{place}, {body}"
    return body[:1].upper() + body[1:]


# ----------------------------------------------------------------------------------------------
# The window


def _check_date(value: object) -> None:
    if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
        raise DateParseError(MSG_WINDOW_NOT_DATE.format(value=value))


@dataclass(frozen=True)
class DateWindow:
    """When something happens, as far as the words say.

    ``start``/``end`` are inclusive; None is an open (or unknown) end. ``text`` keeps the
    original words (NFC, stripped). ``kind`` is one of ``KINDS``:

    * ``exact`` – one day (start == end);
    * ``range`` – two written ends (``end`` None: "từ ngày X" with no end);
    * ``deadline`` – by a day: ``start`` None, ``end`` the last day (inclusive);
    * ``period`` – a named period: month, third of a month, week, quarter, half, year;
    * ``unparsed`` – a time expression that cannot be placed on the calendar: words only.
    """

    start: date | None
    end: date | None
    text: str
    tentative: bool = False
    kind: str = "exact"

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise DateParseError(MSG_WINDOW_TEXT)
        object.__setattr__(self, "text", unicodedata.normalize("NFC", self.text).strip())
        _check_date(self.start)
        _check_date(self.end)
        if not isinstance(self.tentative, bool):
            raise DateParseError(MSG_WINDOW_TENTATIVE)
        if self.kind not in KINDS:
            raise DateParseError(MSG_WINDOW_KIND.format(kind=self.kind))
        if self.start is not None and self.end is not None and self.start > self.end:
            raise DateParseError(
                MSG_REVERSED.format(start=format_date(self.start), end=format_date(self.end))
            )
        start_set, end_set = self.start is not None, self.end is not None
        ok = {
            "exact": start_set and self.start == self.end,
            "period": start_set and end_set,
            "range": start_set,
            "deadline": end_set and not start_set,
            "unparsed": not start_set and not end_set and bool(self.text),
        }[self.kind]
        if not ok:
            raise DateParseError(MSG_WINDOW_FIELDS[self.kind])

    # -- constructors

    @classmethod
    def exact(cls, d: date, text: str = "") -> DateWindow:
        """One day; ``text`` defaults to the day written as dd/mm/yyyy."""
        _check_date(d)
        return cls(start=d, end=d, text=text or format_date(d), kind="exact")

    @classmethod
    def unparsed(cls, text: str) -> DateWindow:
        """A time expression kept as words only."""
        return cls(start=None, end=None, text=text, kind="unparsed")

    # -- questions

    @property
    def is_fuzzy(self) -> bool:
        """Anything but one known day."""
        return self.start != self.end or self.kind != "exact"

    def _bounds(self) -> tuple[date, date] | None:
        if self.kind == "unparsed":
            return None
        return (self.start or date.min, self.end or date.max)

    def contains(self, d: date) -> bool:
        """Whether the day falls inside the window (open ends reach out for ever)."""
        if isinstance(d, datetime):
            d = d.date()
        bounds = self._bounds()
        return bounds is not None and bounds[0] <= d <= bounds[1]

    def overlaps(self, other: DateWindow) -> bool:
        """Whether the two windows share at least one day (never for ``unparsed``)."""
        mine, theirs = self._bounds(), other._bounds()
        if mine is None or theirs is None:
            return False
        return mine[0] <= theirs[1] and theirs[0] <= mine[1]

    def display(self) -> str:
        """Short Vietnamese text: "30/09/2023", "11/09/2023 – 20/09/2023", "Chậm nhất 30/09/2023"."""
        if self.kind == "unparsed":
            return self.text
        start, end = format_date(self.start), format_date(self.end)
        if self.kind == "deadline":
            body = DISPLAY_DEADLINE.format(end=end)
        elif self.end is None:
            body = DISPLAY_OPEN_END.format(start=start)
        elif self.start == self.end:
            body = start
        else:
            body = DISPLAY_RANGE.format(start=start, end=end)
        if self.tentative:
            body = DISPLAY_TENTATIVE.format(body=body)
        return body[:1].upper() + body[1:]

    # -- storage

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (ISO dates)."""
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "text": self.text,
            "tentative": self.tentative,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DateWindow:
        """The inverse of ``to_dict``; raises DateParseError on damaged data."""
        if not isinstance(data, Mapping):
            raise DateParseError(MSG_STORED.format(detail=MSG_STORED_NOT_MAPPING))

        def read(key: str) -> date | None:
            value = data.get(key)
            if value is None or value == "":
                return None
            if not isinstance(value, str):
                raise DateParseError(MSG_STORED.format(detail=MSG_STORED_BAD_DATE.format(value=value)))
            try:
                return date.fromisoformat(value)
            except ValueError:
                raise DateParseError(
                    MSG_STORED.format(detail=MSG_STORED_BAD_DATE.format(value=value))
                ) from None

        try:
            return cls(
                start=read("start"),
                end=read("end"),
                text=data.get("text", ""),
                tentative=data.get("tentative", False),
                kind=data.get("kind", "exact"),
            )
        except DateParseError as error:
            raise DateParseError(MSG_STORED.format(detail=error.message)) from None


# ----------------------------------------------------------------------------------------------
# Preparing text: NFC, lower case, emphasis removed, with a map back to the original offsets.

_EMPHASIS = "*_`"
_SPACE_LIKE = {ord(c): " " for c in _EMPHASIS + "\u200b\u200c\u200d\u2060\ufeff\u00ad"}
_SPACE_LIKE[ord("ǎ")] = "ă"  # a-caron, used for ă by old Vietnamese fonts
_SPACE_LIKE[ord("ð")] = "đ"  # eth, left behind by VNI conversions


def _prepare(text: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """Return the scanning copy and, per character of it, the original start and end offsets."""
    lowered = text.lower()
    if (
        len(lowered) == len(text)
        and unicodedata.is_normalized("NFC", text)
        and not any(map(unicodedata.combining, text))
    ):
        # the common case: one scanning character per original character
        return lowered.translate(_SPACE_LIKE), range(len(text)), range(1, len(text) + 1)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        lowered = piece.lower()
        if len(lowered) == len(piece):
            piece = lowered
        piece = piece.translate(_SPACE_LIKE)
        pieces.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(pieces), starts, ends


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "num", "word" or "punct"
    text: str
    start: int
    end: int
    glued: bool  # no space between this token and the one before


_TOKEN_RE = re.compile(r"(?P<num>[0-9]+)|(?P<word>[^\W\d_]+)|(?P<punct>\S)")


def _tokenize(scan: str) -> list[_Tok]:
    toks: list[_Tok] = []
    previous_end = -1
    for m in _TOKEN_RE.finditer(scan):
        kind = m.lastgroup or "punct"
        toks.append(_Tok(kind, m.group(), m.start(), m.end(), m.start() == previous_end))
        previous_end = m.end()
    return toks


# ----------------------------------------------------------------------------------------------
# Vocabulary

_DASHES = frozenset("-–—~‐‑‒−")
_BLANK_FILL = frozenset(".…,:-/")
_NUMBER_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_MONTH_WORDS = {**_NUMBER_WORDS, "mười một": 11, "mười hai": 12}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_RE = re.compile(r"[ivxlc]+")
_THIRDS = {
    "thượng tuần": ("third", 0),
    "trung tuần": ("third", 1),
    "hạ tuần": ("third", 2),
    "đầu": ("third", 0),
    "giữa": ("third", 1),
    "cuối": ("third", 2),
    "tuần đầu": ("week", 0),
    "tuần đầu tiên": ("week", 0),
    "tuần cuối": ("week", 1),
    "tuần cuối cùng": ("week", 1),
}
_DEADLINE_VERBS = ("xong", "hoàn thành", "hoàn tất", "hoàn thiện")
_DEADLINE_BY = (
    "chậm nhất",
    "chậm nhất là",
    "muộn nhất",
    "muộn nhất là",
    "hạn chót",
    "hạn chót là",
    "hạn cuối",
    "hạn cuối là",
    "đến hết",
    "tới hết",
    "từ nay đến",
    "từ nay đến hết",
    "từ nay tới",
    "từ nay tới hết",
    "không muộn hơn",
    "không chậm hơn",
    "không quá",
)
_RANGE_FROM = ("từ", "kể từ", "tính từ", "bắt đầu từ")
_CONNECTOR_WORDS = ("đến", "tới", "cho đến", "cho tới", "đến hết", "tới hết")
_TENTATIVE = ("dự kiến", "dự định")
_TENTATIVE_FILLERS = ("vào", "là", "khoảng", "vào khoảng", "trong", "tổ chức", "thời gian")
_UNITS = ("ngày", "tuần", "tháng", "quý", "năm", "giờ")
_RELATIVE_LEADS = (
    "trong thời hạn",
    "thời hạn",
    "trong hạn",
    "trong vòng",
    "trong khoảng",
    "sau",
    "trước",
    "chậm nhất",
    "chậm nhất là",
    "muộn nhất",
)
_ANCHORS = ("kể từ", "tính từ", "sau khi", "trước khi", "sau", "trước")
_EVENT_LEADS = (
    "ngay sau khi",
    "ngay khi",
    "cho đến khi",
    "cho tới khi",
    "đến khi",
    "tới khi",
    "sau khi",
    "trước khi",
)
_RECURRING = ("hằng", "hàng", "mỗi")
_TAIL_WORDS = 8


@lru_cache(maxsize=512)
def _split(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())


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
# The parser: at one token, every reading that the grammar allows (longest is chosen later).


class _Parser:
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
        first = self.toks[i].text
        best = None
        for phrase in phrases:
            parts = _split(phrase)
            if parts[0] != first:
                continue
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

    def with_year(self, j: int, make: Callable[[int | None], _Pt]) -> tuple[int, _Pt]:
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
                    end, pt = self.with_year(m2[0], lambda y, m=m2[1]: _Pt("day", year=y, month=m, day=day))
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
            end, pt = self.with_year(m[0], lambda y, g=gran, x=index, mo=m[1]: _Pt(g, y, mo, None, x))
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

    # -- expressions: yield (end, _Raw)

    def core(self, i: int) -> Iterator[tuple[int, _Raw]]:
        yield from self.deadline(i)
        yield from self.ranges(i)
        for j, first, last in self.points(i, bare=False, day_only=0):
            if last is None:
                yield j, _Raw("point", first)
            else:
                yield j, _Raw("range", first, last)

    def deadline(self, i: int) -> Iterator[tuple[int, _Raw]]:
        verb = self.words(i, *_DEADLINE_VERBS)
        j = verb if verb is not None else i
        leads: list[tuple[int, str]] = []
        k = self.words(j, "trước")
        if k is not None:
            leads.append((k, "before"))
        k = self.words(j, *_DEADLINE_BY)
        if k is not None:
            leads.append((k, "by"))
        if verb is not None:
            k = self.words(j, "trong")
            if k is not None:
                leads.append((k, "by"))
        for k, mode in leads:
            k = self.punct(k, ":") or k
            k = self.words(k, "vào", "trong", "là") or k
            for end, first, last in self.points(k, bare=True, day_only=0):
                yield end, _Raw("deadline", first, last, mode)

    def ranges(self, i: int) -> Iterator[tuple[int, _Raw]]:
        k = self.words(i, *_RANGE_FROM)
        has_from = k is not None
        start = k if k is not None else i
        if has_from and self.words(start, "nay") is not None:
            return  # "từ nay đến ..." is a deadline
        for j1, p1, p1b in self.points(start, bare=True, day_only=2 if has_from else 1):
            if p1b is not None:
                if has_from:
                    yield j1, _Raw("range", p1, p1b)
                continue
            c = self.connector(j1)
            if c is not None:
                for j2, q1, q2 in self.points(c, bare=True, day_only=2 if has_from else 1):
                    q = q2 or q1
                    if p1.gran == "day" and p1.month is None and q.month is None:
                        continue
                    if q.gran == "day" and q.month is None and p1.month is None:
                        continue
                    yield j2, _Raw("range", p1, q)
            if has_from and not (p1.gran == "day" and p1.month is None):
                yield j1, _Raw("open", p1)

    # -- words we recognise but cannot place

    def starts_placeable(self, i: int) -> bool:
        if i not in self._starts_memo:
            self._starts_memo[i] = self.start_ok(i) and next(self.core(i), None) is not None
        return self._starts_memo[i]

    def tail(self, k: int, *, swallow: bool) -> int:
        """The rest of a clause: up to a few words, stopping at punctuation.

        Unless ``swallow``, it also stops where a placeable expression starts.
        """
        j, count = k, 0
        while j < self.n and count < _TAIL_WORDS:
            t = self.toks[j]
            if not swallow and self.starts_placeable(j):
                break
            if t.kind in ("word", "num"):
                count += 1
                j += 1
                continue
            after = self.tok(j + 1)
            inner = j > k and t.glued and after is not None and after.glued and after.kind != "punct"
            if t.text in "/-.:" and inner:
                j += 1
                continue
            break
        return j

    def duration(self, i: int) -> tuple[int, bool] | None:
        """ "05 ngày", "10 ngày làm việc", "ba tháng"; returns (end, working days)."""
        got = self.num(i, 1, 3)
        k = got[0] if got else self.words(i, *_NUMBER_WORDS)
        if k is None:
            return None
        k = self.words(k, *_UNITS)
        if k is None:
            return None
        working = self.words(k, "làm việc")
        return (working, True) if working is not None else (k, False)

    def after_duration(self, j: int) -> int:
        anchor = self.words(j, *_ANCHORS)
        if anchor is not None:
            return self.tail(anchor, swallow=True)
        return self.tail(j, swallow=False)

    def unparsed(self, i: int) -> Iterator[int]:
        # trong thời hạn 05 ngày kể từ ngày nhận đơn; sau 10 ngày ...
        k = self.words(i, *_RELATIVE_LEADS)
        if k is not None:
            d = self.duration(k)
            if d is not None and self.words(d[0], "đầu", "cuối", "giữa") is None:
                yield self.after_duration(d[0])
        # 10 ngày làm việc; 05 ngày kể từ ...
        d = self.duration(i)
        if d is not None and (d[1] or self.words(d[0], *_ANCHORS) is not None):
            yield self.after_duration(d[0])
        # kể từ ngày nhận đơn
        k = self.words(i, "kể từ", "tính từ")
        if k is not None:
            k2 = self.words(k, "ngày", "khi", "lúc", "thời điểm")
            t = self.tok(k2) if k2 is not None else None
            if t is not None and t.kind == "word" and t.text not in ("mồng", "mùng"):
                yield self.tail(k2, swallow=False)
        # ngay sau khi kết thúc hội nghị; đến khi tổ chức thành công Đại hội XIV
        k = self.words(i, *_EVENT_LEADS)
        if k is not None:
            end = self.tail(k, swallow=False)
            if end > k:
                yield end
        # trước ngày bầu cử 10 ngày
        k = self.words(i, "trước ngày", "sau ngày")
        if k is not None:
            t = self.tok(k)
            if t is not None and t.kind == "word" and t.text not in ("mồng", "mùng"):
                yield self.tail(k, swallow=False)
        yield from self.recurring(i)

    def recurring(self, i: int) -> Iterator[int]:
        # hằng tháng, hàng năm, mỗi quý
        k = self.words(i, *_RECURRING)
        if k is not None:
            k2 = self.words(k, "ngày", "tuần", "tháng", "quý", "năm")
            if k2 is not None:
                yield k2
        # (vào) ngày mồng 3 (tháng 4) hằng tháng/năm; tháng 9 hằng năm
        j = self.words(i, "vào") or i
        j = self.words(j, "ngày") or j
        mong = self.words(j, "mồng", "mùng")
        got = self.day_value(mong or j, words_ok=mong is not None)
        after_day = got[0] if got else None
        if after_day is not None:
            k = self.words(after_day, "tháng")
            m = self.month_value(k) if k is not None else None
            for pos in (after_day, m[0] if m else None):
                if pos is None:
                    continue
                r = self.words(pos, *_RECURRING)
                if r is not None:
                    r2 = self.words(r, "tháng", "năm")
                    if r2 is not None:
                        yield r2
        k = self.words(i, "tháng")
        m = self.month_value(k) if k is not None else None
        if m is not None:
            r = self.words(m[0], *_RECURRING)
            if r is not None and self.words(r, "năm") is not None:
                yield r + 1
        # định kỳ hằng tháng; định kỳ 6 tháng
        k = self.words(i, "định kỳ")
        if k is not None:
            k2 = self.words(k, *_RECURRING) or k
            amount = self.num(k2, 1, 3)
            k3 = self.words(amount[0] if amount else k2, "ngày", "tuần", "tháng", "quý", "năm")
            if k3 is not None:
                yield k3
        # tuần cuối cùng của tháng thứ 3 trong quý; tháng thứ 3 của quý
        k = self.words(i, "tuần đầu", "tuần cuối", "tuần đầu tiên", "tuần cuối cùng", "ngày đầu", "ngày cuối")
        if k is None:
            k = self.words(i, "tuần thứ")
            k = self.num(k)[0] if k is not None and self.num(k) else None
        if k is not None:
            k = self.words(k, "của", "trong")
            if k is not None:
                end = self.nth_month_of(k)
                if end is not None:
                    yield end
                k2 = self.words(k, "tháng", "tuần", "quý", "năm")
                if k2 is not None:
                    t = self.tok(k2)
                    if t is None or t.kind != "num":
                        yield k2
        end = self.nth_month_of(i)
        if end is not None:
            yield end

    def nth_month_of(self, i: int) -> int | None:
        """ "tháng thứ 3 trong quý", "tháng cuối của quý"."""
        k = self.words(i, "tháng thứ", "tháng đầu", "tháng cuối", "tháng cuối cùng", "tháng giữa")
        if k is None:
            return None
        if self.words(i, "tháng thứ") == k:
            got = self.num(k)
            if got is None:
                return None
            k = got[0]
        k2 = self.words(k, "trong", "của")
        if k2 is None:
            return None
        return self.words(k2, "quý", "năm")

    # -- blanks of an unsigned draft: "ngày..... tháng.....năm.....", "ngày tháng 01 năm 2026"

    def skip_fill(self, i: int) -> int:
        while True:
            nxt = self.punct(i, _BLANK_FILL)
            if nxt is None:
                return i
            i = nxt

    def blank(self, i: int) -> int | None:
        k = self.words(i, "ngày")
        if k is None:
            return None
        j = self.skip_fill(k)
        day = self.num(j)
        j = self.skip_fill(day[0] if day else j)
        k = self.words(j, "tháng")
        if k is None:
            return None
        j = self.skip_fill(k)
        month = self.num(j)
        j = self.skip_fill(month[0] if month else j)
        k = self.words(j, "năm")
        year_ok = True
        if k is not None:
            if self.words(k, "nay") is not None:
                return None
            j = self.skip_fill(k)
            year = self.num(j, 1, 4)
            year_ok = year is not None and len(self.toks[j].text) == 4
            j = self.skip_fill(year[0] if year else j)
        if day is not None and month is not None and year_ok:
            return None
        # trailing fill belongs to the blank; a trailing comma does not
        while j > i + 1 and self.toks[j - 1].text in ",:":
            j -= 1
        return j

    # -- everything at one token

    def attempts(self, i: int) -> Iterator[tuple[int, _Raw]]:
        k = self.words(i, *_TENTATIVE)
        if k is not None:
            k = self.punct(k, ":") or k
            for _ in range(3):
                nxt = self.words(k, *_TENTATIVE_FILLERS)
                if nxt is None:
                    break
                k = nxt
            for j, raw in self.core(k):
                yield self.suffix(j, replace(raw, tentative=True))
            for j in self.unparsed(k):
                yield j, _Raw("unparsed", tentative=True)
        end = self.blank(i)
        if end is not None:
            yield end, _Raw("blank")
        for j, raw in self.core(i):
            yield self.suffix(j, raw)
        for j in self.unparsed(i):
            yield self.suffix(j, _Raw("unparsed"))

    def suffix(self, j: int, raw: _Raw) -> tuple[int, _Raw]:
        """ "... (dự kiến)" marks the window tentative."""
        k = self.punct(j, "(")
        if k is not None:
            k2 = self.words(k, *_TENTATIVE)
            if k2 is not None and self.punct(k2, ")") is not None:
                return k2 + 1, replace(raw, tentative=True)
        return j, raw


# ----------------------------------------------------------------------------------------------
# Resolution: from written points to days


def _with_year(p: _Pt, default_year: int | None) -> _Pt:
    if p.year is not None:
        return p
    if default_year is None:
        raise _Problem(MSG_NEED_YEAR)
    return replace(p, year=default_year)


def _bounds(p: _Pt) -> tuple[date, date]:
    y = p.year
    if y is None:
        raise _Problem(MSG_NEED_YEAR)
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise _Problem(MSG_YEAR_INVALID.format(year=f"{y:04d}"))
    if p.gran in ("day", "month", "third", "week"):
        if p.month is None:
            raise _Problem(MSG_NEED_MONTH)
        if not 1 <= p.month <= 12:
            raise _Problem(MSG_MONTH_NOT_EXIST.format(month=p.month))
        last = calendar.monthrange(y, p.month)[1]
        if p.gran == "day":
            day = p.day or 0
            if day < 1:
                raise _Problem(MSG_DAY_ZERO.format(day=day, month=p.month, year=y))
            if day > last:
                raise _Problem(MSG_DAY_NOT_EXIST.format(day=day, month=p.month, year=y, days=last))
            d = date(y, p.month, day)
            return d, d
        if p.gran == "month":
            return date(y, p.month, 1), date(y, p.month, last)
        if p.gran == "third":
            first_day, last_day = ((1, 10), (11, 20), (21, last))[p.index]
            return date(y, p.month, first_day), date(y, p.month, last_day)
        # week
        if p.index == 0:
            return date(y, p.month, 1), date(y, p.month, 7)
        return date(y, p.month, last - 6), date(y, p.month, last)
    if p.gran == "quarter":
        if not 1 <= p.index <= 4:
            raise _Problem(MSG_QUARTER_NOT_EXIST.format(quarter=p.label))
        first_month = 3 * p.index - 2
        last_month = first_month + 2
        return date(y, first_month, 1), date(y, last_month, calendar.monthrange(y, last_month)[1])
    if p.gran == "half":
        if p.index == 1:
            return date(y, 1, 1), date(y, 6, 30)
        return date(y, 7, 1), date(y, 12, 31)
    return date(y, 1, 1), date(y, 12, 31)


def _shift_month(p: _Pt, step: int) -> _Pt:
    month = (p.month or 1) + step
    year = p.year or MIN_YEAR
    if month < 1:
        month, year = 12, year - 1
    elif month > 12:
        month, year = 1, year + 1
    return replace(p, month=month, year=year)


def _resolve_pair(p1: _Pt, p2: _Pt, default_year: int | None) -> tuple[date, date]:
    inherited: list[str] = []
    if p1.year is None and p2.year is not None:
        p1, inherited = replace(p1, year=p2.year), [*inherited, "year1"]
    elif p2.year is None and p1.year is not None:
        p2, inherited = replace(p2, year=p1.year), [*inherited, "year2"]
    elif p1.year is None and p2.year is None:
        p1, p2 = _with_year(p1, default_year), _with_year(p2, default_year)
        inherited.append("year2")
    if p1.gran == "day" and p1.month is None:
        p1, inherited = replace(p1, month=p2.month), ["month1", *inherited]
    if p2.gran == "day" and p2.month is None:
        p2, inherited = replace(p2, month=p1.month), ["month2", *inherited]
    start, _ = _bounds(p1)
    _, end = _bounds(p2)
    if start > end and inherited:
        how = inherited[0]
        if how == "month1":
            p1 = _shift_month(p1, -1)
        elif how == "month2":
            p2 = _shift_month(p2, 1)
        elif how == "year1":
            p1 = replace(p1, year=(p1.year or MIN_YEAR) - 1)
        else:
            p2 = replace(p2, year=(p2.year or MIN_YEAR) + 1)
        start, _ = _bounds(p1)
        _, end = _bounds(p2)
    if start > end:
        raise _Problem(MSG_REVERSED.format(start=format_date(start), end=format_date(end)))
    return start, end


def _resolve(raw: _Raw, default_year: int | None) -> _Placed | object:
    if raw.kind == "blank":
        return _BLANK
    if raw.kind == "unparsed":
        return _Placed(None, None, "unparsed", raw.tentative)
    first = raw.first
    assert first is not None
    if raw.kind == "point":
        p = _with_year(first, default_year)
        start, end = _bounds(p)
        return _Placed(start, end, "exact" if p.gran == "day" else "period", raw.tentative)
    if raw.kind == "range":
        assert raw.last is not None
        start, end = _resolve_pair(first, raw.last, default_year)
        return _Placed(start, end, "range", raw.tentative)
    if raw.kind == "open":
        start, _ = _bounds(_with_year(first, default_year))
        return _Placed(start, None, "range", raw.tentative)
    # deadline
    if raw.last is not None:
        start, end = _resolve_pair(first, raw.last, default_year)
        one_day = False
    else:
        p = _with_year(first, default_year)
        start, end = _bounds(p)
        one_day = p.gran == "day"
    if raw.mode == "before" and not one_day:
        end = start - timedelta(days=1)
    return _Placed(None, end, "deadline", raw.tentative)


# ----------------------------------------------------------------------------------------------
# Scanning


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
    while i < parser.n:
        if not parser.start_ok(i):
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
    placed = [f.outcome for f in found if isinstance(f.outcome, _Placed) and f.outcome.kind != "unparsed"]
    unparsed = [f.outcome for f in found if isinstance(f.outcome, _Placed) and f.outcome.kind == "unparsed"]
    blanks = [f for f in found if f.outcome is _BLANK]
    mentions_tentative = any(parser.words(i, *_TENTATIVE) is not None for i in range(parser.n))
    if len(placed) > 1:
        raise DateParseError(MSG_MULTIPLE.format(text=_quote(original)), text=original)
    if placed:
        p = placed[0]
        return DateWindow(p.start, p.end, original, p.tentative or mentions_tentative, p.kind)
    if unparsed:
        return DateWindow(None, None, original, mentions_tentative, "unparsed")
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
