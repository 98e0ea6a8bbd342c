from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.paging import paginate, query_without_page
from danvan.org.models import Unit

from ..models import Dialogue, Petition
from . import policy, selectors, services
from .forms import (
    AnswerForm,
    AssignForm,
    InformForm,
    PetitionEditForm,
    PetitionFilterForm,
    PetitionForm,
    ReasonForm,
)


def petition_or_404(request, pk) -> Petition:
    return get_object_or_404(
        Petition.objects.visible_to(request.user).select_related(
            "field", "received_unit", "responsible_unit", "locality", "dialogue", "merged_into"
        ),
        pk=pk,
    )


def _home_unit(user):
    """The first unit the user holds a role on (the default for 'my' lists); None for a system admin."""
    paths = access.scope_paths(user)
    return Unit.objects.filter(path=paths[0]).first() if paths else None


@login_required
def petition_list(request):
    access.require(request.user, Cap.PETITION_VIEW)
    form = PetitionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    petitions = selectors.petition_list(
        request.user,
        status=filters.get("status", ""),
        field_id=filters["field"].pk if filters.get("field") else None,
        query=filters.get("q", ""),
        overdue=filters.get("overdue", False),
    )
    return render(
        request,
        "citizens/petitions/petition_list.html",
        {
            "filter_form": form,
            "page": paginate(request, petitions, ids_first=True),
            "query": query_without_page(request),
            "today": timezone.localdate(),
            "can_record": access.has_cap(request.user, Cap.PETITION_HANDLE),
        },
    )


@login_required
def petition_overdue(request):
    """Overdue petitions a unit and the units under it must resolve (red for them and their superiors)."""
    access.require(request.user, Cap.PETITION_VIEW)
    visible = Unit.objects.visible_to(request.user)
    unit_id = request.GET.get("unit", "")
    unit = get_object_or_404(visible, pk=unit_id) if unit_id.isdigit() else _home_unit(request.user)
    if unit is None:
        unit = visible.filter(depth=0).order_by("path").first()
    petitions = selectors.overdue_for(request.user, unit) if unit else Petition.objects.none()
    return render(
        request,
        "citizens/petitions/overdue.html",
        {
            "unit": unit,
            "page": paginate(request, petitions, ids_first=True),
            "query": query_without_page(request),
            "today": timezone.localdate(),
        },
    )


@login_required
def petition_new(request):
    access.require(request.user, Cap.PETITION_HANDLE)
    visible = Unit.objects.visible_to(request.user)
    dialogue = None
    if request.GET.get("dialogue", "").isdigit():
        dialogue = get_object_or_404(Dialogue.objects.visible_to(request.user), pk=request.GET["dialogue"])
    home = dialogue.organiser if dialogue else _home_unit(request.user)
    instance = Petition(received_unit=home, received_on=timezone.localdate(), dialogue=dialogue)
    form = PetitionForm(request.POST or None, instance=instance, visible_units=visible)

    def saved(petition):
        messages.success(
            request, _("Đã tiếp nhận. Mã tra cứu cho công dân: %(c)s") % {"c": petition.lookup_code}
        )
        return redirect(petition)

    return form_page(
        request,
        form,
        template="citizens/petitions/petition_form.html",
        context={"dialogue": dialogue},
        save=lambda data: services.petition_record(
            actor=request.user, dialogue=dialogue, **form.service_fields()
        ),
        on_success=saved,
    )


@login_required
def petition_edit(request, pk):
    petition = petition_or_404(request, pk)
    policy.require_handle(request.user, petition)
    show_citizen = policy.can_see_personal(request.user, petition)
    citizen = None
    if show_citizen and request.method == "GET":
        citizen = services.petition_personal_data(actor=request.user, petition=petition)
    form = PetitionEditForm(
        request.POST or None,
        instance=petition,
        visible_units=Unit.objects.visible_to(request.user),
        citizen=citizen,
        show_citizen=show_citizen,
    )

    def saved(petition):
        messages.success(request, _("Đã lưu."))
        return redirect(petition)

    return form_page(
        request,
        form,
        template="citizens/petitions/petition_form.html",
        context={"petition": petition},
        save=lambda data: services.petition_update(
            actor=request.user, petition=petition, **form.service_fields()
        ),
        on_success=saved,
    )


@login_required
def petition_detail(request, pk):
    petition = petition_or_404(request, pk)
    access.require(request.user, Cap.PETITION_VIEW)
    user = request.user
    citizen, can_personal = None, policy.can_see_personal(user, petition)
    if can_personal:
        citizen = services.petition_personal_data(actor=user, petition=petition)
    can_handle, can_answer = policy.can_handle(user, petition), policy.can_answer(user, petition)
    context = {
        "petition": petition,
        "citizen": citizen,
        "can_personal": can_personal,
        "can_handle": can_handle,
        "can_answer": can_answer,
        "steps": selectors.timeline(petition),
        "attachments": petition.attachments.all() if can_personal else (),
        "today": timezone.localdate(),
        "allowed": {s for s in Petition.Status.values if policy.allowed(petition.status, s)},
    }
    if can_handle:
        context["similar"] = selectors.similar_petitions(
            user,
            title=petition.title,
            content=petition.content,
            locality=petition.locality,
            received_unit=petition.received_unit,
            exclude_id=petition.pk,
        )
        context["assign_form"] = AssignForm(units=selectors.assignable_units(petition))
        context["inform_form"] = InformForm()
        context["reason_form"] = ReasonForm()
    if can_answer:
        context["answer_form"] = AnswerForm()
    return render(request, "citizens/petitions/petition_detail.html", context)


