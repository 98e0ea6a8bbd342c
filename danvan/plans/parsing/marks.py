"""Every deadline and event day a reader sees, with its window (``PlanDocument.marks``), and the events of
a plan that holds several (three consultation conferences, each with its planned and latest day).

Not marks: the dates of cited documents ("Kế hoạch số 87/KH-UBND ngày 20/11/2025"), terms and periods of
several years ("nhiệm kỳ 2026 - 2031", "giai đoạn 2021 - 2025", an anniversary "15/10/1930 -
15/10/2025"), a whole calendar year ("năm 2026": the scope of the plan), and a duration written just
before the range it explains ("10 ngày làm việc (từ ... đến ...)")."""

from __future__ import annotations

import re
from datetime import date

from danvan.lib import vndates
from danvan.lib.plandoc import Block, EventInfo, PlanDocument, TimeMark

from . import event as event_rules
from .doubts import task_where
from .structure import walk

REASON_WORDS = "Thời gian tính theo mốc khác hoặc lặp lại: chưa có ngày cụ thể."
REASON_NO_YEAR = "Không ghi năm: đã lấy năm của văn bản."
MAX_MARK_DAYS = 366
_CITED_RE = re.compile(
    r"(?:Luật|Bộ\s+luật|Hiến\s+pháp|Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Chỉ\s+thị|Kết\s+luận|Kế\s+hoạch"
    r"|Hướng\s+dẫn|Chương\s+trình|Thông\s+báo|Thông\s+tư|Thông\s+tri|Công\s+văn|Quy\s+định|Quy\s+chế|Đề\s+án"
    r"|Báo\s+cáo|Tờ\s+trình|Văn\s+bản)\b[^.;:()]{0,90}$"
)
_SYMBOL_BEFORE_RE = re.compile(r"\d+\s*[-/]\s*[A-ZĐ][\w\-/]*\s*,?\s*(?:ngày\s*)?$")
_TERM_BEFORE_RE = re.compile(
    r"(?:nhiệm\s+kỳ|giai\s+đoạn|khóa|khoá|niên\s+khóa|năm\s+học)\s*:?\s*$", re.IGNORECASE
)
_YEAR_WRITTEN_RE = re.compile(r"\d{4}")


def _is_year(window: vndates.DateWindow) -> bool:
    return (
        window.start is not None
        and window.end is not None
        and (window.start.month, window.start.day, window.end.month, window.end.day) == (1, 1, 12, 31)
    )


def is_mark(text: str, start: int, window: vndates.DateWindow) -> bool:
    if window.kind == "unparsed":
        return False
    before = text[max(0, start - 110) : start]
    if _TERM_BEFORE_RE.search(before):
        return False
    if window.kind == "exact" and (_SYMBOL_BEFORE_RE.search(before) or _CITED_RE.search(before)):
        return False
    if window.start and window.end and (window.end - window.start).days > MAX_MARK_DAYS:
        return False
    return not _is_year(window)


_WRITTEN_DAY_RE = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}")


def anchored(window: vndates.DateWindow) -> vndates.DateWindow:
    """A relative window whose anchor day is written in it ("trong thời hạn 05 ngày kể từ ngày 11/9/2023")
    becomes the fixed window; the words are kept."""
    if window.kind != "relative":
        return window
    m = _WRITTEN_DAY_RE.search(window.text)
    if m is None:
        return window
    try:
        return vndates.fix_window(window, vndates.parse_date(m.group(0)))
    except vndates.DateParseError:
        return window


def merge_adjacent(text: str, found: list) -> list:
    """ "Quý IV/2025 và Quý I/2026", "tháng 11 và tháng 12/2025": one window over both when they touch."""
    out: list = []
    for start, end, found_window in found:
        window = anchored(found_window)
        if out:
            p_start, p_end, prev = out[-1]
            between = text[p_end:start]
            if (
                re.fullmatch(r"\s*(?:và|,|-|–)\s*", between)
                and prev.kind in ("period", "range")
                and window.kind in ("period", "range")
                and prev.end is not None
                and window.start is not None
                and (window.start - prev.end).days == 1
            ):
                merged = vndates.DateWindow(
                    prev.start, window.end, text[p_start:end], prev.tentative or window.tentative, "period"
                )
                out[-1] = (p_start, end, merged)
                continue
        out.append((start, end, window))
    return out


_NARRATIVE_RE = re.compile(
    r"^sau\s+khi\s+(?:nghe|xem\s+xét|thảo\s+luận|trao\s+đổi|nghiên\s+cứu|được|có\s+ý\s+kiến)", re.IGNORECASE
)


# A time expression has a digit, or one of these words (a quarter, a recurring or a relative window);
# text without any is not scanned at all, which keeps a long plan's body cheap.
_MAY_HOLD_TIME_RE = re.compile(
    # a bare "năm 2026" is the scope of a plan, never a mark: it alone does not open a stretch
    r"(?<!\d)(?<!năm\s)(?<!Năm\s)(?<!NĂM\s)\d+"
    r"|quý|hằng|hàng\s+(?:tuần|tháng|quý|năm)|mỗi\s+(?:tuần|tháng|quý|năm)|định\s+kỳ|\bkhi\b|kể\s+từ|tính\s+từ"
    r"|thượng\s+tuần|trung\s+tuần|hạ\s+tuần|tháng\s+(?:giêng|chạp|một|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)",
    re.IGNORECASE,
)


BEFORE_CHARS, AFTER_CHARS = 45, 70  # how far a time expression reaches around its digit or keyword


