"""The programme pages: the list of work programmes and one programme's items by month or quarter, with
their states, the objects carrying them out, and the actions that start new ones prefilled with the link."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.paging import paginate, query_without_page
from danvan.org.models import Unit

from ..models import ItemCategory, Plan, PlanKind, Task
from . import selectors
from .carriers import CARRIERS
from .forms import PREFILL_PARAM
from .selectors import ItemState

# The "+" actions of an item: (label, url name, capability needed at the viewer's units).
ACTIONS = (
    (_("+ Lập kế hoạch thực hiện"), "plans:plan_new", Cap.PLAN_EDIT),
    (_("+ Tạo yêu cầu báo cáo"), "reporting:call_new", Cap.CALL_MANAGE),
    (_("+ Tạo sự kiện"), "events:event_new", Cap.EVENT_MANAGE),
)
MODEL_ACTION = (_("+ Tạo đợt thẩm định"), "recognition:round_new", Cap.APPRAISAL_MANAGE)


@login_required
def programme_list(request):
    access.require(request.user, Cap.PLAN_VIEW)
    page = paginate(request, selectors.programmes_for(request.user))
    progress = selectors.programmes_counts(list(page))
    rows = [(programme, progress[programme.pk]) for programme in page]
    context = {
        "page": page,
        "rows": rows,
        "query": query_without_page(request),
        "can_edit": access.has_cap(request.user, Cap.PLAN_EDIT),
    }
    return render(request, "plans/programme/programme_list.html", context)


def _actions(user) -> list[tuple[str | Promise, str]]:
    return [(label, reverse(name)) for label, name, cap in ACTIONS if access.has_cap(user, cap)]


@login_required
def programme_detail(request, pk):
    programme = get_object_or_404(
        Plan.objects.visible_to(request.user).filter(kind=PlanKind.PROGRAMME).select_related("issuing_unit"),
        pk=pk,
    )
    access.require(request.user, Cap.PLAN_VIEW)
    state = request.GET.get("state", "")
    state = state if state in ItemState.values else ""
    lead_units = Unit.objects.filter(
        pk__in=Task.objects.filter(plan=programme, lead_unit__isnull=False).values("lead_unit")
    ).order_by("path")
    lead_pk = request.GET.get("lead", "")
    lead_unit = lead_units.filter(pk=int(lead_pk)).first() if lead_pk.isdigit() else None
    every = selectors.programme_items(programme, user=request.user, lead_unit=lead_unit)
    carriers = {carrier.kind: carrier for carrier in CARRIERS}
    for view in every:
        for link in view.links:
            link.url = carriers[link.kind].url(link.pk) if link.shown else ""
    shown = [view for view in every if not state or view.state == state]
    counts = selectors.state_counts(every)
    total = sum(counts.values())
    bars = [
        (value, ItemState(value).label, counts[value], round(100 * counts[value] / total) if total else 0)
        for value in selectors.COUNTED_STATES
    ]
    can_act = programme.status != programme.Status.SUPERSEDED
    actions = _actions(request.user) if can_act else []
    model_action = (
        (MODEL_ACTION[0], reverse(MODEL_ACTION[1]))
        if can_act and access.has_cap(request.user, MODEL_ACTION[2])
        else None
    )
    context = {
        "programme": programme,
        "groups": selectors.group_by_period(shown),
        "bars": bars,
        "total": total,
        "counts": counts,
        "states": ItemState.choices,
        "state": state,
        "lead_units": lead_units,
        "lead_unit": lead_unit,
        "actions": actions,
        "model_action": model_action,
        "model_category": ItemCategory.MODEL,
        "prefill": PREFILL_PARAM,
        "can_edit": programme.is_editable
        and access.has_cap(request.user, Cap.PLAN_EDIT, programme.issuing_unit),
    }
    return render(request, "plans/programme/programme_detail.html", context)
