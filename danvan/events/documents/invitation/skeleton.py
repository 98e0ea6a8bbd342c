"""The skeleton: one letter of each shape built by python-docx, its per-delegate texts marked and cut out."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from danvan.events.documents.invitation import letter
from danvan.events.documents.invitation.letter import DOC_TYPE, SLOTS, _build_letter
from danvan.events.documents.types import EventInfo, event_name
from danvan.lib.officialdoc.blocks import add_page_break, docx_bytes, new_document
from danvan.lib.officialdoc.profiles import FormatProfile

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
    _build_letter(doc, profile, event, marks, letter.qr_png(PLACEHOLDER_LINK))
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
