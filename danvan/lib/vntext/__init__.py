"""Vietnamese text helpers: normalisation, search and sort keys, legacy-encoding repair.

Pure Python, no Django. Everything here works on ``str``; legacy 8-bit text is expected as the
characters a Latin-1/cp1252 reader shows for its bytes (which is how it arrives from Word runs).

Sort keys (``sort_key``, ``person_sort_key``) are strings of decimal digits only, built from
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

import contextlib
import functools
import re
import unicodedata

__all__ = [
    "ALL_LETTERS",
    "ALPHABET",
    "clean_text",
    "detect_legacy_encoding",
    "fix_utf8_read_as_cp1252",
    "fold",
    "nfc",
    "normalize_tone_placement",
    "person_sort_key",
    "repair_legacy_text",
    "sort_key",
    "tcvn3_to_unicode",
    "unicode_to_tcvn3",
    "unicode_to_vni",
    "vni_to_unicode",
]

# ---------------------------------------------------------------------------------------------
# Letters
# ---------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------
# Normalisation and search keys
# ---------------------------------------------------------------------------------------------

# Invisible characters that are never meaningful in our data. Zero-width space/joiners and BOM come from
# copy-paste out of Word and web pages and make equal strings compare unequal; the bidirectional
# overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069, marks U+200E/U+200F/U+061C) can
# make a name or a file name display as something else ("gnp.exe" shown as "exe.png"); NUL and the
# other C0 controls (tab, line feed and carriage return excepted; the whitespace-like ones below become
# a space) break PostgreSQL text and JSON.
HIDDEN_CHARACTERS = frozenset(
    [
        *range(0x00, 0x09),
        *range(0x0E, 0x1C),
        0x7F,
        0x061C,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        0x2060,
        *range(0x2066, 0x206A),
        0xFEFF,
    ]
)
# Controls that Python counts as whitespace (vertical tab, form feed, the separators U+001C-U+001F: Word
# writes a manual line break as a vertical tab) become a space, so "Thị\vDung" stays two words.
_SPACE_LIKE = {code: " " for code in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F)}
_ZERO_WIDTH: dict[int, str | None] = {**dict.fromkeys(HIDDEN_CHARACTERS), **_SPACE_LIKE}
_HIDDEN_NAMES = {
    0x00: "NUL",
    0x200B: "khoảng trắng không độ rộng",
    0x200C: "ký tự nối không độ rộng",
    0x200D: "ký tự nối không độ rộng",
    0xFEFF: "BOM",
}


def hidden_characters(text: str | None) -> list[str]:
    """The invisible characters of ``text`` that ``nfc`` drops, named for a message ("U+202E (đảo chiều
    chữ)"), each once, in order of appearance; [] when there are none."""
    found: list[str] = []
    for ch in text or "":
        code = ord(ch)
        if code in HIDDEN_CHARACTERS:
            if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069 or code in (0x200E, 0x200F, 0x061C):
                label = "ký tự đảo chiều chữ"
            else:
                label = _HIDDEN_NAMES.get(code, "ký tự điều khiển")
            name = f"U+{code:04X} ({label})"
            if name not in found:
                found.append(name)
    return found


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
