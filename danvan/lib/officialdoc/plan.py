"""Render a plan (``danvan.lib.plandoc.PlanDocument``) as an official DOCX.

Order of the document: header (superior body, issuing body, "*", number and symbol | motto, rule,
place and date), "KẾ HOẠCH" and the summary, the preamble, the sections with their headings and
blocks (nested blocks follow their parent, every paragraph with the same first-line indent, as
official documents do), the closing paragraph with the profile's closing mark, recipients and
signature; then the annexes: the slogans on their own page and each form on its own landscape page.

Sections are rendered as given: the event details (time, venue, participants) are already items of
the time-and-place section, so ``PlanDocument.event`` is not written a second time.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as DocxDocument

from danvan.lib.officialdoc import worktable
from danvan.lib.officialdoc.blocks import (
    add_body_paragraph,
    add_doc_title,
    add_header_table,
    add_heading,
    add_landscape_section,
    add_layout_table,
    add_page_break,
    add_signature_and_recipients,
    add_table,
    docx_bytes,
    new_document,
    section_text_width_mm,
    write_line,
)
from danvan.lib.officialdoc.profiles import (
    FormatProfile,
    closing_text,
    get_profile,
    place_date_line,
    recipient_lines,
    symbol_line,
)
from danvan.lib.plandoc import ROLE_ATTACHED, Block, FormDraft, PlanDocument, Section

__all__ = ["build_plan", "render_plan"]

DEFAULT_DOC_TYPE = "KẾ HOẠCH"
DEFAULT_SLOGANS_TITLE = "KHẨU HIỆU TUYÊN TRUYỀN"
MORE_ROWS = "..."  # the last sample row of a form: "more rows here"
DEFAULT_SAMPLE_ROWS = 2

# Relative column widths of a form by column kind.
COLUMN_WEIGHTS = {
    "index": 0.55,
    "text": 1.4,
    "long_text": 2.2,
    "date": 1.0,
    "window": 1.3,
    "number": 0.8,
    "choice": 1.0,
}
NOTE_COLUMN_WEIGHT = 0.9  # "Ghi chú"
NOTE_COLUMN_LABEL = "ghi chú"


def render_plan(doc: PlanDocument, profile: FormatProfile | str = "party-2018") -> bytes:
    """The plan as DOCX bytes in the given format profile (a profile or its code)."""
    return docx_bytes(build_plan(doc, profile))


def build_plan(doc: PlanDocument, profile: FormatProfile | str = "party-2018") -> DocxDocument:
    """The plan as a python-docx Document (for callers that add to it before saving)."""
    profile = get_profile(profile)
    doc_type = (doc.doc_type or DEFAULT_DOC_TYPE).strip()
    out = new_document(profile, title=f"{doc_type} {doc.title}".strip())
    add_header_table(
        out,
        profile,
        superior_body=doc.superior_body,
        issuing_body=doc.issuing_body,
        symbol_line=symbol_line(
            profile, number=doc.number, symbol=doc.symbol, type_code=doc.type_code, body_code=doc.body_code
        ),
        place_date_line=place_date_line(profile, doc.place, doc.issued_on),
    )
    add_doc_title(out, profile, doc_type, doc.title)
    _add_body(out, profile, doc)
    signature = doc.signature
    add_signature_and_recipients(
        out,
        profile,
        recipient_lines(profile, doc.recipients),
        signature.authority_lines if signature else [],
        signature.signer_name if signature else "",
    )
    for section in doc.sections:
        if section.role == ROLE_ATTACHED:
            _add_attached(out, profile, section)
    if doc.slogans:
        _add_slogans(out, profile, doc)
    for form in doc.forms:
        _add_form(out, profile, form)
    return out


# ----------------------------------------------------------------------------------------------
# Body


def _block_text(block: Block) -> str:
    label = block.label.strip()
    if not label and block.kind == "bullet":
        label = "-"
    text = block.text.strip()
    return f"{label} {text}".strip() if label else text


def _walk(blocks: list[Block]) -> Iterator[tuple[str, str, str]]:
    for block in blocks:
        if block.cells and any(c.strip() for c in block.cells):
            yield ("row", "\t".join(c.strip() for c in block.cells), "")  # a row of a work-item table
            continue
        text = _block_text(block)
        if text:
            yield ("paragraph", text, "")
        yield from _walk(block.children)


def body_items(doc: PlanDocument, profile: FormatProfile) -> list[tuple[str, str, str]]:
    """("heading", label, title) and ("paragraph", text, "") in document order; the closing mark
    of the profile is on the last paragraph (the closing, or the last item when there is none)."""
    items: list[tuple[str, str, str]] = []
    if doc.preamble.strip():
        items.append(("paragraph", doc.preamble.strip(), ""))
    for section in doc.sections:
        if section.role == ROLE_ATTACHED:
            continue  # after the signature, on its own page (see build_plan)
        if section.label.strip() or section.title.strip():
            items.append(("heading", section.label, section.title))
        items.extend(_walk(section.blocks))
    if doc.closing.strip():
        items.append(("paragraph", doc.closing.strip(), ""))
    if items and items[-1][0] == "paragraph":
        items[-1] = ("paragraph", closing_text(profile, items[-1][1]), "")
    return items


def _add_body(out: DocxDocument, profile: FormatProfile, doc: PlanDocument) -> None:
    items = body_items(doc, profile)
    i = 0
    while i < len(items):
        kind, first, second = items[i]
        if kind == "row":  # a run of table rows, with the group lines between them, is one table
            run: list[tuple[str, str, str]] = []
            while i < len(items) and (items[i][0] == "row" or worktable.is_group_line(items, i)):
                run.append(items[i] if items[i][0] == "row" else ("group", items[i][1], ""))
                i += 1
            worktable.add_work_table(out, profile, run)
            continue
        if kind == "heading":
            add_heading(out, profile, first, second)
        else:
            add_body_paragraph(out, profile, first)
        i += 1


# ----------------------------------------------------------------------------------------------
# Annexes


def _add_attached(out: DocxDocument, profile: FormatProfile, section: Section) -> None:
    """A document attached after the signature (the Quy chế of a Quyết định, a text Phụ lục): a new page,
    its title, its text as written."""
    add_page_break(out)
    if section.title.strip():
        write_line(out, profile, section.title.strip(), size=profile.body_size, bold=True, space_after=12)
    for _kind, text, _ in _walk(section.blocks):
        add_body_paragraph(out, profile, text)


def _add_slogans(out: DocxDocument, profile: FormatProfile, doc: PlanDocument) -> None:
    """Slogans on a new page: a two-column table (heading | text) or, without headings, a list."""
    add_page_break(out)
    title = (doc.slogans_title or DEFAULT_SLOGANS_TITLE).strip()
    write_line(out, profile, title, size=profile.body_size, bold=True, space_after=12, keep_with_next=True)
    if any(slogan.heading.strip() for slogan in doc.slogans):
        rows = [(slogan.heading.strip(), slogan.text.strip()) for slogan in doc.slogans]
        add_table(
            out,
            profile,
            [],
            rows,
            widths=[1, 2.2],
            aligns=["center", "center"],
            bold_columns=(0, 1),
            size=profile.body_size,
        )
    else:
        for number, slogan in enumerate(doc.slogans, start=1):
            add_body_paragraph(out, profile, f"{number}. {slogan.text.strip()}")


def _column_weight(label: str, kind: str) -> float:
    if label.strip().casefold().startswith(NOTE_COLUMN_LABEL):
        return NOTE_COLUMN_WEIGHT
    return COLUMN_WEIGHTS.get(kind, COLUMN_WEIGHTS["text"])


def _add_form(out: DocxDocument, profile: FormatProfile, form: FormDraft) -> None:
    """A form on its own landscape page: issuer and date blanks, title, the table, the footer."""
    section = add_landscape_section(out, profile)
    total = section_text_width_mm(section)
    top = add_layout_table(out, [total * 0.4, total * 0.6])
    left, right = top.cell(0, 0), top.cell(0, 1)
    size = profile.table_size
    write_line(left, profile, form.issuer_placeholder.strip(), size=size, bold=True)
    if form.label.strip():
        write_line(right, profile, form.label.strip(), size=size, bold=True, align="right")
    write_line(right, profile, form.date_placeholder.strip(), size=size, italic=True)
    if form.title.strip():
        write_line(
            out, profile, form.title.strip().upper(), size=profile.body_size, bold=True, space_before=12
        )
    if form.subtitle.strip():
        write_line(out, profile, form.subtitle.strip(), size=profile.body_size, bold=True)
    write_line(out, profile, "", size=size)
    columns = form.columns
    if columns:
        numbered = [column.kind == "index" for column in columns]
        rows = []
        for number in range(1, (form.sample_rows or DEFAULT_SAMPLE_ROWS) + 1):
            rows.append([str(number) if flag else "" for flag in numbered])
        rows.append([MORE_ROWS if flag else "" for flag in numbered])
        add_table(
            out,
            profile,
            [column.label for column in columns],
            rows,
            widths=[_column_weight(column.label, column.kind) for column in columns],
            aligns=["center" if flag else "left" for flag in numbered],
            row_height_mm=8,
        )
    if form.footer.strip():
        bottom = add_layout_table(out, [total * 0.5, total * 0.5])
        write_line(bottom.cell(0, 1), profile, form.footer.strip(), size=size, italic=True, space_before=6)
