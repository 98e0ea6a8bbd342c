"""The facts of a corpus document, from which its text is written in several layouts and its expected
structure is derived: one source of truth per document, so a layout can never drift from its expectation.

Every document of the corpus is written by us (fictional units, numbers, dates and people)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# A time mark a reader sees: (kind, start, end). Recurring and relative windows have no fixed days.
Mark = tuple[str, date | None, date | None]


def exact(d: date) -> Mark:
    return ("exact", d, d)


def span(a: date, b: date) -> Mark:
    return ("range", a, b)


def by(d: date) -> Mark:
    return ("deadline", None, d)


def period(a: date, b: date) -> Mark:
    return ("period", a, b)


RECURRING: Mark = ("recurring", None, None)
RELATIVE: Mark = ("relative", None, None)


@dataclass
class Task:
    """A work item: what, who leads (one or several units, a group or a role), who helps, by when."""

    what: str  # starts with a lower-case verb: "xây dựng kế hoạch ..."
    leads: list[str]
    partners: list[str] = field(default_factory=list)
    due_text: str = ""  # as written: "chậm nhất ngày 15/01/2026"
    due: Mark | None = None
    result: str = ""  # "Kết quả / sản phẩm" column


@dataclass
class Event:
    """A dated event of the plan (a conference): its name, when (words and mark) and where."""

    name: str
    when_text: str
    when: Mark
    venue: str = ""
    latest_text: str = ""  # "chậm nhất ngày ..." (the latest allowed day)
    latest: Mark | None = None


@dataclass
class Timed:
    """A content paragraph holding time marks a reader sees (not a task)."""

    text: str
    marks: list[Mark] = field(default_factory=list)


@dataclass
class Section:
    title: str  # "MỤC ĐÍCH, YÊU CẦU"
    items: list = field(default_factory=list)  # str | Timed | Task | Event | list[str] (bullets)
    numbered: bool = True  # str items get "1.", "2." labels


@dataclass
class Facts:
    key: str
    style: str  # "party" | "state" | "front"
    superior: str  # "HUYỆN ỦY ĐÔNG KHÊ" / "ỦY BAN NHÂN DÂN"
    issuer: str  # "BAN DÂN VẬN" / "XÃ TÂN PHƯỚC"
    symbol: str  # "45-KH/BDVHU" / "212/KH-UBND"
    place: str
    issued_on: date | None
    doc_type: str  # "KẾ HOẠCH"
    title: str
    preamble: str
    sections: list[Section]
    closing: str
    recipients: list[tuple[str, str]]  # (line as written without the dash, expected name)
    authority: list[str]
    signer: str
    task_layout: str = "prose"  # "prose" | "labelled" | "table"
    heading_style: str = "roman-dash"  # "roman-dash" (I-) | "roman-dot" (I.) | "arabic" (1. CAPS)

    def tasks(self) -> list[Task]:
        return [it for s in self.sections for it in s.items if isinstance(it, Task)]

    def events(self) -> list[Event]:
        return [it for s in self.sections for it in s.items if isinstance(it, Event)]


@dataclass
class Expected:
    """What a reader sees at once, the yardstick of the benchmark (see parsing.accuracy.score)."""

    doc_type: str
    symbol: str
    issued_on: date | None
    signer: tuple[tuple[str, ...], str] | None  # (authority lines, name)
    recipients: list[str]
    marks: list[Mark]  # every deadline and event day
    tasks: list[tuple[str, tuple[str, ...]]]  # (first words of the task, leads)
    events: int = 0
    task_dues: list[Mark | None] = field(default_factory=list)  # per task, when the facts say (else empty)
