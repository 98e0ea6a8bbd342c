"""The leaders' dashboard: /tong-quan/ (the user's own subtree) and /tong-quan/don-vi/<pk>/ (drill-down),
each with its Excel export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from danvan.core import access
from danvan.core.access import Cap
from danvan.lib.periods import PeriodKind
from danvan.org.models import Unit
from danvan.org.selectors import visible_breadcrumbs
from danvan.plans.programme.selectors import COUNTED_STATES

from . import charts, exports, selectors
from . import year as year_figures
from .selectors import Node


def _node(request, pk: int | None) -> tuple[Node, list[Unit]]:
    """The node asked for and its children: out of the user's scope 404, in scope without the dashboard
    403."""
    if pk is None:
        node = selectors.landing_node(request.user)
        if node is None:
            raise PermissionDenied
        return node, selectors.children_of(node)
    found = selectors.unit_node(request.user, pk)
    if found is None:
        raise Http404
    access.require(request.user, Cap.DASHBOARD_VIEW, found[0].unit)
    return found


def _choices(request, today):
    """The year and kind of period asked for; a value that is not offered falls back to the default (the
    current year, monthly reports)."""
    years = selectors.year_choices(today)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = today.year
    if year not in years:
        year = today.year
    kind = request.GET.get("kind", "")
    kind = PeriodKind(kind) if kind in {k.value for k in PeriodKind} else PeriodKind.MONTH
    return years, list(PeriodKind), year, kind


def _regime(request, regimes: list):
    try:
        wanted = int(request.GET.get("regime", ""))
    except ValueError:
        return None
    return next((r for r in regimes if r.pk == wanted), None)


def _pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _figures(request, pk: int | None) -> dict:
    today = timezone.localdate()
    node, children = _node(request, pk)
    years, kinds, year, kind = _choices(request, today)
    regimes = year_figures.regimes_in(node, request.user)
    regime = _regime(request, regimes)
    grid = selectors.reporting_grid(
        node, children, year, kind, today=today, regime_id=regime.pk if regime else None
    )
    programme = year_figures.programme_progress(request.user, year, node.unit, today=today)
    return {
        "regimes": regimes,
        "regime": regime,
        "programme": programme,
        "programme_parts": [
            (state.value, state.label, count, _pct(count, programme.total))
            for state, count in ((s, programme.counts[s]) for s in COUNTED_STATES)
        ],
        "indicators": year_figures.indicator_rows(node, year, today=today),
        "node": node,
        "today": today,
        "years": years,
        "kinds": [(k, selectors.KIND_LABELS[k]) for k in kinds],
        "year": year,
        "kind": kind,
        "children": children,
        "grid": grid,
        "overdue": selectors.overdue_tasks(node, children, year, today=today),
    }


def _query(figures: dict) -> str:
    regime = f"&regime={figures['regime'].pk}" if figures["regime"] else ""
    return f"?year={figures['year']}&kind={figures['kind'].value}{regime}"


@login_required
@require_safe
def dashboard(request, pk: int | None = None):
    figures = _figures(request, pk)
    node, grid, query = figures["node"], figures["grid"], _query(figures)
    links = {u.pk: reverse("core:dashboard_unit", args=[u.pk]) + query for u in figures["children"]}
    tiles = [{"row": row, "url": links.get(row.unit.pk) if row.unit else None} for row in grid.rows]
    crumbs = _breadcrumbs(node, request.user, query) if pk else []
    period_columns = [(p.label, grid.by_period[p]) for p in grid.periods]
    overdue = figures["overdue"]
    context = {
        **figures,
        "breadcrumbs": crumbs,
        "query": query,
        "tiles": tiles,
        "states": [(key, _(label), charts.SYMBOLS[key]) for key, label in selectors.STATE_LABELS.items()],
        "period_rows": [(p, grid.by_period[p]) for p in grid.periods],
        "period_chart": charts.stacked_columns(
            period_columns, title=_("Tỷ lệ gửi báo cáo theo kỳ — %(n)s") % {"n": node.name}
        ),
        "grid_table": charts.grid_table(
            grid.rows,
            grid.periods,
            caption=_("Tình hình gửi báo cáo theo đơn vị và kỳ — %(n)s") % {"n": node.name},
            links=links,
        ),
        "overdue_chart": charts.horizontal_bars(
            overdue.by_child[:15], title=_("Nhiệm vụ quá hạn theo đơn vị — %(n)s") % {"n": node.name}
        ),
        "events": selectors.upcoming_events(node, today=figures["today"]),
        "export_url": (
            reverse("core:dashboard_unit_export", args=[pk]) if pk else reverse("core:dashboard_export")
        )
        + query,
    }
    return render(request, "site/dashboard/dashboard.html", context)


def _breadcrumbs(node: Node, user, query: str) -> list[tuple[str, str | None]]:
    """The landing page, then the node's ancestors the user sees (linked where they hold the dashboard);
    one query."""
    crumbs: list[tuple[str, str | None]] = [(_("Tổng quan"), reverse("core:dashboard") + query)]
    if node.unit is None:
        return crumbs
    for unit in visible_breadcrumbs(node.unit, user):
        url = reverse("core:dashboard_unit", args=[unit.pk]) + query
        crumbs.append((unit.name, url if access.has_cap(user, Cap.DASHBOARD_VIEW, unit) else None))
    return crumbs


@login_required
@require_safe
def dashboard_export(request, pk: int | None = None):
    """The page's figures as an Excel workbook: by period, by unit and period, the overdue tasks."""
    from danvan.core.files.serving import content_disposition

    figures = _figures(request, pk)
    response = HttpResponse(
        exports.workbook(figures),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"tong-quan-{figures['year']}-{figures['kind'].value}.xlsx"
    response["Content-Disposition"] = content_disposition(inline=False, filename=name)
    return response
