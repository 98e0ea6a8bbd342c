"""Keeping every letter on one page: the body spacing tightened as far as the longest letter needs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from danvan.events.documents.invitation.letter import (
    QR_CAPTION_SIZE,
    QR_SIZE_MM,
    SLOTS,
    _body,
    _Piece,
    _slot_texts,
)
from danvan.events.documents.types import Delegate, EventInfo, event_name, line, recipients_block
from danvan.lib.officialdoc.profiles import FormatProfile, text_width_mm

LINE_EM = 1.15  # the height of a single-spaced line of Times New Roman / Liberation Serif, in ems
WRAP_SLACK = 1.05  # word wrapping leaves part of each line empty
PAGE_SAFETY_PT = 12.0
# (line spacing, space after a paragraph) tried in turn until the longest letter fits on a page;
# None keeps the profile's value. The last step is used even when the estimate still overflows.
FIT_STEPS: tuple[tuple[float | None, float | None], ...] = ((None, None), (1.0, None), (1.0, 3.0))


def _lines(pieces: Sequence[_Piece], size: float, width_mm: float, indent_mm: float) -> int:
    used = sum(text_width_mm(piece.text, size, bold=piece.bold) for piece in pieces) * WRAP_SLACK
    return max(1, math.ceil((used + indent_mm) / width_mm))


def _letter_height_pt(
    profile: FormatProfile, event: EventInfo, texts: dict[str, str], *, has_link: bool
) -> float:
    """An estimate of the height of a letter (text metrics, no layout engine)."""
    width = profile.text_width_mm
    header = 3 * profile.issuing_body_size * LINE_EM + 4 + profile.symbol_size * LINE_EM
    summary = (_Piece(line(event.summary) or event_name(event), bold=True),)
    title = profile.title_space_before_pt + profile.doc_type_size * LINE_EM + profile.title_space_after_pt
    title += _lines(summary, profile.summary_size, width, 0) * profile.summary_size * LINE_EM
    line_pt = profile.body_size * LINE_EM * profile.line_spacing
    spacing = profile.paragraph_space_before_pt + profile.paragraph_space_after_pt
    body = sum(
        _lines(para.pieces, profile.body_size, width, profile.first_line_indent_mm) * line_pt + spacing
        for para in _body(profile, event, texts, has_link=has_link)
    )
    recipients = len(recipients_block(profile, event.invitation_recipients, event.archive))
    left = 6 + profile.recipients_heading_size * LINE_EM + recipients * profile.recipient_size * LINE_EM
    if has_link:
        left += 8 + QR_SIZE_MM * 72 / 25.4 + QR_CAPTION_SIZE * LINE_EM
    authority = len([text for text in event.signer_authority if line(text)])
    right = 6 + authority * profile.authority_size * LINE_EM + profile.signature_space_pt
    right += profile.signer_size * LINE_EM
    return header + title + body + max(left, right)


def _longest_texts(profile: FormatProfile, event: EventInfo, delegates: Sequence[Delegate]) -> dict[str, str]:
    """Per slot, the widest text any delegate has (the letter that needs the most room)."""
    longest = {slot: "" for slot in SLOTS}
    for delegate in delegates:
        for slot, text in _slot_texts(profile, event, delegate).items():
            if len(text) > len(longest[slot]):
                longest[slot] = text
    return longest


def fitted_profile(profile: FormatProfile, event: EventInfo, delegates: Sequence[Delegate]) -> FormatProfile:
    """The profile with the body spacing tightened as far as needed for every letter to fit one page."""
    texts = _longest_texts(profile, event, delegates)
    has_link = bool(texts["link"])
    room = (profile.page_height_mm - profile.margin_top_mm - profile.margin_bottom_mm) * 72 / 25.4
    room -= PAGE_SAFETY_PT
    candidate = profile
    for line_spacing, space_after in FIT_STEPS:
        candidate = replace(
            profile,
            line_spacing=profile.line_spacing if line_spacing is None else line_spacing,
            paragraph_space_after_pt=profile.paragraph_space_after_pt if space_after is None else space_after,
        )
        if _letter_height_pt(candidate, event, texts, has_link=has_link) <= room:
            break
    return candidate
