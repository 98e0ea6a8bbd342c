"""Narrative reports (an outline of headings every unit answers) merged heading by heading, each unit's
text under its name. Pure Python, no Django models."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from danvan.lib.officialdoc import blocks as doc_blocks
from danvan.lib.officialdoc.profiles import FormatProfile, get_profile

from .consolidated import NO_ANSWER_NOTE, OUTLINE_DOC_TYPE, cell_text

__all__ = ["merge_outline", "write_outline_docx"]


def merge_outline(
    *, headings: Sequence[str], answers: Iterable[tuple[str, Mapping[int, str]]]
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every unit's answer to each heading of an outline, heading by heading.

    ``answers`` are ``(unit_name, {heading_index: text})`` in the wanted (tree) order. The result has
    one entry per heading, in the headings' order: ``(heading, [(unit_name, text), ...])`` with the
    units in the order given; empty or blank answers are skipped, and so are answers to an index that
    is not a heading (a unit that answered an older version of the outline).
    """
    merged: list[tuple[str, list[tuple[str, str]]]] = [(cell_text(h), []) for h in headings]
    for unit_name, texts in answers:
        name = " ".join(cell_text(unit_name).split())
        for index, text in sorted(texts.items()):
            if not isinstance(index, int) or not 0 <= index < len(merged):
                continue
            clean = cell_text(text)
            if clean:
                merged[index][1].append((name, clean))
    return merged


_HEADING_LABEL_RE = re.compile(r"^\s*([IVXLC]+)\s*[-.)]\s+(\S.*)$")


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def write_outline_docx(
    *,
    title: str,
    headings: Sequence[str],
    merged: Sequence[tuple[str, Sequence[tuple[str, str]]]],
    profile: str | FormatProfile = "party-2018",
) -> bytes:
    """The merged outline as a DOCX: "TỔNG HỢP" and the title, then heading by heading each unit's
    text under its name in bold (one paragraph per line of its text). A heading written with a Roman
    label ("I- Kết quả") is set in the profile's heading style; other headings in bold as written.
    ``headings`` gives the order; ``merged`` is ``merge_outline``'s result (matched by position).
    """
    profile = get_profile(profile)
    doc = doc_blocks.new_document(profile, title=cell_text(title))
    doc_blocks.add_doc_title(doc, profile, OUTLINE_DOC_TYPE, cell_text(title))
    for position, heading in enumerate(headings):
        entries = merged[position][1] if position < len(merged) else []
        heading = cell_text(heading)
        match = _HEADING_LABEL_RE.match(heading)
        if match:
            doc_blocks.add_heading(doc, profile, match.group(1), match.group(2))
        elif heading:
            doc_blocks.add_body_paragraph(doc, profile, heading, bold=True, keep_with_next=True)
        if not entries:
            doc_blocks.add_body_paragraph(doc, profile, NO_ANSWER_NOTE, italic=True)
        for unit_name, text in entries:
            doc_blocks.add_body_paragraph(doc, profile, f"{unit_name}:", bold=True, keep_with_next=True)
            for paragraph in _paragraphs(text):
                doc_blocks.add_body_paragraph(doc, profile, paragraph)
    return doc_blocks.docx_bytes(doc)
