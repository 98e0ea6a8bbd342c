"""The Vietnamese letters: alphabet, tones, and every toned letter with its base, tone and case."""

from __future__ import annotations

import unicodedata

ALPHABET: tuple[str, ...] = tuple("aăâbcdđeêghiklmnoôơpqrstuưvxy")
# The alphabet with the loan letters f j w z at their Latin places: the sort order of letters.
_SORT_ORDER = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"

# Tones in dictionary order; index 0 is "no tone". The marks are the Unicode combining characters.
_TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")  # -, huyền, hỏi, ngã, sắc, nặng
_VOWELS = "aăâeêioôơuưy"


def _compose(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONE_MARKS[tone])


def _build_all_letters() -> tuple[str, ...]:
    lower: list[str] = []
    for base in ALPHABET:
        if base in _VOWELS:
            lower.extend(_compose(base, tone) for tone in range(6))
        else:
            lower.append(base)
    lower = [ch for ch in lower if not ch.isascii()]
    return tuple(lower) + tuple(ch.upper() for ch in lower)


# The 67 lower-case letters that are not plain ASCII (60 toned vowels, ă â ê ô ơ ư, đ), then capitals.
ALL_LETTERS: tuple[str, ...] = _build_all_letters()

# char -> (lower-case base letter such as "ư", tone index, is upper case), for every Vietnamese
# letter including the plain ASCII ones (f, j, w, z too, for sorting loanwords).
_LETTER_INFO: dict[str, tuple[str, int, bool]] = {}
for _base in _SORT_ORDER:
    for _tone in range(6) if _base in _VOWELS else (0,):
        _ch = _compose(_base, _tone)
        _LETTER_INFO[_ch] = (_base, _tone, False)
        _LETTER_INFO[_ch.upper()] = (_base, _tone, True)
_LETTER_OF = {info: ch for ch, info in _LETTER_INFO.items()}
del _base, _tone, _ch


def _letter(base: str, tone: int, upper: bool) -> str:
    return _LETTER_OF[(base, tone, upper)]
