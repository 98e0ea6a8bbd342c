"""Briefings: the list, a new one, the briefing page (what the last one asked, this one's conclusions), making
an event a briefing, and adding conclusions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error, form_page
from danvan.core.paging import paginate, query_without_page
from danvan.events import policy
from danvan.events.models import BriefingKind, Event
from danvan.events.views.events import event_or_404
from danvan.org.models import Unit
from danvan.plans.programme.forms import add_item_picker
from danvan.plans.programme.services import save_carrying

from . import notices, selectors, services
from .forms import BriefingForm, conclusion_formset, conclusion_items


def lead_unit_options(event: Event, user):
    """Whom a conclusion may be given to: the organiser, the units under it and beside it."""
    near = Q(pk=event.organiser_id) | Q(parent_id=event.organiser_id)
    if event.organiser.parent_id:
        near |= Q(parent_id=event.organiser.parent_id)
    return Unit.objects.visible_to(user).filter(near).order_by("path")


@login_required
def briefing_list(request):
    access.require(request.user, Cap.EVENT_VIEW)
    kind = request.GET.get("kind", "")
    kind = kind if kind in BriefingKind.values else ""
    context = {
        "page": paginate(request, selectors.briefings_for(request.user, kind=kind)),
        "kind": kind,
        "kinds": BriefingKind.choices,
        "query": query_without_page(request),
        "can_manage": access.has_cap(request.user, Cap.EVENT_MANAGE),
    }
    return render(request, "events/briefings/list.html", context)


def _save(request, data, event=None):
    """The briefing's own save and, in the same transaction, its link to the programme item chosen in the
    picker (through the events service ``event_link_programme_item``, which checks and audits it)."""
    return save_carrying(actor=request.user, data=data, save=lambda own: _save_briefing(request, own, event))


def _save_briefing(request, data, event=None):
    return services.briefing_save(
        actor=request.user,
        organiser=data.get("organiser") or (event.organiser if event else None),
        kind=data["briefing_kind"],
        period=data["period"],
        time_text=data["time_text"],
        venue=data["venue"],
        title=data["title"],
        event=event,
        expected_version=event.version if event else None,
    )


@login_required
def briefing_new(request):
    access.require(request.user, Cap.EVENT_MANAGE)
    form = BriefingForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))
    add_item_picker(form, request)
    return form_page(
        request,
        form,
        template="events/briefings/form.html",
        save=lambda data: _save(request, data),
        on_success=lambda event: redirect("events:briefing_detail", pk=event.pk),
    )


def _page(request, event, *, formset=None, setup_form=None, status=200):
    can_manage = policy.can_manage(request.user, event)
    can_conclude = can_manage and access.has_cap(request.user, Cap.PLAN_EDIT, event.organiser)
    previous = selectors.previous_briefing(event) if event.is_briefing else None
    last_rows = selectors.conclusion_rows(previous, request.user)
    rows = selectors.conclusion_rows(event, request.user)
    # an amended notice: the version in force, and the amendment being drafted (new conclusions go there)
    notice = notices.notice_in_force(event.conclusions_notice)
    amendment = notices.draft_amendment(notice)
    writable = notice is None or notice.is_editable or amendment is not None
    if can_conclude and formset is None and writable:
        formset = conclusion_formset(lead_units=lead_unit_options(event, request.user))
    can_setup = can_manage and services.can_become_briefing(event)
    if can_setup and setup_form is None:
        day = services.meeting_day(event)
        setup_form = BriefingForm(
            editing=True,
            initial={
                "time_text": event.time_text,
                "venue": event.venue,
                "period_year": day.year if day else None,
            },
        )
        add_item_picker(setup_form, request, current=event.programme_item)
    context = {
        "event": event,
        "previous": previous,
        "last_rows": last_rows,
        "last_tally": selectors.tally(last_rows),
        "rows": rows,
        "tally": selectors.tally(rows),
        "notice": notice,
        "amendment": amendment,
        "formset": formset if can_conclude and event.is_briefing else None,
        "setup_form": setup_form if can_manage else None,
        "can_setup": can_setup,
        "can_manage": can_manage,
        "programme_item": event.programme_item,  # the work-programme item the briefing carries out
    }
    return render(request, "events/briefings/detail.html", context, status=status)


@login_required
def briefing_detail(request, pk):
    event = event_or_404(request, pk)
    access.require(request.user, Cap.EVENT_VIEW)
    return _page(request, event)


@login_required
@require_POST
def briefing_setup(request, pk):
    """Make an existing event a briefing of a period (or change its kind and period)."""
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    form = BriefingForm(request.POST, editing=True)
    add_item_picker(form, request, current=event.programme_item)
    if form.is_valid():
        try:
            _save(request, form.cleaned_data, event=event)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Đã lưu kỳ giao ban."))
            return redirect("events:briefing_detail", pk=event.pk)
    return _page(request, event, setup_form=form)


@login_required
@require_POST
def conclusions_add(request, pk):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    access.require(request.user, Cap.PLAN_EDIT, event.organiser)
    formset = conclusion_formset(request.POST, lead_units=lead_unit_options(event, request.user))
    if formset.is_valid():
        try:
            tasks = services.conclusions_add(actor=request.user, event=event, items=conclusion_items(formset))
        except ServiceError as error:
            formset.non_form_errors().append(error.message)
        else:
            messages.success(request, _("Đã thêm %(n)s kết luận.") % {"n": len(tasks)})
            return redirect("events:briefing_detail", pk=event.pk)
    return _page(request, event, formset=formset)
