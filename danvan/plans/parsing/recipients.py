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


def merge_wrapped(texts: list[str]) -> list[tuple[str, bool]]:
    """Recipient lines broken in a narrow cell are joined again. When the list marks its recipients with
    dashes, a line without one continues the line above ("- Ủy ban Kiểm tra Đảng ủy, Ban xây dựng Đảng," /
    "VP Đảng ủy;"); without dashes only a purpose alone ("(b/c);") or a lower-case start continues."""
    bulleted = sum(1 for t in texts if _BULLET_RE.match(t.strip())) >= 2
    out: list[tuple[str, bool]] = []
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if out and _continues_recipient(text, bulleted):
            out[-1] = (f"{out[-1][0]} {text}", True)
        else:
            out.append((text, False))
    return out


def _continues_recipient(text: str, bulleted: bool) -> bool:
    if _BULLET_RE.match(text) or _LUU_RE.match(text):
        return False
    if _PURPOSE_RE.fullmatch(text.rstrip(" ;,.")) or text[:1].islower():
        return True
    return bulleted and not vntext.fold(text).startswith("nhu ")


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


# Titles that open a line of their own in a signature block (a prefix line "T/M ...", "KT. ..." does too).
_TITLE_STARTS = vocab.AUTHORITY_TITLES
SURNAMES = (
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đinh", "đàm", "trương", "lương", "mai", "cao", "lâm", "tô", "hà", "triệu", "quách",
    "tạ", "chu", "kiều", "thái", "đoàn", "vương", "lò", "hứa", "nông", "la", "khúc", "lại", "tăng", "từ",
    "châu", "giang", "kim", "lưu", "mạc", "nghiêm", "phùng", "quan", "thân", "tống", "trịnh", "văn", "vi",
)  # fmt: skip


def starts_authority(text: str) -> bool:
    """A line that begins a new authority line: a prefix ("T/M", "KT.") or a title ("PHÓ CHỦ TỊCH")."""
    k = key(text)
    return (
        any(k.startswith(p) for p in vocab.AUTHORITY_PREFIXES)
        or starts_with_any(k, _TITLE_STARTS) is not None
    )


def _continues_authority(lines: list[Line], i: int, end: int) -> bool:
    """A short capitals line right under an authority line that is not a title of its own and not the
    signer's name written in capitals (a name starts with a surname and nothing in capitals follows it)."""
    text = lines[i].text.strip()
    if not is_caps(text) or len(text) > 40 or len(text.split()) > 4 or is_signed_mark(text):
        return False
    if starts_authority(text):
        return False
    first = key(text).split()[0] if text.split() else ""
    if looks_like_name(text) and first in SURNAMES:
        following = lines[i + 1].text.strip() if i + 1 < end and not lines[i + 1].is_row else ""
        # "VĂN PHÒNG" over a name in ordinary case is a title; "NGUYỄN VĂN A" at the end is the name
        return bool(following) and (looks_like_name(following) or is_signed_mark(following))
    return True


_NOT_GIVEN_NAMES = ("mau", "phu", "nơi", "noi", "kem", "danh")  # "Mẫu" of an attached form, ...


def read_signature(lines: list[Line], start: int, end: int) -> tuple[Signature | None, int]:
    """Authority lines from ``start`` and the signer name after them; returns (signature, next index)."""
    i = start
    authority: list[str] = []
    joined = False
    while i < end and not lines[i].is_row and len(authority) < 4:
        text = vntext.clean_text(lines[i].text)
        if is_authority_line(text) and (not authority or starts_authority(text)):
            authority.append(text)
        elif authority and _continues_authority(lines, i, end):
            # an authority line broken in a narrow cell: "TM. ỦY BAN NHÂN" / "DÂN", "K/T TRƯỞNG" / "BAN"
            authority[-1] = f"{authority[-1]} {text}"
            joined = True
        else:
            break
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
            # a name broken in a narrow cell: "Đỗ Thị Hồng" / "Nhung"
            rest = lines[j].text.strip() if j < end and not lines[j].is_row else ""
            given = _NAME_WORD_RE.match(rest) and rest[:1].isupper() and not is_caps(rest) and len(rest) <= 12
            if given and vntext.fold(rest) not in _NOT_GIVEN_NAMES:
                name = f"{name} {rest}"
                j += 1
        break
    signature = Signature(authority_lines=authority, signer_name=name)
    signature.joined = joined
    return signature, j


__all__ = [
    "is_authority_line",
    "is_closing_start",
    "is_signed_mark",
    "looks_like_name",
    "parse_recipient",
    "read_signature",
    "recipients_start",
]
