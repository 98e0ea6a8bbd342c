"""DOCX -> the same line stream the text parser reads.

Paragraphs and tables are read in body order. Word's automatic numbering is written out as text ("1.", "a)",
"-"), runs set in a legacy font (".VnTime", ".VnTimeH", "VNI-Times") are converted to Unicode by their font,
"all caps" formatting is applied. Small two-column tables (the header and the signature block) are layout:
their cells are read column by column as ordinary lines. Other tables become rows.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from danvan.lib import vntext

from .errors import MSG_BAD_DOCX, PlanParseError
from .lines import ENCODING_NAMES, MSG_CONVERTED, Line, Stream, convert_legacy, join_continuations, make_line

MSG_FONT_CONVERTED = "Đã chuyển mã {name} (phông {fonts}) sang Unicode."
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFF = ("0", "false", "off")
LAYOUT_MAX_COLUMNS = 2
LAYOUT_MAX_ROWS = 3


def _is_layout_text(text: str) -> bool:
    from .header import national_style
    from .recipients import is_authority_line, recipients_start

    text = text.strip()
    return bool(text) and (
        recipients_start(text) is not None or is_authority_line(text) or national_style(text) is not None
    )


def _w(tag: str) -> str:
    return _W + tag


def _val(el, name: str = "val") -> str | None:
    return None if el is None else el.get(_w(name))


# ---------------------------------------------------------------------------------------------
# Styles: fonts, caps and numbering inherited from paragraph and character styles


class _Styles:
    def __init__(self, document) -> None:
        self.by_id = {}
        root = document.styles.element
        for style in root.findall(_w("style")):
            self.by_id[_val(style, "styleId")] = style
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_font = self._font_of(defaults)

    @staticmethod
    def _font_of(rpr) -> str | None:
        if rpr is None:
            return None
        fonts = rpr.find(_w("rFonts"))
        if fonts is None:
            return None
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            name = fonts.get(_w(attr))
            if name:
                return name
        return None

    def chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = _val(style.find(_w("basedOn")))

    def font(self, style_id: str | None) -> str | None:
        for style in self.chain(style_id):
            name = self._font_of(style.find(_w("rPr")))
            if name:
                return name
        return None

    def caps(self, style_id: str | None) -> bool:
        for style in self.chain(style_id):
            rpr = style.find(_w("rPr"))
            caps = rpr.find(_w("caps")) if rpr is not None else None
            if caps is not None:
                return _val(caps) not in _OFF
        return False

    def numbering(self, style_id: str | None) -> tuple[str, str] | None:
        for style in self.chain(style_id):
            ppr = style.find(_w("pPr"))
            num = ppr.find(_w("numPr")) if ppr is not None else None
            if num is not None:
                num_id = _val(num.find(_w("numId")))
                return (num_id, _val(num.find(_w("ilvl"))) or "0") if num_id else None
        return None


# ---------------------------------------------------------------------------------------------
# Automatic numbering


_ROMAN_STEPS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN_STEPS:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, document) -> _Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        for abstract in root.findall(_w("abstractNum")):
            levels = {}
            for lvl in abstract.findall(_w("lvl")):
                start = _val(lvl.find(_w("start")))
                levels[int(_val(lvl, "ilvl") or 0)] = _Level(
                    start=int(start) if start and start.isdigit() else 1,
                    fmt=_val(lvl.find(_w("numFmt"))) or "decimal",
                    text=_val(lvl.find(_w("lvlText"))) or "",
                )
            numbering.abstract[_val(abstract, "abstractNumId")] = levels
        for num in root.findall(_w("num")):
            overrides = {}
            for override in num.findall(_w("lvlOverride")):
                start = _val(override.find(_w("startOverride")))
                if start and start.isdigit():
                    overrides[int(_val(override, "ilvl") or 0)] = int(start)
            numbering.nums[_val(num, "numId")] = (_val(num.find(_w("abstractNumId"))), overrides)
        return numbering

    def label(self, num_id: str, ilvl: int) -> str:
        if num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        if level.fmt == "bullet":
            char = level.text.strip()
            return char if char in ("-", "+", "•", "*") else ("-" if char in ("–", "—") else "•")
        counters = self.counters.setdefault(num_id, {})
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def fill(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            lvl = levels.get(k, _Level())
            value = counters.get(k, overrides.get(k, lvl.start))
            return _format(value, lvl.fmt)

        return re.sub(r"%(\d)", fill, level.text).strip()


# ---------------------------------------------------------------------------------------------
# Reading


@dataclass
class _Reader:
    styles: _Styles
    numbering: _Numbering
    legacy_fonts: dict[str, set[str]] = field(default_factory=dict)

    def run_text(self, run, para_style: str | None, para_caps: bool) -> str:
        rpr = run.find(_w("rPr"))
        if (
            rpr is not None
            and rpr.find(_w("vanish")) is not None
            and _val(rpr.find(_w("vanish"))) not in _OFF
        ):
            return ""
        parts = []
        for child in run:
            tag = child.tag
            if tag == _w("t"):
                parts.append(child.text or "")
            elif tag == _w("tab"):
                parts.append("\t")
            elif tag in (_w("br"), _w("cr")):
                parts.append("\n")
            elif tag == _w("noBreakHyphen"):
                parts.append("-")
        text = "".join(parts)
        if not text:
            return ""
        char_style = _val(rpr.find(_w("rStyle"))) if rpr is not None else None
        font = (
            _Styles._font_of(rpr) or self.styles.font(char_style) or self.styles.font(para_style)
            or self.styles.default_font
        )  # fmt: skip
        if font and font.strip().lower().startswith((".vn", "vni")):
            text = vntext.repair_legacy_text(text, font_name=font)
            kind = "TCVN3 (ABC)" if font.strip().lower().startswith(".vn") else "VNI"
            self.legacy_fonts.setdefault(kind, set()).add(font.strip())
        caps_el = rpr.find(_w("caps")) if rpr is not None else None
        caps = (
            (_val(caps_el) not in _OFF)
            if caps_el is not None
            else (para_caps or self.styles.caps(char_style))
        )
        return text.upper() if caps else text

    def paragraph_text(self, p) -> str:
        ppr = p.find(_w("pPr"))
        style = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
        para_caps = self.styles.caps(style)
        parts = []
        for el in p.iter(_w("r")):
            parts.append(self.run_text(el, style, para_caps))
        text = "".join(parts)
        num = ppr.find(_w("numPr")) if ppr is not None else None
        numbered = None
        if num is not None:
            num_id = _val(num.find(_w("numId")))
            numbered = (num_id, _val(num.find(_w("ilvl"))) or "0") if num_id else None
        else:
            numbered = self.styles.numbering(style)
        if numbered and numbered[0] != "0" and text.strip():
            label = self.numbering.label(numbered[0], int(numbered[1]) if numbered[1].isdigit() else 0)
            if label:
                text = f"{label} {text.lstrip()}"
        return text

    def cell_paragraphs(self, tc) -> list[str]:
        out: list[str] = []
        for child in tc:
            if child.tag == _w("p"):
                out.extend(self.paragraph_text(child).split("\n"))
            elif child.tag == _w("tbl"):
                for tr in child.findall(_w("tr")):
                    for inner in tr.findall(_w("tc")):
                        out.extend(self.cell_paragraphs(inner))
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    out.extend(self.cell_paragraphs(content))
        return out

    def table(self, tbl) -> list[tuple[str, object]]:
        rows = [tr.findall(_w("tc")) for tr in tbl.findall(_w("tr"))]
        rows = [r for r in rows if r]
        if not rows:
            return []
        columns = max(len(r) for r in rows)
        items: list[tuple[str, object]] = []
        if 1 < columns <= LAYOUT_MAX_COLUMNS + 1 and len(rows) > LAYOUT_MAX_ROWS:
            texts = [[self.cell_paragraphs(tc) for tc in row] for row in rows]
            if any(_is_layout_text(t) for row in texts for cell in row for t in cell[:1]):
                # a header or signature block laid out one line a row ("Nơi nhận:" | "K/T TRƯỞNG BAN", ...):
                # read column by column, like a reader does
                for c in range(columns):
                    items.append(("gap", None))
                    for row in texts:
                        if c < len(row):
                            items.extend(("layout", t) for t in row[c] if t.strip())
                items.append(("gap", None))
                return items
        if columns == 1 or (columns <= LAYOUT_MAX_COLUMNS and len(rows) <= LAYOUT_MAX_ROWS):
            layout = columns > 1
            for row in rows:
                for tc in row:
                    items.append(("gap", None))
                    for text in self.cell_paragraphs(tc):
                        items.append(("layout" if layout else "p", text))
            items.append(("gap", None))
            return items
        for row in rows:
            cells = [" ".join(t.strip() for t in self.cell_paragraphs(tc) if t.strip()) for tc in row]
            items.append(("row", cells))
        return items

    def body(self, container) -> list[tuple[str, object]]:
        items: list[tuple[str, object]] = []
        for child in container:
            if child.tag == _w("p"):
                text = self.paragraph_text(child)
                if child.find(f".//{_w('br')}[@{_w('type')}='page']") is not None and not text.strip():
                    items.append(("gap", None))
                items.append(("p", text))
            elif child.tag == _w("tbl"):
                items.extend(self.table(child))
            elif child.tag == _w("sdt"):
                content = child.find(_w("sdtContent"))
                if content is not None:
                    items.extend(self.body(content))
        return items


def _to_lines(items: list[tuple[str, object]]) -> list[Line]:
    out: list[Line] = []
    gap = False
    for kind, value in items:
        if kind == "gap":
            gap = True
            continue
        if kind == "row":
            cells = [vntext.nfc(c) for c in value]  # type: ignore[union-attr]
            if not any(cells):
                continue
            out.append(Line(text="\t".join(cells), cells=cells, gap_before=gap))
            gap = False
            continue
        for raw in str(value).split("\n"):
            line = make_line(raw, layout=kind == "layout")
            if line is None:
                gap = True
                continue
            line.gap_before = gap
            gap = False
            out.append(line)
    return out


def _repair_items(items: list[tuple[str, object]]) -> tuple[list[tuple[str, object]], list[str]]:
    """Legacy text in runs whose font did not say so: detect on the whole text, convert item by item."""
    texts = [v if k != "row" else "\t".join(v) for k, v in items if k != "gap"]  # type: ignore[arg-type]
    encoding = vntext.detect_legacy_encoding("\n".join(str(t) for t in texts))
    if encoding is None:
        return items, []
    out: list[tuple[str, object]] = []
    for kind, value in items:
        if kind == "gap":
            out.append((kind, value))
        elif kind == "row":
            out.append((kind, [convert_legacy(c, encoding) for c in value]))  # type: ignore[union-attr]
        else:
            out.append((kind, convert_legacy(str(value), encoding)))
    return out, [MSG_CONVERTED.format(name=ENCODING_NAMES[encoding])]


def read_docx(data: bytes) -> Stream:
    """The line stream of a .docx file. Raises PlanParseError when the bytes are not a Word document."""
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        reader = _Reader(_Styles(document), _Numbering.read(document))
        items = reader.body(document.element.body)
    except PlanParseError:
        raise
    except Exception as error:  # python-docx raises many kinds of errors on damaged or foreign files
        # The message never carries the exception's (English, internal) name.
        detail = "cấu trúc tệp không đúng; hãy mở bằng Word, lưu lại rồi tải lên lần nữa"
        raise PlanParseError(MSG_BAD_DOCX.format(detail=detail)) from error
    warnings = [
        MSG_FONT_CONVERTED.format(name=name, fonts=", ".join(sorted(fonts)))
        for name, fonts in sorted(reader.legacy_fonts.items())
    ]
    if not reader.legacy_fonts:
        items, more = _repair_items(items)
        warnings.extend(more)
    return Stream(lines=join_continuations(_to_lines(items)), warnings=warnings)


__all__ = ["read_docx"]
