"""Single paragraphs: a line of one formatting and a short centred rule under it."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.shared import Mm, Pt

from danvan.lib.officialdoc.blocks.ooxml import _PPR_AFTER_BORDER, _border
from danvan.lib.officialdoc.profiles import FormatProfile

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
CELL_PADDING_MM = 2 * 1.905  # Word's default cell margins, 0.075 in on each side
RULE_GAP_PT = 1.5  # between a line of text and the rule under it


def _fresh_paragraph(container: Any) -> Any:
    """A new paragraph; a table cell's or header's untouched first paragraph is reused."""
    if not isinstance(container, DocxDocument):
        paragraphs = container.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0].runs and paragraphs[0]._p.pPr is None:
            return paragraphs[0]
    return container.add_paragraph()


def write_line(
    container: Any,
    profile: FormatProfile,
    text: str,
    *,
    size: float | None = None,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: str = "center",
    space_before: float = 0,
    space_after: float = 0,
    line_spacing: float = 1.0,
    first_line_indent_mm: float | None = None,
    left_indent_mm: float | None = None,
    keep_with_next: bool = False,
) -> Any:
    """One paragraph of one formatting (a header line, a title, a table cell's text)."""
    paragraph = _fresh_paragraph(container)
    fmt = paragraph.paragraph_format
    fmt.alignment = ALIGN[align]
    fmt.space_before = Pt(space_before)
    fmt.space_after = Pt(space_after)
    fmt.line_spacing = line_spacing
    if first_line_indent_mm is not None:
        fmt.first_line_indent = Mm(first_line_indent_mm)
    if left_indent_mm is not None:
        fmt.left_indent = Mm(left_indent_mm)
    if keep_with_next:
        fmt.keep_with_next = True
    if text:
        run = paragraph.add_run(text)
        run.font.size = Pt(size if size is not None else profile.body_size)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if underline:
            run.underline = True
    return paragraph


def add_rule(container: Any, profile: FormatProfile, length_mm: float, available_mm: float) -> Any:
    """A centred horizontal rule ``length_mm`` long under the previous line.

    ``available_mm`` is the width of the column (a table cell's width, cell margins included).
    """
    if not isinstance(container, DocxDocument):
        available_mm -= CELL_PADDING_MM
    side = max(0.0, (available_mm - min(length_mm, available_mm)) / 2)
    paragraph = _fresh_paragraph(container)
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.left_indent = Mm(side)
    fmt.right_indent = Mm(side)
    fmt.space_before = Pt(RULE_GAP_PT)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(6)
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    borders.append(_border("top", "single", profile.rule_weight_eighths))
    p_pr.insert_element_before(borders, *_PPR_AFTER_BORDER)
    return paragraph
