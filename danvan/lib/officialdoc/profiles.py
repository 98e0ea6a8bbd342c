"""Format profiles: every number and every fixed word of an official document's layout, in one place.

A profile says how a document looks (page, margins, fonts, sizes, the header block, the symbol
shape, the recipients block, the closing mark). Renderers take a profile and never hard-code a
size or a word; a plan keeps the profile it was issued with.

Sources
-------
``party-2018``
    Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể thức và kỹ thuật
    trình bày văn bản của Đảng (as summarised in the project's domain notes): Times New Roman,
    A4 portrait; title line "ĐẢNG CỘNG SẢN VIỆT NAM" 15 upright bold with a rule of the same length
    under it; superior body 14 upright upper case; issuing body 14 bold upper case with "*" under
    it; "Số 62-KH/BDVTU" (no colon) 14; place-date 14 italic; document type 15-16 bold; summary
    14-15 bold; body 14-15; "Nơi nhận:" underlined; recipient lines 12 beginning "- ".
``party-2026``
    Quy định 399-QĐ/TW (09/01/2026) and the new format guide reported as 05-HD/VPTW (2026):
    margins 20/20/30/15 mm, body 14 pt, "Lưu Đảng ủy." with no colon, no "./." at the end.
    [verify] The whole profile is second-hand: the guide's text was not seen.
``state-2020``
    Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 về công tác văn thư, Phụ lục I (thể thức, kỹ thuật
    trình bày văn bản hành chính); also used by the Fatherland Front (MTTQ). Margins top/bottom
    20-25, left 30-35, right 15-20 mm (20/20/30/15 chosen); "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    12-13 bold (13 chosen) and "Độc lập - Tự do - Hạnh phúc" 13-14 bold (14 chosen) with a rule of
    the same length; issuing body 12-13 bold with a rule of 1/3-1/2 of its length; "Số: 157/KH-UBND"
    13; document type 13-14 bold; summary 13-14 bold with a short rule under it; body 13-14;
    "Nơi nhận:" 12 bold italic; recipient lines 11; page numbers top centre from page 2.

Items marked [verify] were not confirmed against an official text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from danvan.lib.vndates import format_vn_date_line

__all__ = [
    "PROFILES",
    "PURPOSE_ABBREVIATIONS",
    "TYPE_CODES",
    "FormatProfile",
    "MottoLine",
    "closing_text",
    "get_profile",
    "heading_text",
    "place_date_line",
    "recipient_lines",
    "symbol_line",
    "text_width_mm",
]

# Document type codes (documents.md, "Symbols and numbering").
_TYPE_CODES_TEXT = "NQ QĐ CT KL QC QĐi TT HD TB TC BC KH CTr ĐA TTr CV BB GM"
TYPE_CODES = frozenset(_TYPE_CODES_TEXT.split())

# Recipient purposes (danvan.lib.plandoc.PURPOSE_*) -> the local abbreviation.
PURPOSE_ABBREVIATIONS = (
    ("report", "(b/c)"),
    ("coordinate", "(p/h)"),
    ("implement", "(t/h)"),
    ("inform", "(để biết)"),
)

MSG_UNKNOWN_PROFILE = "Không có mẫu trình bày «{code}» (chỉ có: {known})."


@dataclass(frozen=True)
class MottoLine:
    """One line of the national motto block (top right)."""

    text: str
    size_pt: float
    bold: bool = True


@dataclass(frozen=True)
class FormatProfile:
    """How an official document is laid out. Lengths in millimetres, font sizes in points."""

    code: str
    name: str  # shown to users
    family: str  # "party" | "state"
    basis: str  # the rule the profile follows

    # Page: A4 portrait.
    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_top_mm: float = 20.0
    margin_bottom_mm: float = 20.0
    margin_left_mm: float = 30.0
    margin_right_mm: float = 15.0
    header_distance_mm: float = 10.0
    footer_distance_mm: float = 10.0

    # Font (Word's ascii/hAnsi/eastAsia/cs font slots all get it).
    font_name: str = "Times New Roman"
    language: str = "vi-VN"

    # Header block: left column = superior body / issuing body / mark / number; right = motto / date.
    header_left_ratio: float = 0.45  # share of the text width for the left column
    motto: tuple[MottoLine, ...] = (MottoLine("ĐẢNG CỘNG SẢN VIỆT NAM", 15),)
    motto_rule_ratio: float = 1.0  # the rule under the motto, as a share of the last motto line's width
    rule_weight_eighths: int = 6  # rule thickness in eighths of a point (6 = 0.75 pt)
    superior_body_size: float = 14
    issuing_body_size: float = 14
    issuing_body_mark: str = "*"  # the star under a Party issuing body ("" for state)
    issuing_body_rule_ratio: float = 0.0  # state: a rule of 1/3-1/2 of the issuing body's width
    symbol_size: float = 14
    symbol_template: str = "Số {number}-{suffix}"  # suffix = type code and body code
    symbol_suffix: str = "{type}/{body}"  # "KH/BDVTU"
    number_blank: str = "   "  # an unsigned draft: "Số    -KH/BDVTU"
    place_date_size: float = 14
    date_leading_zero: bool = True  # "ngày 05 tháng 02 năm 2023", but "ngày 27 tháng 5"

    # Title: document type and summary, centred.
    doc_type_size: float = 16
    summary_size: float = 14
    summary_rule_ratio: float = 0.0  # state: a short rule under the summary; Party: none [verify]
    title_space_before_pt: float = 12
    title_space_after_pt: float = 12

    # Body.
    body_size: float = 14
    first_line_indent_mm: float = 10.0  # 1 cm (1.27 cm is also allowed)
    line_spacing: float = 1.15  # multiple of single; the rules allow single to 1.5 lines [verify]
    paragraph_space_before_pt: float = 0
    paragraph_space_after_pt: float = 6  # "at least 6 pt between paragraphs"
    heading_template: str = "{label}- {title}"  # "I- MỤC ĐÍCH, YÊU CẦU" (Party local style)
    heading_upper: bool = True
    closing_mark: str = "./."  # appended to the last paragraph of the body ("" = none)
    table_size: float = 13  # text in bordered tables (annexes, forms)

    # Signature block (right) and recipients (left).
    signature_left_ratio: float = 0.5
    authority_size: float = 14
    signer_size: float = 14
    signature_space_pt: float = 72  # room for the signature and the seal (about 25 mm)
    recipients_heading: str = "Nơi nhận:"
    recipients_heading_size: float = 14  # [verify] documents.md: 12-14
    recipients_heading_bold: bool = False
    recipients_heading_italic: bool = False
    recipients_heading_underline: bool = True
    recipient_size: float = 12
    recipient_line_end: str = ";"  # local style; central Party style ends lines with ","
    archive_template: str = "Lưu: {units}."  # "- Lưu: VT, BDV."
    default_archive: str = "VT"  # used when a document names no archive line
    purpose_abbreviations: tuple[tuple[str, str], ...] = PURPOSE_ABBREVIATIONS

    # Page numbers: top centre, from page 2. [verify] for the Party profiles.
    page_number_position: str = "header"  # "header" | "footer" | "" (none)
    page_number_size: float = 14
    page_number_on_first_page: bool = False

    # [verify]: the fields whose values were not confirmed against the official text.
    unverified: tuple[str, ...] = field(default=())

    # -- derived numbers

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def landscape_text_width_mm(self) -> float:
        return self.page_height_mm - self.margin_left_mm - self.margin_right_mm

    def purpose_text(self, purpose: str) -> str:
        """ "(b/c)" for "report"; "" for an unknown purpose."""
        return dict(self.purpose_abbreviations).get(purpose, "")

    def archive_line(self, units: str) -> str:
        """ "Lưu: VT, BDV." / "Lưu Đảng ủy." from the units ("VT, BDV")."""
        return self.archive_template.format(units=units.strip() or self.default_archive)


PARTY_2018 = FormatProfile(
    code="party-2018",
    name="Văn bản của Đảng (Hướng dẫn 36-HD/VPTW, 2018)",
    family="party",
    basis="Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng",
    # Margins: the guide allows top/bottom 20-25, left 30-35, right 15-20 mm; 20/20/30/15 chosen. [verify]
    unverified=(
        "margin_top_mm",
        "margin_bottom_mm",
        "margin_left_mm",
        "margin_right_mm",
        "line_spacing",
        "recipients_heading_size",
        "summary_rule_ratio",
        "page_number_position",
        "page_number_size",
    ),
)

PARTY_2026 = replace(
    PARTY_2018,
    code="party-2026",
    name="Văn bản của Đảng (Quy định 399-QĐ/TW, 2026)",
    basis="Quy định số 399-QĐ/TW ngày 09/01/2026; hướng dẫn thể thức 05-HD/VPTW (2026) [verify]",
    # [verify] all of the following: reported, not read in the official text.
    margin_top_mm=20.0,
    margin_bottom_mm=20.0,
    margin_left_mm=30.0,
    margin_right_mm=15.0,
    body_size=14,
    archive_template="Lưu {units}.",  # "- Lưu Đảng ủy." (no colon)
    closing_mark="",  # no "./." at the end
    unverified=(
        *PARTY_2018.unverified,
        "body_size",
        "archive_template",
        "closing_mark",
        "recipient_line_end",
    ),
)

STATE_2020 = FormatProfile(
    code="state-2020",
    name="Văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
    family="state",
    basis="Nghị định số 30/2020/NĐ-CP ngày 05/3/2020, Phụ lục I",
    header_left_ratio=0.36,  # the right column must hold the 13 pt motto line (about 96 mm)
    motto=(
        MottoLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13),
        MottoLine("Độc lập - Tự do - Hạnh phúc", 14),
    ),
    superior_body_size=13,
    issuing_body_size=13,
    issuing_body_mark="",
    issuing_body_rule_ratio=0.4,
    symbol_size=13,
    symbol_template="Số: {number}/{suffix}",
    symbol_suffix="{type}-{body}",
    doc_type_size=14,
    summary_size=14,
    summary_rule_ratio=0.4,
    body_size=14,
    heading_template="{label}. {title}",
    recipients_heading_size=12,
    recipients_heading_bold=True,
    recipients_heading_italic=True,
    recipients_heading_underline=False,
    recipient_size=11,
    archive_template="Lưu: {units}.",
    page_number_size=13,
    unverified=("line_spacing",),
)

PROFILES: dict[str, FormatProfile] = {p.code: p for p in (PARTY_2018, PARTY_2026, STATE_2020)}
DEFAULT_PROFILE = "party-2018"


def get_profile(code: str | FormatProfile | None = None) -> FormatProfile:
    """The profile named ``code`` (a profile passes through; None gives the default).

    Raises KeyError with a Vietnamese message for an unknown code.
    """
    if isinstance(code, FormatProfile):
        return code
    key = (code or DEFAULT_PROFILE).strip()
    try:
        return PROFILES[key]
    except KeyError:
        raise KeyError(MSG_UNKNOWN_PROFILE.format(code=key, known=", ".join(PROFILES))) from None


# ----------------------------------------------------------------------------------------------
# Text width (Times New Roman / Liberation Serif advance widths, 1/1000 em)

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_REGULAR = (
    "722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 944 722 722 611 "
    "444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444"
)
_BOLD = (
    "722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 1000 "
    "722 722 667 "
    "500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444"
)
_PUNCT = {" ": 250, ".": 250, ",": 250, ":": 278, ";": 278, "-": 333, "/": 278, "(": 333, ")": 333, "*": 500}
_WIDTHS = {
    False: dict(zip(_LETTERS, map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(_LETTERS, map(int, _BOLD.split()), strict=True)),
}


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The printed width of one line of text (an estimate good to a few per cent)."""
    table = _WIDTHS[bool(bold)]
    total = 0
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            continue
        ch = {"Đ": "D", "đ": "d"}.get(ch, ch)
        total += table.get(ch, _PUNCT.get(ch, 500))
    return total / 1000 * size_pt * 25.4 / 72


