"""The form template builder: ordered columns (or outline headings), each with kind, required flag, help."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.org.forms import UnitChoiceField
from danvan.org.models import Unit

from . import services
from .forms import FieldFormSet, TemplateForm
from .models import FormTemplate


@login_required
def template_list(request):
    access.require(request.user, Cap.CALL_MANAGE)
    templates = (
        FormTemplate.objects.visible_to(request.user).select_related("owner").prefetch_related("fields")
    )
    return render(
        request, "reporting/template_list.html", {"templates": templates.order_by("-is_builtin", "name")}
    )


@login_required
def template_edit(request, pk=None):
    access.require(request.user, Cap.CALL_MANAGE)
    template = None
    if pk is not None:
        template = get_object_or_404(FormTemplate.objects.visible_to(request.user), pk=pk)
    form = TemplateForm(request.POST or None, instance=template)
    form.fields["owner"] = UnitChoiceField(
        label=_("Đơn vị sở hữu"), required=False, queryset=Unit.objects.visible_to(request.user)
    )
    if template is not None:
        form.initial["owner"] = template.owner_id
    initial = (
        [
            {
                "label": f.label,
                "kind": f.kind,
                "required": f.required,
                "help_text": f.help_text,
                "choices": "; ".join(f.choices),
            }
            for f in template.fields.all()
        ]
        if template
        else []
    )
    formset = FieldFormSet(request.POST or None, initial=initial, prefix="f")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        fields = [
            {**f, "choices": [c for c in f.get("choices", "").split(";")]} for f in formset.cleaned_data if f
        ]
        data = {k: v for k, v in form.cleaned_data.items() if k != "owner"}
        try:
            saved = services.template_save(
                actor=request.user,
                owner=form.cleaned_data.get("owner"),
                fields=fields,
                template=template,
                expected_version=template.version if template else None,
                **data,
            )
            messages.success(request, _("Đã lưu biểu mẫu «%(name)s».") % {"name": saved.name})
            return redirect("reporting:template_list")
        except ServiceError as error:
            form.add_error(None, error.message)
    return render(
        request, "reporting/template_form.html", {"form": form, "formset": formset, "template": template}
    )
