"""One letter: its wording, the QR code, the texts that change per delegate, writing it through the blocks."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import segno
from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt

from danvan.events.documents.types import (
    Delegate,
    EventInfo,
    event_name,
    line,
    paragraph_text,
    recipients_block,
    texts_of,
)
from danvan.lib.officialdoc.blocks import (
    add_body_paragraph,
    add_doc_title,
    add_header_table,
    add_signature_and_recipients,
    write_line,
)
from danvan.lib.officialdoc.profiles import FormatProfile, closing_text, place_date_line, symbol_line

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


# ----------------------------------------------------------------------------------------------
# Building one letter through the blocks


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


def _build_letter(
    doc: DocxDocument, profile: FormatProfile, event: EventInfo, texts: dict[str, str], png: bytes | None
) -> None:
    """Write one letter at the end of the document."""
    add_header_table(
        doc,
        profile,
        superior_body=line(event.superior_body),
        issuing_body=line(event.issuing_body),
        symbol_line=texts["symbol"],
        place_date_line=place_date_line(profile, line(event.place), event.issued_on),
    )
    add_doc_title(doc, profile, DOC_TYPE, line(event.summary) or event_name(event))

    for spec in _body(profile, event, texts, has_link=png is not None):
        paragraph = add_body_paragraph(doc, profile, "", align=spec.align)
        for piece in spec.pieces:
            _add_run(paragraph, profile, piece.text, bold=piece.bold, italic=piece.italic)

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
