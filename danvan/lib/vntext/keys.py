"""Search and sort keys: ``fold`` for matching, ``sort_key`` / ``person_sort_key`` for ordering.

Sort keys are strings of decimal digits only, built from
two-digit codes, so byte order and PostgreSQL's en_US.UTF-8 collation agree on them:

====  ==========================================================
code  meaning
====  ==========================================================
00    separator between given name and the rest (person keys)
01    separator between words
02-07 tone of the preceding word: none, huyền, hỏi, ngã, sắc, nặng
08    a number follows: two-digit length, then its digits
10-42 letters a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z
====  ==========================================================

A word is its letter codes followed by its tone code, so letters decide first, then the tone,
then the following words ("an" < "an ninh" < "anh" < "ánh"). Where the tone mark sits inside
the syllable ("hoà"/"hòa") does not matter. Case is ignored.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from danvan.lib.vntext.letters import _LETTER_INFO, _SORT_ORDER
from danvan.lib.vntext.normalize import clean_text, nfc

# ---------------------------------------------------------------------------------------------
# Search key
# ---------------------------------------------------------------------------------------------

# Letters that NFKD does not take apart but that people type for the plain letter.
_FOLD_EXTRA = str.maketrans(
    {"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss"}
)
_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")


class _MarkTable(dict):
    """str.translate table deleting every combining mark (category M), filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.category(chr(code))[0] == "M" else code
        self[code] = value
        return value


_MARKS = _MarkTable()


def _strip_marks(text: str) -> str:
    return text.translate(_MARKS)


@functools.lru_cache(maxsize=16384)
def fold(text: str | None) -> str:
    """Search key: lower case ASCII letters and digits separated by single spaces.

    Diacritics go, đ becomes d; anything else that is not an ASCII letter or digit (punctuation,
    other scripts) acts as a word break.
    """
    # No tone-placement step: every mark goes, so "hoà" and "hòa" fold alike anyway.
    folded = unicodedata.normalize("NFKD", nfc(text).lower())
    # NFKD can yield capitals (e.g. from letter-like symbols), hence the second lower().
    folded = _strip_marks(folded).lower().translate(_FOLD_EXTRA)
    return _NON_ALNUM_RE.sub(" ", folded).strip()


# ---------------------------------------------------------------------------------------------
# Sort keys
# ---------------------------------------------------------------------------------------------

_LETTER_CODE = {letter: f"{10 + i:02d}" for i, letter in enumerate(_SORT_ORDER)}
_NAME_SEP = "00"
_WORD_SEP = "01"
_TONE_CODE = tuple(f"{2 + tone:02d}" for tone in range(6))
_NUMBER = "08"
_SEP = None  # atom meaning "word break"


@functools.lru_cache(maxsize=4096)
def _sort_atoms(ch: str) -> tuple[tuple[str, int] | str | None, ...]:
    """Split one character into (letter, tone) pairs, ASCII digits, or word breaks (None)."""
    info = _LETTER_INFO.get(ch)
    if info is not None:
        return ((info[0], info[1]),)
    if ch in "ðÐ":  # Icelandic eth, a frequent stand-in for Đ in converted documents
        return (("đ", 0),)
    if "0" <= ch <= "9":
        return (ch,)
    if unicodedata.category(ch)[0] == "M":
        return ()  # a stray combining mark belongs to the previous letter; ignore it
    atoms: list[tuple[str, int] | str | None] = []
    for part in unicodedata.normalize("NFKD", ch):
        if part.isascii() and part.isalpha():
            atoms.append((part.lower(), 0))
        elif "0" <= part <= "9":
            atoms.append(part)
        elif unicodedata.category(part)[0] != "M":
            atoms.append(_SEP)
    return tuple(atoms)


def _letter_word(letters: list[str], tones: list[int]) -> str:
    marked = [tone for tone in tones if tone]
    # A real syllable has at most one tone; foreign words may carry several, keep them all in order.
    tone_codes = "".join(_TONE_CODE[t] for t in marked) if marked else _TONE_CODE[0]
    return "".join(_LETTER_CODE[letter] for letter in letters) + tone_codes


def _number_word(digits: list[str]) -> str:
    number = "".join(digits).lstrip("0") or "0"
    # Length first gives numeric order ("2" < "10"); lengths past 99 are clamped (never met).
    return f"{_NUMBER}{min(len(number), 99):02d}{number}"


def sort_key(text: str | None) -> str:
    """Key whose plain string order is Vietnamese dictionary order; digits only (see module doc)."""
    words: list[str] = []
    letters: list[str] = []
    tones: list[int] = []
    digits: list[str] = []

    def flush() -> None:
        if letters:
            words.append(_letter_word(letters, tones))
            letters.clear()
            tones.clear()
        if digits:
            words.append(_number_word(digits))
            digits.clear()

    for ch in nfc(text):
        for atom in _sort_atoms(ch):
            if atom is None:
                flush()
            elif isinstance(atom, tuple):
                if digits:
                    flush()
                letters.append(atom[0])
                tones.append(atom[1])
            else:
                if letters:
                    flush()
                digits.append(atom)
    flush()
    return _WORD_SEP.join(words)


def person_sort_key(full_name: str | None) -> str:
    """Key for people lists: given name (last word) first, then family and middle names in order."""
    words = clean_text(full_name).split(" ")
    if words == [""]:
        return ""
    return sort_key(words[-1]) + _NAME_SEP + sort_key(" ".join(words[:-1]))
