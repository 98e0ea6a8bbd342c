"""Legacy 8-bit encodings of Vietnamese (TCVN3, VNI Windows) and UTF-8 read as cp1252 (mojibake).

Legacy text is expected as the characters a Latin-1/cp1252 reader shows for its bytes (which is how it
arrives from Word runs)."""

from __future__ import annotations

import contextlib
import re
import unicodedata

from danvan.lib.vntext.letters import _VOWELS, ALL_LETTERS, _compose

# ---------------------------------------------------------------------------------------------
# TCVN3 (TCVN 5712:1993 VN3, "ABC" fonts .VnTime / .VnTimeH)
# ---------------------------------------------------------------------------------------------

# Byte of each lower-case letter, per tone: none, huyền, hỏi, ngã, sắc, nặng (None = plain ASCII).
_TCVN3_LOWER: dict[str, tuple[int | None, int, int, int, int, int]] = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
# The seven capitals without tone that the lower-case font has, and đ.
_TCVN3_OTHER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7, "đ": 0xAE}


def _build_tcvn3() -> tuple[dict[int, str], dict[int, str]]:
    decode: dict[int, str] = {}
    for base, codes in _TCVN3_LOWER.items():
        for tone, code in enumerate(codes):
            if code is not None:
                decode[code] = _compose(base, tone)
    for letter, code in _TCVN3_OTHER.items():
        decode[code] = letter
    encode = {ord(letter): chr(code) for code, letter in decode.items()}
    for letter in ALL_LETTERS:
        if ord(letter) not in encode:
            # A capital with a tone exists only in the H fonts, which draw the lower-case byte as a
            # capital: the caller must set such runs in an H font.
            encode[ord(letter)] = encode[ord(letter.lower())]
    return decode, encode


_TCVN3_DECODE, _TCVN3_ENCODE = _build_tcvn3()


def tcvn3_to_unicode(text: str | None, *, uppercase_font: bool = False) -> str:
    """Decode TCVN3 text (one char per byte); ``uppercase_font`` for .VnTimeH-style fonts."""
    decoded = (text or "").translate(_TCVN3_DECODE)
    return decoded.upper() if uppercase_font else decoded


def unicode_to_tcvn3(text: str | None) -> str:
    """Encode to TCVN3; capitals with tones become the lower-case byte (set them in an H font).

    Characters TCVN3 has no code for are left as they are.
    """
    return unicodedata.normalize("NFC", text or "").translate(_TCVN3_ENCODE)


# ---------------------------------------------------------------------------------------------
# VNI Windows (VNI-Times, VNI-Helve): base letter followed by a mark byte
# ---------------------------------------------------------------------------------------------

# Mark bytes (lower-case form) per tone: none, huyền, hỏi, ngã, sắc, nặng.
_VNI_TONE = ("", "ø", "û", "õ", "ù", "ï")
_VNI_CIRCUMFLEX = ("â", "à", "å", "ã", "á", "ä")  # â ê ô with each tone
_VNI_BREVE = ("ê", "è", "ú", "ü", "é", "ë")  # ă with each tone
# Vowels written as one byte: i with tones, ỵ, and the bases of ơ and ư.
_VNI_I = ("i", "ì", "æ", "ó", "í", "ò")
_VNI_BASE = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ơ": "ô", "ư": "ö"}
_VNI_HAT = {
    "ă": ("a", _VNI_BREVE),
    "â": ("a", _VNI_CIRCUMFLEX),
    "ê": ("e", _VNI_CIRCUMFLEX),
    "ô": ("o", _VNI_CIRCUMFLEX),
}


