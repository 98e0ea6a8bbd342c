from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError

from ..models import DeadlineRule, PetitionField
from ..models.catalog import ensure_defaults
from . import services
from .forms import FieldForm, RuleForm


@login_required
def settings_page(request):
    access.require(request.user, Cap.CATALOG_MANAGE)
    if not DeadlineRule.objects.exists():
        ensure_defaults()
    return render(
        request,
        "citizens/catalog/settings.html",
        {
            "fields": PetitionField.objects.all(),
            "rules": DeadlineRule.objects.all(),
            "field_form": FieldForm(),
        },
    )


def _run(request, call):
    try:
        call()
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã lưu."))
    return redirect("citizens:settings")


@login_required
@require_POST
def field_add(request):
    access.require(request.user, Cap.CATALOG_MANAGE)  # before the input is read: 403 says it all
    form = FieldForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi tên lĩnh vực."))
        return redirect("citizens:settings")
    return _run(request, lambda: services.field_save(actor=request.user, **form.cleaned_data))


@login_required
@require_POST
def field_toggle(request, pk):
    access.require(request.user, Cap.CATALOG_MANAGE)
    field = get_object_or_404(PetitionField, pk=pk)
    return _run(
        request,
        lambda: services.field_save(
            actor=request.user, name=field.name, order=field.order, active=not field.active, field=field
        ),
    )


@login_required
@require_POST
def rule_edit(request, pk):
    access.require(request.user, Cap.CATALOG_MANAGE)
    rule = get_object_or_404(DeadlineRule, pk=pk)
    form = RuleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Số ngày giải quyết phải từ 1 đến 365."))
        return redirect("citizens:settings")
    return _run(
        request, lambda: services.deadline_rule_save(actor=request.user, rule=rule, **form.cleaned_data)
    )
