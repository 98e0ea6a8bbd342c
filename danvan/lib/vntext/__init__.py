"""Vietnamese text helpers: normalisation, search and sort keys, legacy-encoding repair.

Pure Python, no Django. Everything here works on ``str``; legacy 8-bit text is expected as the
characters a Latin-1/cp1252 reader shows for its bytes (which is how it arrives from Word runs).

The package re-exports every name callers use, so ``from danvan.lib import vntext`` /
``vntext.fold`` keep working:

- ``letters``: the alphabet and every toned letter (``ALPHABET``, ``ALL_LETTERS``);
- ``hidden``: invisible characters ``nfc`` drops (``HIDDEN_CHARACTERS``, ``hidden_characters``);
- ``normalize``: ``nfc``, ``clean_text``, ``normalize_tone_placement``;
- ``keys``: the search key ``fold`` and the sort keys ``sort_key``, ``person_sort_key``;
- ``legacy``: TCVN3 and VNI encoders/decoders, UTF-8 read as cp1252;
- ``repair``: ``detect_legacy_encoding`` and ``repair_legacy_text``.
"""

from __future__ import annotations

from danvan.lib.vntext.hidden import HIDDEN_CHARACTERS as HIDDEN_CHARACTERS
from danvan.lib.vntext.hidden import hidden_characters as hidden_characters
from danvan.lib.vntext.keys import fold, person_sort_key, sort_key
from danvan.lib.vntext.legacy import (
    fix_utf8_read_as_cp1252,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from danvan.lib.vntext.letters import _TONE_MARKS as _TONE_MARKS
from danvan.lib.vntext.letters import ALL_LETTERS, ALPHABET
from danvan.lib.vntext.normalize import clean_text, nfc, normalize_tone_placement

# _known_syllable is re-exported for the benchmarks, which clear its cache between runs.
from danvan.lib.vntext.repair import _known_syllable as _known_syllable
from danvan.lib.vntext.repair import detect_legacy_encoding, repair_legacy_text

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
