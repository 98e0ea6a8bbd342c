"""Building blocks of an official document, on a python-docx ``Document``.

Each block takes the format profile (``profiles.FormatProfile``) and reads every size and word
from it. The blocks know nothing about plans: invitations, reports and consolidated tables use
the same pieces (``new_document``, ``add_header_table``, ``add_doc_title``, ``add_body_paragraph``,
``add_heading``, ``add_signature_and_recipients``, ``add_table``, ``add_landscape_section``,
``docx_bytes``). The fixed lines in the profile's wording (``symbol_line``, ``place_date_line``,
``heading_text``, ``closing_text``, ``recipient_lines``) are built by ``profiles``.

Layout choices: the header and the signature are borderless two-column tables (the usual practice);
a short rule is an empty paragraph with a top border, indented so that the border has the wanted
length (text widths are estimated from Times New Roman's metrics, which Liberation Serif shares).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from danvan.lib.officialdoc.profiles import FormatProfile, heading_text, text_width_mm

__all__ = [
    "add_body_paragraph",
    "add_doc_title",
    "add_header_table",
    "add_heading",
    "add_landscape_section",
    "add_layout_table",
    "add_page_break",
    "add_rule",
    "add_signature_and_recipients",
    "add_table",
    "docx_bytes",
    "new_document",
    "section_text_width_mm",
    "write_line",
]

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
CELL_PADDING_MM = 2 * 1.905  # Word's default cell margins, 0.075 in on each side
RULE_GAP_PT = 1.5  # between a line of text and the rule under it

# ----------------------------------------------------------------------------------------------
# XML helpers

# Elements that follow w:pBdr in w:pPr and w:tblBorders in w:tblPr (the schema fixes the order).
_PPR_FOLLOWERS = (
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)
_PPR_AFTER_BORDER = tuple(f"w:{tag}" for tag in _PPR_FOLLOWERS.split())
_TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_TBLPR_AFTER_WIDTH = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", *_TBLPR_AFTER_BORDERS)


def _border(tag: str, val: str = "single", size: int = 4) -> Any:
    element = OxmlElement(f"w:{tag}")
    element.set(qn("w:val"), val)
    element.set(qn("w:sz"), str(size if val != "none" else 0))
    element.set(qn("w:space"), "0")
    element.set(qn("w:color"), "auto")
    return element


def _set_table_borders(table: Table, val: str, size: int = 4) -> None:
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(side, val, size))
    tbl_pr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)


def _set_widths(table: Table, widths_mm: Sequence[float]) -> None:
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblW"))
    if old is not None:
        tbl_pr.remove(old)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(round(sum(widths_mm) / 25.4 * 1440)))
    total.set(qn("w:type"), "dxa")
    tbl_pr.insert_element_before(total, *_TBLPR_AFTER_WIDTH)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        _set_row_widths(row, widths_mm)


def _set_row_widths(row: Any, widths_mm: Sequence[float]) -> None:
    for cell, width in zip(row.cells, widths_mm, strict=True):
        cell.width = Mm(width)


def _row_flag(row: Any, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement(f"w:{tag}")
    successors = {"w:cantSplit": ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")}
    tr_pr.insert_element_before(flag, *successors.get(f"w:{tag}", ("w:tblCellSpacing", "w:jc", "w:hidden")))


def _set_fonts(r_pr: Any, name: str) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def _add_field(paragraph: Any, instruction: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) shown as "1" until the viewer updates it."""

    def run_with(tag: str, **attrs: str) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(size)
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        run._r.append(element)
        if tag == "w:instrText":
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    run_with("w:instrText")
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run("1").font.size = Pt(size)
    run_with("w:fldChar", **{"w:fldCharType": "end"})


# ----------------------------------------------------------------------------------------------
# Document and sections


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


# ----------------------------------------------------------------------------------------------
# Lines and rules


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


# ----------------------------------------------------------------------------------------------
# Tables


