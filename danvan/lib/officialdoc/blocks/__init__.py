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

The package re-exports every name callers use, so ``from danvan.lib.officialdoc import blocks`` keeps
working: ``ooxml`` (raw XML helpers), ``document`` (document and sections), ``lines`` (a line, a rule),
``tables`` (layout and data tables), ``official`` (header, title, body, headings, signature).
"""

from __future__ import annotations

from danvan.lib.officialdoc.blocks.document import (
    add_landscape_section,
    add_page_break,
    docx_bytes,
    new_document,
    section_text_width_mm,
)
from danvan.lib.officialdoc.blocks.lines import ALIGN as ALIGN
from danvan.lib.officialdoc.blocks.lines import CELL_PADDING_MM as CELL_PADDING_MM
from danvan.lib.officialdoc.blocks.lines import RULE_GAP_PT as RULE_GAP_PT
from danvan.lib.officialdoc.blocks.lines import add_rule, write_line
from danvan.lib.officialdoc.blocks.official import (
    add_body_paragraph,
    add_doc_title,
    add_header_table,
    add_heading,
    add_signature_and_recipients,
)
from danvan.lib.officialdoc.blocks.tables import add_layout_table, add_table

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
