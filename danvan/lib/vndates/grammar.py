"""The parser: at one token, every reading of a whole time expression that the grammar allows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from danvan.lib.vndates.points import _PointParser, _Raw
from danvan.lib.vndates.vocabulary import (
    _ANCHORS,
    _BLANK_FILL,
    _DEADLINE_BY,
    _DEADLINE_VERBS,
    _EVENT_LEADS,
    _NUMBER_WORDS,
    _RANGE_FROM,
    _RECURRING,
    _RELATIVE_LEADS,
    _TAIL_WORDS,
    _TENTATIVE,
    _TENTATIVE_FILLERS,
    _UNITS,
)

# ----------------------------------------------------------------------------------------------
# The parser: at one token, every reading that the grammar allows (longest is chosen later).


class _Parser(_PointParser):
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
            if k2 is not None and t is not None and t.kind == "word" and t.text not in ("mồng", "mùng"):
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
            nth = self.num(k) if k is not None else None
            k = nth[0] if nth else None
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
                yield j, _Raw("relative", tentative=True)
            for j in self.recurring(k):
                yield j, _Raw("recurring", tentative=True)
        end = self.blank(i)
        if end is not None:
            yield end, _Raw("blank")
        for j, raw in self.core(i):
            # "từ ngày 10 đến ngày 15 tháng 12 hằng năm": a window that comes back every year
            again = self.words(j, *_RECURRING)
            if again is not None and self.words(again, "tuần", "tháng", "quý", "năm") is not None:
                yield self.suffix(again + 1, _Raw("recurring"))
            yield self.suffix(j, raw)
        for j in self.unparsed(i):
            yield self.suffix(j, _Raw("relative"))
        for j in self.recurring(i):
            yield self.suffix(j, _Raw("recurring"))

    def suffix(self, j: int, raw: _Raw) -> tuple[int, _Raw]:
        """ "... (dự kiến)" marks the window tentative."""
        k = self.punct(j, "(")
        if k is not None:
            k2 = self.words(k, *_TENTATIVE)
            if k2 is not None and self.punct(k2, ")") is not None:
                return k2 + 1, replace(raw, tentative=True)
        return j, raw
