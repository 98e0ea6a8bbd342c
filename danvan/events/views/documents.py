"""The event's documents: invitation letters (DOCX, PDF), name cards, delegate lists, booklet, report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from danvan.events import documents, policy, selectors
from danvan.events.views.events import event_or_404

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _respond(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def document(request, pk, name):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    site = request.build_absolute_uri("/")[:-1]
    info = selectors.event_info(event)
    if name in ("giay-moi.docx", "giay-moi.pdf"):
        pending = selectors.letter_invitations(event, unsent_without_mail=bool(request.GET.get("unsent")))
        data = documents.invitation_docx(info, selectors.delegates(event, site, pending))
        if name.endswith(".pdf"):
            from danvan.lib.officialdoc.pdf import PdfUnavailable, convert_to_pdf

            try:
                # A batch of hundreds of letters takes LibreOffice a minute or more: allow it.
                timeout = 120 + len(pending) // 5
                return _respond(convert_to_pdf(data, timeout=timeout), "application/pdf", name)
            except PdfUnavailable as error:
                messages.error(request, error.message)
                return redirect(event)
        return _respond(data, DOCX, name)
    if name == "the-ten.docx":
        return _respond(documents.name_cards_docx(info, selectors.delegates(event, site)), DOCX, name)
    if name == "danh-sach.xlsx":
        return _respond(documents.delegate_list_xlsx(info, selectors.delegates(event, site)), XLSX, name)
    if name == "danh-sach.docx":
        return _respond(documents.delegate_list_docx(info, selectors.delegates(event, site)), DOCX, name)
    if name == "ky-yeu.docx":
        return _respond(documents.booklet_docx(info, selectors.booklet_items(event)), DOCX, name)
    if name == "bao-cao.docx":
        return _respond(documents.event_report_docx(info, **selectors.report_figures(event)), DOCX, name)
    raise Http404
