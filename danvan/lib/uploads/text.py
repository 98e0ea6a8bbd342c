"""Small public helpers: sizes and counts for messages, file names as shown, text decoding."""

from __future__ import annotations

import unicodedata

MAX_NAME_LENGTH = 200


# --------------------------------------------------------------------------------------------
# Small public helpers
# --------------------------------------------------------------------------------------------


def human_size(n: int) -> str:
    """Byte count in Vietnamese notation: ``"800 KB"``, ``"52,4 MB"``, ``"20 MB"``, ``"512 byte"``.

    Units are multiples of 1024 (as Windows Explorer shows them), the decimal mark is a comma.
    """
    n = int(n)
    if n < 0:
        raise ValueError("size must not be negative")
    if n < 1024:
        return f"{n} byte"
    value = float(n)
    units = ("KB", "MB", "GB", "TB")
    for unit in units:
        value /= 1024
        decimals = 1 if unit != "KB" or value < 10 else 0
        rounded = round(value, decimals)
        if rounded < 1024 or unit == units[-1]:
            text = f"{rounded:.{decimals}f}"
            if text.endswith(".0"):
                text = text[:-2]
            return f"{text.replace('.', ',')} {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def clean_filename(name: object) -> str:
    """The file name as shown to users: NFC, no directory parts, no control/format characters.

    ``"C:\\\\Users\\\\a\\\\Báo cáo.xlsx"`` becomes ``"Báo cáo.xlsx"``. Format characters (zero-width
    spaces, the right-to-left override used to disguise extensions) are dropped.
    """
    text = unicodedata.normalize("NFC", str(name or ""))
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    text = " ".join(text.split())
    if len(text) > MAX_NAME_LENGTH:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            text = f"{stem[: MAX_NAME_LENGTH - len(ext) - 2]}….{ext}"
        else:
            text = text[: MAX_NAME_LENGTH - 1] + "…"
    return text or "tệp không tên"


def decode_text(data: bytes) -> str:
    """Decode an uploaded text file to NFC ``str``.

    Tries UTF-8 (with or without BOM), then UTF-16 when a BOM says so, then the Vietnamese
    Windows code page cp1258 (then cp1252); as a last resort cp1258 with replacement characters.
    cp1258 writes tone marks as combining characters, hence the NFC normalisation.
    """
    text = _decode_strict(bytes(data))
    if text is None:
        text = bytes(data).decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text)


def _decode_strict(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for encoding in ("cp1258", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _format_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")
