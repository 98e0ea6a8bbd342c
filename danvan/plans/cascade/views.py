"""The implementing plan drawn from a superior's plan, and the superior's panel of its units' plans."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from danvan.core import access, once
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error
from danvan.lib.htmx import render_page
from danvan.org.models import Unit

from ..models import Plan
from . import selectors, services
from .forms import CascadeForm
from .shifting import DEFAULT_DAYS


def _plan_or_404(request, pk) -> Plan:
    return get_object_or_404(Plan.objects.visible_to(request.user).select_related("issuing_unit"), pk=pk)


def _chosen_unit(request, units):
    raw = request.POST.get("unit") or request.GET.get("unit") or ""
    return units.filter(pk=raw).first() if raw.isdigit() else None


@login_required
def cascade_new(request, pk):
    superior = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    access.require(request.user, Cap.PLAN_EDIT)
    try:
        services.check_cascadable(superior)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(superior)
    units = Unit.objects.visible_to(request.user)
    unit = _chosen_unit(request, units)
    if unit is None:  # first the unit: the lead choices depend on it
        return render(request, "plans/cascade/new.html", {"superior": superior, "form": None, "unit": None})
    choices = selectors.lead_choices(superior, unit)
    form = CascadeForm(
        request.POST or None,
        initial={"unit": unit.pk if unit else None, "days": DEFAULT_DAYS},
        visible_units=units,
        lead_choices=choices,
        lead_options=selectors.lead_options(unit, choices),
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = once.create_once(
                request,
                form,
                lambda data: services.cascade_create(
                    actor=request.user,
                    superior=superior,
                    unit=data["unit"],
                    shift=form.shift(),
                    leads=form.leads(),
                    title=data["title"],
                ),
            )
        except once.AlreadyDone as repeat:
            if repeat.obj is None:
                apply_service_error(form, repeat)
            else:
                messages.info(request, repeat.message)
                return redirect(repeat.obj)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(
                request,
                _(
                    "Đã tạo dự thảo kế hoạch triển khai của %(unit)s: sửa nội dung, rồi ban hành như "
                    "mọi kế hoạch."
                )
                % {"unit": plan.issuing_unit.name},
            )
            return redirect(plan)
    context = {"superior": superior, "form": form, "unit": unit, "has_leads": bool(choices)}
    return render(request, "plans/cascade/new.html", context)


@login_required
def cascade_units(request, pk):
    plan = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    state = request.GET.get("state", "")
    rows, counts = selectors.implementation_rows(plan, request.user, state=state)
    context = {
        "plan": plan,
        "rows": rows,
        "counts": counts,
        "state": state if state in selectors.STATES else "",
        "can_cascade": plan.status == Plan.Status.ISSUED and access.has_cap(request.user, Cap.PLAN_EDIT),
    }
    return render_page(request, "plans/cascade/units.html", context, partial="panel")
