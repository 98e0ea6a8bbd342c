"""Regime pages: the list, create and edit, the detail with its periods and the on-time grid."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.forms import act, form_page
from danvan.core.paging import paginate, query_without_page
from danvan.lib import periods
from danvan.lib.htmx import render_page
from danvan.org.models import Unit
from danvan.plans.programme.forms import add_item_picker

from ..models import FormTemplate
from ..selectors import board_units, calls_counts
from . import selectors, services
from .forms import RegimeCreateForm, RegimeForm
from .models import Regime

GRID_PERIODS = 6  # columns of the on-time grid on one screen (older periods: the previous page of periods)
UNITS_PER_PAGE = 30
RECENT_CALLS = 12  # the periods-opened table: the latest ones (the grid pages back through the rest)


def regime_or_404(request, pk) -> Regime:
    return get_object_or_404(selectors.regimes_for(request.user), pk=pk)


def _form_kwargs(request):
    return {
        "visible_units": Unit.objects.visible_to(request.user),
        "templates": FormTemplate.objects.visible_to(request.user).order_by("-is_builtin", "name"),
    }


def _warn_skipped(request, regime: Regime) -> None:
    """The start date skips a period already running on it: said after saving (a warning, not a refusal)."""
    warning = services.skipped_warning(regime.period_kinds, regime.start_date)
    if warning:
        messages.warning(request, warning)


@login_required
def regime_list(request):
    access.require(request.user, Cap.REPORT_VIEW)
    page = paginate(request, selectors.regimes_for(request.user))
    context = {
        "page": page,
        "query": query_without_page(request),
        "can_manage": access.has_cap(request.user, Cap.CALL_MANAGE),
    }
    return render(request, "reporting/regimes/regime_list.html", context)


@login_required
def regime_new(request):
    access.require(request.user, Cap.CALL_MANAGE)
    form = RegimeCreateForm(request.POST or None, **_form_kwargs(request))
    add_item_picker(form, request)

    def made(regime):
        messages.success(request, _("Đã lập chế độ báo cáo. Các kỳ sẽ được mở tự động mỗi sáng."))
        _warn_skipped(request, regime)
        return redirect(regime)

    return form_page(
        request,
        form,
        template="reporting/regimes/regime_form.html",
        save=lambda data: services.regime_create(actor=request.user, spec=form.spec(data)),
        on_success=made,
    )


@login_required
def regime_edit(request, pk):
    regime = regime_or_404(request, pk)
    access.require(request.user, Cap.CALL_MANAGE, regime.owner)
    form = RegimeForm(request.POST or None, instance=regime, **_form_kwargs(request))
    add_item_picker(form, request, current=regime.programme_item)

    def saved(result):
        messages.success(request, _("Đã lưu. Quy định mới áp dụng cho các kỳ chưa mở."))
        _warn_skipped(request, result)
        return redirect(result)

    return form_page(
        request,
        form,
        template="reporting/regimes/regime_form.html",
        context={"regime": regime},
        save=lambda data: services.regime_update(
            regime=regime, actor=request.user, spec=form.spec(data), expected_version=data.get("version")
        ),
        on_success=saved,
    )


def _grid(request, regime: Regime, kind: str) -> dict:
    """One page of units × the last GRID_PERIODS periods of `kind` (period page `pp` goes back in time)."""
    calls = list(selectors.regime_calls(regime, kind=kind).select_related("owner"))
    try:
        back = max(0, int(request.GET.get("pp", 0)))
    except ValueError:
        back = 0
    shown = list(reversed(calls[back * GRID_PERIODS : (back + 1) * GRID_PERIODS]))
    units_page = paginate(request, board_units(calls, user=request.user), per_page=UNITS_PER_PAGE)
    result = selectors.punctuality(shown, list(units_page))
    whole = selectors.punctuality(calls, list(units_page))  # the unit's counts over every period
    rows = [
        {
            "unit": unit,
            "cells": [(p, result.state(unit.pk, p)) for p in result.periods],
            "tally": whole.per_unit.get(unit.pk, selectors.Tally()),
        }
        for unit in units_page
    ]
    return {
        "grid_kind": kind,
        "grid_periods": result.periods,
        "grid_tallies": [result.per_period.get(p, selectors.Tally()) for p in result.periods],
        "grid_rows": rows,
        "units_page": units_page,
        "older": back + 1 if len(calls) > (back + 1) * GRID_PERIODS else None,
        "newer": back - 1 if back else None,
        "cell_labels": selectors.CELL_LABELS,
    }


@login_required
def regime_detail(request, pk):
    regime = regime_or_404(request, pk)
    access.require(request.user, Cap.REPORT_VIEW)
    kinds = regime.kinds
    kind = request.GET.get("kind") or (kinds[0] if kinds else periods.PeriodKind.MONTH)
    if kind not in kinds:
        kind = kinds[0]
    today = timezone.localdate()
    all_calls = selectors.regime_calls(regime)
    recent = list(all_calls[:RECENT_CALLS])
    context = {
        "regime": regime,
        "kinds": [(k, periods.KIND_LABELS[k]) for k in kinds],
        "upcoming": selectors.upcoming(regime, today) if regime.is_active else [],  # a stopped one opens none
        "recent_calls": recent,
        "calls_total": all_calls.count() if len(recent) == RECENT_CALLS else len(recent),
        "counts": calls_counts(recent),
        "can_manage": access.has_cap(request.user, Cap.CALL_MANAGE, regime.owner),
        "delete_refusal": services.delete_refusal(regime) if len(recent) else "",
        "query": query_without_page(request),
        **_grid(request, regime, kind),
    }
    return render_page(request, "reporting/regimes/regime_detail.html", context, partial="grid")


@login_required
@require_POST
def regime_open(request, pk):
    regime = regime_or_404(request, pk)
    access.require(request.user, Cap.CALL_MANAGE, regime.owner)
    result = act(
        request,
        lambda: services.regime_open_now(regime=regime, actor=request.user, today=timezone.localdate()),
    )
    if result is not None:
        if result.calls:
            messages.success(
                request,
                _("Đã mở %(n)s kỳ, gửi tới %(t)s lượt đơn vị.")
                % {"n": len(result.calls), "t": result.targets},
            )
        else:
            messages.info(request, _("Không có kỳ nào mới đến hạn mở."))
    return redirect(regime)


def _version(request) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


@login_required
@require_POST
def regime_set_active(request, pk):
    """ "Ngừng áp dụng" (active=0) and "Áp dụng lại" (active=1), each behind a confirmation on the page."""
    regime = regime_or_404(request, pk)
    access.require(request.user, Cap.CALL_MANAGE, regime.owner)
    wanted = request.POST.get("active", "")
    if wanted not in ("0", "1"):
        messages.error(request, _("Yêu cầu không hợp lệ: không rõ ngừng hay áp dụng lại chế độ báo cáo."))
        return redirect(regime)
    if wanted == "1":
        act(
            request,
            lambda: services.regime_activate(
                regime=regime, actor=request.user, expected_version=_version(request)
            ),
            done=_("Đã áp dụng lại chế độ báo cáo: các kỳ đến ngày sẽ được mở mỗi sáng."),
        )
    else:
        act(
            request,
            lambda: services.regime_deactivate(
                regime=regime, actor=request.user, expected_version=_version(request)
            ),
            done=_("Đã ngừng áp dụng: không mở thêm kỳ nào; các kỳ đã mở vẫn được giữ."),
        )
    return redirect(regime)


@login_required
@require_POST
def regime_delete(request, pk):
    regime = regime_or_404(request, pk)
    access.require(request.user, Cap.CALL_MANAGE, regime.owner)
    name, version = regime.name, _version(request)
    if version is None:  # deleting is never a blind request: the page's version says what was confirmed
        messages.error(request, _("Yêu cầu không hợp lệ: không rõ phiên bản của trang. Hãy tải lại trang."))
        return redirect(regime)
    deleted = act(
        request,
        lambda: services.regime_delete(regime=regime, actor=request.user, expected_version=version) or True,
        done=_("Đã xóa chế độ báo cáo «%(name)s».") % {"name": name},
    )
    return redirect("reporting:regime_list") if deleted else redirect(regime)