# ----------------------------------------------------------------------------------------------
# Fixed lines in the profile's wording


_SYMBOL_RE = re.compile(r"^\s*(?:số\s*:?\s*)?(\d+[a-z]?)?\s*[-/]?\s*(.*?)\s*$", re.IGNORECASE)


def _split_suffix(suffix: str) -> tuple[str, str]:
    """("KH", "BDVTU") from "KH/BDVTU" or "KH-BDVTU"; ("", "UBND-VP") for a state letter."""
    if "/" in suffix:
        kind, body = suffix.split("/", 1)
        return kind, body
    head, _, tail = suffix.partition("-")
    if tail and head in TYPE_CODES:
        return head, tail
    return "", suffix


def symbol_line(
    profile: FormatProfile, *, number: str = "", symbol: str = "", type_code: str = "", body_code: str = ""
) -> str:
    """ "Số 62-KH/BDVTU" (Party) or "Số: 157/KH-UBND" (state); blanks for a draft; "" when unknown.

    The type and body codes come from ``type_code``/``body_code`` when given, else from the symbol
    as written (either shape), so a symbol is re-shaped to the profile's style.
    """
    written_number, kind, body = "", "", ""
    if symbol:
        match = _SYMBOL_RE.match(symbol)
        assert match is not None  # every group is optional: any one-line symbol matches
        written_number = match.group(1) or ""
        kind, body = _split_suffix(match.group(2))
    if body_code:
        kind, body = type_code or kind, body_code
    if not body:
        return ""
    suffix = profile.symbol_suffix.format(type=kind, body=body) if kind else body
    number = (number or written_number).strip() or profile.number_blank
    return profile.symbol_template.format(number=number, suffix=suffix)


