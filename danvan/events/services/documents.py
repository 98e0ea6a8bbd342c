"""Asking for an event's documents: each is made by a background job (danvan.core.jobs), never in the request.

Every document of an event grows with it (a letter, a card, a list row per delegate; a page per presentation;
the report's table per group), and the letters and PDFs take seconds to minutes, so none is rendered in the
request: the page lists the jobs with their progress and offers the file when it is ready.
"""

from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.errors import ServiceError
from danvan.core.jobs import services as jobs
from danvan.core.jobs.models import DocumentJob
from danvan.lib import vntext

from .. import policy
from ..models import Event

KIND = "events.document"


@dataclass(frozen=True)
class DocumentSpec:
    label: object  # lazy text
    stem: str


DOCUMENTS = {
    "giay-moi.docx": DocumentSpec(gettext_lazy("Giấy mời (Word)"), "giay-moi"),
    "giay-moi.pdf": DocumentSpec(gettext_lazy("Giấy mời (PDF)"), "giay-moi"),
    "the-ten.docx": DocumentSpec(gettext_lazy("Thẻ tên đại biểu"), "the-ten"),
    "danh-sach.xlsx": DocumentSpec(gettext_lazy("Danh sách đại biểu (Excel)"), "danh-sach"),
    "danh-sach.docx": DocumentSpec(gettext_lazy("Danh sách đại biểu (Word)"), "danh-sach"),
    "ky-yeu.docx": DocumentSpec(gettext_lazy("Kỷ yếu tham luận"), "ky-yeu"),
    "bao-cao.docx": DocumentSpec(gettext_lazy("Báo cáo kết quả"), "bao-cao"),
}
LETTERS = ("giay-moi.docx", "giay-moi.pdf")


def document_request(*, event: Event, name: str, actor, site: str, unsent: bool = False) -> DocumentJob:
    """Queue the document ``name`` of the event for ``actor`` (the organiser's manager). ``site`` is the
    address the letters' RSVP links and QR codes point to; ``unsent`` keeps only the letters of delegates
    neither sent an invitation nor reachable by e-mail."""
    policy.require_manage(actor, event)
    spec = DOCUMENTS.get(name)
    if spec is None:
        raise ServiceError(_("Không có tài liệu này."))
    unsent = unsent and name in LETTERS
    label = str(spec.label) + (_(" — người chưa có thư điện tử") if unsent else "")
    extension = name.rsplit(".", 1)[1]
    stem = slugify(vntext.fold(f"{spec.stem} {event.title}"))[:80].rstrip("-") or spec.stem
    params = {"name": name, "site": site, "unsent": unsent}
    return jobs.job_enqueue(
        actor=actor,
        kind=KIND,
        title=f"{label}: {event.title}",
        file_name=f"{stem}.{extension}",
        subject=event,
        params=params,
        unit_path=event.organiser.path,
    )
