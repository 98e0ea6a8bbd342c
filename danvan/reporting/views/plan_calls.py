"""Opening a plan's calls: choose the recipients, see who they are, then create the calls (irreversible)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.forms import form_page
from danvan.org.models import Unit
from danvan.plans.models import Plan

from .. import selectors, services
from ..forms import TargetForm

# The preview names this many units; past it, it says how many more.
PREVIEW_NAMES = 200


def _recipients(form: TargetForm, plan: Plan, actor) -> list[Unit] | None:
    """The units the chosen settings reach (the form's initial settings before any choice); None when the
    settings are not valid (the form says why)."""
    if form.is_bound:
        if not form.is_valid():
            return None
        root, kinds, direct = (
            form.cleaned_data["root"],
            form.cleaned_data["kinds"],
            form.cleaned_data["direct_only"],
        )
    else:
        root = form.fields["root"].queryset.filter(pk=form.fields["root"].initial).first()
        kinds, direct = [], False
        if root is None:
            return None
    return selectors.plan_recipients(actor=actor, plan=plan, root=root, kinds=list(kinds), direct_only=direct)


def _deadlines(doc, plan: Plan) -> list[dict]:
    """Each call the plan sets, with the form it will carry (the attached "Mẫu" and its columns, or the
    result-report outline) and the programme item it will carry out (the plan's, or its task's)."""
    rows = []
    items = services.deadline_items(plan, doc.deadlines, doc)
    for deadline, item in zip(doc.deadlines, items, strict=True):
        form = doc.forms[deadline.form_index] if deadline.form_index is not None else None
        rows.append(
            {"deadline": deadline, "form": form, "columns": len(form.columns) if form else 0, "item": item}
        )
    return rows


@login_required
def calls_from_plan(request, plan_pk):
    plans = Plan.objects.visible_to(request.user).select_related("issuing_unit", "programme_item__plan")
    plan = get_object_or_404(plans, pk=plan_pk)
    access.require(request.user, Cap.CALL_MANAGE, plan.issuing_unit)
    previewing = request.method == "GET" and "root" in request.GET
    data = request.POST if request.method == "POST" else (request.GET if previewing else None)
    form = TargetForm(data, visible_units=Unit.objects.visible_to(request.user), plan=plan)
    recipients = _recipients(form, plan, request.user)
    doc = plan.document()
    context = {
        "plan": plan,
        "doc": doc,
        "deadlines": _deadlines(doc, plan),
        "calls_count": len([d for d in doc.deadlines if d.due and d.due.end]),
        "recipients": recipients[:PREVIEW_NAMES] if recipients is not None else None,
        "recipients_count": len(recipients) if recipients is not None else 0,
        "recipients_more": max(0, len(recipients) - PREVIEW_NAMES) if recipients is not None else 0,
    }
    if request.method == "GET":
        if getattr(request, "htmx", False):
            return render(request, "reporting/plan_calls.html#recipients", {**context, "form": form})
        return render(request, "reporting/plan_calls.html", {**context, "form": form})

    def made(calls):
        messages.success(request, _("Đã tạo %(n)s yêu cầu từ kế hoạch.") % {"n": len(calls)})
        return redirect(f"{reverse('reporting:board')}?plan={plan.pk}")

    return form_page(
        request,
        form,
        template="reporting/plan_calls.html",
        context=context,
        save=lambda data: services.calls_from_plan(
            actor=request.user,
            plan=plan,
            targets=selectors.plan_recipients(
                actor=request.user,
                plan=plan,
                root=data["root"],
                kinds=list(data.get("kinds") or []),
                direct_only=data.get("direct_only", False),
            ),
        ),
        on_success=made,
    )
