"""The leaders' dashboard: /tong-quan/ (the user's own subtree) and /tong-quan/don-vi/<pk>/ (drill-down),
each with its Excel export."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
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

from . import charts, exports, kept, selectors
from . import year as year_figures
from .selectors import Node


def _node(request, pk: int | None) -> Node:
    """The node asked for: out of the user's scope 404, in scope without the dashboard 403."""
    if pk is None:
        node = selectors.landing_node(request.user)
        if node is None:
            raise PermissionDenied
        return node
    node = selectors.unit_node(request.user, pk)
    if node is None:
        raise Http404
    access.require(request.user, Cap.DASHBOARD_VIEW, node.unit)
    return node


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


def _choices_of(request, pk: int | None) -> dict:
    """What the request asks for and what depends on the user: the node, the year and kind, the regimes
    they may filter by, the programme they see."""
    today = timezone.localdate()
    node = _node(request, pk)
    years, kinds, year, kind = _choices(request, today)
    regimes = year_figures.regimes_in(node, request.user)
    regime = _regime(request, regimes)
    return {
        "user": request.user,
        "regimes": regimes,
        "regime": regime,
        "node": node,
        "today": today,
        "years": years,
        "kinds": [(k, selectors.KIND_LABELS[k]) for k in kinds],
        "year": year,
        "kind": kind,
        "query": f"?year={year}&kind={kind.value}" + (f"&regime={regime.pk}" if regime else ""),
    }


def _programme(asked: dict) -> dict:
    """The work programme's progress in the node, as far as the user sees programmes."""
    programme = year_figures.programme_progress(
        asked["user"], asked["year"], asked["node"].unit, today=asked["today"]
    )
    return {
        "programme": programme,
        "programme_parts": [
            (state.value, state.label, count, _pct(count, programme.total))
            for state, count in ((s, programme.counts[s]) for s in COUNTED_STATES)
        ],
    }


def _node_figures(asked: dict, children: list[Unit]) -> dict:
    regime = asked["regime"]
    return kept.node_figures(
        asked["node"],
        children,
        asked["year"],
        asked["kind"],
        regime.pk if regime else None,
        today=asked["today"],
    )


def _drawn(asked: dict) -> dict:
    """The page's figures drawn: the cards, the map, the grid and charts (most of the page's work for the
    whole country), then the indicators, overdue tasks and events; text kept for the next requests until
    the data changes (kept.py)."""
    node, query = asked["node"], asked["query"]
    children = selectors.children_of(node)
    figures = _node_figures(asked, children)
    grid, overdue = figures["grid"], figures["overdue"]
    links = {u.pk: reverse("core:dashboard_unit", args=[u.pk]) + query for u in children}
    period_columns = [(p.label, grid.by_period[p]) for p in grid.periods]
    context = {
        **figures,
        "node": node,
        "year": asked["year"],
        "regime": asked["regime"],
        "tiles": [{"row": row, "url": links.get(row.unit.pk) if row.unit else None} for row in grid.rows],
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
    }
    return {
        "reporting_html": render_to_string("site/dashboard/_reporting.html", context),
        "after_html": render_to_string("site/dashboard/_after.html", context),
    }


@login_required
@require_safe
def dashboard(request, pk: int | None = None):
    asked = _choices_of(request, pk)
    regime = asked["regime"]
    where = (asked["node"], asked["year"], asked["kind"], regime.pk if regime else None)
    drawn = kept.kept(*where, today=asked["today"], make=lambda: _drawn(asked))
    programme_html = kept.kept(
        *where,
        today=asked["today"],
        user_id=request.user.pk,
        make=lambda: render_to_string("site/dashboard/_year.html", {**asked, **_programme(asked)}),
    )
    query = asked["query"]
    context = {
        **asked,
        **drawn,
        "programme_html": programme_html,
        "breadcrumbs": _breadcrumbs(asked["node"], request.user, query) if pk else [],
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

    asked = _choices_of(request, pk)
    figures = {**asked, **_programme(asked), **_node_figures(asked, selectors.children_of(asked["node"]))}
    response = HttpResponse(
        exports.workbook(figures),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"tong-quan-{figures['year']}-{figures['kind'].value}.xlsx"
    response["Content-Disposition"] = content_disposition(inline=False, filename=name)
    return response
