"""The form template builder: ordered columns (or outline headings), each with kind, required flag, help."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.org.models import Unit

from .. import services
from ..forms import FieldFormSet, TemplateForm
from ..models import FormTemplate


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
    template = None
    if pk is not None:
        # Out of scope is 404 whatever the user holds; only then is the capability asked (403).
        template = get_object_or_404(FormTemplate.objects.visible_to(request.user), pk=pk)
    access.require(request.user, Cap.CALL_MANAGE, template.owner if template and template.owner_id else None)
    form = TemplateForm(
        request.POST or None, instance=template, visible_units=Unit.objects.visible_to(request.user)
    )
    formset = FieldFormSet(request.POST or None, template=template, prefix="f")

    def save(data):
        if not formset.is_valid():
            raise ServiceError(_("Hãy sửa các cột có lỗi bên cạnh."))
        return services.template_save(
            actor=request.user,
            template=template,
            expected_version=data.pop("version"),
            fields=formset.field_specs(),
            **data,
        )

    def saved(template):
        messages.success(request, _("Đã lưu biểu mẫu «%(name)s».") % {"name": template.name})
        return redirect("reporting:template_list")

    context = {"formset": formset, "template": template}
    return form_page(
        request, form, template="reporting/template_form.html", context=context, save=save, on_success=saved
    )
