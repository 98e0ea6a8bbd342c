"""Resolution: from the written points of a raw result to days on the calendar."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from danvan.lib.vndates.messages import (
    MAX_YEAR,
    MIN_YEAR,
    MSG_DAY_NOT_EXIST,
    MSG_DAY_ZERO,
    MSG_MONTH_NOT_EXIST,
    MSG_NEED_MONTH,
    MSG_NEED_YEAR,
    MSG_QUARTER_NOT_EXIST,
    MSG_REVERSED,
    MSG_YEAR_INVALID,
)
from danvan.lib.vndates.points import _BLANK, _Placed, _Pt, _Raw
from danvan.lib.vndates.window import _Problem, format_date

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
    if raw.kind in ("unparsed", "recurring", "relative"):
        return _Placed(None, None, raw.kind, raw.tentative)
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
