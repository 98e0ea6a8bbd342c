from django.contrib import messages
from django.contrib.auth.decorators import login_required
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

from ..models import SituationReport
from . import services
from .forms import NoteForm, SituationForm


def report_or_404(request, pk) -> SituationReport:
    return get_object_or_404(SituationReport.objects.visible_to(request.user).select_related("unit"), pk=pk)


@login_required
def situation_list(request):
    access.require(request.user, Cap.SITUATION_REPORT)
    reports = SituationReport.objects.visible_to(request.user).select_related("unit")
    if request.GET.get("hot") == "1":
        reports = reports.filter(case_status=SituationReport.Case.OPEN)
    return render(
        request,
        "citizens/situations/situation_list.html",
        {
            "page": paginate(request, reports),
            "query": query_without_page(request),
            "hot": request.GET.get("hot"),
        },
    )


@login_required
def situation_new(request):
    access.require(request.user, Cap.SITUATION_REPORT)
    visible = Unit.objects.visible_to(request.user)
    paths = access.scope_paths(request.user)
    home = visible.filter(path=paths[0]).first() if paths else None
    form = SituationForm(
        request.POST or None,
        instance=SituationReport(unit=home, reported_on=timezone.localdate()),
        visible_units=visible,
    )

    def saved(report):
        messages.success(request, _("Đã gửi báo cáo."))
        return redirect(report)

    return form_page(
        request,
        form,
        template="citizens/situations/situation_form.html",
        save=lambda data: services.situation_report(actor=request.user, **data),
        on_success=saved,
    )


@login_required
def situation_detail(request, pk):
    report = report_or_404(request, pk)
    access.require(request.user, Cap.SITUATION_REPORT)
    return render(
        request,
        "citizens/situations/situation_detail.html",
        {
            "report": report,
            "notes": report.notes.select_related("author"),
            "can_follow": access.has_cap(request.user, Cap.SITUATION_REPORT, report.unit),
            "note_form": NoteForm(),
        },
    )


@login_required
@require_POST
def situation_action(request, pk, action):
    report = report_or_404(request, pk)
    form = NoteForm(request.POST)
    text = form.cleaned_data["text"] if form.is_valid() else ""
    try:
        if action == "note":
            services.situation_note_add(actor=request.user, report=report, text=text)
        elif action == "close":
            services.situation_close(actor=request.user, report=report, text=text)
        elif action == "follow":
            services.situation_follow(actor=request.user, report=report)
        else:
            raise ServiceError(_("Thao tác không hợp lệ."))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã cập nhật."))
    return redirect(report)