def _vni_lower(base: str, tone: int) -> str:
    if base == "i":
        return _VNI_I[tone]
    if base == "y" and tone == 5:
        return "î"
    if base in _VNI_HAT:
        letter, marks = _VNI_HAT[base]
        return letter + marks[tone]
    return _VNI_BASE[base] + _VNI_TONE[tone]


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    encode: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
    for base in _VOWELS:
        for tone in range(6):
            lower = _compose(base, tone)
            if lower.isascii():
                continue
            # Capitals take the same mark bytes in their Latin-1 capital form ("AØ" = À).
            encode[lower] = _vni_lower(base, tone)
            encode[lower.upper()] = _vni_lower(base, tone).upper()
    decode = {sequence: letter for letter, sequence in encode.items()}
    # Tolerate marks whose case does not match the base letter (case changed after typing) and
    # "yï" for ỵ; the encoder never writes these, so round trips are unaffected.
    for sequence, letter in list(decode.items()):
        if len(sequence) == 2:
            decode.setdefault(sequence[0] + sequence[1].swapcase(), letter)
    for sequence, letter in (("yï", "ỵ"), ("yÏ", "ỵ"), ("YÏ", "Ỵ"), ("Yï", "Ỵ")):
        decode.setdefault(sequence, letter)
    return decode, encode


_VNI_DECODE, _VNI_ENCODE = _build_vni()
# Longest first, so a base letter grabs its mark before a lone "ô"/"ö" is read as ơ/ư.
_VNI_DECODE_RE = re.compile("|".join(re.escape(s) for s in sorted(_VNI_DECODE, key=len, reverse=True)))
_VNI_ENCODE_TABLE = {ord(letter): sequence for letter, sequence in _VNI_ENCODE.items()}


def vni_to_unicode(text: str | None) -> str:
    """Decode VNI Windows text (one char per byte)."""
    return _VNI_DECODE_RE.sub(lambda m: _VNI_DECODE[m.group(0)], text or "")


def unicode_to_vni(text: str | None) -> str:
    """Encode to VNI Windows; characters without a VNI form are left as they are."""
    return unicodedata.normalize("NFC", text or "").translate(_VNI_ENCODE_TABLE)


# ---------------------------------------------------------------------------------------------
# UTF-8 read as cp1252
# ---------------------------------------------------------------------------------------------


def _build_cp1252_bytes() -> dict[str, int]:
    table: dict[str, int] = {}
    for byte in range(256):
        with contextlib.suppress(UnicodeDecodeError):
            table[bytes([byte]).decode("cp1252")] = byte
    # Bytes cp1252 leaves undefined (0x81, 0x8D, ...) come through Windows as the C1 control of the
    # same number, and a Latin-1 reader turns every 0x80-0x9F byte into one: accept all of them.
    for byte in range(0x80, 0xA0):
        table.setdefault(chr(byte), byte)
    return table


_CP1252_BYTE = _build_cp1252_bytes()

# What a repaired sequence may decode to. Vietnamese and ordinary Western punctuation only, so an
# upper-case "Ô" followed by a closing quote does not turn into a Cyrillic letter.
_PLAUSIBLE_RANGES = (
    (0x00A0, 0x024F),  # Latin-1 supplement, Latin extended A/B
    (0x02B0, 0x036F),  # spacing modifiers, combining diacritics
    (0x1E00, 0x1EFF),  # Latin extended additional (Vietnamese)
    (0x2000, 0x206F),  # general punctuation
    (0x20A0, 0x20CF),  # currency
    (0x2100, 0x214F),  # letter-like symbols
    (0xFEFF, 0xFEFF),  # BOM
)


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _PLAUSIBLE_RANGES)


def _utf8_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def fix_utf8_read_as_cp1252(text: str | None) -> str:
    """Undo UTF-8 bytes shown as cp1252 ("má»™t" -> "một"); other text is left alone.

    Works sequence by sequence, so a string mixing good text and mojibake is repaired too.
    """
    text = text or ""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        lead = _CP1252_BYTE.get(text[i])
        length = _utf8_length(lead) if lead is not None else 0
        if length and i + length <= n:
            tail = [_CP1252_BYTE.get(ch) for ch in text[i + 1 : i + length]]
            if all(b is not None and 0x80 <= b <= 0xBF for b in tail):
                try:
                    decoded = bytes([lead, *tail]).decode("utf-8")  # type: ignore[list-item]
                except UnicodeDecodeError:
                    decoded = ""
                if decoded and _plausible(decoded):
                    out.append(decoded)
                    i += length
                    continue
        out.append(text[i])
        i += 1
    return "".join(out)
