"""Time, venue and participants of a plan that organises an event ("III. Thời gian, địa điểm, thành phần")."""

from __future__ import annotations

import re

from danvan.lib import vndates, vntext
from danvan.lib.plandoc import ROLE_TIME_PLACE, Block, DelegateGroup, EventInfo, PlanDocument

from . import vocab
from .structure import walk

MSG_TIME = "Chưa đọc được thời gian tổ chức «{text}»: {problem}"
_LABEL_RE = re.compile(r"^(?P<label>[^:()]{2,50}?)\s*:\s*(?P<rest>.*)$")
_COUNT_RE = re.compile(rf"(?P<n>\d{{1,3}}(?:[.,]\d{{3}})*)\s*{vocab.PERSON_NOUNS}(?![\w])", re.IGNORECASE)


def aspect_of(text: str) -> tuple[str, str] | None:
    """("time" | "venue" | "participants", rest) for "Thời gian: ...", "Địa điểm: ...", "Thành phần: ..."."""
    m = _LABEL_RE.match(text)
    if not m:
        return None
    label = vntext.fold(m["label"])
    for aspect, words in (
        ("time", vocab.EVENT_TIME),
        ("venue", vocab.EVENT_VENUE),
        ("participants", vocab.EVENT_PARTICIPANTS),
    ):
        if any(label == w or label.startswith(w + " ") for w in words):
            return aspect, m["rest"].strip()
    return None


def count_people(text: str) -> int | None:
    """ "(Khoảng 112 đại biểu)" -> 112; "mỗi đơn vị 02 đồng chí" -> 2."""
    m = _COUNT_RE.search(text)
    if not m:
        return None
    return int(re.sub(r"[.,]", "", m["n"]))


def _clean_label(text: str) -> str:
    return text.strip().rstrip(" ;,.").strip()


def read_time(text: str, default_year: int | None, warnings: list[str]) -> vndates.DateWindow | None:
    words = text.strip().rstrip(" .;,")
    if not words:
        return None
    try:
        return vndates.parse_window(words, default_year=default_year)
    except vndates.DateParseError as error:
        found = [
            w for _, _, w in vndates.find_windows(words, default_year=default_year) if w.kind != "unparsed"
        ]
        if found:
            return found[0]
        warnings.append(MSG_TIME.format(text=words, problem=error.message))
        return None


def _groups(block: Block, siblings: list[Block]) -> list[DelegateGroup]:
    members = block.children
    if not members:
        index = next((k for k, b in enumerate(siblings) if b is block), None)
        members = []
        if index is not None:
            for later in siblings[index + 1 :]:
                if later.kind != "bullet":
                    break
                members.append(later)
    return [
        DelegateGroup(label=_clean_label(m.text), quota=count_people(m.text))
        for m in members
        if m.text.strip()
    ]


def find_event(doc: PlanDocument, *, default_year: int | None, warnings: list[str]) -> EventInfo | None:
    """EventInfo from labelled blocks, the time_place sections first; None when the plan names no event."""
    event = EventInfo()
    seen: set[str] = set()
    ordered = sorted(doc.sections, key=lambda s: s.role != ROLE_TIME_PLACE)
    for section in ordered:
        for block, parents in walk(section.blocks):
            found = aspect_of(block.text)
            if found is None:
                continue
            aspect, rest = found
            if aspect in seen:
                continue
            seen.add(aspect)
            if aspect == "time":
                event.time_text = rest.rstrip(" .;")
                event.time = read_time(rest, default_year, warnings)
            elif aspect == "venue":
                event.venue = _clean_label(rest)
            else:
                event.participants_text = rest
                event.participants_total = count_people(rest)
                siblings = parents[-1].children if parents else section.blocks
                event.groups = _groups(block, siblings)
        if section.role == ROLE_TIME_PLACE and "time" not in seen:
            for block, _ in walk(section.blocks):
                windows = [w for _, _, w in vndates.find_windows(block.text, default_year=default_year)]
                if windows:
                    event.time_text = block.text.rstrip(" .;")
                    event.time = windows[0]
                    seen.add("time")
                    break
    has_section = any(s.role == ROLE_TIME_PLACE for s in doc.sections)
    if not seen or (not has_section and len(seen) < 2):
        return None
    return event


__all__ = ["aspect_of", "count_people", "find_event", "read_time"]
