"""Registering models and exemplars, their progress and files, and awards with their documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page
from danvan.org.models import Unit
from danvan.org.selectors import search_filter

from . import services
from .documents_awards import AwardLine, certificate_docx, decision_list_docx
from .forms import AwardForm, ExemplarForm, ProgressForm
from .models import Attachment, Award, Exemplar, Field

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _exemplar_or_404(request, pk) -> Exemplar:
    return get_object_or_404(Exemplar.objects.visible_to(request.user).select_related("unit", "field"), pk=pk)


@login_required
def exemplar_list(request):
    access.require(request.user, Cap.PLAN_VIEW)
    exemplars = Exemplar.objects.visible_to(request.user).select_related("unit", "field")
    q, year, field, status = (request.GET.get(k, "") for k in ("q", "year", "field", "status"))
    if q:
        exemplars = exemplars.filter(search_filter(q))
    if year.isdigit():
        exemplars = exemplars.filter(year=int(year))
    if field.isdigit():
        exemplars = exemplars.filter(field_id=int(field))
    if status:
        exemplars = exemplars.filter(status=status)
    context = {
        "page": paginate(request, exemplars),
        "q": q,
        "year": year,
        "field": field,
        "status": status,
        "fields": Field.objects.all(),
        "statuses": Exemplar.Status.choices,
        "query": query_without_page(request),
        "can_register": access.has_cap(request.user, Cap.EXEMPLAR_REGISTER),
    }
    return render_page(request, "recognition/exemplar_list.html", context, partial="results")


def _exemplar_form(request, exemplar: Exemplar | None):
    initial = None
    if exemplar is not None:
        initial = {
            k: getattr(exemplar, k)
            for k in (
                "year",
                "kind",
                "title",
                "description",
                "beneficiaries",
                "started_on",
                "expected_results",
                "contact_name",
                "contact_phone",
                "story",
            )
        }
        initial.update({"unit": exemplar.unit_id, "field": exemplar.field_id})
    form = ExemplarForm(
        request.POST or None, initial=initial, visible_units=Unit.objects.visible_to(request.user)
    )
    duplicate = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.exemplar_save(
                actor=request.user,
                exemplar=exemplar,
                expected_version=exemplar.version if exemplar else None,
                **form.cleaned_data,
            )
            messages.success(request, _("Đã lưu «%(t)s».") % {"t": saved.title})
            return redirect(saved)
        except services.NearDuplicate as error:
            duplicate = error.existing
            apply_service_error(form, error)
        except ServiceError as error:
            apply_service_error(form, error)
    return render(
        request,
        "recognition/exemplar_form.html",
        {"form": form, "exemplar": exemplar, "duplicate": duplicate},
    )


@login_required
def exemplar_new(request):
    access.require(request.user, Cap.EXEMPLAR_REGISTER)
    return _exemplar_form(request, None)


@login_required
def exemplar_edit(request, pk):
    exemplar = _exemplar_or_404(request, pk)
    access.require(request.user, Cap.EXEMPLAR_REGISTER, exemplar.unit)
    return _exemplar_form(request, exemplar)


@login_required
def exemplar_detail(request, pk):
    exemplar = _exemplar_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    can_edit = access.has_cap(request.user, Cap.EXEMPLAR_REGISTER, exemplar.unit)
    form = ProgressForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and can_edit and form.is_valid():
        data = form.cleaned_data
        try:
            services.progress_add(
                actor=request.user,
                exemplar=exemplar,
                on=data["on"],
                text=data["text"],
                figures=data["figures"],
                files=[data["file"]] if data["file"] else [],
            )
            messages.success(request, _("Đã cập nhật tiến độ."))
            return redirect(exemplar)
        except ServiceError as error:
            apply_service_error(form, error)
    context = {
        "exemplar": exemplar,
        "form": form,
        "can_edit": can_edit,
        "updates": exemplar.updates.prefetch_related("attachments"),
        "attachments": exemplar.attachments.all(),
        "awards": exemplar.awards.all(),
        "entries": exemplar.round_entries.select_related("round"),
    }
    return render(request, "recognition/exemplar_detail.html", context)


@login_required
def attachment_file(request, pk, attachment_pk):
    from danvan.core.files.views import serve

    get_object_or_404(Attachment, pk=attachment_pk, exemplar_id=pk)
    return serve(request, "exemplar-attachment", attachment_pk)


@login_required
def award_list(request):
    access.require(request.user, Cap.APPRAISAL_MANAGE)
    awards = Award.objects.filter(issuer__in=Unit.objects.visible_to(request.user)).select_related("issuer")
    form = AwardForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.award_save(actor=request.user, **form.cleaned_data)
            messages.success(request, _("Đã ghi khen thưởng."))
            return redirect("recognition:award_list")
        except ServiceError as error:
            apply_service_error(form, error)
    return render(
        request,
        "recognition/award_list.html",
        {"page": paginate(request, awards), "form": form, "query": query_without_page(request)},
    )


def _line(award: Award) -> AwardLine:
    return AwardLine(
        recipient=award.recipient_name,
        reason=award.reason,
        form_label=award.get_form_display(),
        level=award.level,
        decision_number=award.decision_number,
        decision_date=award.decision_date,
    )


@login_required
def award_document(request, pk, name):
    award = get_object_or_404(
        Award.objects.select_related("issuer"), pk=pk, issuer__in=Unit.objects.visible_to(request.user)
    )
    access.require(request.user, Cap.APPRAISAL_MANAGE, award.issuer)
    if name == "certificate":
        data = certificate_docx(_line(award), issuer=award.level or award.issuer.name, place="")
        filename = f"giay-khen-{award.pk}.docx"
    elif name == "decision-list":
        same = Award.objects.filter(decision_number=award.decision_number, issuer=award.issuer)
        from danvan.plans.services import header_texts

        superior, issuing = header_texts(award.issuer)
        data = decision_list_docx(
            [_line(a) for a in same],
            issuer=issuing,
            superior=superior,
            decision_number=award.decision_number,
            decision_date=award.decision_date,
        )
        filename = f"danh-sach-khen-thuong-{award.pk}.docx"
    else:
        raise Http404
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def exemplar_attach(request, pk):
    exemplar = _exemplar_or_404(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Hãy chọn tệp."))
        return redirect(exemplar)
    try:
        services.attach(
            actor=request.user, exemplar=exemplar, upload=upload, caption=request.POST.get("caption", "")
        )
        messages.success(request, _("Đã thêm tệp."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(exemplar)


urlpatterns = [
    path("", exemplar_list, name="exemplar_list"),
    path("new/", exemplar_new, name="exemplar_new"),
    path("<int:pk>/", exemplar_detail, name="exemplar_detail"),
    path("<int:pk>/edit/", exemplar_edit, name="exemplar_edit"),
    path("<int:pk>/attach/", exemplar_attach, name="exemplar_attach"),
    path("<int:pk>/files/<int:attachment_pk>/", attachment_file, name="attachment_file"),
    path("awards/", award_list, name="award_list"),
    path("awards/<int:pk>/<str:name>.docx", award_document, name="award_document"),
]
