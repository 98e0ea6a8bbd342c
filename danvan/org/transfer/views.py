"""Excel in and out: template download, upload with a row-by-row preview, confirm, export."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.lib.uploads import UploadRejected

from .. import selectors as org_selectors
from ..models import ImportBatch, Unit
from . import documents, selectors, services
from .forms import UploadForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_response(data: bytes, stem: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    name = f"{stem}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def import_start(request):
    access.require(request.user, Cap.DATA_IMPORT)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.prepare_batch(
                actor=request.user,
                kind=form.cleaned_data["kind"],
                upload=upload,
                file_name=upload.name,
                max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES,
            )
            return redirect("org:import_preview", pk=batch.pk)
        except UploadRejected as error:
            form.add_error("file", error.message)
    recent = ImportBatch.objects.filter(created_by=request.user)[:10]
    return render(request, "org/import_start.html", {"form": form, "recent": recent})


@login_required
def import_template(request, kind):
    access.require(request.user, Cap.DATA_IMPORT)
    if kind not in ImportBatch.Kind.values:
        return redirect("org:import_start")
    stem = "mau-don-vi" if kind == ImportBatch.Kind.UNITS else "mau-can-bo"
    return _xlsx_response(documents.template_workbook(kind), stem)


@login_required
def import_preview(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk, created_by=request.user)
    return render(request, "org/import_preview.html", selectors.preview(batch))


@login_required
@require_POST
def import_confirm(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk, created_by=request.user)
    try:
        count = services.apply_batch(batch=batch, actor=request.user)
    except services.ImportFailed as error:
        messages.error(request, error.message)
        return redirect("org:import_preview", pk=batch.pk)
    messages.success(request, _("Đã nhập %(n)s dòng từ «%(file)s».") % {"n": count, "file": batch.file_name})
    return redirect("org:unit_tree" if batch.kind == ImportBatch.Kind.UNITS else "org:person_list")


@login_required
def export_units(request):
    access.require(request.user, Cap.UNIT_VIEW)
    units = Unit.objects.visible_to(request.user)
    return _xlsx_response(documents.export_units(units), "don-vi")


@login_required
def export_people(request):
    access.require(request.user, Cap.PERSON_VIEW)
    unit = None
    if unit_id := request.GET.get("unit"):
        unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_id)
    people = org_selectors.people_for(request.user, query=request.GET.get("q", ""), unit=unit)
    return _xlsx_response(documents.export_people(people), "can-bo")
