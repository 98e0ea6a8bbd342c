"""Giấy mời: one invitation letter per delegate, all in one DOCX (a page break between letters).

Each letter is an official Party document (``danvan.lib.officialdoc`` blocks and profile): the
header (superior body, issuing body, "*", "Số   -GM/BDVTU" | motto, place and date), "GIẤY MỜI"
and its summary line, the body (who invites, "Đồng chí <name>, <title>, <unit>", "Tới dự",
"Thời gian", "Địa điểm", the content lines, the note with the RSVP link, the closing), then the
recipients with the delegate's QR code under them (left) and the signature (right).

Streaming, in memory that does not grow with the letters: python-docx builds one skeleton document
holding one letter of each shape (with and without a QR code) whose per-delegate texts are marks;
its ``word/document.xml`` is cut into the text before the letters, each letter's XML, the page
break and the text after. ``write_invitation_docx`` then writes the package straight into a zip
stream: the skeleton's other parts as they are, ``word/document.xml`` one letter at a time (the
shape's XML with the marks replaced by the delegate's escaped texts), the relationships, and each
link's QR code rendered once (segno, PNG) and added once. Nothing of a letter is kept after it is
written: 1,500 letters take the memory of a handful (see bench/events.py), and every letter has
exactly the layout of the first one.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

import segno
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

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

__all__ = [
    "DOC_TYPE",
    "QR_SIZE_MM",
    "fitted_profile",
    "invitation_docx",
    "qr_png",
    "write_invitation_docx",
]

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


# ----------------------------------------------------------------------------------------------
# The skeleton: one letter of each shape, its per-delegate texts marked

DOCUMENT = "word/document.xml"
DOCUMENT_RELS = "word/_rels/document.xml.rels"
QR_SLOTS = ("rid", "shape", "shape")  # the QR picture's relationship id; its drawing id (in id and name)
_MARK = "\ue000{}\ue001"  # private-use characters: no event text holds them
_MARKED = re.compile("\ue000([a-z]+)\ue001")
_CUT = "danvan-letter-cut"
_CUT_XML = f"<!--{_CUT}-->"
PLACEHOLDER_LINK = "danvan"
FIRST_SHAPE_ID = 1000


@dataclass
class _Skeleton:
    prefix: bytes  # word/document.xml up to the first letter
    letters: dict[bool, list[str]]  # with a QR code or not -> text, slot, text, slot, ..., text
    page_break: bytes
    suffix: bytes  # the closing paragraph, the section properties, the end of the document
    parts: list[
        tuple[zipfile.ZipInfo, bytes]
    ]  # the package as python-docx wrote it (placeholder image left out)
    rels_head: bytes  # word/_rels/document.xml.rels without the placeholder image, up to its end tag
    rels_tail: bytes


def _cut(doc: DocxDocument, before: Any) -> None:
    before.addprevious(etree.Comment(_CUT))


def _mark_picture(doc: DocxDocument) -> str:
    """Mark the letter's QR picture (relationship and drawing ids); the placeholder image's part name."""
    blip = next(doc.element.body.iter(qn("a:blip")))
    rid = blip.get(qn("r:embed"))
    partname = str(doc.part.related_parts[rid].partname).lstrip("/")
    blip.set(qn("r:embed"), _MARK.format("rid"))
    for doc_pr in doc.element.body.iter(qn("wp:docPr")):
        doc_pr.set("id", _MARK.format("shape"))
        doc_pr.set("name", "QR " + _MARK.format("shape"))
    return partname


def _split_letter(xml: str, slots: Sequence[str]) -> list[str]:
    pieces = _MARKED.split(xml)
    found = pieces[1::2]
    if sorted(found) != sorted(slots):  # each mark exactly once, or a letter would come out wrong
        raise ValueError(f"letter template marks {found}, expected {sorted(slots)}")
    return pieces


def _skeleton(profile: FormatProfile, event: EventInfo) -> _Skeleton:
    doc = new_document(profile, title=f"{DOC_TYPE} {event_name(event)}")
    body = doc.element.body
    sect_pr = body[-1]
    marks = {slot: _MARK.format(slot) for slot in SLOTS}
    _cut(doc, sect_pr)
    _build_letter(doc, profile, event, marks, qr_png(PLACEHOLDER_LINK))
    placeholder = _mark_picture(doc)
    _cut(doc, sect_pr)
    add_page_break(doc)
    _cut(doc, sect_pr)
    _build_letter(doc, profile, event, {**marks, "link": ""}, None)
    last = sect_pr.getprevious()
    docx_bytes(doc)  # ends the body as a whole batch ends (a tiny paragraph after the last table)
    last.addnext(etree.Comment(_CUT))
    package = io.BytesIO()
    doc.save(package)

    parts: list[tuple[zipfile.ZipInfo, bytes]] = []
    rels_head = rels_tail = b""
    with zipfile.ZipFile(package) as source:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == placeholder:
                continue
            if info.filename == DOCUMENT:
                prefix, with_qr, page_break, without_qr, suffix = data.decode("utf-8").split(_CUT_XML)
                letters = {
                    True: _split_letter(with_qr, [*SLOTS, *QR_SLOTS]),
                    False: _split_letter(without_qr, [slot for slot in SLOTS if slot != "link"]),
                }
            elif info.filename == DOCUMENT_RELS:
                rels = re.sub(
                    rb"<Relationship [^>]*Target=\""
                    + re.escape(placeholder.removeprefix("word/").encode())
                    + rb"\"[^>]*/>",
                    b"",
                    data,
                )
                end = rels.rindex(b"</Relationships>")
                rels_head, rels_tail = rels[:end], rels[end:]
            parts.append((info, data))
    return _Skeleton(
        prefix=prefix.encode(),
        letters=letters,
        page_break=page_break.encode(),
        suffix=suffix.encode(),
        parts=parts,
        rels_head=rels_head,
        rels_tail=rels_tail,
    )


def _fill(pieces: list[str], values: dict[str, str]) -> bytes:
    """A letter's XML: the template's text between marks, the values (escaped) in place of the marks."""
    out = []
    for index, piece in enumerate(pieces):
        out.append(escape(values[piece]) if index % 2 else piece)
    return "".join(out).encode()


# ----------------------------------------------------------------------------------------------
# Writing the batch


def _qr_numbers(profile: FormatProfile, event: EventInfo, delegates: Sequence[Delegate]) -> dict[str, int]:
    """Each distinct link -> the number of its QR image (first appearance order): one image per link."""
    numbers: dict[str, int] = {}
    for delegate in delegates:
        link = _slot_texts(profile, event, delegate)["link"]
        if link and link not in numbers:
            numbers[link] = len(numbers) + 1
    return numbers


def write_invitation_docx(
    out: BinaryIO,
    event: EventInfo,
    delegates: Sequence[Delegate],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Write one giấy mời per delegate, each on its own page, as one DOCX into ``out`` (no page numbers).

    A delegate with a ``link`` gets the RSVP note with the link and the link's QR code; without
    one, the letter has neither. An empty ``number`` prints "Số    -GM/BDVTU" (filled by hand).
    ``progress(done, total)`` counts the letters and then the QR images.
    """
    profile = fitted_profile(profile_without_page_numbers(event.format_profile), event, delegates)
    skeleton = _skeleton(profile, event)
    numbers = _qr_numbers(profile, event, delegates)
    total, done = len(delegates) + len(numbers), 0
    report = progress or (lambda done, total: None)
    report(0, total)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in skeleton.parts:
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            if info.filename == DOCUMENT:
                with package.open(entry, "w") as document:
                    document.write(skeleton.prefix)
                    for index, delegate in enumerate(delegates):
                        if index:
                            document.write(skeleton.page_break)
                        texts = _slot_texts(profile, event, delegate)
                        if texts["link"]:
                            number = numbers[texts["link"]]
                            texts.update(rid=f"rIdQr{number}", shape=str(FIRST_SHAPE_ID + index))
                        document.write(_fill(skeleton.letters[bool(texts["link"])], texts))
                        done += 1
                        report(done, total)
                    document.write(skeleton.suffix)
            elif info.filename == DOCUMENT_RELS:
                with package.open(entry, "w") as rels:
                    rels.write(skeleton.rels_head)
                    for number in numbers.values():
                        rels.write(
                            f'<Relationship Id="rIdQr{number}" Type="{RT.IMAGE}" '
                            f'Target="media/qr{number}.png"/>'.encode()
                        )
                    rels.write(skeleton.rels_tail)
            else:
                package.writestr(entry, data)
        date_time = skeleton.parts[0][0].date_time
        for link, number in numbers.items():
            image = zipfile.ZipInfo(f"word/media/qr{number}.png", date_time=date_time)
            package.writestr(
                image, qr_png(link), compress_type=zipfile.ZIP_STORED
            )  # PNG is compressed already
            done += 1
            report(done, total)


def invitation_docx(event: EventInfo, delegates: Sequence[Delegate]) -> bytes:
    """``write_invitation_docx`` into bytes (a few letters; a batch goes to a file through a job)."""
    buffer = io.BytesIO()
    write_invitation_docx(buffer, event, delegates)
    return buffer.getvalue()
