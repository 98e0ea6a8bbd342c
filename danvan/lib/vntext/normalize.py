"""Normalised text: NFC without hidden characters, clean whitespace, tone placement for comparison."""

from __future__ import annotations

import re
import unicodedata

from danvan.lib.vntext.hidden import _ZERO_WIDTH
from danvan.lib.vntext.letters import _LETTER_INFO, _VOWELS, _letter


def nfc(text: str | None) -> str:
    """NFC-normalise; drop the invisible ``HIDDEN_CHARACTERS`` (zero-width, bidi controls, NUL...).
    None gives ""."""
    if text is None:
        return ""
    # Remove first: a zero-width char between a letter and a combining mark would block composition.
    return unicodedata.normalize("NFC", text.translate(_ZERO_WIDTH))


def clean_text(text: str | None) -> str:
    """NFC, whitespace runs collapsed to one space, stripped: for names and titles."""
    return " ".join(nfc(text).split())


_WORD_RE = re.compile(r"[^\W\d_]+")
_OPEN_GLIDE_RHYMES = {("o", "a"), ("o", "e"), ("u", "y")}


def _retone_word(match: re.Match[str]) -> str:
    word = match.group(0)
    if len(word) < 2:
        return word
    first, second = _LETTER_INFO.get(word[-2]), _LETTER_INFO.get(word[-1])
    if first is None or second is None or (first[0], second[0]) not in _OPEN_GLIDE_RHYMES:
        return word
    if first[1] != 0 or second[1] == 0:
        return word
    if len(word) >= 3:
        before = _LETTER_INFO.get(word[-3])
        # "quý", "quỳ": qu is the onset, the tone belongs on y. After another vowel the pair is
        # not the rhyme oa/oe/uy ("khuya" etc.), so leave it.
        if before is None or before[0] == "q" or before[0] in _VOWELS:
            return word
    moved = _letter(first[0], second[1], first[2]) + _letter(second[0], 0, second[2])
    return word[:-2] + moved


def normalize_tone_placement(text: str | None) -> str:
    """Put the tone of open oa/oe/uy on the first vowel: "hoà"->"hòa", "uỷ"->"ủy", "khoẻ"->"khỏe".

    Only for comparison keys; displayed text keeps the author's spelling.
    """
    return _WORD_RE.sub(_retone_word, nfc(text))