def add_layout_table(
    doc: DocxDocument, widths_mm: Sequence[float], rows: int = 1, *, borders: bool = False
) -> Table:
    """A table used for layout (borderless unless asked), fixed column widths, centred."""
    _close_table(doc)
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_table_borders(table, "single" if borders else "none")
    _set_widths(table, widths_mm)
    return table


def add_table(
    doc: DocxDocument,
    profile: FormatProfile,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    widths: Sequence[float] | None = None,
    size: float | None = None,
    aligns: Sequence[str] | None = None,
    bold_columns: Iterable[int] = (),
    row_height_mm: float | None = None,
) -> Table:
    """A bordered table across the text width: bold centred header row repeated on every page.

    ``headers`` may be empty (no header row). ``widths`` are relative column widths (any unit),
    scaled to the text width of the current section. ``aligns`` per column: "left", "center", ...;
    ``bold_columns``: indexes of columns in bold. Cell values are written with ``str()``; None is empty.
    """
    rows = [list(r) for r in rows]
    ncols = len(headers) if headers else max((len(r) for r in rows), default=1)
    weights = list(widths) if widths else [1.0] * ncols
    total = section_text_width_mm(doc.sections[-1])
    widths_mm = [total * w / sum(weights) for w in weights]
    size = size if size is not None else profile.table_size
    aligns = list(aligns) if aligns else ["left"] * ncols
    bold = set(bold_columns)
    _close_table(doc)
    table = doc.add_table(rows=0, cols=ncols)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _set_table_borders(table, "single")
    if headers:
        row = table.add_row()
        _row_flag(row, "cantSplit")
        _row_flag(row, "tblHeader")
        for cell, text in zip(row.cells, headers, strict=True):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            write_line(cell, profile, text, size=size, bold=True, space_before=3, space_after=3)
    for values in rows:
        row = table.add_row()
        _row_flag(row, "cantSplit")
        if row_height_mm:
            row.height = Mm(row_height_mm)
        for index, cell in enumerate(row.cells):
            value = values[index] if index < len(values) else None
            text = "" if value is None else str(value)
            write_line(
                cell,
                profile,
                text,
                size=size,
                bold=index in bold,
                align=aligns[index],
                space_before=3,
                space_after=3,
            )
    _set_widths(table, widths_mm)
    return table


# ----------------------------------------------------------------------------------------------
# The fixed blocks of an official document


def add_header_table(
    doc: DocxDocument,
    profile: FormatProfile,
    *,
    superior_body: str = "",
    issuing_body: str = "",
    symbol_line: str = "",
    place_date_line: str = "",
) -> Table:
    """The header: left = superior body / issuing body / "*" / number; right = motto / rule / date."""
    total = section_text_width_mm(doc.sections[-1])
    left_mm = total * profile.header_left_ratio
    right_mm = total - left_mm
    table = add_layout_table(doc, [left_mm, right_mm], rows=2)
    left, right = table.cell(0, 0), table.cell(0, 1)
    if superior_body.strip():
        write_line(left, profile, superior_body.strip().upper(), size=profile.superior_body_size)
    if issuing_body.strip():
        body = issuing_body.strip().upper()
        write_line(left, profile, body, size=profile.issuing_body_size, bold=True)
        if profile.issuing_body_rule_ratio:
            width = (
                text_width_mm(body, profile.issuing_body_size, bold=True) * profile.issuing_body_rule_ratio
            )
            add_rule(left, profile, width, left_mm)
    if profile.issuing_body_mark:
        write_line(left, profile, profile.issuing_body_mark, size=profile.issuing_body_size)
    for line in profile.motto:
        write_line(right, profile, line.text, size=line.size_pt, bold=line.bold)
    if profile.motto and profile.motto_rule_ratio:
        last = profile.motto[-1]
        width = text_width_mm(last.text, last.size_pt, bold=last.bold) * profile.motto_rule_ratio
        add_rule(right, profile, width, right_mm)
    write_line(table.cell(1, 0), profile, symbol_line, size=profile.symbol_size, space_before=4)
    write_line(
        table.cell(1, 1), profile, place_date_line, size=profile.place_date_size, italic=True, space_before=4
    )
    return table