def place_date_line(profile: FormatProfile, place: str, day: date | None) -> str:
    """ "Bắc Giang, ngày 05 tháng 9 năm 2023"; blanks for an undated draft."""
    if profile.date_leading_zero or day is None:
        return format_vn_date_line(place, day)
    body = f"ngày {day.day} tháng {day.month} năm {day.year}"
    return f"{place.strip()}, {body}" if place.strip() else body[:1].upper() + body[1:]


def heading_text(profile: FormatProfile, label: str, title: str) -> str:
    """ "I- MỤC ĐÍCH, YÊU CẦU" (label "I" or "I." or "I-", title in any case)."""
    label = label.strip().rstrip(".-):").strip()
    title = title.strip()
    if profile.heading_upper:
        title = title.upper()
    return profile.heading_template.format(label=label, title=title) if label else title


def closing_text(profile: FormatProfile, text: str) -> str:
    """The last paragraph of a body with the profile's closing mark ("./.") or without one."""
    body = text.rstrip()
    for mark in ("./.", "/."):
        if body.endswith(mark):
            body = body[: -len(mark)].rstrip()
            break
    if not body:
        return body
    if profile.closing_mark:
        return body.removesuffix(".") + profile.closing_mark
    return body if body[-1] in ".!?…" else body + "."


