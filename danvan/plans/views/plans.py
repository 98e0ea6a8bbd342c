"""Plan list, new plan, plan page, issue and amend."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access, once
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error, form_page
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page
from danvan.lib.plandoc import PlanDocument
from danvan.org.models import Unit

from .. import selectors, services
from ..forms import PlanIssueForm, PlanNewForm
from ..models import Plan
from ..programme.forms import add_item_picker
from ..programme.services import followed_message, save_carrying


def _plan_or_404(request, pk) -> Plan:
    return get_object_or_404(Plan.objects.visible_to(request.user).select_related("issuing_unit"), pk=pk)


@login_required
def plan_list(request):
    access.require(request.user, Cap.PLAN_VIEW)
    status, year, query = request.GET.get("status", ""), request.GET.get("year", ""), request.GET.get("q", "")
    plans = selectors.plans_for(request.user, status=status, year=year, query=query)
    context = {
        "page": paginate(request, plans),
        "status": status,
        "year": year,
        "q": query,
        "statuses": Plan.Status.choices,
        "query": query_without_page(request),
        "can_edit": access.has_cap(request.user, Cap.PLAN_EDIT),
    }
    return render_page(request, "plans/plan_list.html", context, partial="results")


@login_required
def plan_new(request):
    access.require(request.user, Cap.PLAN_EDIT)
    form = PlanNewForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))
    add_item_picker(form, request)
    if request.method == "POST" and form.is_valid():
        try:
            plan = once.create_once(
                request,
                form,
                lambda data: save_carrying(
                    actor=request.user,
                    data=data,
                    save=lambda data: services.plan_create(
                        actor=request.user,
                        issuing_unit=data["issuing_unit"],
                        doc=PlanDocument(title=data["title"]),
                        profile=data["profile"],
                    ),
                ),
            )
            return redirect("plans:plan_edit", pk=plan.pk)
        except once.AlreadyDone as repeat:  # a double click: the draft the first click made
            if repeat.obj is None:
                apply_service_error(form, repeat)
            else:
                messages.info(request, repeat.message)
                return redirect("plans:plan_edit", pk=repeat.obj.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    return render(request, "plans/plan_new.html", {"form": form})


@login_required
def plan_detail(request, pk):
    plan = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    tasks = plan.tasks.select_related("lead_unit").prefetch_related("partner_units", "lead_units")
    doc = plan.document()
    if plan.symbol:  # issued: the importer's "no number found" no longer holds (plans issued before the fix)
        services.settle_header_notes(doc)
    context = {
        "plan": plan,
        "doc": doc,
        "tasks": tasks,
        "can_edit": plan.is_editable and access.has_cap(request.user, Cap.PLAN_EDIT, plan.issuing_unit),
        "can_issue": plan.is_editable and access.has_cap(request.user, Cap.PLAN_ISSUE, plan.issuing_unit),
        "can_amend": plan.status == Plan.Status.ISSUED
        and access.has_cap(request.user, Cap.PLAN_EDIT, plan.issuing_unit),
        "amendments": plan.amendments.order_by("revision"),
        "can_create_event": bool(plan.content.get("event"))
        and access.has_cap(request.user, Cap.EVENT_MANAGE, plan.issuing_unit)
        and not plan.events.exists(),
        "can_open_calls": plan.status == Plan.Status.ISSUED
        and access.has_cap(request.user, Cap.CALL_MANAGE, plan.issuing_unit)
        and not plan.calls.exists()
        and bool(plan.content.get("deadlines")),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_issue(request, pk):
    """Issuing: the signing date (and place) asked first, the tasks checked, then a number is given."""
    plan = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_ISSUE, plan.issuing_unit)
    if not plan.is_editable:
        messages.info(request, _("Kế hoạch này đã được ban hành trước đó."))
        return redirect(plan)
    doc = plan.document()
    form = PlanIssueForm(
        request.POST or None,
        initial={
            "issued_on": doc.issued_on or timezone.localdate(),
            "place": plan.place or doc.place or selectors.default_place(plan.issuing_unit),
        },
    )

    def issued(result):
        messages.success(request, _("Đã ban hành kế hoạch số %(symbol)s.") % {"symbol": result.symbol})
        if moved := followed_message(result):
            messages.info(request, moved)
        return redirect(result)

    context = {"plan": plan, "doc": doc, "unled": selectors.tasks_without_lead(plan)}
    return form_page(
        request,
        form,
        template="plans/plan_issue.html",
        context=context,
        save=lambda data: services.plan_issue(
            plan=plan, actor=request.user, issued_on=data["issued_on"], place=data["place"]
        ),
        on_success=issued,
    )


@login_required
@require_POST
def plan_amend(request, pk):
    plan = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_EDIT, plan.issuing_unit)
    try:
        draft = services.plan_amend(plan=plan, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(plan)
    messages.success(request, _("Đã tạo bản sửa đổi (dự thảo). Sửa nội dung rồi ban hành."))
    return redirect("plans:plan_edit", pk=draft.pk)
