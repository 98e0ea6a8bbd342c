"""Medal “Vì sự nghiệp Dân vận”: the rule set (administrator), nominations and their approval chain.

Routes are joined to the app's urls through views_contest.urlpatterns.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error
from danvan.core.paging import paginate, query_without_page
from danvan.lib.uploads import UploadRejected
from danvan.org.models import Unit

from . import services_medals as services
from .forms_contest import CommentForm, DossierForm, MedalRuleForm, NominationFilterForm, NominationForm
from .models_medals import MedalDossierFile, MedalNomination, MedalRule

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _require_medal_access(user) -> None:
    """Units that propose and committees that check; anyone else has nothing to do here."""
    if not (access.has_cap(user, Cap.EXEMPLAR_REGISTER) or access.has_cap(user, Cap.APPRAISAL_MANAGE)):
        raise PermissionDenied


def _nomination_or_404(request, pk) -> MedalNomination:
    nomination = get_object_or_404(
        MedalNomination.objects.visible_to(request.user).select_related("person__unit", "unit__parent"), pk=pk
    )
    if not (
        access.has_cap(request.user, Cap.EXEMPLAR_REGISTER, nomination.unit)
        or access.has_cap(request.user, Cap.APPRAISAL_MANAGE, nomination.unit)
    ):
        raise PermissionDenied
    return nomination


# --- rules -----------------------------------------------------------------------------------------------


@login_required
def medal_rule_list(request):
    if not services.can_edit_rules(request.user):
        _require_medal_access(request.user)
    context = {
        "rules": MedalRule.objects.order_by("-active", "group", "name"),
        "can_edit": services.can_edit_rules(request.user),
    }
    return render(request, "recognition/medal/rule_list.html", context)


def _rule_form_page(request, rule: MedalRule | None):
    access.require(request.user, Cap.CATALOG_MANAGE)
    initial = {"active": True}
    if rule is not None:
        initial = {
            "name": rule.name,
            "group": rule.group,
            "min_years": rule.min_years,
            "requires_no_discipline": rule.requires_no_discipline,
            "active": rule.active,
            "note": rule.note,
            "version": rule.version,
        }
    form = MedalRuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.rule_save(
                actor=request.user,
                name=data["name"],
                group=data["group"],
                min_years=data["min_years"],
                requires_no_discipline=data["requires_no_discipline"],
                active=data["active"],
                note=data["note"],
                rule=rule,
                expected_version=data.get("version") if rule else None,
            )
            messages.success(request, _("Đã lưu tiêu chí."))
            return redirect("recognition:medal_rule_list")
        except ServiceError as error:
            apply_service_error(form, error)
    heading = _("Thêm tiêu chí xét Kỷ niệm chương") if rule is None else _("Sửa tiêu chí xét Kỷ niệm chương")
    return render(
        request,
        "recognition/medal/form.html",
        {"form": form, "heading": heading, "back": reverse("recognition:medal_rule_list"), "rule_form": True},
    )


@login_required
def medal_rule_new(request):
    return _rule_form_page(request, None)


@login_required
def medal_rule_edit(request, pk):
    access.require(request.user, Cap.CATALOG_MANAGE)
    return _rule_form_page(request, get_object_or_404(MedalRule, pk=pk))


# --- nominations -----------------------------------------------------------------------------------------


def _filtered(request):
    nominations = MedalNomination.objects.visible_to(request.user)
    groups = sorted(set(nominations.values_list("group", flat=True)))
    form = NominationFilterForm(request.GET or None, groups=groups)
    if form.is_valid():
        data = form.cleaned_data
        if data.get("status"):
            nominations = nominations.filter(status=data["status"])
        if data.get("group"):
            nominations = nominations.filter(group=data["group"])
        if data.get("overall"):
            nominations = nominations.filter(checks__overall=data["overall"])
    return form, nominations


@login_required
def medal_list(request):
    _require_medal_access(request.user)
    form, nominations = _filtered(request)
    nominations = nominations.select_related("person", "unit").order_by("-created_at", "-id")
    context = {
        "filter_form": form,
        "page": paginate(request, nominations),
        "query": query_without_page(request),
        "can_propose": access.has_cap(request.user, Cap.EXEMPLAR_REGISTER),
        "can_edit_rules": services.can_edit_rules(request.user),
        "labels": services.RESULT_LABELS,
    }
    return render(request, "recognition/medal/list.html", context)


@login_required
def medal_export(request):
    _require_medal_access(request.user)
    _form, nominations = _filtered(request)
    data = services.nominations_xlsx(nominations.order_by("unit__path", "person__sort_key", "id"))
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="de-nghi-ky-niem-chuong-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response


def _chosen_unit(request, fallback: Unit | None = None) -> Unit | None:
    units = Unit.objects.visible_to(request.user)
    raw = request.POST.get("unit") or request.GET.get("unit")
    if raw and str(raw).isdigit():
        return units.filter(pk=raw).first()
    if fallback is not None:
        return fallback
    for unit_path in access.scope_paths(request.user):
        unit = units.filter(path=unit_path).first()
        if unit is not None and access.has_cap(request.user, Cap.EXEMPLAR_REGISTER, unit):
            return unit
    return None


def _nomination_form_page(request, nomination: MedalNomination | None):
    unit = _chosen_unit(request, nomination.unit if nomination else None)
    if nomination is None:
        initial = {"unit": unit.pk if unit else None}
        if pk := request.GET.get("person"):
            initial["person"] = pk
    else:
        initial = {
            "unit": nomination.unit_id,
            "person": nomination.person_id,
            "group": nomination.group,
            "years_in_work": nomination.years_in_work,
            "start_year": nomination.start_year,
            "discipline": NominationForm.discipline_value(nomination),
            "discipline_note": nomination.discipline_note,
            "achievements": nomination.achievements,
            "version": nomination.version,
        }
    groups = services.rule_groups(include=nomination.group if nomination else "")
    form = NominationForm(request.POST or None, initial=initial, user=request.user, unit=unit, groups=groups)
    if nomination is not None:
        form.fields["unit"].disabled = True
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {
            "person": data["person"],
            "group": data["group"],
            "years_in_work": data["years_in_work"],
            "start_year": data["start_year"],
            "has_discipline": form.has_discipline,
            "discipline_note": data["discipline_note"],
            "achievements": data["achievements"],
        }
        try:
            if nomination is None:
                nomination = services.nomination_propose(actor=request.user, unit=data["unit"], **values)
                messages.success(request, _("Đã gửi đề nghị tới Ban Dân vận cấp trên."))
            else:
                nomination = services.nomination_update(
                    actor=request.user, nomination=nomination, expected_version=data.get("version"), **values
                )
                messages.success(request, _("Đã lưu và gửi lại đề nghị."))
            return redirect(nomination)
        except ServiceError as error:
            apply_service_error(form, error)
    context = {
        "form": form,
        "heading": _("Đề nghị Kỷ niệm chương “Vì sự nghiệp Dân vận”")
        if nomination is None
        else _("Sửa đề nghị"),
        "back": nomination.get_absolute_url() if nomination else reverse("recognition:medal_list"),
        "nomination": nomination,
        "no_rules": not groups,
        "unit_filter": nomination is None,
    }
    return render(request, "recognition/medal/form.html", context)


@login_required
def medal_new(request):
    access.require(request.user, Cap.EXEMPLAR_REGISTER)
    return _nomination_form_page(request, None)


@login_required
def medal_edit(request, pk):
    nomination = _nomination_or_404(request, pk)
    access.require(request.user, Cap.EXEMPLAR_REGISTER, nomination.unit)
    if nomination.status not in (MedalNomination.Status.PROPOSED, MedalNomination.Status.RETURNED):
        messages.error(request, _("Đề nghị đã được Ban Dân vận kiểm tra: không sửa được nữa."))
        return redirect(nomination)
    return _nomination_form_page(request, nomination)


@login_required
def medal_detail(request, pk):
    nomination = _nomination_or_404(request, pk)
    is_unit = access.has_cap(request.user, Cap.EXEMPLAR_REGISTER, nomination.unit)
    committee = services.can_check(request.user, nomination)
    Status = MedalNomination.Status
    context = {
        "nomination": nomination,
        "checks": nomination.checks or {},
        "labels": services.RESULT_LABELS,
        "files": nomination.files.select_related("uploaded_by"),
        "can_edit": is_unit and nomination.status in (Status.PROPOSED, Status.RETURNED),
        "can_files": is_unit and nomination.status != Status.SENT,
        "can_check": committee and nomination.status == Status.PROPOSED,
        "can_send": committee and nomination.status == Status.CHECKED,
        "can_return": committee and nomination.status in (Status.PROPOSED, Status.CHECKED),
        "dossier_form": DossierForm(),
        "comment_form": CommentForm(),
        "steps": [
            (Status.PROPOSED.label, nomination.created_at, nomination.created_by),
            (Status.CHECKED.label, nomination.checked_at, nomination.checked_by),
            (Status.SENT.label, nomination.sent_at, nomination.sent_by),
        ],
    }
    return render(request, "recognition/medal/detail.html", context)


@login_required
@require_POST
def medal_action(request, pk, action):
    nomination = _nomination_or_404(request, pk)
    try:
        if action == "check":
            nomination = services.nomination_check(actor=request.user, nomination=nomination)
            messages.success(
                request,
                _("Đã kiểm tra. Kết quả đối chiếu tiêu chí: %(r)s.")
                % {"r": services.RESULT_LABELS.get(nomination.overall, "—")},
            )
        elif action == "send":
            services.nomination_send_up(actor=request.user, nomination=nomination)
            messages.success(request, _("Đã gửi cấp trên."))
        elif action == "return":
            form = CommentForm(request.POST)
            form.is_valid()
            services.nomination_return(
                actor=request.user, nomination=nomination, comment=form.cleaned_data.get("comment", "")
            )
            messages.success(request, _("Đã trả lại đơn vị kèm ý kiến."))
        elif action == "withdraw":
            services.nomination_withdraw(actor=request.user, nomination=nomination)
            messages.success(request, _("Đã rút đề nghị."))
            return redirect("recognition:medal_list")
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(nomination)


@login_required
@require_POST
def medal_file_upload(request, pk):
    nomination = _nomination_or_404(request, pk)
    form = DossierForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một tệp Word (.docx) hoặc Excel (.xlsx)."))
        return redirect(nomination)
    try:
        services.dossier_add(
            actor=request.user,
            nomination=nomination,
            upload=form.cleaned_data["file"],
            max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES,
        )
        messages.success(request, _("Đã thêm tệp vào hồ sơ."))
    except (UploadRejected, ServiceError) as error:
        messages.error(request, error.message)
    return redirect(nomination)


@login_required
def medal_file_download(request, pk, file_pk):
    from danvan.core.files.views import serve

    get_object_or_404(MedalDossierFile, pk=file_pk, nomination_id=pk)
    return serve(request, "medal-dossier-file", file_pk)


@login_required
@require_POST
def medal_file_remove(request, pk, file_pk):
    nomination = _nomination_or_404(request, pk)
    item = get_object_or_404(MedalDossierFile, pk=file_pk, nomination=nomination)
    try:
        services.dossier_remove(actor=request.user, item=item)
        messages.success(request, _("Đã xóa tệp."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(nomination)


urlpatterns = [
    path("ky-niem-chuong/", medal_list, name="medal_list"),
    path("ky-niem-chuong/danh-sach.xlsx", medal_export, name="medal_export"),
    path("ky-niem-chuong/de-nghi/", medal_new, name="medal_new"),
    path("ky-niem-chuong/tieu-chi/", medal_rule_list, name="medal_rule_list"),
    path("ky-niem-chuong/tieu-chi/moi/", medal_rule_new, name="medal_rule_new"),
    path("ky-niem-chuong/tieu-chi/<int:pk>/sua/", medal_rule_edit, name="medal_rule_edit"),
    path("ky-niem-chuong/<int:pk>/", medal_detail, name="medal_detail"),
    path("ky-niem-chuong/<int:pk>/sua/", medal_edit, name="medal_edit"),
    path("ky-niem-chuong/<int:pk>/ho-so/", medal_file_upload, name="medal_file_upload"),
    path("ky-niem-chuong/<int:pk>/ho-so/<int:file_pk>/", medal_file_download, name="medal_file_download"),
    path("ky-niem-chuong/<int:pk>/ho-so/<int:file_pk>/xoa/", medal_file_remove, name="medal_file_remove"),
    path("ky-niem-chuong/<int:pk>/<slug:action>/", medal_action, name="medal_action"),
]
