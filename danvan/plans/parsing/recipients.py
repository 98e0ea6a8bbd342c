"""The end of a plan: closing paragraph, recipients ("Nơi nhận:") and the signature block."""

from __future__ import annotations

import re

from danvan.lib import vntext
from danvan.lib.plandoc import PURPOSE_ARCHIVE, PURPOSE_NONE, Recipient, Signature

from . import vocab
from .lines import BULLET_CHARS, Line, is_caps, key, starts_with_any

_BULLET_RE = re.compile(rf"^[{re.escape(BULLET_CHARS)}]\s*")
_PURPOSE_RE = re.compile(r"\s*(?P<purpose>\((?P<inner>[^()]{1,40})\))\s*$")
_LUU_RE = re.compile(r"^(?P<word>[Ll]ưu|LƯU)(?![\w])\s*(?P<colon>:?)\s*(?P<rest>.*)$")
_NAME_WORD_RE = re.compile(r"^[^\W\d_][^\W\d_]*\.?$")
_NOI_NHAN_RE = re.compile(r"^\s*(?:Nơi\s+nhận|NƠI\s+NHẬN|nơi\s+nhận)\s*:?\s*", re.IGNORECASE)


def recipients_start(text: str) -> str | None:
    """The rest of a "Nơi nhận:" line ("" when nothing follows); None for any other line."""
    m = _NOI_NHAN_RE.match(text)
    return text[m.end() :].strip() if m else None


def is_closing_start(text: str) -> bool:
    return vntext.fold(text).startswith("tren day la")


def _purpose_of(inner: str) -> str:
    folded = vntext.fold(inner)
    bare = folded[3:] if folded.startswith("de ") else folded
    for words, purpose in vocab.RECIPIENT_PURPOSES:
        target = words[3:] if words.startswith("de ") else words
        if bare == target:
            return purpose
    return ""


def parse_recipient(raw: str) -> Recipient | None:
    """ "- Ban Dân vận Tỉnh ủy (b/c);" -> Recipient("Ban Dân vận Tỉnh ủy", report, "(b/c)")."""
    written = raw.strip()
    text = _BULLET_RE.sub("", written).strip()
    text = re.sub(r"\s*\.?/\.\s*$", "", text).strip().rstrip(" ;,.").strip()
    if not text:
        return None
    m = _LUU_RE.match(text)
    if m and (m["colon"] or m["rest"][:1].isupper() or not m["rest"]):
        name = m["rest"].strip().rstrip(" ;,.")
        purpose_text = m["word"] + (":" if m["colon"] else "")
        return Recipient(name=name, purpose=PURPOSE_ARCHIVE, purpose_text=purpose_text, raw=written)
    m = _PURPOSE_RE.search(text)
    if m:
        purpose = _purpose_of(m["inner"])
        if purpose:
            name = text[: m.start()].strip().rstrip(" ;,.")
            return Recipient(name=name, purpose=purpose, purpose_text=m["purpose"], raw=written)
    return Recipient(name=text, purpose=PURPOSE_NONE, purpose_text="", raw=written)


def is_authority_line(text: str) -> bool:
    """ "TRƯỞNG BAN", "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"."""
    text = text.strip()
    if not is_caps(text) or len(text) > 90:
        return False
    k = key(text)
    if any(k.startswith(p) for p in vocab.AUTHORITY_PREFIXES) and len(k) > 3:
        return True
    return starts_with_any(k, vocab.AUTHORITY_TITLES) is not None and len(k.split()) <= 8


def is_signed_mark(text: str) -> bool:
    """ "(Đã ký)", "(ký)", "Đã ký", "(Ký, ghi rõ họ tên)"."""
    folded = vntext.fold(text)
    return folded in vocab.SIGNED_MARKS or (
        text.strip().startswith("(") and folded.startswith(("ky", "da ky"))
    )


def looks_like_name(text: str) -> bool:
    """ "Đàm Thế Sử", "Phạm Văn Thịnh", "NGUYỄN VĂN A": 2-7 capitalised words, no digits."""
    text = text.strip()
    words = text.split()
    if not 2 <= len(words) <= 7 or len(text) > 60 or any(ch.isdigit() for ch in text):
        return False
    return all(_NAME_WORD_RE.match(w) and w[0].isupper() for w in words)


def read_signature(lines: list[Line], start: int, end: int) -> tuple[Signature | None, int]:
    """Authority lines from ``start`` and the signer name after them; returns (signature, next index)."""
    i = start
    authority: list[str] = []
    while i < end and not lines[i].is_row and is_authority_line(lines[i].text) and len(authority) < 4:
        authority.append(vntext.clean_text(lines[i].text))
        i += 1
    if not authority:
        return None, start
    name = ""
    j = i
    while j < end and j - i < 4 and not lines[j].is_row:
        text = lines[j].text.strip()
        if is_signed_mark(text) or not text.strip(" .*_-"):
            j += 1
            continue
        if looks_like_name(text):
            name = vntext.clean_text(text)
            j += 1
        break
    return Signature(authority_lines=authority, signer_name=name), j


__all__ = [
    "is_authority_line",
    "is_closing_start",
    "is_signed_mark",
    "looks_like_name",
    "parse_recipient",
    "read_signature",
    "recipients_start",
]
