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


def _breakdowns(entries) -> list[tuple[str, str, list]]:
    return [
        ("field", _("Theo lĩnh vực"), selectors.by_field(entries)),
        (
            "locality",
            _("Theo địa phương (tỉnh, thành phố)"),
            selectors.by_locality(entries, selectors.locality_units()),
        ),
        ("level", _("Theo cấp thẩm định, công nhận"), selectors.by_level(entries)),
        ("year", _("Theo năm"), selectors.by_year(entries)),
    ]


@login_required
@require_safe
def stats_export(request):
    """The same figures as the page (same scope, same year) as an Excel workbook: one sheet a breakdown."""
    from django.http import HttpResponse

    from danvan.core.files.serving import content_disposition
    from danvan.lib.exports.xlsx import Sheet, write_workbook

    access.require(request.user, Cap.MOVEMENT_VIEW)
    years = selectors.stats_years(request.user)
    year = _year(request, years)
    entries = selectors.stats_base(request.user, year=year)
    scope = _("Năm %(y)s") % {"y": year} if year else _("Tất cả các năm")
    headers = [_("Nhóm"), _("Đăng ký"), _("Được công nhận"), _("Tỷ lệ công nhận (%)")]
    totals = selectors.stats_totals(entries)
    rate = round(100 * totals["recognised"] / totals["registered"]) if totals["registered"] else 0
    sheets = [
        Sheet(
            title=title[:31],
            headers=headers,
            rows=[[row.label, row.registered, row.recognised, row.rate] for row in rows]
            + [[_("Cộng"), totals["registered"], totals["recognised"], rate]],
            widths=(48, 12, 16, 18),
            notes=[_("Thống kê phong trào “Dân vận khéo” — %(t)s — %(s)s") % {"t": title, "s": scope}],
        )
        for _key, title, rows in _breakdowns(entries)
    ]
    response = HttpResponse(
        write_workbook(sheets),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"thong-ke-dan-van-kheo-{year or 'tat-ca'}.xlsx"
    response["Content-Disposition"] = content_disposition(inline=False, filename=name)
    return response


@login_required
@require_safe
def stats_overview(request):
    access.require(request.user, Cap.MOVEMENT_VIEW)
    years = selectors.stats_years(request.user)
    year = _year(request, years)
    entries = selectors.stats_base(request.user, year=year)
    breakdowns = _breakdowns(entries)
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
