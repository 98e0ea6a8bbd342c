"""A whole document and its sections: new document, landscape section, page break, DOCX bytes."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from danvan.lib.officialdoc.blocks.ooxml import _add_field, _set_fonts
from danvan.lib.officialdoc.profiles import FormatProfile


def _page_setup(section: Any, profile: FormatProfile, *, landscape: bool) -> None:
    width, height = Mm(profile.page_width_mm), Mm(profile.page_height_mm)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = Mm(profile.margin_top_mm)
    section.bottom_margin = Mm(profile.margin_bottom_mm)
    section.left_margin = Mm(profile.margin_left_mm)
    section.right_margin = Mm(profile.margin_right_mm)
    section.header_distance = Mm(profile.header_distance_mm)
    section.footer_distance = Mm(profile.footer_distance_mm)
    section.gutter = Mm(0)


def _set_default_font(doc: DocxDocument, profile: FormatProfile) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(r_pr, profile.font_name)
    for tag in ("w:sz", "w:szCs"):
        element = r_pr.find(qn(tag))
        if element is not None:
            element.set(qn("w:val"), str(round(profile.body_size * 2)))
    lang = r_pr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), profile.language)
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
    # Every style that names a theme font gets the profile's font instead.
    for fonts in list(styles.iter(qn("w:rFonts"))):
        _set_fonts(fonts.getparent(), profile.font_name)
    normal = doc.styles["Normal"]
    normal.font.name = profile.font_name
    normal.font.size = Pt(profile.body_size)
    _set_fonts(normal.element.get_or_add_rPr(), profile.font_name)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def new_document(profile: FormatProfile, *, landscape: bool = False, title: str = "") -> DocxDocument:
    """An empty A4 document in the profile's font, margins and page numbering."""
    doc = Document()
    _set_default_font(doc, profile)
    props = doc.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.comments = ""
    props.title = title
    props.language = profile.language
    section = doc.sections[0]
    _page_setup(section, profile, landscape=landscape)
    if profile.page_number_position:
        section.different_first_page_header_footer = not profile.page_number_on_first_page
        if not profile.page_number_on_first_page:
            section.first_page_header.is_linked_to_previous = False
            section.first_page_footer.is_linked_to_previous = False
        part = section.header if profile.page_number_position == "header" else section.footer
        paragraph = part.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _add_field(paragraph, "PAGE", profile.page_number_size)
    return doc


def section_text_width_mm(section: Any) -> float:
    """The width between the margins of a section."""
    return (section.page_width - section.left_margin - section.right_margin) / 36000


def _shrink_last_paragraph(doc: DocxDocument) -> None:
    paragraph = doc.paragraphs[-1]
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)


def _close_table(doc: DocxDocument) -> None:
    """A tiny paragraph after a table that ends the body: two tables in a row would merge into one."""
    body = doc.element.body
    last = body[-1] if len(body) else None
    if last is not None and last.tag == qn("w:sectPr"):
        last = last.getprevious()
    if last is not None and last.tag == qn("w:tbl"):
        doc.add_paragraph()
        _shrink_last_paragraph(doc)


def add_landscape_section(doc: DocxDocument, profile: FormatProfile) -> Any:
    """A new section on a new page, A4 landscape (a form or a wide table); numbering continues."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _shrink_last_paragraph(doc)  # the paragraph that closes the previous section
    _page_setup(section, profile, landscape=True)
    section.different_first_page_header_footer = False
    return section


def add_page_break(doc: DocxDocument) -> None:
    """Continue on a new page (same section)."""
    paragraph = doc.add_paragraph()
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    _shrink_last_paragraph(doc)


def docx_bytes(doc: DocxDocument) -> bytes:
    """The document as DOCX bytes. A document ending with a table gets a tiny closing paragraph
    (Word needs one, and LibreOffice loses the last section's layout without it)."""
    _close_table(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
