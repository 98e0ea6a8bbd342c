"""The result of reading a time expression: ``DateWindow``, its error type and date formatting."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from danvan.lib.vndates.messages import (
    _QUOTE_LIMIT,
    BLANK_DATE_LINE,
    DATE_LINE,
    DISPLAY_DEADLINE,
    DISPLAY_OPEN_END,
    DISPLAY_RANGE,
    DISPLAY_TENTATIVE,
    KINDS,
    MSG_REVERSED,
    MSG_STORED,
    MSG_STORED_BAD_DATE,
    MSG_STORED_NOT_MAPPING,
    MSG_WINDOW_FIELDS,
    MSG_WINDOW_KIND,
    MSG_WINDOW_NOT_DATE,
    MSG_WINDOW_TENTATIVE,
    MSG_WINDOW_TEXT,
    WORDS_ONLY,
)

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
    * ``recurring`` – comes back every week, month, quarter or year ("từ ngày 10 đến ngày 15 tháng 12
      hằng năm", "ngày 25 hằng tháng"): words only until a year or month is given (``fix_window``);
    * ``relative`` – counted from another date or event ("trong thời hạn 05 ngày kể từ ngày nhận đơn",
      "trước ngày bầu cử 10 ngày", "đến khi tổ chức thành công Đại hội"): words only until the anchor's
      date is given (``fix_window``);
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
            "recurring": not start_set and not end_set and bool(self.text),
            "relative": not start_set and not end_set and bool(self.text),
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

    @property
    def words_only(self) -> bool:
        """No day on the calendar: recurring, relative or unparsed."""
        return self.kind in WORDS_ONLY

    def _bounds(self) -> tuple[date, date] | None:
        if self.kind in WORDS_ONLY:
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
        if self.kind in WORDS_ONLY:
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
