"""The intermediate representation both readers produce: a stream of lines, some of them table rows.

Plain text and DOCX are both turned into ``list[Line]``; everything after that (header, sections, tasks,
recipients, annexes) works on lines only, so there is one parser.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field

from danvan.lib import vntext

from . import vocab


@dataclass
class Line:
    """One paragraph of the document, or one table row (``cells`` set).

    ``layout`` marks lines that came out of a layout table (header or signature table in DOCX).
    """

    text: str
    cells: list[str] | None = None
    layout: bool = False
    gap_before: bool = False  # a blank line (or a page break) came before it
    joined: int = 0  # how many continuation lines were joined into this one
    raw_cells: list[str] | None = None  # the tab-separated pieces as written, leading empty cells kept

    @property
    def is_row(self) -> bool:
        return self.cells is not None

    def filled_cells(self) -> list[str]:
        return [c for c in (self.cells or []) if c]


@dataclass
class Stream:
    lines: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Cleaning one line

_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_BOLD_RE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_UNDER_BOLD_RE = re.compile(r"(?<![\w_])__(?=\S)(.+?)(?<=\S)__(?![\w_])")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
_SPACES_RE = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MD_RULE_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
# Code points that never carry meaning in a plan's text.
_INVISIBLE = {0x200B: None, 0xFEFF: None, 0x00AD: None, 0x200E: None, 0x200F: None}


def strip_markup(text: str) -> str:
    """Remove HTML-ish tags, markdown emphasis and escapes; keep everything the author wrote."""
    if "<" in text and ">" in text:
        text = _TAG_RE.sub("", text)
    if "&" in text and _ENTITY_RE.search(text):
        text = html.unescape(text)
    if "\\" in text:
        text = _MD_ESCAPE_RE.sub(r"\1", text)
    if "*" in text:
        text = _BOLD_RE.sub(r"\1", text)
        text = text.replace("**", "")
        text = _ITALIC_RE.sub(r"\1", text)
    if "__" in text:
        text = _UNDER_BOLD_RE.sub(r"\1", text)
    return _MD_HEADING_RE.sub("", text)


def squeeze(text: str) -> str:
    """Collapse space runs (not tabs) and strip."""
    return _SPACES_RE.sub(" ", text).strip(" ")


# Footnote markers after a word: "Kế hoạch[1]", "các đơn vị (*)", "¹" (the notes themselves stay lines).
_FOOTNOTE_RE = re.compile(r"(?<=[^\s\[(])\s?(?:\[\d{1,2}\]|\(\*{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹]+)(?=[\s.,;:)]|$)")


def make_line(raw: str, *, layout: bool = False) -> Line | None:
    """One cleaned line from one raw line; None when nothing is left."""
    text = vntext.nfc(raw).translate(_INVISIBLE)
    text = strip_markup(text)
    if "[" in text or "(*" in text or any(ch in text for ch in "¹²³⁴⁵⁶⁷⁸⁹"):
        text = _FOOTNOTE_RE.sub("", text)
    text = text.replace("\r", "")
    whole = squeeze(text)
    body = whole.lstrip("\t")
    if not body.strip():
        return None
    raw_cells = [squeeze(c) for c in whole.split("\t")] if "\t" in whole else None
    if "\t" in body:
        cells = [squeeze(c) for c in body.split("\t")]
        # "1\t\t\t" keeps its empty cells (a form row); "Text\t" does not become a row
        if sum(1 for c in cells if c) == 1 and cells[0] and len(cells) == 2 and not cells[1]:
            return Line(text=cells[0], layout=layout, raw_cells=raw_cells)
        return Line(text="\t".join(cells).strip(), cells=cells, layout=layout, raw_cells=raw_cells)
    if raw_cells is not None:
        return Line(text=body.strip(), layout=layout, raw_cells=raw_cells)
    stripped = body.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        if _MD_RULE_RE.match(stripped):
            return None
        cells = [squeeze(c) for c in stripped[1:-1].split("|")]
        return Line(text="\t".join(cells), cells=cells, layout=layout)
    return Line(text=stripped, layout=layout)


# ---------------------------------------------------------------------------------------------
# Text -> lines


# A page number or page header left by a PDF copy: "2", "- 3 -", "Trang 4", "Trang 4/7".
_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}|(?:Trang|TRANG)\s+\d{1,3}(?:\s*/\s*\d{1,3})?)\s*$"
)


def split_text(text: str) -> list[Line]:
    """Raw lines of a plain text (blank lines dropped, remembered as ``gap_before``; page numbers left by a
    PDF copy dropped without a gap, so a sentence broken by a page end joins up again)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0b", "\n")
    out: list[Line] = []
    gap = False
    for raw in text.split("\n"):
        if _PAGE_NUMBER_RE.match(raw) and "\t" not in raw:
            continue
        line = make_line(raw)
        if line is None:
            gap = True
            continue
        line.gap_before = gap
        gap = False
        out.append(line)
    return out


# ---------------------------------------------------------------------------------------------
# Joining sentences broken by a page break or a hard wrap

