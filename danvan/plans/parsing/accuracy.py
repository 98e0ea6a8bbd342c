"""Compare a parsed plan with the expected one, element by element (for tests and the benchmark).

``compare(expected, actual)`` returns one row per element kind: how many the expected plan has, how many of
those the parser found correctly, and how many it invented (found but not expected, or found wrong). Texts
are compared on ``vntext.fold`` keys (case, accents and spacing do not count); long texts on their first
words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from typing import NamedTuple

from danvan.lib import vntext
from danvan.lib.plandoc import Block, PlanDocument

FIRST_WORDS = 10
HEADER_FIELDS = (
    "doc_type", "type_code", "superior_body", "issuing_body", "number", "symbol", "body_code", "place",
    "issued_on",
)  # fmt: skip


class AccuracyRow(NamedTuple):
    element: str
    expected_count: int
    found_correct: int
    invented: int

    @property
    def recall(self) -> float:
        return self.found_correct / self.expected_count if self.expected_count else 1.0


def _f(text: str | None, words: int | None = None) -> str:
    folded = vntext.fold(text or "")
    return " ".join(folded.split()[:words]) if words else folded


def _window(window) -> tuple:
    if window is None:
        return ()
    return (window.start, window.end, window.kind)


def _row(element: str, expected: Iterable[Hashable], actual: Iterable[Hashable]) -> AccuracyRow:
    want, got = Counter(expected), Counter(actual)
    correct = sum((want & got).values())
    return AccuracyRow(element, sum(want.values()), correct, sum(got.values()) - correct)


def _blocks(doc: PlanDocument) -> list[tuple[str, tuple[str, ...], Block]]:
    out = []

    def walk(blocks: list[Block], section: str, path: tuple[str, ...]) -> None:
        for block in blocks:
            here = (*path, block.label)
            out.append((section, here, block))
            walk(block.children, section, here)

    for section in doc.sections:
        walk(section.blocks, section.label, ())
    return out


def _single(value: Hashable, present: bool) -> list[Hashable]:
    return [value] if present else []


def _header_rows(expected: PlanDocument, actual: PlanDocument) -> AccuracyRow:
    want = [(name, str(getattr(expected, name))) for name in HEADER_FIELDS if getattr(expected, name)]
    got = [(name, str(getattr(actual, name))) for name in HEADER_FIELDS if getattr(actual, name)]
    want.append(("style", expected.style))
    got.append(("style", actual.style))
    return _row("header", want, got)


def compare(expected: PlanDocument, actual: PlanDocument) -> list[AccuracyRow]:
    """One AccuracyRow per element kind."""
    rows = [_header_rows(expected, actual)]
    for name in ("title", "preamble", "closing"):
        e, a = getattr(expected, name), getattr(actual, name)
        rows.append(_row(name, _single(_f(e), bool(e)), _single(_f(a), bool(a))))

    def ref_key(r):
        subject = "" if r.symbol else _f(r.subject, 6)
        return (_f(r.doc_type), r.symbol, r.issued_on, _f(r.issuer), subject)

    rows.append(_row("basis", map(ref_key, expected.basis), map(ref_key, actual.basis)))
    rows.append(
        _row(
            "sections",
            [(s.label, _f(s.title), s.role) for s in expected.sections],
            [(s.label, _f(s.title), s.role) for s in actual.sections],
        )
    )

    def block_key(entry):
        section, path, block = entry
        return (section, path, block.kind, _f(block.text, FIRST_WORDS))

    e_blocks, a_blocks = _blocks(expected), _blocks(actual)
    rows.append(_row("blocks", map(block_key, e_blocks), map(block_key, a_blocks)))

    def task_key(entry):
        section, path, block = entry
        return (section, path, _f(block.lead), tuple(_f(p) for p in block.partners), _window(block.due))

    rows.append(
        _row(
            "tasks",
            [task_key(x) for x in e_blocks if x[2].is_task],
            [task_key(x) for x in a_blocks if x[2].is_task],
        )
    )
    rows.append(_event_row(expected, actual))
    rows.append(
        _row(
            "event_groups",
            [(_f(g.label), g.quota) for g in (expected.event.groups if expected.event else [])],
            [(_f(g.label), g.quota) for g in (actual.event.groups if actual.event else [])],
        )
    )

    def deadline_key(d):
        return (_f(d.what, FIRST_WORDS), _window(d.due), d.form_index)

    rows.append(_row("deadlines", map(deadline_key, expected.deadlines), map(deadline_key, actual.deadlines)))
    rows.append(
        _row(
            "recipients",
            [(_f(r.name), r.purpose) for r in expected.recipients],
            [(_f(r.name), r.purpose) for r in actual.recipients],
        )
    )

    def sig_key(doc):
        s = doc.signature
        return _single((tuple(_f(x) for x in s.authority_lines), _f(s.signer_name)), True) if s else []

    rows.append(_row("signature", sig_key(expected), sig_key(actual)))
    rows.append(
        _row(
            "slogans",
            [(_f(s.heading), _f(s.text)) for s in expected.slogans],
            [(_f(s.heading), _f(s.text)) for s in actual.slogans],
        )
    )

    def form_keys(doc):
        out = []
        for k, form in enumerate(doc.forms):
            out.extend((k, _f(c.label), c.kind) for c in form.columns)
            out.append((k, "title", _f(form.title)))
            out.append((k, "subtitle", _f(form.subtitle)))
            out.append((k, "sample_rows", form.sample_rows))
        return out

    rows.append(_row("forms", form_keys(expected), form_keys(actual)))
    return rows


def _event_row(expected: PlanDocument, actual: PlanDocument) -> AccuracyRow:
    def keys(doc):
        ev = doc.event
        if ev is None:
            return []
        out = []
        if ev.time is not None:
            out.append(("time", _window(ev.time), ev.time.tentative))
        if ev.venue:
            out.append(("venue", _f(ev.venue)))
        if ev.participants_text:
            out.append(("participants", _f(ev.participants_text)))
        if ev.participants_total is not None:
            out.append(("total", ev.participants_total))
        return out

    return _row("event", keys(expected), keys(actual))


def total(rows: list[AccuracyRow]) -> AccuracyRow:
    return AccuracyRow(
        "total",
        sum(r.expected_count for r in rows),
        sum(r.found_correct for r in rows),
        sum(r.invented for r in rows),
    )


def format_table(rows: list[AccuracyRow], *, title: str = "") -> str:
    """A plain-text table: element | expected | correct | invented | recall."""
    rows = [*rows, total(rows)]
    width = max(len(r.element) for r in rows)
    lines = [title] if title else []
    lines.append(f"{'element':<{width}}  expected  correct  invented  recall")
    for r in rows:
        counts = f"{r.expected_count:>8}  {r.found_correct:>7}  {r.invented:>8}  {r.recall:>6.0%}"
        lines.append(f"{r.element:<{width}}  {counts}")
    return "\n".join(lines)


__all__ = ["AccuracyRow", "compare", "format_table", "total"]
