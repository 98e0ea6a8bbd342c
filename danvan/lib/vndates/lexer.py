"""Text to tokens: the scanning copy of the input (with offsets back into it) and its tokens."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# ----------------------------------------------------------------------------------------------
# Preparing text: NFC, lower case, emphasis removed, with a map back to the original offsets.

_EMPHASIS = "*_`"
_SPACE_LIKE = {ord(c): " " for c in _EMPHASIS + "\u200b\u200c\u200d\u2060\ufeff\u00ad"}
_SPACE_LIKE[ord("ǎ")] = "ă"  # a-caron, used for ă by old Vietnamese fonts
_SPACE_LIKE[ord("ð")] = "đ"  # eth, left behind by VNI conversions


def _prepare(text: str) -> tuple[str, Sequence[int], Sequence[int]]:
    """Return the scanning copy and, per character of it, the original start and end offsets."""
    lowered = text.lower()
    if (
        len(lowered) == len(text)
        and unicodedata.is_normalized("NFC", text)
        and not any(map(unicodedata.combining, text))
    ):
        # the common case: one scanning character per original character
        return lowered.translate(_SPACE_LIKE), range(len(text)), range(1, len(text) + 1)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        lowered = piece.lower()
        if len(lowered) == len(piece):
            piece = lowered
        piece = piece.translate(_SPACE_LIKE)
        pieces.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(pieces), starts, ends


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # "num", "word" or "punct"
    text: str
    start: int
    end: int
    glued: bool  # no space between this token and the one before


_TOKEN_RE = re.compile(r"(?P<num>[0-9]+)|(?P<word>[^\W\d_]+)|(?P<punct>\S)")


def _tokenize(scan: str) -> list[_Tok]:
    toks: list[_Tok] = []
    previous_end = -1
    for m in _TOKEN_RE.finditer(scan):
        kind = m.lastgroup or "punct"
        toks.append(_Tok(kind, m.group(), m.start(), m.end(), m.start() == previous_end))
        previous_end = m.end()
    return toks
