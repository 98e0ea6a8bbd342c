"""Invisible characters (zero-width, bidi controls, C0 controls) that ``nfc`` drops, and naming them."""

from __future__ import annotations

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
