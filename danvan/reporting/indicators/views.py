"""Indicator pages: the list for a unit and period, one indicator across a year (chart, table, Excel), the
drill-down of a period by child unit, the year's targets, and asking for the children's sums again."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.forms import act, form_page
from danvan.lib.periods import KIND_LABELS, Period, PeriodKind
from danvan.org.models import Unit

from ..models import Submission
from . import charts, prefill, selectors, services
from .forms import IndicatorForm, PeriodForm, TargetForm
from .models import Indicator, IndicatorTarget

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def default_period(today: date | None = None) -> Period:
    """The last month that has ended: the one a monthly report is about."""
    return Period.containing(PeriodKind.MONTH, today or timezone.localdate()).previous()


def _period(request) -> tuple[Period, PeriodForm]:
    fallback = default_period()
    data = request.GET if "kind" in request.GET else None
    form = PeriodForm(
        data, initial={"kind": fallback.kind.value, "year": fallback.year, "number": fallback.number}
    )
    if data is not None and form.is_valid():
        d = form.cleaned_data
        return Period(PeriodKind(d["kind"]), d["year"], d["number"]), form
    return fallback, form


def home_unit(user) -> Unit | None:
    """The top of what the user sees: a system administrator's first root, else the first role's unit."""
    if access.sees_everything(user):
        return Unit.objects.filter(parent__isnull=True).order_by("sort_key").first()
    paths = access.scope_paths(user)
    return Unit.objects.filter(path__in=paths[:1]).first()


def _unit(request, unit_pk) -> Unit:
    return get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_pk)


def _crumbs(request, unit: Unit) -> list[Unit]:
    return [*unit.ancestors().visible_to(request.user), unit]


@login_required
@require_safe
def indicator_home(request):
    access.require(request.user, Cap.REPORT_VIEW)
    unit = home_unit(request.user)
    if unit is None:
        raise Http404
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return redirect(reverse("reporting:indicator_list", args=[unit.pk]) + query)


@login_required
@require_safe
def indicator_list(request, unit_pk):
    unit = _unit(request, unit_pk)
    access.require(request.user, Cap.REPORT_VIEW, unit)
    period, period_form = _period(request)
    indicators = list(selectors.active_indicators())
    comparisons = selectors.compare_many(indicators, unit, period, user=request.user)
    rows = [(c.indicator, c.as_dict()) for c in comparisons]
    context = {
        "unit": unit,
        "crumbs": _crumbs(request, unit),
        "period": period,
        "period_form": period_form,
        "rows": rows,
        "period_query": _period_query(period),
    }
    if access.has_cap(request.user, Cap.CATALOG_MANAGE):  # the retired ones, to edit them back into use
        context["can_manage"] = True
        context["retired"] = list(Indicator.objects.filter(active=False).order_by("order", "name"))
    return render(request, "reporting/indicators/list.html", context)


def _period_query(period: Period) -> str:
    return f"kind={period.kind.value}&year={period.year}&number={period.number}"


def _indicator(pk) -> Indicator:
    return get_object_or_404(Indicator, pk=pk)


def _year_kind(request) -> tuple[int, str]:
    try:
        year = int(request.GET.get("year") or default_period().year)
    except ValueError:
        year = default_period().year
    year = min(max(year, 2000), 2100)
    kind = request.GET.get("kind") or PeriodKind.MONTH.value
    if kind not in {k.value for k in PeriodKind}:
        kind = PeriodKind.MONTH.value
    return year, kind


def _year_rows(request, indicator: Indicator, unit: Unit, kind: str, year: int):
    this_year = selectors.series(indicator, unit, kind, year, user=request.user)
    last_year = dict(selectors.series(indicator, unit, kind, year - 1, user=request.user))
    rows = []
    for period, value in this_year:
        before = last_year.get(period.same_last_year())
        change = None
        if value is not None and before:
            change = selectors.percent(value - before, before)
        rows.append((period, value, before, change))
    return rows


@login_required
@require_safe
def indicator_detail(request, pk, unit_pk):
    indicator, unit = _indicator(pk), _unit(request, unit_pk)
    access.require(request.user, Cap.REPORT_VIEW, unit)
    year, kind = _year_kind(request)
    rows = _year_rows(request, indicator, unit, kind, year)
    target = selectors.target_for(indicator, unit, year, user=request.user)
    chart = charts.bars(
        [(period.label, value, before) for period, value, before, _change in rows],
        title=_("%(name)s — %(unit)s, năm %(year)s so với năm %(last)s")
        % {"name": indicator.name, "unit": unit.name, "year": year, "last": year - 1},
        series=(_("Năm %(y)s") % {"y": year}, _("Cùng kỳ năm %(y)s") % {"y": year - 1}),
    )
    context = {
        "indicator": indicator,
        "unit": unit,
        "crumbs": _crumbs(request, unit),
        "year": year,
        "kind": kind,
        "kinds": [(k.value, label) for k, label in KIND_LABELS.items()],
        "rows": rows,
        "chart": chart,
        "target": target,
        "can_set_target": access.has_cap(request.user, Cap.CALL_MANAGE, unit),
        "can_manage": access.has_cap(request.user, Cap.CATALOG_MANAGE),
    }
    return render(request, "reporting/indicators/detail.html", context)


@login_required
@require_safe
def indicator_export(request, pk, unit_pk):
    from danvan.core.files.serving import content_disposition
    from danvan.lib.exports.xlsx import Sheet, write_workbook

    indicator, unit = _indicator(pk), _unit(request, unit_pk)
    access.require(request.user, Cap.REPORT_VIEW, unit)
    year, kind = _year_kind(request)
    rows = _year_rows(request, indicator, unit, kind, year)
    target = selectors.target_for(indicator, unit, year, user=request.user)

    def number(value):
        return None if value is None else float(value)

    sheet = Sheet(
        title=str(year),
        headers=[
            _("Kỳ"),
            _("Năm %(y)s") % {"y": year},
            _("Cùng kỳ năm %(y)s") % {"y": year - 1},
            _("Tăng, giảm (%)"),
            _("So với chỉ tiêu năm (%)"),
        ],
        rows=[
            [p.label, number(v), number(b), number(c), number(selectors.percent(v, target))]
            for p, v, b, c in rows
        ],
        widths=(24, 16, 18, 16, 22),
        notes=[
            f"{indicator.name} ({indicator.unit_of_measure}) — {unit.name}",
            _("Chỉ tiêu năm %(y)s: %(t)s")
            % {"y": year, "t": charts.figure(target) if target is not None else _("chưa đặt")},
        ],
    )
    response = HttpResponse(
        write_workbook([sheet]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"chi-tieu-{indicator.code}-{year}.xlsx"
    response["Content-Disposition"] = content_disposition(inline=False, filename=name)
    return response


@login_required
@require_safe
def indicator_drilldown(request, pk, unit_pk):
    indicator, unit = _indicator(pk), _unit(request, unit_pk)
    access.require(request.user, Cap.REPORT_VIEW, unit)
    period, period_form = _period(request)
    children = selectors.rollup_by_child(indicator, unit, period, user=request.user)
    comparison = selectors.compare(indicator, unit, period, user=request.user)
    counted = sum((v for _c, v in children if v is not None), selectors.ZERO)
    with_children = set(
        Unit.objects.filter(parent__in=[c for c, _v in children]).values_list("parent_id", flat=True)
    )
    rows = [
        (child, value, selectors.percent(value, counted), child.pk in with_children)
        for child, value in children
    ]
    chart = charts.bars(
        [(child.name, value, None) for child, value in children if value is not None],
        title=_("%(name)s — %(period)s, theo đơn vị trực thuộc %(unit)s")
        % {"name": indicator.name, "period": period.label, "unit": unit.name},
    )
    context = {
        "indicator": indicator,
        "unit": unit,
        "crumbs": _crumbs(request, unit),
        "period": period,
        "period_form": period_form,
        "period_query": _period_query(period),
        "comparison": comparison,
        "rows": rows,
        "counted": counted,
        "chart": chart,
    }
    return render(request, "reporting/indicators/drilldown.html", context)


@login_required
def indicator_targets(request, pk, unit_pk):
    indicator, unit = _indicator(pk), _unit(request, unit_pk)
    access.require(request.user, Cap.CALL_MANAGE, unit)
    year, _kind = _year_kind(request)
    form = TargetForm(request.POST or None, indicator=indicator, initial={"year": year})

    def save(data):
        return services.target_set(actor=request.user, indicator=indicator, unit=unit, **data)

    def saved(target):
        messages.success(
            request,
            _("Đã đặt chỉ tiêu năm %(y)s: %(v)s %(u)s.")
            % {"y": target.year, "v": charts.figure(target.value), "u": target.unit_of_measure},
        )
        return redirect(reverse("reporting:indicator_targets", args=[indicator.pk, unit.pk]))

    targets = (
        IndicatorTarget.objects.visible_to(request.user)
        .filter(indicator=indicator)
        .filter(access.subtree_q("unit__path", [unit.path]), unit__depth__lte=unit.depth + 1)
        .select_related("unit")
        .order_by("-year", "unit__depth", "unit__sort_key")
    )
    context = {"indicator": indicator, "unit": unit, "crumbs": _crumbs(request, unit), "targets": targets}
    return form_page(
        request,
        form,
        template="reporting/indicators/targets.html",
        context=context,
        save=save,
        on_success=saved,
    )


def _after_save(request, indicator: Indicator, verb: str):
    messages.success(request, verb % {"name": indicator.name})
    unit = home_unit(request.user)
    if unit is None:
        return redirect("reporting:indicator_home")
    return redirect(reverse("reporting:indicator_detail", args=[indicator.pk, unit.pk]))


@login_required
def indicator_create(request):
    """Add an indicator to the shared catalogue (the committee's administrators: Cap.CATALOG_MANAGE)."""
    access.require(request.user, Cap.CATALOG_MANAGE)
    form = IndicatorForm(request.POST or None, initial={"active": True, "order": 100})
    return form_page(
        request,
        form,
        template="reporting/indicators/edit.html",
        context={"indicator": None},
        save=lambda data: services.indicator_create(
            actor=request.user, **{k: v for k, v in data.items() if k != "version"}
        ),
        on_success=lambda indicator: _after_save(request, indicator, _("Đã thêm chỉ tiêu «%(name)s».")),
    )


@login_required
def indicator_edit(request, pk):
    """Edit an indicator; a built-in one keeps its code; deactivating instead of deleting."""
    access.require(request.user, Cap.CATALOG_MANAGE)
    indicator = _indicator(pk)
    form = IndicatorForm(request.POST or None, instance=indicator)

    def save(data):
        data = dict(data)
        version = data.pop("version", None)
        return services.indicator_update(
            actor=request.user, indicator=indicator, expected_version=version, **data
        )

    return form_page(
        request,
        form,
        template="reporting/indicators/edit.html",
        context={"indicator": indicator},
        save=save,
        on_success=lambda saved: _after_save(request, saved, _("Đã lưu chỉ tiêu «%(name)s».")),
    )


@login_required
@require_POST
def prefill_again(request, pk):
    submission = get_object_or_404(
        Submission.objects.visible_to(request.user).select_related("call", "unit"), pk=pk
    )
    access.require(request.user, Cap.SUBMISSION_EDIT, submission.unit)
    figures = act(request, lambda: prefill.prefill_again(submission=submission, actor=request.user))
    if figures is not None:
        messages.success(request, _("Đã cộng lại: %(note)s.") % {"note": figures.note})
    return redirect(submission)
