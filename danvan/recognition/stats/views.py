"""Statistics of the movement: registrations and recognitions by field, year, locality and level.

Scoped to what the user sees (Exemplar.objects.visible_to); one aggregate query per breakdown.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from danvan.core import access
from danvan.core.access import Cap

from . import charts, selectors


def _year(request, years: list[int]) -> int | None:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return None
    return year if year in years else None


@login_required
@require_safe
def stats_overview(request):
    access.require(request.user, Cap.MOVEMENT_VIEW)
    years = selectors.stats_years(request.user)
    year = _year(request, years)
    entries = selectors.stats_base(request.user, year=year)
    breakdowns = [
        ("field", _("Theo lĩnh vực"), selectors.by_field(entries)),
        (
            "locality",
            _("Theo địa phương (tỉnh, thành phố)"),
            selectors.by_locality(entries, selectors.locality_units()),
        ),
        ("level", _("Theo cấp thẩm định, công nhận"), selectors.by_level(entries)),
        ("year", _("Theo năm"), selectors.by_year(entries)),
    ]
    sections = [
        {
            "key": key,
            "title": title,
            "rows": rows,
            "chart": charts.bar_chart(
                [row.as_tuple() for row in rows],
                title=_("Số mô hình, điển hình đăng ký và được công nhận — %(what)s")
                % {"what": title.lower()},
                chart_id=f"chart-{key}",
            ),
        }
        for key, title, rows in breakdowns
    ]
    totals = selectors.stats_totals(entries)
    totals["rate"] = round(100 * totals["recognised"] / totals["registered"]) if totals["registered"] else 0
    context = {
        "years": years,
        "year": year,
        "totals": totals,
        "sections": sections,
    }
    return render(request, "recognition/stats/overview.html", context)
