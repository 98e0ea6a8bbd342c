"""The event documents' builder for background jobs (danvan.core.jobs): reads the event, writes the file.

Registered as ``events.document``; ``job.params`` holds the document's ``name`` (as in the page's URLs),
the ``site`` the RSVP links point to and, for letters, ``unsent``.
"""

import tempfile
from typing import BinaryIO

from django.utils.translation import gettext as _

from danvan.core.jobs.registry import JobFailed, Progress, register

from . import documents, selectors
from .models import Event
from .services.documents import KIND

PDF_TIMEOUT_S = 120  # LibreOffice's start and a short document
PDF_SECONDS_PER_LETTER = 0.2  # measured about 0.04 s a letter (bench/events.py): five times that at least


def _pdf(docx: bytes, *, timeout: float) -> bytes:
    from danvan.lib.officialdoc.pdf import convert_to_pdf

    try:
        return convert_to_pdf(docx, timeout=timeout)
    except RuntimeError as error:  # PdfUnavailable included: its message (Vietnamese) is for the user
        raise JobFailed(getattr(error, "message", "") or str(error)) from error


def _letters(event: Event, params: dict, out: BinaryIO, progress: Progress) -> None:
    pending = selectors.letter_invitations(event, unsent_without_mail=bool(params.get("unsent")))
    people = selectors.delegates(event, params.get("site", ""), pending.iterator(chunk_size=500))
    info = selectors.event_info(event)
    if params["name"].endswith(".docx"):
        documents.write_invitation_docx(out, info, people, progress=progress)
        return
    # The PDF: the DOCX first (the bar's first half), then LibreOffice (the second half, in one step).
    with tempfile.TemporaryFile(prefix="danvan-letters-") as docx:
        documents.write_invitation_docx(
            docx, info, people, progress=lambda done, total: progress(done, 2 * total)
        )
        docx.seek(0)
        data = docx.read()
    progress(1, 2)
    timeout = PDF_TIMEOUT_S + PDF_SECONDS_PER_LETTER * len(people)
    out.write(_pdf(data, timeout=timeout))
    progress(2, 2)


@register(KIND)
def build_event_document(job, out: BinaryIO, progress: Progress) -> None:
    event = Event.objects.select_related("organiser", "plan").filter(pk=job.subject_id).first()
    if event is None:
        raise JobFailed(_("Sự kiện không còn nữa."))
    name, site = job.params["name"], job.params.get("site", "")
    progress(0, 1)
    if name.startswith("giay-moi."):
        _letters(event, job.params, out, progress)
        return
    info = selectors.event_info(event)
    if name == "the-ten.docx":
        data = documents.name_cards_docx(info, selectors.delegates(event, site))
    elif name == "danh-sach.xlsx":
        data = documents.delegate_list_xlsx(info, selectors.delegates(event, site))
    elif name == "danh-sach.docx":
        data = documents.delegate_list_docx(info, selectors.delegates(event, site))
    elif name == "ky-yeu.docx":
        data = documents.booklet_docx(info, selectors.booklet_items(event))
    elif name == "bao-cao.docx":
        data = documents.event_report_docx(info, **selectors.report_figures(event))
    else:
        raise JobFailed(_("Không có tài liệu này."))
    out.write(data)
    progress(1, 1)