def add_doc_title(doc: DocxDocument, profile: FormatProfile, doc_type: str, summary: str = "") -> list[Any]:
    """The document type ("KẾ HOẠCH") and the summary under it, centred and bold."""
    paragraphs = [
        write_line(
            doc,
            profile,
            doc_type.strip().upper(),
            size=profile.doc_type_size,
            bold=True,
            space_before=profile.title_space_before_pt,
            keep_with_next=True,
        )
    ]
    summary = summary.strip()
    if summary:
        paragraphs.append(
            write_line(doc, profile, summary, size=profile.summary_size, bold=True, keep_with_next=True)
        )
        if profile.summary_rule_ratio:
            total = section_text_width_mm(doc.sections[-1])
            width = min(text_width_mm(summary, profile.summary_size, bold=True), total)
            paragraphs.append(add_rule(doc, profile, width * profile.summary_rule_ratio, total))
    paragraphs[-1].paragraph_format.space_after = Pt(profile.title_space_after_pt)
    return paragraphs


def add_body_paragraph(
    doc: DocxDocument,
    profile: FormatProfile,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    indent: bool = True,
    align: str = "justify",
    keep_with_next: bool = False,
) -> Any:
    """A body paragraph: justified, first-line indent, the profile's size and spacing."""
    return write_line(
        doc,
        profile,
        text,
        size=profile.body_size,
        bold=bold,
        italic=italic,
        align=align,
        space_before=profile.paragraph_space_before_pt,
        space_after=profile.paragraph_space_after_pt,
        line_spacing=profile.line_spacing,
        first_line_indent_mm=profile.first_line_indent_mm if indent else 0,
        keep_with_next=keep_with_next,
    )


def add_heading(doc: DocxDocument, profile: FormatProfile, label: str, title: str) -> Any:
    """A section heading in the profile's style ("I- MỤC ĐÍCH, YÊU CẦU"), bold, kept with what follows."""
    return add_body_paragraph(
        doc, profile, heading_text(profile, label, title), bold=True, keep_with_next=True
    )


def add_signature_and_recipients(
    doc: DocxDocument,
    profile: FormatProfile,
    recipients: Sequence[str],
    authority_lines: Sequence[str],
    signer_name: str,
) -> Table:
    """Recipients (left: "Nơi nhận:" and finished lines from ``recipient_lines``) and the signature
    (right: authority lines in bold capitals, room to sign, the signer's name in bold)."""
    total = section_text_width_mm(doc.sections[-1])
    left_mm = total * profile.signature_left_ratio
    table = add_layout_table(doc, [left_mm, total - left_mm])
    _row_flag(table.rows[0], "cantSplit")
    left, right = table.cell(0, 0), table.cell(0, 1)
    if recipients:
        write_line(
            left,
            profile,
            profile.recipients_heading,
            size=profile.recipients_heading_size,
            bold=profile.recipients_heading_bold,
            italic=profile.recipients_heading_italic,
            underline=profile.recipients_heading_underline,
            align="left",
            space_before=6,
        )
        hang = text_width_mm("- ", profile.recipient_size)  # wrapped lines align after the dash
        for line in recipients:
            write_line(
                left,
                profile,
                line,
                size=profile.recipient_size,
                align="left",
                left_indent_mm=hang,
                first_line_indent_mm=-hang,
            )
    lines = [line.strip().upper() for line in authority_lines if line.strip()]
    for index, line in enumerate(lines):
        write_line(
            right, profile, line, size=profile.authority_size, bold=True, space_before=6 if index == 0 else 0
        )
    if signer_name.strip():
        write_line(
            right,
            profile,
            signer_name.strip(),
            size=profile.signer_size,
            bold=True,
            space_before=profile.signature_space_pt,
        )
    return table
