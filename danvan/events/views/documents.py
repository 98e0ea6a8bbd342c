"""The event's documents: invitation letters (DOCX, PDF), name cards, delegate lists, booklet, report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect

from danvan.core import access
from danvan.core.access import Cap
from danvan.events import documents, services
from danvan.events.models import Event, Presentation
from danvan.plans.services import header_texts

from .events import event_or_404

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def event_info(event: Event) -> "documents.EventInfo":
    superior, issuing = header_texts(event.organiser)
    plan = event.plan
    reference = ""
    if plan is not None and plan.symbol:
        reference = f"Thực hiện Kế hoạch số {plan.symbol}"
        if plan.issued_on:
            reference += f" ngày {plan.issued_on:%d/%m/%Y}"
        reference += f" của {event.organiser.name}"
    content = []
    if plan is not None:
        content_section = next((s for s in plan.document().sections if s.role == "content"), None)
        content = [b.text for b in content_section.blocks] if content_section else []
    return documents.EventInfo(
        title=event.title,
        kind_label=event.get_kind_display(),
        time_text=event.when or "",
        venue=event.venue,
        organiser=event.organiser.name,
        superior_body=superior,
        issuing_body=issuing,
        body_code=event.organiser.abbreviation,
        place=(plan.place if plan else "") or "",
        issued_on=None,
        signer_authority=["TRƯỞNG BAN"],
        signer_name="",
        plan_reference=reference,
        content_lines=content,
    )


def delegates(event: Event, site: str, invitations=None) -> list:
    invitations = (
        invitations
        if invitations is not None
        else event.invitations.select_related("group").order_by("group__order", "sort_key", "id")
    )
    return [
        documents.Delegate(
            name=i.attending_name,
            title=i.substitute_title or i.title,
            unit_name=i.unit_name,
            group_label=i.group.label if i.group_id else "Khách mời khác",
            link=f"{site}/e/{i.token}/",
            checked_in=i.checked_in_at is not None,
            status_label=i.get_status_display(),
        )
        for i in invitations
    ]


def _respond(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def document(request, pk, name):
    event = event_or_404(request, pk)
    access.require(request.user, Cap.EVENT_MANAGE, event.organiser)
    site = request.build_absolute_uri("/")[:-1]
    info = event_info(event)
    if name in ("giay-moi.docx", "giay-moi.pdf"):
        pending = (
            event.invitations.filter(is_walk_in=False)
            .select_related("group")
            .order_by("group__order", "sort_key", "id")
        )
        if request.GET.get("unsent"):
            pending = pending.filter(sent_at__isnull=True, email="")
        data = documents.invitation_docx(info, delegates(event, site, pending))
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
        return _respond(documents.name_cards_docx(info, delegates(event, site)), DOCX, name)
    if name == "danh-sach.xlsx":
        return _respond(documents.delegate_list_xlsx(info, delegates(event, site)), XLSX, name)
    if name == "danh-sach.docx":
        return _respond(documents.delegate_list_docx(info, delegates(event, site)), DOCX, name)
    if name == "ky-yeu.docx":
        approved = event.presentations.filter(status=Presentation.Status.APPROVED).select_related("unit")
        items = [
            documents.PresentationDoc(
                order=i, title=p.title, unit_name=p.unit.name, presenter=p.presenter, paragraphs=p.text
            )
            for i, p in enumerate(approved, start=1)
        ]
        return _respond(documents.booklet_docx(info, items), DOCX, name)
    if name == "bao-cao.docx":
        panel = services.group_panel(event)
        groups = [
            documents.GroupAttendance(
                label=row["group"].label,
                quota=row["quota"],
                invited=row["invited"],
                accepted=row["accepted"],
                attended=row["present"],
            )
            for row in panel
        ]
        walk_ins = event.invitations.filter(is_walk_in=True, group__isnull=True).count()
        delivered = [p.title for p in event.presentations.filter(status=Presentation.Status.APPROVED)]
        data = documents.event_report_docx(
            info,
            groups=groups,
            walk_ins=walk_ins,
            minutes=event.minutes,
            conclusions=event.conclusions,
            presentations=delivered,
        )
        return _respond(data, DOCX, name)
    raise Http404
