"""Giấy mời: one invitation letter per delegate, all in one DOCX (a page break between letters).

Each letter is an official Party document (``danvan.lib.officialdoc`` blocks and profile): the
header (superior body, issuing body, "*", "Số   -GM/BDVTU" | motto, place and date), "GIẤY MỜI"
and its summary line, the body (who invites, "Đồng chí <name>, <title>, <unit>", "Tới dự",
"Thời gian", "Địa điểm", the content lines, the note with the RSVP link, the closing), then the
recipients with the delegate's QR code under them (left) and the signature (right).

Speed: python-docx builds the first letter of each shape (with or without a QR code) through the
blocks; every other letter is a deep copy of that letter's XML with the per-delegate runs (number,
name, title and unit, link) rewritten and its QR image related anew. 1,500 letters take a few
seconds instead of minutes, and every letter has exactly the layout of the first one.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import dataclass, field, replace
from typing import Any

import segno
from docx.document import Document as DocxDocument
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.image import ImagePart
from docx.shared import Mm, Pt

from danvan.events.documents.types import (
    Delegate,
    EventInfo,
    event_name,
    line,
    paragraph_text,
    profile_without_page_numbers,
    recipients_block,
    texts_of,
)
from danvan.lib.officialdoc.blocks import (
    add_body_paragraph,
    add_doc_title,
    add_header_table,
    add_page_break,
    add_signature_and_recipients,
    docx_bytes,
    new_document,
    write_line,
)
from danvan.lib.officialdoc.profiles import (
    FormatProfile,
    closing_text,
    place_date_line,
    symbol_line,
    text_width_mm,
)

__all__ = ["DOC_TYPE", "QR_SIZE_MM", "fitted_profile", "invitation_docx", "qr_png"]

DOC_TYPE = "GIẤY MỜI"
TYPE_CODE = "GM"
INVITES = "{organiser} trân trọng kính mời:"
ADDRESS = "Đồng chí "
LABEL_ATTEND = "Tới dự: "
LABEL_TIME = "Thời gian: "
LABEL_VENUE = "Địa điểm: "
LABEL_CONTENT = "Nội dung: "
RSVP_NOTE = "Đề nghị đồng chí xác nhận tham dự qua mã QR hoặc đường dẫn: "
CLOSING = "Rất mong đồng chí đến dự đúng thời gian."
QR_CAPTION = "Quét mã để xác nhận tham dự"

QR_SIZE_MM = 30.0
QR_SCALE = 8  # pixels per module: sharp at 30 mm when printed
QR_BORDER = 4  # the quiet zone the standard asks for (modules)
QR_ERROR = "m"
QR_CAPTION_SIZE = 10


def qr_png(link: str) -> bytes:
    """The QR code of ``link`` as PNG bytes (always a full QR code: phones do not read Micro QR)."""
    buffer = io.BytesIO()
    segno.make(link, micro=False, error=QR_ERROR).save(buffer, kind="png", scale=QR_SCALE, border=QR_BORDER)
    return buffer.getvalue()


# ----------------------------------------------------------------------------------------------
# The texts that change from one delegate to the next


SLOTS = ("symbol", "name", "details", "link")


def _details(delegate: Delegate) -> str:
    parts = [line(delegate.title), line(delegate.unit_name)]
    return "".join(f", {part}" for part in parts if part)


def _slot_texts(profile: FormatProfile, event: EventInfo, delegate: Delegate) -> dict[str, str]:
    return {
        "symbol": symbol_line(
            profile, number=line(delegate.number), type_code=TYPE_CODE, body_code=line(event.body_code)
        ),
        "name": line(delegate.name),
        "details": _details(delegate),
        "link": line(delegate.link),
    }


def _set_run_text(run: Any, text: str) -> None:
    """Replace a ``w:r``'s text with ``text`` (one ``w:t``; formatting kept)."""
    for child in list(run):
        if child.tag in (qn("w:t"), qn("w:br"), qn("w:tab")):
            run.remove(child)
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)


# ----------------------------------------------------------------------------------------------
# Building one letter through the blocks


