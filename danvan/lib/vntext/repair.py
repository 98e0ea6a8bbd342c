"""Detecting which legacy encoding broke a text, and repairing it to NFC Unicode."""

from __future__ import annotations

import functools
import re

from danvan.lib.vntext.legacy import fix_utf8_read_as_cp1252, tcvn3_to_unicode, vni_to_unicode
from danvan.lib.vntext.letters import _LETTER_INFO
from danvan.lib.vntext.normalize import nfc

# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------

# A permissive model of a Vietnamese syllable (tone removed): onset, then either a nucleus that
# needs a final consonant, a nucleus with an optional final consonant, or a vowel cluster that
# ends the syllable. Good enough to tell real words from decoding garbage.
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|gh|gi|kh|ch|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"(?:"
    r"(?:uyê|iê|yê|uô|ươ|oă|uâ|ă|â)(?P<closed>ch|ng|nh|[cmnpt])"
    r"|(?:oa|oe|uê|uy|uơ|oo|[aeêioôơuưy])(?P<open>ch|ng|nh|[cmnpt])?"
    r"|oai|oay|oao|oeo|uây|uôi|uya|uyu|ươi|ươu|iêu|yêu"
    r"|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu"
    r")"
)
_STOP_FINALS = {"c", "ch", "p", "t"}
_SAC, _NANG = 4, 5
# Legacy bytes and mojibake are all >= 0x80, so ASCII punctuation and spaces are safe word breaks.
_TOKEN_SPLIT_RE = re.compile(r"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")


def _is_syllable(token: str) -> bool:
    start, end = 0, len(token)
    while start < end and not token[start].isalpha():
        start += 1
    while end > start and not token[end - 1].isalpha():
        end -= 1
    if start == end:
        return False
    bases: list[str] = []
    tones: list[int] = []
    for ch in token[start:end].lower():
        info = _LETTER_INFO.get(ch)
        if info is None:
            return False
        bases.append(info[0])
        if info[1]:
            tones.append(info[1])
    if len(tones) > 1:
        return False
    match = _SYLLABLE_RE.fullmatch("".join(bases))
    if match is None:
        return False
    final = match.group("closed") or match.group("open")
    # Syllables closed by c, ch, p, t only take the sắc or nặng tone.
    return final not in _STOP_FINALS or (bool(tones) and tones[0] in (_SAC, _NANG))


def _vietnamese_block_count(text: str) -> int:
    return sum(0x1E00 <= ord(ch) <= 0x1EFF for ch in text)


def detect_legacy_encoding(text: str | None) -> str | None:
    """Guess "tcvn3", "vni" or "utf8-as-cp1252" for broken Vietnamese text; None if it looks fine.

    Decodes each non-ASCII word every way and counts words that only become Vietnamese syllables
    after decoding. Needs at least two such words (one UTF-8 word decoding into the Vietnamese
    block counts double) and few words that decoding would spoil, so ordinary Unicode Vietnamese
    and Western European text are left alone.
    """
    if not text or text.isascii():
        return None
    tokens = [t for t in _TOKEN_SPLIT_RE.split(text) if t and not t.isascii()]
    if not tokens:
        return None
    valid_now = [_known_syllable(t) for t in tokens]
    invalid = [t for t, ok in zip(tokens, valid_now, strict=True) if not ok]
    if not invalid:
        return None  # every word is already Vietnamese: nothing a decoding could gain (the common case)
    valid = [t for t, ok in zip(tokens, valid_now, strict=True) if ok]
    candidates = (
        ("utf8-as-cp1252", fix_utf8_read_as_cp1252),
        ("tcvn3", tcvn3_to_unicode),
        ("vni", vni_to_unicode),
    )
    best: str | None = None
    best_gain = 0
    for name, convert in candidates:
        gain = 0
        for token in invalid:
            converted = convert(token)
            if converted != token and _known_syllable(converted):
                strong = name == "utf8-as-cp1252" and (
                    _vietnamese_block_count(converted) > _vietnamese_block_count(token)
                )
                gain += 2 if strong else 1
        if gain < 2 or gain * 2 < len(invalid) or gain <= best_gain:
            continue
        loss = 0
        for token in valid:
            converted = convert(token)
            if converted != token and not _known_syllable(converted):
                loss += 1
        if loss * 4 <= gain:
            best, best_gain = name, gain
    return best


@functools.lru_cache(maxsize=65536)
def _known_syllable(token: str) -> bool:
    """_is_syllable, remembered: documents repeat the same few thousand words."""
    return _is_syllable(token)


def _looks_like_h_font(text: str) -> bool:
    # In H-font text every ASCII letter is typed in whichever case but drawn as a capital; authors
    # type them upper-case, so "no lower-case ASCII letter at all" marks such a run.
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    return bool(letters) and not any(ch.islower() for ch in letters)


def repair_legacy_text(text: str | None, *, font_name: str | None = None) -> str:
    """Convert legacy-encoded Vietnamese to NFC Unicode; text that is fine comes back as NFC.

    A ".Vn..." font means TCVN3 (capitals if the name ends in "H"), "VNI..." means VNI; any other
    font name means Unicode. Without a font name the encoding is detected.
    """
    text = text or ""
    if font_name is not None:
        name = font_name.strip()
        if name.lower().startswith(".vn"):
            return nfc(tcvn3_to_unicode(text, uppercase_font=name.endswith("H")))
        if name.lower().startswith("vni"):
            return nfc(vni_to_unicode(text))
        return nfc(text)
    encoding = detect_legacy_encoding(text)
    if encoding == "tcvn3":
        return nfc(tcvn3_to_unicode(text, uppercase_font=_looks_like_h_font(text)))
    if encoding == "vni":
        return nfc(vni_to_unicode(text))
    if encoding == "utf8-as-cp1252":
        return nfc(fix_utf8_read_as_cp1252(text))
    return nfc(text)
