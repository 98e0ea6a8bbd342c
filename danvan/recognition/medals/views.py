"""Medal “Vì sự nghiệp Dân vận”: the rule set (administrator), nominations and their approval chain."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.once import create_once
from danvan.core.paging import paginate, query_without_page
from danvan.lib.uploads import UploadRejected
from danvan.org.models import Unit

from ..models import MedalDossierFile, MedalNomination, MedalRule
from ..registry.selectors import own_unit_with
from . import documents, policy, selectors, services
from .eligibility import RESULT_LABELS
from .forms import CommentForm, DossierForm, MedalRuleForm, NominationFilterForm, NominationForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _nomination_or_404(request, pk) -> MedalNomination:
    nomination = get_object_or_404(
        MedalNomination.objects.visible_to(request.user).select_related("person__unit", "unit__parent"), pk=pk
    )
    if not policy.may_open(request.user, nomination):
        raise PermissionDenied
    return nomination


# --- rules -----------------------------------------------------------------------------------------------


@login_required
def medal_rule_list(request):
    if not policy.can_edit_rules(request.user):
        policy.require_medal_access(request.user)
    context = {
        "rules": MedalRule.objects.order_by("-active", "group", "name"),
        "can_edit": policy.can_edit_rules(request.user),
    }
    return render(request, "recognition/medals/rule_list.html", context)


def _rule_form_page(request, rule: MedalRule | None):
    access.require(request.user, Cap.CATALOG_MANAGE)
    form = MedalRuleForm(request.POST or None, instance=rule)

    def save(data):
        return services.rule_save(
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

    def saved(_rule):
        messages.success(request, _("Đã lưu tiêu chí."))
        return redirect("recognition:medal_rule_list")

    heading = _("Thêm tiêu chí xét Kỷ niệm chương") if rule is None else _("Sửa tiêu chí xét Kỷ niệm chương")
    context = {"heading": heading, "back": reverse("recognition:medal_rule_list"), "rule_form": True}
    return form_page(
        request, form, template="recognition/medals/form.html", context=context, save=save, on_success=saved
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
    form = NominationFilterForm(request.GET or None, groups=selectors.nomination_groups(request.user))
    data = form.cleaned_data if form.is_valid() else {}
    return form, selectors.nominations_filtered(request.user, data)


@login_required
def medal_list(request):
    policy.require_medal_access(request.user)
    form, nominations = _filtered(request)
    nominations = nominations.select_related("person", "unit").order_by("-created_at", "-id")
    context = {
        "filter_form": form,
        "page": paginate(request, nominations),
        "query": query_without_page(request),
        "can_propose": access.has_cap(request.user, Cap.MEDAL_PROPOSE),
        "can_edit_rules": policy.can_edit_rules(request.user),
        "labels": RESULT_LABELS,
    }
    return render(request, "recognition/medals/list.html", context)


@login_required
def medal_export(request):
    policy.require_medal_access(request.user)
    _form, nominations = _filtered(request)
    data = documents.nominations_xlsx(nominations.order_by("unit__path", "person__sort_key", "id"))
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
    return own_unit_with(request.user, units, Cap.MEDAL_PROPOSE)


def _nomination_form_page(request, nomination: MedalNomination | None):
    unit = _chosen_unit(request, nomination.unit if nomination else None)
    groups = selectors.rule_groups(include=nomination.group if nomination else "")
    form = NominationForm(
        request.POST or None,
        instance=nomination,
        user=request.user,
        unit=unit,
        person=request.GET.get("person") or None,
        groups=groups,
    )

    def save(data):
        values = {
            "person": data["person"],
            "group": data["group"],
            "years_in_work": data["years_in_work"],
            "start_year": data["start_year"],
            "has_discipline": form.has_discipline,
            "discipline_note": data["discipline_note"],
            "achievements": data["achievements"],
        }
        if nomination is None:
            return services.nomination_propose(actor=request.user, unit=data["unit"], **values)
        return services.nomination_update(
            actor=request.user, nomination=nomination, expected_version=data.get("version"), **values
        )

    def saved(result: MedalNomination):
        if nomination is None:
            messages.success(request, _("Đã gửi đề nghị tới Ban Dân vận cấp trên."))
        else:
            messages.success(request, _("Đã lưu và gửi lại đề nghị."))
        return redirect(result)

    context = {
        "heading": _("Đề nghị Kỷ niệm chương “Vì sự nghiệp Dân vận”")
        if nomination is None
        else _("Sửa đề nghị"),
        "back": nomination.get_absolute_url() if nomination else reverse("recognition:medal_list"),
        "nomination": nomination,
        "no_rules": not groups,
        "unit_filter": nomination is None,
    }
    return form_page(
        request, form, template="recognition/medals/form.html", context=context, save=save, on_success=saved
    )


@login_required
def medal_new(request):
    access.require(request.user, Cap.MEDAL_PROPOSE)
    return _nomination_form_page(request, None)


@login_required
def medal_edit(request, pk):
    nomination = _nomination_or_404(request, pk)
    access.require(request.user, Cap.MEDAL_PROPOSE, nomination.unit)
    if nomination.status not in (MedalNomination.Status.PROPOSED, MedalNomination.Status.RETURNED):
        messages.error(request, _("Đề nghị đã được Ban Dân vận kiểm tra: không sửa được nữa."))
        return redirect(nomination)
    return _nomination_form_page(request, nomination)


@login_required
def medal_detail(request, pk):
    nomination = _nomination_or_404(request, pk)
    is_unit = policy.is_nominating_unit(request.user, nomination)
    committee = policy.can_check(request.user, nomination)
    Status = MedalNomination.Status
    context = {
        "nomination": nomination,
        "checks": nomination.checks or {},
        "labels": RESULT_LABELS,
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
    return render(request, "recognition/medals/detail.html", context)


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
                % {"r": RESULT_LABELS.get(nomination.overall, "—")},
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
        # A double click stores the file once; the repeat is told so (AlreadyDone is a ServiceError).
        create_once(
            request,
            form,
            lambda data: services.dossier_add(
                actor=request.user,
                nomination=nomination,
                upload=data["file"],
                max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES,
            ),
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