@dataclass
class _Template:
    """A letter built once: its body elements and where the per-delegate runs sit in them."""

    elements: list[Any]
    run_index: dict[str, int]  # slot -> position among the letter's w:r elements
    has_qr: bool


@dataclass
class _Batch:
    doc: DocxDocument
    profile: FormatProfile
    event: EventInfo
    templates: dict[bool, _Template] = field(default_factory=dict)
    page_break: Any = None
    images: dict[str, str] = field(default_factory=dict)  # link -> rId
    shape_id: int = 1000


def _add_run(paragraph: Any, profile: FormatProfile, text: str, **style: Any) -> Any:
    run = paragraph.add_run(text)
    run.font.size = Pt(style.pop("size", profile.body_size))
    for key, value in style.items():
        setattr(run, key, value)
    return run


@dataclass(frozen=True)
class _Piece:
    text: str
    bold: bool = False
    italic: bool = False
    slot: str = ""  # the per-delegate text this run holds


@dataclass(frozen=True)
class _Para:
    pieces: tuple[_Piece, ...]
    align: str = "justify"

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


def _labelled(label: str, text: str) -> _Para:
    return _Para((_Piece(label, bold=True), _Piece(text)))


def _body(profile: FormatProfile, event: EventInfo, texts: dict[str, str], *, has_link: bool) -> list[_Para]:
    """The body paragraphs of a letter, from "... trân trọng kính mời:" to the closing."""
    invites = INVITES.format(organiser=line(event.organiser))
    reference = paragraph_text(event.plan_reference).rstrip(" ,;.")
    if reference:
        invites = f"{reference}, {invites}"
    body = [
        _Para((_Piece(invites),)),
        _Para(
            (
                _Piece(ADDRESS),
                _Piece(texts["name"], bold=True, slot="name"),
                _Piece(texts["details"], slot="details"),
            )
        ),
        _labelled(LABEL_ATTEND, event_name(event) + "."),
        _labelled(LABEL_TIME, paragraph_text(event.time_text)),
        _labelled(LABEL_VENUE, paragraph_text(event.venue)),
    ]
    contents = [paragraph_text(text) for text in texts_of(event.content_lines)]
    contents = [text for text in contents if text]
    if len(contents) == 1:
        body.append(_labelled(LABEL_CONTENT, contents[0]))
    elif contents:
        body.append(_labelled(LABEL_CONTENT.strip(), ""))
        for text in contents:
            body.append(_Para((_Piece(text if text.startswith(("-", "+", "•")) else f"- {text}"),)))
    if has_link:
        note = (_Piece(RSVP_NOTE, italic=True), _Piece(texts["link"], italic=True, slot="link"))
        body.append(_Para(note, align="left"))  # a long link: no stretched gaps on a justified line
    body.append(_Para((_Piece(closing_text(profile, CLOSING)),)))
    return body


def _build_letter(batch: _Batch, texts: dict[str, str], png: bytes | None) -> dict[str, Any]:
    """Write one letter at the end of the document; the runs that hold the slot texts."""
    doc, profile, event = batch.doc, batch.profile, batch.event
    runs: dict[str, Any] = {}
    header = add_header_table(
        doc,
        profile,
        superior_body=line(event.superior_body),
        issuing_body=line(event.issuing_body),
        symbol_line=texts["symbol"],
        place_date_line=place_date_line(profile, line(event.place), event.issued_on),
    )
    symbol_runs = header.cell(1, 0).paragraphs[0].runs
    if symbol_runs:
        runs["symbol"] = symbol_runs[0]
    add_doc_title(doc, profile, DOC_TYPE, line(event.summary) or event_name(event))

    for spec in _body(profile, event, texts, has_link=png is not None):
        paragraph = add_body_paragraph(doc, profile, "", align=spec.align)
        for piece in spec.pieces:
            run = _add_run(paragraph, profile, piece.text, bold=piece.bold, italic=piece.italic)
            if piece.slot:
                runs[piece.slot] = run

    table = add_signature_and_recipients(
        doc,
        profile,
        recipients_block(profile, event.invitation_recipients, event.archive),
        [line(text) for text in event.signer_authority],
        line(event.signer_name),
    )
    if png is not None:
        cell = table.cell(0, 0)
        picture = write_line(cell, profile, "", align="left", space_before=8)
        picture.add_run().add_picture(io.BytesIO(png), width=Mm(QR_SIZE_MM), height=Mm(QR_SIZE_MM))
        write_line(cell, profile, QR_CAPTION, size=QR_CAPTION_SIZE, italic=True, align="left")
    return runs