_SENTENCE_END = ".:!?…"  # ";" and "," do not end a paragraph
# Numbered labels: "1.", "1.1.", "1.1", "1)", "(1)", "1-", "a)", "(a)", "a." (before a capital).
ITEM_RE = re.compile(
    r"^(?P<label>(?:\d{1,2}\.)+(?:\d{1,2})?(?!\d)|\d{1,2}(?:\.\d{1,2})+(?![\d.])|\d{1,2}\)|\(\d{1,2}\)"
    r"|\d{1,2}\s?-(?=\s)|[a-zđ]\)|\([a-zđ]\)|[a-zđ]\.(?=\s+[A-ZĐÂĂÊÔƠƯ]))\s*(?P<rest>\S.*)$"
)
# Bullets, including the private-use characters of Word's Symbol and Wingdings bullets.
BULLET_CHARS = "-+•–—●○▪■∙·◦➢►✓❖*\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e\uf0e0\uf0f0"
BULLET_RE = re.compile(rf"^(?P<label>[{re.escape(BULLET_CHARS)}])\s*(?P<rest>[^\s\-+*].*)$")
# "IV/2025" at the start of a wrapped line is a quarter, not a section heading.
_ROMAN_START_RE = re.compile(r"^(?:PHẦN\s+|Phần\s+)?[IVXL]{1,7}\s*[.\-–—/:)](?!\s*\d)")
# "Thời gian: ..." opens a labelled line; "MTTQ Việt Nam tỉnh:" alone ends a name wrapped from above.
_LABEL_COLON_RE = re.compile(r"^[^\s:]+(?:\s+[^\s:]+){0,3}\s*:\s*\S")
# Words that never end a sentence: a line ending with one goes on in the next line.
_NEEDS_MORE = {
    "quý", "tháng", "ngày", "năm", "số", "và", "của", "các", "những", "với", "cho", "tại", "trong", "từ",
    "đến", "về", "theo", "để", "là", "hoặc", "nhằm", "giữa", "trên", "dưới",
}  # fmt: skip
_NEW_PARAGRAPH_WORDS = ("thuc hien", "can cu", "tren day la", "noi nhan", "luu")


def is_caps(text: str) -> bool:
    """Every letter a capital (and at least one letter). Upper-casing a paragraph in C and comparing rejects
    ordinary text without walking it letter by letter in Python."""
    if text.upper() != text:
        return any(c.isalpha() for c in text) and not any(c.islower() for c in text)
    return any(c.isalpha() for c in text)


def starts_lower(text: str) -> bool:
    """Whether the first letter opens the line (after spaces and opening quotes) and is lower-case."""
    body = text.lstrip(" “\"‘'")
    return bool(body) and body[0].isalpha() and body[0].islower()


def _opens_block(text: str) -> bool:
    return bool(ITEM_RE.match(text) or BULLET_RE.match(text) or _ROMAN_START_RE.match(text))


def is_continuation(prev: Line, line: Line, *, wrapped_width: int = 0) -> bool:
    """A line that continues the previous sentence: the previous one does not end a sentence and this one
    starts with a lower-case letter (not an item label such as "a)"). In hard-wrapped text (``wrapped_width``
    set) a line right under a full-width line continues it whatever its case, unless it opens a block."""
    if prev.is_row or line.is_row or prev.layout != line.layout:
        return False
    before = prev.text.rstrip()
    if (
        before.endswith(":")
        and not line.gap_before
        and starts_lower(line.text)
        and not _opens_block(line.text)
    ):
        # "thời gian thực hiện:" / "chậm nhất ngày 15/01/2026.": a label's value wrapped onto the next line
        return not is_caps(before)
    if not before or before[-1] in _SENTENCE_END or before.endswith("./.") or is_caps(before):
        return False
    if _dash_continues(before, line, wrapped_width):
        return True
    if _opens_block(line.text) or any(vntext.fold(line.text).startswith(w) for w in ("luu ", "luu:")):
        return False
    if starts_lower(line.text):
        return True
    last_word = before.rsplit(None, 1)[-1].lower()
    if last_word in _NEEDS_MORE and not line.gap_before and not _opens_block(line.text):
        # "... thời gian thực hiện: Quý" / "I/2026.": a word that cannot end a sentence
        return True
    if not wrapped_width or line.gap_before or len(before) < 0.75 * wrapped_width or is_caps(line.text):
        return False
    if _HEADER_PIECE_RE.match(line.text) or _DATE_LINE_END_RE.search(before):
        # "* / Số 08-HD/BTGDVTU" under a header line, anything under "..., ngày 27 tháng 10 năm 2025"
        return False
    folded = vntext.fold(line.text)
    return not (_LABEL_COLON_RE.match(line.text) or folded.startswith(_NEW_PARAGRAPH_WORDS))


def _dash_continues(before: str, line: Line, width: int = 0) -> bool:
    """ "... các tổ chức chính trị" / "- xã hội thành phố ...": a wrap before the hyphen of a compound, not a
    bullet (a bullet follows a line that ends a sentence, a clause or an introduction). In hard-wrapped text
    a full line not ending so is wrapped whatever the case after the dash ("Phòng Tài chính" / "- Kế
    hoạch huyện ...")."""
    text = line.text
    if line.gap_before or text[:1] not in "-–" or text[1:2] != " " or before[-1:] in ".:;!?,":
        return False
    return starts_lower(text[2:]) or bool(width and len(before) >= 0.75 * width)


