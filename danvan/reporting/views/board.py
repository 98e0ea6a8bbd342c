"""The board: units × calls; who has not started, is drafting, sent on time or late, returned, accepted."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.files.serving import content_disposition, download_name
from danvan.core.paging import paginate, query_without_page
from danvan.lib.exports.xlsx import Sheet, write_workbook
from danvan.lib.htmx import render_page
from danvan.org.models import Unit, UnitKind
from danvan.plans.models import Plan

from .. import selectors
from ..models import Call
from .calls import XLSX


@login_required
def board(request):
    access.require(request.user, Cap.REPORT_VIEW)
    calls = Call.objects.visible_to(request.user).select_related("owner", "plan")
    plan = None
    if plan_id := request.GET.get("plan"):
        plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=plan_id)
        calls = calls.filter(plan=plan)
    elif call_ids := request.GET.getlist("call"):
        calls = calls.filter(pk__in=[c for c in call_ids if c.isdigit()])
    else:
        calls = calls.filter(status=Call.Status.OPEN)
    calls = list(calls.order_by("due_end", "id")[:12])
    kind = UnitKind.objects.filter(pk=request.GET.get("kind")).first() if request.GET.get("kind") else None
    within = None
    if within_id := request.GET.get("within"):
        within = get_object_or_404(Unit.objects.visible_to(request.user), pk=within_id)
    state = request.GET.get("state", "")
    units = (
        selectors.board_units(calls, user=request.user, kind=kind, within=within)
        if calls
        else Unit.objects.none()
    )
    if state in selectors.STATES:
        units = selectors.filter_units_by_state(units, calls, state)
    if request.GET.get("format") == "xlsx":
        return _board_xlsx(calls, units, plan)
    page = paginate(request, units)
    context = {
        "calls": calls,
        "plan": plan,
        "page": page,
        "rows": selectors.board_rows(calls, page.object_list),
        "counts": selectors.calls_counts(calls),
        "kinds": UnitKind.objects.all(),
        "kind": kind,
        "within": within,
        "state": state,
        "states": selectors.STATE_LABELS,
        "legend": [(key, selectors.STATE_LABELS[key], selectors.STATE_HELP[key]) for key in selectors.STATES],
        "headings": {c.pk: selectors.call_heading(c) for c in calls},
        "query": query_without_page(request),
    }
    return render_page(request, "reporting/board.html", context, partial="board")


def _board_xlsx(calls, units, plan) -> HttpResponse:
    headers, rows = selectors.board_table(calls, units)
    sheet = Sheet(
        title="Tình hình gửi", headers=headers, rows=rows, widths=[40, 20, 14, 24, *([22] * len(calls))]
    )
    response = HttpResponse(write_workbook([sheet]), content_type=XLSX)
    about = (plan.symbol or plan.title) if plan else (calls[0].title if len(calls) == 1 else "")
    name = download_name("Tình hình gửi", about, f"{timezone.localdate():%Y%m%d}", ext="xlsx")
    response["Content-Disposition"] = content_disposition(inline=False, filename=name)
    return response
