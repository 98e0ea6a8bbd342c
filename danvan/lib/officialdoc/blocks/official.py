"""The fixed blocks of an official document: header, title, body, headings, signature and recipients."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.shared import Pt
from docx.table import Table

from danvan.lib.officialdoc.blocks.document import section_text_width_mm
from danvan.lib.officialdoc.blocks.lines import add_rule, write_line
from danvan.lib.officialdoc.blocks.ooxml import _row_flag
from danvan.lib.officialdoc.blocks.tables import add_layout_table
from danvan.lib.officialdoc.profiles import FormatProfile, heading_text, text_width_mm


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
