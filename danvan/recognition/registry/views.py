"""Registering models and exemplars, their progress and files, and awards with their documents."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.once import run_once
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page
from danvan.org.models import Unit

from ..models import Attachment, Award, Exemplar, Field
from . import policy, selectors, services
from .documents import AwardLine, certificate_docx, decision_list_docx
from .forms import AttachForm, AwardForm, ExemplarForm, ProgressForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _exemplar_or_404(request, pk) -> Exemplar:
    return get_object_or_404(Exemplar.objects.visible_to(request.user).select_related("unit", "field"), pk=pk)


@login_required
def exemplar_list(request):
    access.require(request.user, Cap.MOVEMENT_VIEW)
    q, year, field, status = (request.GET.get(k, "") for k in ("q", "year", "field", "status"))
    exemplars = selectors.exemplar_list(request.user, q=q, year=year, field=field, status=status)
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
    return render_page(request, "recognition/registry/exemplar_list.html", context, partial="results")


def _exemplar_form(request, exemplar: Exemplar | None):
    form = ExemplarForm(
        request.POST or None, instance=exemplar, visible_units=Unit.objects.visible_to(request.user)
    )
    context = {"exemplar": exemplar, "duplicate": None}

    def save(data):
        data = dict(data)
        version = data.pop("version", None)  # the version the form was loaded with, not the row's now
        try:
            return services.exemplar_save(
                actor=request.user,
                exemplar=exemplar,
                expected_version=version if exemplar else None,
                **data,
            )
        except services.NearDuplicate as error:
            # form_page renders this same context: the page names the title it may duplicate.
            context["duplicate"] = error.existing
            raise

    def saved(exemplar: Exemplar):
        messages.success(request, _("Đã lưu «%(t)s».") % {"t": exemplar.title})
        return redirect(exemplar)

    return form_page(
        request,
        form,
        template="recognition/registry/exemplar_form.html",
        context=context,
        save=save,
        on_success=saved,
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
@require_POST
def exemplar_publish(request, pk):
    """Publish a recognised entry on the showcase, or take it off (`publish=0`)."""
    exemplar = _exemplar_or_404(request, pk)
    publish = request.POST.get("publish", "1") != "0"
    try:
        services.exemplar_publish(actor=request.user, exemplar=exemplar, publish=publish)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã đăng lên trang công khai.") if publish else _("Đã thôi đăng công khai.")
        )
    return redirect(exemplar)


@login_required
def exemplar_detail(request, pk):
    exemplar = _exemplar_or_404(request, pk)
    access.require(request.user, Cap.MOVEMENT_VIEW)
    can_edit = policy.can_edit_exemplar(request.user, exemplar)
    form = ProgressForm(request.POST or None, request.FILES or None)
    context = {
        "exemplar": exemplar,
        "can_edit": can_edit,
        "updates": exemplar.updates.prefetch_related("attachments"),
        "attachments": exemplar.attachments.all(),
        "awards": exemplar.awards.all(),
        "entries": exemplar.round_entries.select_related("round"),
        "can_publish": policy.can_publish(request.user, exemplar),
        "is_public_status": exemplar.status in (Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED),
        "attach_form": AttachForm(),
    }

    def save(data):
        return services.progress_add(
            actor=request.user,
            exemplar=exemplar,
            on=data["on"],
            text=data["text"],
            figures=data["figures"],
            files=[data["file"]] if data["file"] else [],
        )

    def saved(_update):
        messages.success(request, _("Đã cập nhật tiến độ."))
        return redirect(exemplar)

    if not can_edit:
        return render(request, "recognition/registry/exemplar_detail.html", {**context, "form": form})
    return form_page(
        request,
        form,
        template="recognition/registry/exemplar_detail.html",
        context=context,
        save=save,
        on_success=saved,
    )


@login_required
def attachment_file(request, pk, attachment_pk):
    from danvan.core.files.views import serve

    get_object_or_404(Attachment, pk=attachment_pk, exemplar_id=pk)
    return serve(request, "exemplar-attachment", attachment_pk)


@login_required
def award_list(request):
    access.require(request.user, Cap.AWARD_MANAGE)
    awards = Award.objects.visible_to(request.user).select_related("issuer")
    form = AwardForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))

    def saved(_award):
        messages.success(request, _("Đã ghi khen thưởng."))
        return redirect("recognition:award_list")

    return form_page(
        request,
        form,
        template="recognition/registry/award_list.html",
        context={"page": paginate(request, awards), "query": query_without_page(request)},
        save=lambda data: services.award_save(actor=request.user, **data),
        on_success=saved,
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
    award = get_object_or_404(Award.objects.visible_to(request.user).select_related("issuer"), pk=pk)
    policy.require_award_issuer(request.user, award)
    if name == "certificate":
        data = certificate_docx(_line(award), issuer=award.level or award.issuer.name, place="")
        filename = f"giay-khen-{award.pk}.docx"
    elif name == "decision-list":
        from danvan.plans.services import header_texts

        superior, issuing = header_texts(award.issuer)
        data = decision_list_docx(
            [_line(a) for a in selectors.award_lines(award)],
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
    # The right to attach is checked before the form is read: without it, 403, not "choose a file".
    access.require(request.user, Cap.EXEMPLAR_REGISTER, exemplar.unit)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Hãy chọn tệp."))
        return redirect(exemplar)
    try:
        # A double click stores the file once; the repeat is told so (AlreadyDone is a ServiceError).
        run_once(
            request.POST.get("form_token"),
            user=request.user,
            create=lambda: services.attach(
                actor=request.user, exemplar=exemplar, upload=upload, caption=request.POST.get("caption", "")
            ),
        )
        messages.success(request, _("Đã thêm tệp."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(exemplar)