def _regions(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around digits and time words, merged, snapped to spaces: only these are
    scanned, so the cost follows the number of dates, not the length of the prose around them."""
    out: list[tuple[int, int]] = []
    for m in _MAY_HOLD_TIME_RE.finditer(text):
        start = max(0, m.start() - BEFORE_CHARS)
        end = min(len(text), m.end() + AFTER_CHARS)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    snapped = []
    for start, end in out:
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < end else start
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
        snapped.append((start, end))
    return snapped


def windows_in(text: str, default_year: int | None) -> list[tuple[int, int, vndates.DateWindow]]:
    found: list[tuple[int, int, vndates.DateWindow]] = []
    for start, end in _regions(text):
        for s, e, window in vndates.find_windows(text[start:end], default_year=default_year):
            found.append((start + s, start + e, window))
    return found


def marks_in(text: str, default_year: int | None) -> list[tuple[int, int, vndates.DateWindow]]:
    found = merge_adjacent(text, windows_in(text, default_year))
    out = []
    for k, (start, end, window) in enumerate(found):
        if not is_mark(text, start, window):
            continue
        # "Sau khi nghe báo cáo, ... kết luận": how a meeting went, not when something is due
        if window.kind == "relative" and _NARRATIVE_RE.match(window.text):
            continue
        following = found[k + 1] if k + 1 < len(found) else None
        # "10 ngày làm việc (từ ... đến ...)": the range says it all
        if (
            window.kind == "relative"
            and following is not None
            and not following[2].words_only
            and re.fullmatch(r"\s*\(?\s*", text[end : following[0]])
        ):
            continue
        out.append((start, end, window))
    return out


def _mark(window: vndates.DateWindow, what: str, where: str, role: str) -> TimeMark:
    reasons, confidence = [], 1.0
    if window.words_only:
        reasons.append(REASON_WORDS)
        confidence = 0.6
    elif not _YEAR_WRITTEN_RE.search(window.text):
        reasons.append(REASON_NO_YEAR)
        confidence = 0.7
    return TimeMark(window, what[:160], where, role, confidence, " ".join(reasons))


def _reviewed_period(window: vndates.DateWindow, issued_on) -> bool:
    """A quarter or month already over when the document was issued ("sơ kết công tác quý IV/2025" in
    January 2026) is what the document looks back on, not a deadline or an event day."""
    return (
        window.kind == "period"
        and issued_on is not None
        and window.end is not None
        and window.end < issued_on
    )


def collect(doc: PlanDocument, default_year: int | None) -> list[TimeMark]:
    out: list[TimeMark] = []
    if doc.preamble:
        for _s, _e, window in marks_in(doc.preamble, default_year):
            if not _reviewed_period(window, doc.issued_on):
                out.append(_mark(window, doc.preamble, "", "deadline"))
    for section in doc.sections:
        for block, parents in walk(section.blocks):
            where = task_where(section.label, parents, block)
            texts = [c for c in block.cells if c] if block.is_task and block.cells else [block.text]
            for text in texts:
                for _s, _e, window in marks_in(text, default_year):
                    if _reviewed_period(window, doc.issued_on):
                        continue
                    role = "deadline" if window.kind == "deadline" else "event"
                    out.append(_mark(window, block.text, where, role))
    return out


# ---------------------------------------------------------------------------------------------
# Several events


def _named_event(block: Block, default_year: int | None) -> EventInfo | None:
    """An item naming a conference with its time: "1. Hội nghị hiệp thương lần thứ nhất" and a "Thời gian:"
    line under it, or all on one line ("...: dự kiến ngày 04/02/2026 (chậm nhất ngày 06/02/2026), tại
    ...")."""
    head = block.text.split(":")[0]
    if not re.match(
        r"^(?:Tổ\s+chức\s+)?(?:Hội\s+nghị|Hội\s+thảo|Hội\s+thi|Đại\s+hội|Lễ|Ngày\s+hội|Phiên|Buổi)\b",
        head,
        re.IGNORECASE,
    ):
        return None
    texts = [block.text] + [c.text for c in block.children]
    windows: list[vndates.DateWindow] = []
    venue = ""
    time_text = ""
    for text in texts:
        aspect = event_rules.aspect_of(text)
        if aspect and aspect[0] == "venue":
            venue = aspect[1].rstrip(" .;")
            continue
        for start, _end, window in marks_in(text, default_year):
            if not windows:
                time_text = text[start:].rstrip(" .;")
            windows.append(window)
        if "tại " in text and not venue and text is block.text:
            venue = text.split("tại ", 1)[1].rstrip(" .;")
    if not windows:
        return None
    planned = next((w for w in windows if w.kind != "deadline"), windows[0])
    latest = next((w for w in windows if w is not planned and (w.kind == "deadline" or w.words_only)), None)
    return EventInfo(time=planned, time_text=time_text, venue=venue, name=head.strip(" .;:"), latest=latest)


def find_events(doc: PlanDocument, default_year: int | None) -> list[EventInfo]:
    found: list[EventInfo] = []
    for section in doc.sections:
        for block, _parents in walk(section.blocks):
            if block.is_task or block.kind != "item":
                continue
            event = _named_event(block, default_year)
            if event is not None:
                found.append(event)
    return found if len(found) >= 2 else []


def anchor_day(doc: PlanDocument) -> date | None:
    return doc.issued_on


__all__ = ["collect", "find_events", "is_mark", "marks_in", "merge_adjacent"]