def _body_tail(doc: DocxDocument) -> int:
    """The number of body elements before the final ``w:sectPr``."""
    body = doc.element.body
    return len(body) - (1 if body[-1].tag == qn("w:sectPr") else 0)


def _first_letter(batch: _Batch, texts: dict[str, str], png: bytes | None) -> None:
    body = batch.doc.element.body
    start = _body_tail(batch.doc)
    runs = _build_letter(batch, texts, png)
    elements = list(body[start : _body_tail(batch.doc)])
    all_runs = [run for element in elements for run in element.iter(qn("w:r"))]
    position = {id(run): index for index, run in enumerate(all_runs)}
    run_index = {slot: position[id(run._r)] for slot, run in runs.items()}
    batch.templates[png is not None] = _Template(elements, run_index, png is not None)
    if png is not None:
        blip = next(elements[-1].iter(qn("a:blip")))
        batch.images[texts["link"]] = blip.get(qn("r:embed"))


# ----------------------------------------------------------------------------------------------
# Copying a letter


def _image_rid(batch: _Batch, link: str) -> str:
    """The relationship id of the link's QR image, added once per link."""
    rid = batch.images.get(link)
    if rid is None:
        number = len(batch.images) + 1
        part = ImagePart.from_image(Image.from_blob(qr_png(link)), PackURI(f"/word/media/qr{number}.png"))
        batch.doc.part.package.image_parts.append(part)
        # A fresh relationship under our own id: ``relate_to`` would scan every relationship first.
        rid = f"rIdQr{number}"
        batch.doc.part.rels.add_relationship(RT.IMAGE, part, rid)
        batch.images[link] = rid
    return rid


def _copy_letter(batch: _Batch, template: _Template, texts: dict[str, str]) -> None:
    sect_pr = batch.doc.element.body[-1]
    copies = []
    for element in template.elements:
        copy = deepcopy(element)
        sect_pr.addprevious(copy)
        copies.append(copy)
    all_runs = [run for element in copies for run in element.iter(qn("w:r"))]
    for slot, index in template.run_index.items():
        _set_run_text(all_runs[index], texts[slot])
    if template.has_qr:
        rid = _image_rid(batch, texts["link"])
        for blip in copies[-1].iter(qn("a:blip")):
            blip.set(qn("r:embed"), rid)
        for doc_pr in copies[-1].iter(qn("wp:docPr")):
            batch.shape_id += 1
            doc_pr.set("id", str(batch.shape_id))
            doc_pr.set("name", f"QR {batch.shape_id}")


def _page_break(batch: _Batch) -> None:
    if batch.page_break is None:
        add_page_break(batch.doc)
        batch.page_break = batch.doc.element.body[_body_tail(batch.doc) - 1]
    else:
        batch.doc.element.body[-1].addprevious(deepcopy(batch.page_break))


# ----------------------------------------------------------------------------------------------
# Keeping a letter on one page

LINE_EM = 1.15  # the height of a single-spaced line of Times New Roman / Liberation Serif, in ems
WRAP_SLACK = 1.05  # word wrapping leaves part of each line empty
PAGE_SAFETY_PT = 12.0
# (line spacing, space after a paragraph) tried in turn until the longest letter fits on a page;
# None keeps the profile's value. The last step is used even when the estimate still overflows.
FIT_STEPS: tuple[tuple[float | None, float | None], ...] = ((None, None), (1.0, None), (1.0, 3.0))