ACTIONS = ("assign", "start", "answer", "inform", "close", "escalate")


@login_required
@require_POST
def petition_action(request, pk, action):
    petition = petition_or_404(request, pk)
    if action not in ACTIONS:
        raise PermissionDenied
    policy.require_handle(request.user, petition)
    user = request.user
    try:
        if action == "assign":
            form = AssignForm(request.POST, units=selectors.assignable_units(petition))
            if not form.is_valid():
                raise ServiceError(" ".join(e for errors in form.errors.values() for e in errors))
            data = form.cleaned_data
            if petition.status in (Petition.Status.ASSIGNED, Petition.Status.IN_PROGRESS):
                services.petition_transfer(
                    actor=user,
                    petition=petition,
                    unit=data["unit"],
                    deadline=data["deadline"],
                    reason=data["reason"],
                )
            else:
                services.petition_assign(
                    actor=user,
                    petition=petition,
                    unit=data["unit"],
                    deadline=data["deadline"],
                    reason=data["reason"],
                )
        elif action == "start":
            services.petition_start(actor=user, petition=petition)
        elif action == "answer":
            form = AnswerForm(request.POST)
            if not form.is_valid():
                raise ServiceError(_("Hãy ghi nội dung trả lời (ngày theo dạng dd/mm/yyyy)."))
            services.petition_answer(actor=user, petition=petition, **form.cleaned_data)
        elif action == "inform":
            form = InformForm(request.POST)
            if not form.is_valid():
                raise ServiceError(_("Hãy ghi hình thức thông tin cho công dân."))
            services.petition_inform(actor=user, petition=petition, **form.cleaned_data)
        elif action == "close":
            services.petition_close(actor=user, petition=petition, note=request.POST.get("reason", ""))
        elif action == "escalate":
            services.petition_escalate(actor=user, petition=petition, reason=request.POST.get("reason", ""))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã cập nhật: %(s)s.") % {"s": petition.get_status_display()})
    return redirect(petition)


@login_required
@require_POST
def petition_merge(request, pk):
    petition = petition_or_404(request, pk)
    policy.require_handle(request.user, petition)  # 403 before any input is read
    into_id = request.POST.get("into", "")
    into = (
        get_object_or_404(Petition.objects.visible_to(request.user), pk=into_id)
        if into_id.isdigit()
        else None
    )
    if into is None:
        messages.error(request, _("Hãy chọn kiến nghị để gộp vào."))
        return redirect(petition)
    try:
        services.petition_merge(actor=request.user, petition=petition, into=into)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(petition)
    messages.success(request, _("Đã gộp vào kiến nghị #%(n)s.") % {"n": into.pk})
    return redirect(into)


@login_required
def petition_similar(request):
    """The duplicate suggestions for a petition being typed (an htmx partial of the new-petition page)."""
    access.require(request.user, Cap.PETITION_VIEW)
    visible = Unit.objects.visible_to(request.user)
    locality = visible.filter(pk=request.GET.get("locality") or 0).first()
    received = visible.filter(pk=request.GET.get("received_unit") or 0).first()
    similar = selectors.similar_petitions(
        request.user,
        title=request.GET.get("title", ""),
        content=request.GET.get("content", ""),
        locality=locality or received,
        received_unit=received,
    )
    return render(request, "citizens/petitions/_similar.html", {"similar": similar})


CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
@require_POST
def petition_attach(request, pk):
    petition = petition_or_404(request, pk)
    policy.require_handle(request.user, petition)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Hãy chọn tệp để đính kèm."))
        return redirect(petition)
    try:
        services.petition_attach(
            actor=request.user, petition=petition, upload=upload, caption=request.POST.get("caption", "")
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã đính kèm tệp."))
    return redirect(petition)


@login_required
def petition_attachment(request, pk, attachment_pk):
    """A file of the petition, served after the personal-data check (and audited), never from a public URL."""
    petition = petition_or_404(request, pk)
    attachment = get_object_or_404(petition.attachments.all(), pk=attachment_pk)
    data = services.petition_attachment_open(actor=request.user, attachment=attachment)
    response = HttpResponse(data, content_type=CONTENT_TYPES.get(attachment.kind, "application/octet-stream"))
    disposition = "inline" if attachment.kind in ("jpg", "png", "gif", "webp") else "attachment"
    response["Content-Disposition"] = (
        f'{disposition}; filename="kien-nghi-{petition.pk}-{attachment.pk}.{attachment.kind}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
