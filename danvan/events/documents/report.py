"""BÁO CÁO kết quả tổ chức <event>: the report an organiser sends up after the event.

Official header ("Số   -BC/BDVTU"), the title, an opening that cites the plan, then
I- the organisation and attendance (time, venue, the figures written out: "Hội nghị có 105/112 đại
biểu dự (đạt 93,8%)", a table by composition group), II- the content (the presentations delivered,
the minutes), III- the conclusions, IV- a paragraph left for the officer to write the assessment and
proposals, the closing, recipients and signature.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument

from danvan.events.documents.types import (
    EventInfo,
    GroupAttendance,
    event_name,
    format_count,
    format_percent,
    line,
    paragraph_text,
    recipients_block,
    texts_of,
)
from danvan.lib.officialdoc.blocks import (
    add_body_paragraph,
    add_doc_title,
    add_header_table,
    add_heading,
    add_signature_and_recipients,
    add_table,
    docx_bytes,
    new_document,
)
from danvan.lib.officialdoc.profiles import FormatProfile, closing_text, place_date_line, symbol_line

__all__ = ["attendance_sentence", "event_report_docx", "short_kind"]

DOC_TYPE = "BÁO CÁO"
TYPE_CODE = "BC"
SUMMARY = "kết quả tổ chức {event}"
OPENING_WITH_PLAN = "{reference}, {organiser} đã tổ chức {event}. {organiser} báo cáo kết quả như sau:"
OPENING = "{organiser} báo cáo kết quả tổ chức {event} như sau:"
HEADINGS = (
    ("I", "Công tác tổ chức và thành phần tham dự"),
    ("II", "Nội dung"),
    ("III", "Kết luận"),
    ("IV", "Đánh giá, đề xuất"),
)
LABEL_TIME = "1. Thời gian: {text}"
LABEL_VENUE = "2. Địa điểm: {text}"
LABEL_PEOPLE = "3. Thành phần: {text}"
INVITED = "{organiser} đã mời {invited} đại biểu{planned}, {accepted} đại biểu nhận lời tham dự."
PLANNED = " (kế hoạch dự kiến {quota} đại biểu)"
ATTENDED = "{kind} có {attended}/{invited} đại biểu dự (đạt {percent})"
ATTENDED_NO_INVITATIONS = "{kind} có {attended} đại biểu dự"
WALK_INS = "; ngoài ra có {walk_ins} đại biểu dự không theo danh sách mời, tổng số {total} đại biểu có mặt"
BY_GROUP = "Kết quả theo từng thành phần như sau:"
TABLE_HEADERS = ("Thành phần", "Dự kiến", "Mời", "Nhận lời", "Có mặt", "Tỷ lệ")
TABLE_WIDTHS = (3.4, 1, 0.9, 1, 0.9, 1)
TOTAL_ROW = "Cộng"
WALK_IN_ROW = "Đại biểu dự không theo danh sách mời"
PRESENTATIONS = "{kind} đã nghe {count} báo cáo tham luận:"
NO_PRESENTATIONS = "{kind} không có báo cáo tham luận."
MINUTES = "Diễn biến {kind_lower}:"
NO_CONCLUSIONS = "(Kết luận: cán bộ bổ sung)"
ASSESSMENT_PLACEHOLDER = "(Đánh giá, đề xuất: cán bộ bổ sung)"
CLOSING = "Trên đây là báo cáo kết quả tổ chức {event} của {organiser}."
DEFAULT_KIND = "Hội nghị"


def short_kind(event: EventInfo) -> str:
    """What the text calls the event: "Hội nghị" for any "Hội nghị ..." (kind or title), else the
    kind as given ("Tọa đàm", "Lễ phát động")."""
    kind = line(event.kind_label)
    if not kind or event_name(event).casefold().startswith(DEFAULT_KIND.casefold()):
        return DEFAULT_KIND
    return kind


def _sum(values: Sequence[int | None]) -> int:
    return sum(value or 0 for value in values)


def attendance_sentence(event: EventInfo, groups: Sequence[GroupAttendance], walk_ins: int = 0) -> str:
    """ "Hội nghị có 105/112 đại biểu dự (đạt 93,8%); ngoài ra có 3 đại biểu ... có mặt."

    The share is of the invited delegates who came (walk-ins are counted apart).
    """
    invited = _sum([group.invited for group in groups])
    attended = _sum([group.attended for group in groups])
    kind = short_kind(event)
    if invited:
        text = ATTENDED.format(
            kind=kind,
            attended=format_count(attended),
            invited=format_count(invited),
            percent=format_percent(attended, invited),
        )
    else:
        text = ATTENDED_NO_INVITATIONS.format(kind=kind, attended=format_count(attended + walk_ins))
    if walk_ins and invited:
        text += WALK_INS.format(walk_ins=format_count(walk_ins), total=format_count(attended + walk_ins))
    return text + "."


def _planned(groups: Sequence[GroupAttendance], planned_total: int | None) -> int | None:
    """The plan's figure: as given, else the sum of the groups' quotas when every group has one."""
    if planned_total is not None:
        return planned_total
    if groups and all(group.quota is not None for group in groups):
        return _sum([group.quota for group in groups])
    return None


def _invited_sentence(event: EventInfo, groups: Sequence[GroupAttendance], planned_total: int | None) -> str:
    invited = _sum([group.invited for group in groups])
    quota = _planned(groups, planned_total)
    planned = PLANNED.format(quota=format_count(quota)) if quota is not None and quota != invited else ""
    return INVITED.format(
        organiser=line(event.organiser),
        invited=format_count(invited),
        planned=planned,
        accepted=format_count(_sum([group.accepted for group in groups])),
    )


def _group_rows(
    groups: Sequence[GroupAttendance], walk_ins: int, planned_total: int | None
) -> list[list[str]]:
    def count(value: int | None) -> str:
        return "" if value is None else format_count(value)

    rows = [
        [
            line(group.label),
            count(group.quota),
            count(group.invited),
            count(group.accepted),
            count(group.attended),
            format_percent(group.attended, group.invited),
        ]
        for group in groups
    ]
    invited = _sum([group.invited for group in groups])
    attended = _sum([group.attended for group in groups])
    rows.append(
        [
            TOTAL_ROW,
            count(_planned(groups, planned_total)),
            format_count(invited),
            format_count(_sum([group.accepted for group in groups])),
            format_count(attended),
            format_percent(attended, invited),
        ]
    )
    if walk_ins:
        rows.append([WALK_IN_ROW, "", "", "", format_count(walk_ins), ""])
    return rows


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines of a free text (the minutes, the conclusions), each one paragraph."""
    return [paragraph_text(part) for part in (text or "").splitlines() if paragraph_text(part)]