def _lines(pieces: Sequence[_Piece], size: float, width_mm: float, indent_mm: float) -> int:
    used = sum(text_width_mm(piece.text, size, bold=piece.bold) for piece in pieces) * WRAP_SLACK
    return max(1, math.ceil((used + indent_mm) / width_mm))


def _letter_height_pt(
    profile: FormatProfile, event: EventInfo, texts: dict[str, str], *, has_link: bool
) -> float:
    """An estimate of the height of a letter (text metrics, no layout engine)."""
    width = profile.text_width_mm
    header = 3 * profile.issuing_body_size * LINE_EM + 4 + profile.symbol_size * LINE_EM
    summary = (_Piece(line(event.summary) or event_name(event), bold=True),)
    title = profile.title_space_before_pt + profile.doc_type_size * LINE_EM + profile.title_space_after_pt
    title += _lines(summary, profile.summary_size, width, 0) * profile.summary_size * LINE_EM
    line_pt = profile.body_size * LINE_EM * profile.line_spacing
    spacing = profile.paragraph_space_before_pt + profile.paragraph_space_after_pt
    body = sum(
        _lines(para.pieces, profile.body_size, width, profile.first_line_indent_mm) * line_pt + spacing
        for para in _body(profile, event, texts, has_link=has_link)
    )
    recipients = len(recipients_block(profile, event.invitation_recipients, event.archive))
    left = 6 + profile.recipients_heading_size * LINE_EM + recipients * profile.recipient_size * LINE_EM
    if has_link:
        left += 8 + QR_SIZE_MM * 72 / 25.4 + QR_CAPTION_SIZE * LINE_EM
    authority = len([text for text in event.signer_authority if line(text)])
    right = 6 + authority * profile.authority_size * LINE_EM + profile.signature_space_pt
    right += profile.signer_size * LINE_EM
    return header + title + body + max(left, right)


def _longest_texts(profile: FormatProfile, event: EventInfo, delegates: Sequence[Delegate]) -> dict[str, str]:
    """Per slot, the widest text any delegate has (the letter that needs the most room)."""
    longest = {slot: "" for slot in SLOTS}
    for delegate in delegates:
        for slot, text in _slot_texts(profile, event, delegate).items():
            if len(text) > len(longest[slot]):
                longest[slot] = text
    return longest


def fitted_profile(profile: FormatProfile, event: EventInfo, delegates: Sequence[Delegate]) -> FormatProfile:
    """The profile with the body spacing tightened as far as needed for every letter to fit one page."""
    texts = _longest_texts(profile, event, delegates)
    has_link = bool(texts["link"])
    room = (profile.page_height_mm - profile.margin_top_mm - profile.margin_bottom_mm) * 72 / 25.4
    room -= PAGE_SAFETY_PT
    candidate = profile
    for line_spacing, space_after in FIT_STEPS:
        candidate = replace(
            profile,
            line_spacing=profile.line_spacing if line_spacing is None else line_spacing,
            paragraph_space_after_pt=profile.paragraph_space_after_pt if space_after is None else space_after,
        )
        if _letter_height_pt(candidate, event, texts, has_link=has_link) <= room:
            break
    return candidate


def invitation_docx(event: EventInfo, delegates: list[Delegate]) -> bytes:
    """One giấy mời per delegate, each on its own page, as one DOCX (no page numbers).

    A delegate with a ``link`` gets the RSVP note with the link and the link's QR code; without
    one, the letter has neither. An empty ``number`` prints "Số    -GM/BDVTU" (filled by hand).
    """
    profile = fitted_profile(profile_without_page_numbers(event.format_profile), event, delegates)
    doc = new_document(profile, title=f"{DOC_TYPE} {event_name(event)}")
    batch = _Batch(doc, profile, event)
    for index, delegate in enumerate(delegates):
        if index:
            _page_break(batch)
        texts = _slot_texts(profile, event, delegate)
        template = batch.templates.get(bool(texts["link"]))
        if template is None:
            _first_letter(batch, texts, qr_png(texts["link"]) if texts["link"] else None)
        else:
            _copy_letter(batch, template, texts)
    return docx_bytes(doc)
