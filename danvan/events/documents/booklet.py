"""The booklet of presentations (tài liệu báo cáo tham luận) of an event.

Layout: a cover page (issuing body, "CÁC BÁO CÁO THAM LUẬN", the kind and title of the event, time
and venue); "MỤC LỤC" with a real Word table-of-contents field (``TOC \\o "1-3" \\h \\z \\u``)
whose cached result is the static list of the presentations ("1. <title> (<unit>)"), so the
contents read right before any update (LibreOffice and a PDF show that list) and Word rebuilds them
with page numbers when the file opens (``w:updateFields`` in the settings asks it to); then each
presentation on a new page: a Heading 1 "<order>. <title>", the unit and presenter, its paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from danvan.events.documents.types import (
    EventInfo,
    PresentationDoc,
    event_name,
    line,
    paragraph_text,
    texts_of,
)
from danvan.lib.officialdoc.blocks import (
    add_body_paragraph,
    add_page_break,
    docx_bytes,
    new_document,
    write_line,
)
from danvan.lib.officialdoc.profiles import FormatProfile

__all__ = ["TOC_INSTRUCTION", "booklet_docx", "presentation_heading"]

COVER_LABEL = "CÁC BÁO CÁO THAM LUẬN"
CONTENTS_TITLE = "MỤC LỤC"
TOC_INSTRUCTION = 'TOC \\o "1-3" \\h \\z \\u'
ENTRY_HANG_MM = 6.0  # wrapped lines of a contents entry align after the number
PRESENTER = "Người trình bày: {name}"
NO_TEXT = "(Đơn vị chưa gửi nội dung bản tham luận.)"
LABEL_TIME = "Thời gian: "
LABEL_VENUE = "Địa điểm: "
HEADING_STYLE = "Heading 1"
HEADING_SIZE = 14
COVER_TOP_SPACE_PT = 150  # from the issuing body down to the cover title
CONTENTS_ENTRY_SIZE = 13

# Elements that follow w:updateFields in w:settings (the schema fixes the order).
_SETTINGS_AFTER_UPDATE = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def presentation_heading(presentation: PresentationDoc) -> str:
    """ "2. Kinh nghiệm xây dựng mô hình ..." (the heading and its entry in the contents)."""
    return f"{presentation.order}. {line(presentation.title)}"


# ----------------------------------------------------------------------------------------------
# Fields and bookmarks


def _run(paragraph: Any, text: str = "", *, size: float | None = None, **style: Any) -> Any:
    run = paragraph.add_run(text)
    if size is not None:
        run.font.size = Pt(size)
    for key, value in style.items():
        setattr(run, key, value)
    return run


def _field_char(paragraph: Any, kind: str, size: float | None = None) -> None:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        element.set(qn("w:dirty"), "true")  # Word recomputes the field
    _run(paragraph, size=size)._r.append(element)


def _instruction(paragraph: Any, text: str, size: float | None = None) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {text} "
    _run(paragraph, size=size)._r.append(element)


def _ask_to_update_fields(doc: DocxDocument) -> None:
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is None:
        element = OxmlElement("w:updateFields")
        element.set(qn("w:val"), "true")
        settings.insert_element_before(element, *_SETTINGS_AFTER_UPDATE)


# ----------------------------------------------------------------------------------------------
# Pages


def _style_headings(doc: DocxDocument, profile: FormatProfile) -> None:
    style = doc.styles[HEADING_STYLE]
    style.font.name = profile.font_name
    style.font.size = Pt(HEADING_SIZE)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(6)
    fmt.keep_with_next = True
    fmt.line_spacing = 1.0


def _cover(doc: DocxDocument, profile: FormatProfile, event: EventInfo) -> None:
    if line(event.superior_body):
        write_line(doc, profile, line(event.superior_body).upper(), size=profile.superior_body_size)
    if line(event.issuing_body):
        write_line(doc, profile, line(event.issuing_body).upper(), size=profile.issuing_body_size, bold=True)
    if profile.issuing_body_mark:
        write_line(doc, profile, profile.issuing_body_mark)
    write_line(doc, profile, COVER_LABEL, size=18, bold=True, space_before=COVER_TOP_SPACE_PT, space_after=18)
    if line(event.kind_label):
        write_line(doc, profile, line(event.kind_label).upper(), size=16, bold=True, space_after=6)
    title = line(event.title)
    if title and title.casefold() != line(event.kind_label).casefold():
        write_line(doc, profile, title, size=15, bold=True, line_spacing=1.15, space_after=36)
    for label, text in ((LABEL_TIME, event.time_text), (LABEL_VENUE, event.venue)):
        if paragraph_text(text):
            paragraph = write_line(doc, profile, "", space_after=4)
            _run(paragraph, label, size=profile.body_size, bold=True)
            _run(paragraph, paragraph_text(text), size=profile.body_size, italic=True)


def _contents(doc: DocxDocument, profile: FormatProfile, presentations: Sequence[PresentationDoc]) -> None:
    """ "MỤC LỤC" and the TOC field; the field's cached result is the static list of entries
    ("<order>. <title>" and the unit in italics, no page numbers: only Word's update knows them)."""
    write_line(doc, profile, CONTENTS_TITLE, size=16, bold=True, space_after=18)
    size = CONTENTS_ENTRY_SIZE
    paragraphs = []
    for presentation in presentations or [None]:
        paragraph = write_line(doc, profile, "", align="left", space_after=6, line_spacing=1.15)
        paragraph.paragraph_format.left_indent = Mm(ENTRY_HANG_MM)
        paragraph.paragraph_format.first_line_indent = Mm(-ENTRY_HANG_MM)
        paragraphs.append((paragraph, presentation))
    first, last = paragraphs[0][0], paragraphs[-1][0]
    _field_char(first, "begin", size)
    _instruction(first, TOC_INSTRUCTION, size)
    _field_char(first, "separate", size)
    for paragraph, presentation in paragraphs:
        if presentation is not None:
            _run(paragraph, presentation_heading(presentation), size=size)
            if line(presentation.unit_name):
                _run(paragraph, f" ({line(presentation.unit_name)})", size=size, italic=True)
    _field_char(last, "end", size)


def _presentation(doc: DocxDocument, profile: FormatProfile, presentation: PresentationDoc) -> None:
    doc.add_paragraph(presentation_heading(presentation), style=HEADING_STYLE)
    unit = line(presentation.unit_name)
    if unit:
        write_line(doc, profile, unit, italic=True, bold=True, keep_with_next=True)
    if line(presentation.presenter):
        write_line(doc, profile, PRESENTER.format(name=line(presentation.presenter)), italic=True)
    write_line(doc, profile, "", space_after=6)
    texts = [paragraph_text(text) for text in texts_of(presentation.paragraphs)]
    texts = [text for text in texts if text]
    if not texts:
        add_body_paragraph(doc, profile, NO_TEXT, italic=True, indent=False, align="center")
    for text in texts:
        add_body_paragraph(doc, profile, text)


def booklet_docx(event: EventInfo, presentations: list[PresentationDoc]) -> bytes:
    """Cover, contents (TOC field with a static list inside), one presentation per new page.

    Presentations are printed in the order given; ``order`` is the number written before each title.
    """
    profile = event.format_profile
    doc = new_document(profile, title=f"{COVER_LABEL} - {event_name(event)}")
    _style_headings(doc, profile)
    _ask_to_update_fields(doc)
    _cover(doc, profile, event)
    add_page_break(doc)
    _contents(doc, profile, presentations)
    for presentation in presentations:
        add_page_break(doc)
        _presentation(doc, profile, presentation)
    return docx_bytes(doc)
