"""One cell of a submitted table: the column description and the value cleaner.

Pure Python (no Django models); re-exported by ``danvan.lib.tables.read``.

``clean_value(raw, spec)`` turns whatever a reader found in a cell (text, an Excel number, date or
time, None) into the text we store, plus a Vietnamese problem message or None. It never raises.

Stored forms by column kind:

=========  ======================================================================================
kind       stored text
=========  ======================================================================================
index      the text as written (the caller drops index columns: numbering is ours)
text       NFC, whitespace runs (line breaks too) collapsed to one space
long_text  NFC, each line collapsed, line breaks kept as "\\n" (at most one empty line in a row)
date       ISO "2023-09-30" (Excel dates, "30/9/2023", "30-9-2023", "ngày 30 tháng 9 năm 2023")
window     the words as written ("trung tuần tháng 9/2023"); a problem only for a date that does
           not exist ("31/02/2023", "tháng 13/2023"), fuzzy words are fine
number     canonical "1500" / "1.5" / "-3" (Vietnamese "1.500" and "1,5", English "1,500,000")
choice     the canonical choice (compared without accents and case); free text if no choices
=========  ======================================================================================

Formula neutralising: a stored text that a spreadsheet would read as a formula ("=...", or "+", "-",
"@" followed by a function call, a cell reference or arithmetic: "@SUM(A1)", "-2+3") is stored with
a leading apostrophe "'" and no problem is reported. Ordinary text such as "- Tổ chức hội nghị" or
"-5" is left alone.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from danvan.lib.vndates import DateParseError, parse_date, parse_window
from danvan.lib.vntext import fold, nfc

__all__ = ["KINDS", "ColumnSpec", "clean_value", "neutralise_formula", "parse_number_text", "value_as_text"]

KINDS = ("index", "text", "long_text", "date", "window", "number", "choice")

MSG_REQUIRED = "thiếu «{label}»"
MSG_BAD_DATE = "cột «{label}»: «{value}» không phải ngày hợp lệ"
MSG_BAD_WINDOW = "cột «{label}»: {detail}"
MSG_BAD_NUMBER = "cột «{label}»: «{value}» không phải là số (ví dụ: 1.500 hoặc 1,5)"
MSG_BAD_CHOICE = "cột «{label}»: «{value}» không có trong danh sách lựa chọn ({choices})"

_QUOTE_LIMIT = 60  # characters of a value quoted in a message
_CHOICES_SHOWN = 8
_NUMBER_LIMIT = 40  # characters: longer "numbers" are not numbers
EXCEL_EPOCH = date(1899, 12, 30)
# Excel serial numbers accepted in a date column (1954-10-03 .. 2119-01-08): a plain number in a
# date column is almost always a date that lost its format; smaller numbers ("2023") are not.
_SERIAL_MIN, _SERIAL_MAX = 20000, 80000
_NEWLINES = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# C0/C1 controls other than tab and newline, zero-width space, BOM: never meaningful, and not allowed
# in the XML of an exported workbook.
_CONTROLS = {code: None for code in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85))}
_CONTROLS.update({code: None for code in range(0x86, 0xA0)})
_CONTROLS.update({0x200B: None, 0xFEFF: None})
_FORMULA_RE = re.compile(
    r"""^(?:=
        |[+\-@]\s*(?:[A-Za-z_][\w.]*\s*\(          # a function call: +SUM(  @HYPERLINK(
                    |\$?[A-Za-z]{1,3}\$?\d+(?!\w)     # a cell reference: -A1
                    |\d[\d.,]*\s*[-+*/^&<>=]))        # arithmetic: -2+3, +84-912
    """,
    re.VERBOSE,
)
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_NUMBER_TEXT_RE = re.compile(r"[+-]?\d+(?:[.,]\d+)*")
_GROUPED_RE = {".": re.compile(r"\d{1,3}(?:\.\d{3})+"), ",": re.compile(r"\d{1,3}(?:,\d{3})+")}


@dataclass(frozen=True)
class ColumnSpec:
    key: str  # stable key used in stored rows, e.g. "c1" / the FormField id as str
    label: str  # "Tên nội dung, hoạt động"
    kind: str  # index | text | long_text | date | window | number | choice
    required: bool = False
    choices: tuple[str, ...] = ()


def clean_value(raw: object, spec: ColumnSpec) -> tuple[str, str | None]:
    """(stored text, problem message or None) for one cell; never raises."""
    try:
        return _clean(raw, spec)
    except Exception:  # a last guard: bad input must give a problem, never a crash
        text = _safe_text(raw)
        return neutralise_formula(text), None


def neutralise_formula(text: str) -> str:
    """Prefix "'" to text a spreadsheet would take for a formula; other text is returned as is."""
    return "'" + text if _FORMULA_RE.match(text) else text


# ----------------------------------------------------------------------------------------------
# Implementation


def _clean(raw: object, spec: ColumnSpec) -> tuple[str, str | None]:
    kind = spec.kind if spec.kind in KINDS else "text"
    label = _label(spec)
    if kind == "date":
        result = _clean_date(raw, label)
        if result is not None:
            return result
    if kind == "number":
        result = _clean_number_value(raw, label)
        if result is not None:
            return result
    text = _tidy(value_as_text(raw), keep_breaks=kind == "long_text")
    if not text:
        return "", (MSG_REQUIRED.format(label=label) if spec.required and kind != "index" else None)
    if kind == "date":
        return _date_from_text(text, label)
    if kind == "number":
        return _number_from_text(text, label)
    if kind == "window":
        return neutralise_formula(text), _window_problem(text, label)
    if kind == "choice" and spec.choices:
        return _choose(text, spec.choices, label)
    return neutralise_formula(text), None


def _label(spec: ColumnSpec) -> str:
    label = " ".join(nfc(str(spec.label)).split())
    return label or str(spec.key)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_LIMIT else text[: _QUOTE_LIMIT - 1].rstrip() + "…"


def _safe_text(raw: object) -> str:
    try:
        return _tidy(value_as_text(raw), keep_breaks=True)
    except Exception:
        return ""


def _tidy(text: str, *, keep_breaks: bool) -> str:
    text = _NEWLINES.sub("\n", nfc(text)).translate(_CONTROLS)
    if not keep_breaks:
        return " ".join(text.split())
    lines: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line or (lines and lines[-1]):
            lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _format_day(value: date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def value_as_text(raw: object) -> str:
    """Any cell value as text the way a Vietnamese user would write it."""
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, datetime):
        if raw.time() == time(0, 0):
            return _format_day(raw.date())
        return f"{_format_day(raw.date())} {raw.hour:02d}:{raw.minute:02d}"
    if isinstance(raw, date):
        return _format_day(raw)
    if isinstance(raw, time):
        return f"{raw.hour:02d}:{raw.minute:02d}"
    if isinstance(raw, int | float | Decimal):
        canonical = _canonical_number(raw)
        return canonical if canonical is not None else str(raw)
    return str(raw)


# ---- dates ----------------------------------------------------------------------------------


def _clean_date(raw: object, label: str) -> tuple[str, str | None] | None:
    """A value that is already a date (or an Excel serial number); None for text."""
    if isinstance(raw, datetime):
        return raw.date().isoformat(), None
    if isinstance(raw, date):
        return raw.isoformat(), None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if math.isfinite(raw) and _SERIAL_MIN <= raw <= _SERIAL_MAX:
            return (EXCEL_EPOCH + timedelta(days=int(raw))).isoformat(), None
        shown = value_as_text(raw)
        return shown, MSG_BAD_DATE.format(label=label, value=_quote(shown))
    if isinstance(raw, time | timedelta):
        shown = value_as_text(raw)
        return shown, MSG_BAD_DATE.format(label=label, value=_quote(shown))
    return None


def _date_from_text(text: str, label: str) -> tuple[str, str | None]:
    iso = _ISO_DATE_RE.fullmatch(text)
    try:
        day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))) if iso else parse_date(text)
    except Exception:  # DateParseError, ValueError from date(): not a valid day
        return neutralise_formula(text), MSG_BAD_DATE.format(label=label, value=_quote(text))
    return day.isoformat(), None


def _window_problem(text: str, label: str) -> str | None:
    if not any(ch.isdigit() for ch in text):
        return None  # words alone ("trung tuần tháng chín") cannot name a day that does not exist
    try:
        parse_window(text)
    except DateParseError as error:
        if "không tồn tại" in error.message:
            return MSG_BAD_WINDOW.format(label=label, detail=error.message)
    except Exception:  # fuzzy words the parser cannot read are allowed
        return None
    return None


# ---- numbers --------------------------------------------------------------------------------


def _canonical_number(value: int | float | Decimal) -> str | None:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    try:
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        if not number.is_finite():
            return None
        if number == 0:
            return "0"
        text = format(number.normalize(), "f")
    except (InvalidOperation, ValueError, OverflowError):
        return None
    return text


def _clean_number_value(raw: object, label: str) -> tuple[str, str | None] | None:
    if isinstance(raw, bool):
        shown = value_as_text(raw)
        return shown, MSG_BAD_NUMBER.format(label=label, value=shown)
    if isinstance(raw, int | float | Decimal):
        canonical = _canonical_number(raw)
        if canonical is None:
            shown = str(raw)
            return shown, MSG_BAD_NUMBER.format(label=label, value=_quote(shown))
        return canonical, None
    if isinstance(raw, date | time | timedelta):
        shown = value_as_text(raw)
        return shown, MSG_BAD_NUMBER.format(label=label, value=_quote(shown))
    return None


def parse_number_text(text: str) -> Decimal | None:
    """ "1.500" -> 1500, "1,5" -> 1.5, "1.500,75" -> 1500.75, "1,500,000" -> 1500000, "1 500" -> 1500.

    One dot followed by exactly three digits is a Vietnamese thousands separator ("1.500"); one
    comma is a decimal comma ("1,5"; "1,500" is 1.5). Several of the same sign are thousands
    separators; with both signs the last one is the decimal separator.
    """
    compact = text.replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if len(compact) > _NUMBER_LIMIT or not _NUMBER_TEXT_RE.fullmatch(compact):
        return None
    sign = ""
    if compact[0] in "+-":
        sign, compact = ("-" if compact[0] == "-" else ""), compact[1:]
    dots, commas = compact.count("."), compact.count(",")
    if dots and commas:
        decimal_sep = "." if compact.rfind(".") > compact.rfind(",") else ","
        thousands = "," if decimal_sep == "." else "."
        whole, _, fraction = compact.rpartition(decimal_sep)
        if decimal_sep in whole or not _grouped(whole, thousands):
            return None
        digits = whole.replace(thousands, "") + "." + fraction
    elif dots > 1 or commas > 1:
        sep = "." if dots else ","
        if not _grouped(compact, sep):
            return None
        digits = compact.replace(sep, "")
    elif dots == 1:
        whole, _, fraction = compact.partition(".")
        if len(fraction) == 3 and len(whole) <= 3 and whole.lstrip("0"):
            digits = whole + fraction  # "1.500": Vietnamese thousands
        else:
            digits = whole + "." + fraction
    elif commas == 1:
        digits = compact.replace(",", ".")
    else:
        digits = compact
    try:
        return Decimal(sign + digits)
    except InvalidOperation:
        return None


def _grouped(text: str, sep: str) -> bool:
    return _GROUPED_RE[sep].fullmatch(text) is not None


def _number_from_text(text: str, label: str) -> tuple[str, str | None]:
    number = parse_number_text(text)
    canonical = _canonical_number(number) if number is not None else None
    if canonical is None:
        return neutralise_formula(text), MSG_BAD_NUMBER.format(label=label, value=_quote(text))
    return canonical, None


# ---- choices --------------------------------------------------------------------------------


def _choose(text: str, choices: tuple[str, ...], label: str) -> tuple[str, str | None]:
    wanted = fold(text)
    for choice in choices:
        if fold(str(choice)) == wanted:
            return " ".join(nfc(str(choice)).split()), None
    shown = [" ".join(nfc(str(choice)).split()) for choice in choices[:_CHOICES_SHOWN]]
    listed = ", ".join(shown) + (", …" if len(choices) > _CHOICES_SHOWN else "")
    return neutralise_formula(text), MSG_BAD_CHOICE.format(label=label, value=_quote(text), choices=listed)