_LEADING_DASH = re.compile(r"^[\s\-–+•]+")
_ARCHIVE = re.compile(r"^lưu\b\s*:?\s*", re.IGNORECASE)


def recipient_lines(profile: FormatProfile, recipients: Iterable[Any]) -> list[str]:
    """ "- Ban Dân vận Tỉnh ủy (b/c);" lines, the archive line last ("- Lưu: VT, BDV.").

    ``recipients`` are objects with ``name``, ``purpose``, ``purpose_text`` and ``raw`` (as
    ``danvan.lib.plandoc.Recipient``); a purpose the profile knows is written its way, any
    other purpose as written. Archive entries ("archive" or a name beginning "Lưu") are merged.
    """
    lines: list[str] = []
    archive: list[str] = []
    for recipient in recipients:
        purpose = getattr(recipient, "purpose", "") or ""
        written = (getattr(recipient, "purpose_text", "") or "").strip()
        name = (getattr(recipient, "name", "") or getattr(recipient, "raw", "") or "").strip()
        name = _LEADING_DASH.sub("", name).rstrip(" ;,.")
        if written and name.endswith(written):
            name = name[: -len(written)].rstrip(" ;,")
        if purpose == "archive" or _ARCHIVE.match(name):
            units = _ARCHIVE.sub("", name).strip()
            if units:
                archive.append(units)
            continue
        if not name:
            continue
        note = profile.purpose_text(purpose) or written
        lines.append(
            f"- {name} {note}{profile.recipient_line_end}"
            if note
            else f"- {name}{profile.recipient_line_end}"
        )
    lines.append("- " + profile.archive_line(", ".join(archive)))
    return lines
