"""Documents of an event (hội nghị, tọa đàm): invitations, name cards, delegate lists, the booklet of
presentations and the report on the event. Pure: inputs are the dataclasses of ``types``; the output
is the bytes of a DOCX or XLSX file. Nothing here touches the database.

    from danvan.events.documents import EventInfo, Delegate, invitation_docx
    data = invitation_docx(event, delegates)  # one GIẤY MỜI per delegate, one page each

=======================  ====================================================================
``invitation_docx``      one giấy mời per delegate (QR code of the RSVP link), page breaks between
``name_cards_docx``      name cards, 2 x 4 per A4 page
``delegate_list_xlsx``   the delegate list by group (XLSX)
``delegate_list_docx``   the same list as an official "DANH SÁCH ĐẠI BIỂU"
``booklet_docx``         cover, MỤC LỤC (Word TOC field + static list), one presentation a page
``event_report_docx``    "BÁO CÁO kết quả tổ chức ...": attendance figures and table, content
=======================  ====================================================================

``write_invitation_docx(out, event, delegates, progress=...)`` writes the letters into a file as a
stream, in memory that does not grow with the letters (the background job uses it).

Every DOCX is laid out with ``danvan.lib.officialdoc`` in the event's format profile
(``EventInfo.profile``); a PDF comes from ``danvan.lib.officialdoc.convert_to_pdf``.
"""

from danvan.events.documents.booklet import booklet_docx
from danvan.events.documents.invitation import invitation_docx, qr_png, write_invitation_docx
from danvan.events.documents.lists import delegate_list_docx, delegate_list_xlsx, name_cards_docx
from danvan.events.documents.report import attendance_sentence, event_report_docx
from danvan.events.documents.types import Delegate, EventInfo, GroupAttendance, PresentationDoc

__all__ = [
    "Delegate",
    "EventInfo",
    "GroupAttendance",
    "PresentationDoc",
    "attendance_sentence",
    "booklet_docx",
    "delegate_list_docx",
    "delegate_list_xlsx",
    "event_report_docx",
    "invitation_docx",
    "name_cards_docx",
    "qr_png",
    "write_invitation_docx",
]
