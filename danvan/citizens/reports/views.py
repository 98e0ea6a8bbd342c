from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.org.models import Unit

from . import documents, selectors
from .forms import ReportForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SCREEN_OVERDUE = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _default_unit(user, visible):
    paths = access.scope_paths(user)
    if paths:
        return visible.filter(path=paths[0]).first()
    return visible.filter(depth=0).order_by("path").first()


@login_required
def report_page(request):
    """The monthly, quarterly or any-period report of a subtree; on screen, as DOCX and as XLSX."""
    access.require(request.user, Cap.PETITION_VIEW)
    visible = Unit.objects.visible_to(request.user)
    data = request.GET.copy()
    if "unit" not in data:
        today, unit = timezone.localdate(), _default_unit(request.user, visible)
        data.update(
            {"unit": unit.pk if unit else "", "kind": "month", "year": today.year, "month": today.month}
        )
    form = ReportForm(data, visible_units=visible)
    figures = None
    if form.is_valid():
        unit = form.cleaned_data["unit"]
        access.require(request.user, Cap.PETITION_VIEW, unit)
        out = request.GET.get("format")
        # On screen the 50 oldest overdue petitions; the documents list up to 500.
        figures = selectors.report_figures(unit, form.period(), overdue_limit=500 if out else SCREEN_OVERDUE)
        if out in ("docx", "xlsx"):
            audit.record(
                actor=request.user,
                verb="export",
                obj=unit,
                unit_path=unit.path,
                summary=f"Báo cáo tiếp công dân, kiến nghị {figures.period.label} ({out})",
            )
            name = f"bao-cao-kien-nghi-{figures.period.start:%Y%m%d}-{figures.period.end:%Y%m%d}.{out}"
            if out == "docx":
                body = documents.render_docx(
                    figures,
                    issuing_body=unit.name.upper(),
                    place="",
                    body_code=unit.abbreviation,
                    recipients=["Lưu: VT"],
                )
            else:
                body = documents.render_xlsx(figures)
            response = HttpResponse(body, content_type=DOCX if out == "docx" else XLSX)
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
    return render(
        request,
        "citizens/reports/report.html",
        {
            "form": form,
            "figures": figures,
            "query": request.GET.urlencode()
            or f"unit={data['unit']}&kind=month&year={data['year']}&month={data['month']}",
            "summary": documents.summary_sentence(figures) if figures else "",
            "dialogue_summary": documents.dialogue_sentence(figures) if figures else "",
            "screen_overdue": SCREEN_OVERDUE,
        },
    )
