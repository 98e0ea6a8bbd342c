"""Sections ("I- MỤC ĐÍCH, YÊU CẦU") and their blocks (numbered items, bullets, paragraphs) with nesting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan.lib import vntext
from danvan.lib.plandoc import ROLE_OTHER, Block, Section

from . import vocab
from .lines import BULLET_RE, ITEM_RE, Line, is_caps

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_ORDINALS = {
    "nhat": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10,
}  # fmt: skip
_HEADING_RE = re.compile(r"^(?P<roman>[IVXL]{1,7})\s*(?P<sep>[.:\-–—/)])\s*(?P<title>.*)$")
_PART_RE = re.compile(
    r"^(?:PHẦN|Phần)\s+(?:(?P<roman>[IVXL]{1,7})|(?:THỨ|thứ)\s+(?P<word>\w+))(?![\w])\s*[.:\-–—/)]?\s*(?P<title>.*)$"
)
_ARABIC_HEADING_RE = re.compile(r"^(?P<num>\d{1,2})\s*[.\-/)]\s*(?P<title>\S.*)$")
_END_MARK_RE = re.compile(r"\s*\.?/\.\s*$")


def roman_value(text: str) -> int | None:
    """ "IV" -> 4; None for anything that is not a canonical roman numeral up to L."""
    total, prev = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        total += -value if value < prev else value
        prev = max(prev, value)
    return total if total > 0 and to_roman(total) == text else None


def to_roman(value: int) -> str:
    out = ""
    for number, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= number:
            out += letters
            value -= number
    return out


@dataclass
class Heading:
    index: int  # line index
    label: str  # "I", "II", ... ("1", "2" for arabic capital headings)
    title: str
    value: int
    kind: str  # "roman" | "part" | "arabic"
    title_lines: int = 0  # how many following lines were taken as the title


def match_heading(text: str) -> tuple[str, int, str, str] | None:
    """ "I- MỤC ĐÍCH, YÊU CẦU" -> ("I", 1, "MỤC ĐÍCH, YÊU CẦU", "roman")."""
    text = text.strip()
    m = _PART_RE.match(text)
    if m:
        if m["roman"]:
            value = roman_value(m["roman"])
            label = m["roman"]
        else:
            value = _ORDINALS.get(vntext.fold(m["word"]))
            label = to_roman(value) if value else ""
        if value:
            return label, value, m["title"].strip(), "part"
    m = _HEADING_RE.match(text)
    if m:
        value = roman_value(m["roman"])
        title = m["title"].strip()
        if value and title and len(title) <= 200 and not title[:1].islower() and not title[:1].isdigit():
            return m["roman"], value, title, "roman"
        if value and not title and m["sep"] in ".:-–—":
            return m["roman"], value, "", "roman"
    return None


def _continues_heading(lines: list[Line], k: int, end: int) -> bool:
    if k >= end or lines[k].is_row:
        return False
    text = lines[k].text.strip()
    return (
        is_caps(text)
        and len(text) <= 60
        and not lines[k].gap_before
        and match_heading(text) is None
        and not ITEM_RE.match(text)
        and not BULLET_RE.match(text)
        and not _PART_RE.match(text)
    )


def find_headings(lines: list[Line], start: int, end: int) -> list[Heading]:
    """Section headings in order; each numeral must follow the one before (I, II, III ...)."""
    found: list[Heading] = []
    last: dict[str, int] = {}
    for i in range(start, end):
        line = lines[i]
        if line.is_row:
            continue
        m = match_heading(line.text)
        if not m:
            continue
        label, value, title, kind = m
        previous = last.get(kind)
        if (previous is None and value <= 2) or (previous is not None and previous < value <= previous + 2):
            taken = 0
            if not title and i + 1 < end and not lines[i + 1].is_row and is_caps(lines[i + 1].text):
                title, taken = lines[i + 1].text.strip(), 1
            # a heading wrapped in a narrow cell: "III. TỔ CHỨC" / "THỰC HIỆN"
            while title and is_caps(title) and _continues_heading(lines, i + 1 + taken, end):
                title = f"{title} {lines[i + 1 + taken].text.strip()}"
                taken += 1
            found.append(Heading(i, label, title.rstrip(" :"), value, kind, taken))
            last[kind] = value
    if found:
        return found
    # No roman numerals: "1. MỤC ĐÍCH, YÊU CẦU" in capitals serves as the section heading.
    expected = 1
    for i in range(start, end):
        line = lines[i]
        m = _ARABIC_HEADING_RE.match(line.text) if not line.is_row else None
        if m and int(m["num"]) == expected and is_caps(m["title"]) and len(m["title"]) <= 120:
            found.append(Heading(i, m["num"], m["title"].strip().rstrip(" :"), expected, "arabic"))
            expected += 1
    return found if len(found) >= 2 else []


def role_for(title: str) -> str:
    """The section role from its heading words (accent- and case-insensitive); the first keyword wins."""
    folded = " " + vntext.fold(title) + " "
    best: tuple[int, str] | None = None
    for word, role in vocab.ROLE_KEYWORDS:
        pos = folded.find(" " + word + " ")
        if pos >= 0 and (best is None or pos < best[0]):
            best = (pos, role)
    return best[1] if best else ROLE_OTHER


def strip_end_mark(text: str) -> str:
    """Remove the end-of-document mark "./." (a renderer writes it again)."""
    return _END_MARK_RE.sub("", text).rstrip()


# ---------------------------------------------------------------------------------------------
# Blocks


@dataclass
class _Open:
    block: Block
    family: str  # "num", "paren", "letter", "bullet", "paragraph"
    depth: int = 0
    marker: str = ""


def classify(text: str) -> tuple[str, str, str, int]:
    """(kind, family, label, depth) and the text after the label for one line."""
    m = ITEM_RE.match(text)
    if m:
        label = m["label"]
        if label[0].isdigit() and not label.endswith(")"):
            depth = len([p for p in label.rstrip("- ").split(".") if p])
            return "item", "num", label, depth
        if label.strip("()")[0].isdigit():
            return "item", "paren", label, 0
        return "item", "letter", label, 0
    m = BULLET_RE.match(text)
    if m and not (m["label"] == "*" and text.strip() == "*"):
        return "bullet", "bullet", m["label"], 0
    return "paragraph", "paragraph", "", 0


def _rest(text: str, kind: str) -> str:
    if kind == "item":
        return ITEM_RE.match(text)["rest"]
    if kind == "bullet":
        return BULLET_RE.match(text)["rest"]
    return text


def parse_blocks(lines: list[Line]) -> list[Block]:
    """Blocks with nesting: "1.1" under "1", "a)" under the current numbered item, bullets under the item or
    under a paragraph ending with ":", a different bullet mark under the previous bullet, and paragraphs that
    follow a numbered item inside it."""
    root: list[Block] = []
    stack: list[_Open] = []

    def attach(block: Block) -> None:
        (stack[-1].block.children if stack else root).append(block)

    for line in lines:
        raw = "\t".join(line.filled_cells()) if line.is_row else line.text
        if not raw.strip():
            continue
        kind, family, label, depth = classify(raw) if not line.is_row else ("paragraph", "paragraph", "", 0)
        text = strip_end_mark(_rest(raw, kind).strip()) if not line.is_row else raw
        block = Block(kind=kind, label=label, text=text, cells=list(line.cells or []))
        if family == "num":
            while stack and not (stack[-1].family == "num" and stack[-1].depth < depth):
                stack.pop()
        elif family in ("paren", "letter"):
            same = [k for k, o in enumerate(stack) if o.family == family]
            if same:
                del stack[same[-1] :]
            else:
                while stack and stack[-1].family not in ("num", "paren", "letter"):
                    stack.pop()
        elif family == "bullet":
            same = [k for k, o in enumerate(stack) if o.family == "bullet" and o.marker == label]
            if same:
                del stack[same[-1] :]
            else:
                while stack and stack[-1].family == "paragraph" and not stack[-1].block.text.endswith(":"):
                    stack.pop()
        else:
            while stack and stack[-1].family not in ("num", "paren", "letter"):
                stack.pop()
        attach(block)
        stack.append(_Open(block, family, depth, label if family == "bullet" else ""))
    return root


def build_sections(lines: list[Line], headings: list[Heading], end: int) -> list[Section]:
    sections = []
    for k, heading in enumerate(headings):
        stop = headings[k + 1].index if k + 1 < len(headings) else end
        body = lines[heading.index + 1 + heading.title_lines : stop]
        sections.append(
            Section(
                label=heading.label,
                title=heading.title,
                role=role_for(heading.title),
                blocks=parse_blocks(body),
            )
        )
    return sections


def walk(blocks: list[Block], parents: tuple[Block, ...] = ()):
    """(block, parents) for every block, depth first, in document order."""
    for block in blocks:
        yield block, parents
        yield from walk(block.children, (*parents, block))


__all__ = [
    "BULLET_RE",
    "ITEM_RE",
    "Heading",
    "build_sections",
    "classify",
    "find_headings",
    "match_heading",
    "parse_blocks",
    "role_for",
    "strip_end_mark",
    "walk",
]