def wrapped_width(lines: list[Line]) -> int:
    """The line width of hard-wrapped text (text copied out of a PDF), 0 when lines are paragraphs."""
    lengths = sorted(len(ln.text) for ln in lines if not ln.is_row and len(ln.text) >= 30)
    if len(lengths) < 8:
        return 0
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width > 130:
        return 0
    full = sum(1 for n in lengths if n >= 0.8 * width)
    return width if full >= 0.5 * len(lengths) else 0


_HEADER_PIECE_RE = re.compile(r"^(?:[*\s]+$|Số\s*:?\s*\d*\s*[-/]\s*[^\W\d_])")
_DATE_LINE_END_RE = re.compile(r",\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}\s*$", re.IGNORECASE)
_TYPE_NAMES = frozenset(name for name, _printed, _code in vocab.DOC_TYPES)


def _follows_type_line(out: list[Line]) -> bool:
    """The previous line is the summary right under "KẾ HOẠCH" / "HƯỚNG DẪN": a capital after it starts
    the preamble, not a wrapped summary line (a wrapped summary line goes on in lower case)."""
    return len(out) >= 2 and len(out[-2].text) <= 40 and vntext.fold(out[-2].text) in _TYPE_NAMES


def join_continuations(lines: list[Line], *, hard_wrapped: bool = False) -> list[Line]:
    width = wrapped_width(lines) if hard_wrapped else 0
    out: list[Line] = []
    for line in lines:
        hard = width if not _follows_type_line(out) else 0
        if out and is_continuation(out[-1], line, wrapped_width=hard):
            prev = out[-1]
            out[-1] = Line(
                text=f"{prev.text} {line.text}",
                cells=None,
                layout=prev.layout,
                gap_before=prev.gap_before,
                joined=prev.joined + 1,
            )
            continue
        out.append(line)
    return out


# ---------------------------------------------------------------------------------------------
# Legacy encodings in plain text

ENCODING_NAMES = {
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
    "utf8-as-cp1252": "UTF-8 bị đọc nhầm theo cp1252",
}
MSG_CONVERTED = "Đã chuyển mã {name} sang Unicode."
MSG_CONVERTED_LINES = "Đã chuyển mã {name} sang Unicode ở {count} dòng."


def _typed_in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isascii() and c.isalpha()]
    return len(letters) >= 2 and not any(c.islower() for c in letters)


def convert_legacy(text: str, encoding: str) -> str:
    """Convert text known to be in ``encoding`` (a name from vntext.detect_legacy_encoding)."""
    if encoding != "tcvn3":
        return vntext.repair_legacy_text(text)
    # TCVN3 capitals with a tone exist only in the ".VnTimeH" fonts, which draw lower-case bytes as
    # capitals: a line typed in capitals was set in such a font.
    out = []
    for line in text.split("\n"):
        font = ".VnTimeH" if _typed_in_capitals(line) else ".VnTime"
        out.append(vntext.repair_legacy_text(line, font_name=font))
    return "\n".join(out)


def repair_encoding(text: str) -> tuple[str, list[str]]:
    """Convert TCVN3/VNI/mojibake to Unicode (the whole text, or the lines that need it)."""
    encoding = vntext.detect_legacy_encoding(text)
    if encoding is not None:
        return convert_legacy(text, encoding), [MSG_CONVERTED.format(name=ENCODING_NAMES[encoding])]
    if text.isascii():
        return text, []
    found: dict[str, int] = {}
    out = []
    for line in text.split("\n"):
        enc = vntext.detect_legacy_encoding(line) if not line.isascii() else None
        if enc is not None:
            line = convert_legacy(line, enc)
            found[enc] = found.get(enc, 0) + 1
        out.append(line)
    warnings = [MSG_CONVERTED_LINES.format(name=ENCODING_NAMES[e], count=n) for e, n in found.items()]
    return "\n".join(out), warnings


def document_lines(text: str) -> Stream:
    """Plain text -> the line stream the parser reads (legacy text converted, markup removed, broken
    sentences joined)."""
    text, warnings = repair_encoding(vntext.nfc(text))
    return Stream(lines=join_continuations(split_text(text), hard_wrapped=True), warnings=warnings)


@functools.lru_cache(maxsize=16384)
def key(text: str) -> str:
    """Accent-sensitive matching key: NFC, tone placement normalised, lower case, single spaces."""
    return " ".join(vntext.normalize_tone_placement(text).lower().split())


def starts_with_any(text_key: str, words: tuple[str, ...]) -> str | None:
    """The first of ``words`` that ``text_key`` starts with as whole words."""
    for word in words:
        if text_key == word or (text_key.startswith(word) and not text_key[len(word)].isalnum()):
            return word
    return None


__all__ = [
    "Line",
    "Stream",
    "convert_legacy",
    "document_lines",
    "is_caps",
    "join_continuations",
    "key",
    "make_line",
]