def _attendance(
    doc: DocxDocument,
    profile: FormatProfile,
    event: EventInfo,
    groups: Sequence[GroupAttendance],
    walk_ins: int,
    planned_total: int | None,
) -> None:
    add_heading(doc, profile, *HEADINGS[0])
    add_body_paragraph(doc, profile, LABEL_TIME.format(text=paragraph_text(event.time_text)))
    add_body_paragraph(doc, profile, LABEL_VENUE.format(text=paragraph_text(event.venue)))
    people = attendance_sentence(event, groups, walk_ins)
    if _sum([group.invited for group in groups]):
        people = f"{_invited_sentence(event, groups, planned_total)} {people}"
    add_body_paragraph(doc, profile, LABEL_PEOPLE.format(text=people))
    if groups:
        add_body_paragraph(doc, profile, BY_GROUP, keep_with_next=True)
        table = add_table(
            doc,
            profile,
            TABLE_HEADERS,
            _group_rows(groups, walk_ins, planned_total),
            widths=TABLE_WIDTHS,
            aligns=["left", "center", "center", "center", "center", "center"],
        )
        total_row = table.rows[len(groups) + 1]
        for cell in total_row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.bold = True
        add_body_paragraph(doc, profile, "", indent=False)


def _content(
    doc: DocxDocument, profile: FormatProfile, event: EventInfo, presentations: Sequence[str]
) -> None:
    kind = short_kind(event)
    add_heading(doc, profile, *HEADINGS[1])
    titles = [paragraph_text(text) for text in texts_of(presentations) if paragraph_text(text)]
    if titles:
        add_body_paragraph(
            doc, profile, PRESENTATIONS.format(kind=kind, count=len(titles)), keep_with_next=True
        )
        for index, title in enumerate(titles, start=1):
            add_body_paragraph(doc, profile, f"{index}. {title}")
    else:
        add_body_paragraph(doc, profile, NO_PRESENTATIONS.format(kind=kind))


def event_report_docx(
    event: EventInfo,
    *,
    groups: list[GroupAttendance],
    walk_ins: int,
    minutes: str,
    conclusions: str,
    presentations: list[str],
    recipients: Sequence[str] = (),
    planned_total: int | None = None,
) -> bytes:
    """The report as DOCX. ``minutes`` and ``conclusions`` are free texts, one paragraph a line;
    ``presentations`` the titles (with unit) of the presentations delivered; ``recipients`` the
    "Nơi nhận" lines as plain names ("Ban Dân vận Tỉnh ủy (b/c)"), the "Lưu" line added;
    ``planned_total`` the plan's figure ("khoảng 112 đại biểu"), by default the sum of the groups'
    quotas when every group has one (the "Dự kiến" of the "Cộng" row)."""
    profile = event.format_profile
    name = event_name(event)
    organiser = line(event.organiser)
    doc = new_document(profile, title=f"{DOC_TYPE} {SUMMARY.format(event=name)}")
    add_header_table(
        doc,
        profile,
        superior_body=line(event.superior_body),
        issuing_body=line(event.issuing_body),
        symbol_line=symbol_line(profile, type_code=TYPE_CODE, body_code=line(event.body_code)),
        place_date_line=place_date_line(profile, line(event.place), event.issued_on),
    )
    add_doc_title(doc, profile, DOC_TYPE, SUMMARY.format(event=name))
    reference = paragraph_text(event.plan_reference).rstrip(" ,;.")
    if reference:
        opening = OPENING_WITH_PLAN.format(reference=reference, organiser=organiser, event=name)
    else:
        opening = OPENING.format(organiser=organiser, event=name)
    add_body_paragraph(doc, profile, opening)

    _attendance(doc, profile, event, groups, walk_ins, planned_total)
    _content(doc, profile, event, presentations)
    minutes_lines = _paragraphs(minutes)
    if minutes_lines:
        add_body_paragraph(
            doc, profile, MINUTES.format(kind_lower=short_kind(event).lower()), keep_with_next=True
        )
        for text in minutes_lines:
            add_body_paragraph(doc, profile, text)
    add_heading(doc, profile, *HEADINGS[2])
    for text in _paragraphs(conclusions) or [NO_CONCLUSIONS]:
        add_body_paragraph(doc, profile, text, italic=text == NO_CONCLUSIONS)
    add_heading(doc, profile, *HEADINGS[3])
    add_body_paragraph(doc, profile, ASSESSMENT_PLACEHOLDER, italic=True)
    add_body_paragraph(doc, profile, closing_text(profile, CLOSING.format(event=name, organiser=organiser)))
    add_signature_and_recipients(
        doc,
        profile,
        recipients_block(profile, texts_of(recipients), event.archive),
        [line(text) for text in event.signer_authority],
        line(event.signer_name),
    )
    return docx_bytes(doc)
