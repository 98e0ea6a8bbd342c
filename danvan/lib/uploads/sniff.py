"""Sniffing: what a file is, by its first bytes (magic numbers, XML/HTML heads, plain text)."""

from __future__ import annotations

import re

from danvan.lib.uploads.text import _decode_strict

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# C0 controls that have no business in a text file (tab, LF, VT, FF, CR and ^Z are tolerated).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01


# --------------------------------------------------------------------------------------------
# Sniffing helpers
# --------------------------------------------------------------------------------------------

_IMAGE_ADVICE = "Hãy tải lên tệp Word/Excel gốc thay vì ảnh chụp hoặc ảnh quét."
_ARCHIVE_ADVICE = "Hãy giải nén rồi tải lên từng tệp bên trong."


def _binary_signature(data: bytes) -> tuple[str, str] | None:
    """(what it is, advice) for well-known non-Office formats, recognised by magic bytes."""
    head = data[:64]
    if head.startswith(b"%PDF"):
        return ("là tệp PDF", "Hãy tải lên tệp Word/Excel gốc thay vì bản PDF.")
    images = (
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
    )
    for magic, label in images:
        if head.startswith(magic):
            return (f"là ảnh ({label})", _IMAGE_ADVICE)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return ("là ảnh (WEBP)", _IMAGE_ADVICE)
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc"):
        return ("là ảnh (HEIC)", _IMAGE_ADVICE)
    if head.startswith(b"BM") and len(head) >= 26 and head[6:10] == b"\x00\x00\x00\x00":
        return ("là ảnh (BMP)", _IMAGE_ADVICE)
    archives = (
        (b"Rar!\x1a\x07", "RAR"),
        (b"7z\xbc\xaf\x27\x1c", "7z"),
        (b"\x1f\x8b", "GZIP"),
    )
    for magic, label in archives:
        if head.startswith(magic):
            return (f"là tệp nén ({label})", _ARCHIVE_ADVICE)
    if head.startswith(b"{\\rtf"):
        return ("là tệp RTF", "Hãy mở bằng Word và lưu thành .docx rồi tải lên lại.")
    if (head.startswith(b"MZ") and b"\x00" in head) or head.startswith(b"\x7fELF"):
        return ("là tệp chương trình", "Hãy chọn đúng tệp rồi tải lên lại.")
    return None


def _text_head(data: bytes, size: int = 2048) -> bytes:
    head = data[:size]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return head.lstrip().lower()


def _office_2003_xml(data: bytes) -> tuple[str, str, str] | None:
    head = _text_head(data)
    if not head.startswith(b"<?xml"):
        return None
    if b'progid="excel.sheet"' in head or b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return ("Excel", "XML 2003", ".xlsx")
    if b'progid="word.document"' in head or b"schemas.microsoft.com/office/word/2003/wordml" in head:
        return ("Word", "XML 2003", ".docx")
    return None


def _looks_like_html(data: bytes) -> bool:
    head = _text_head(data, 1024)
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]


def _is_text(data: bytes) -> bool:
    has_utf16_bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in data and not has_utf16_bom:
        return False
    text = _decode_strict(data)
    if text is None or "\x00" in text:
        return False
    controls = _CONTROL_CHARS.subn("", text)[1]
    return controls <= len(text) * _MAX_CONTROL_SHARE
