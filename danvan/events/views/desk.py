"""The check-in desk: find a delegate by name (with or without diacritics) or by their letter's QR code."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import once
from danvan.core.errors import ServiceError
from danvan.events import policy, selectors, services
from danvan.events.forms import WalkInForm
from danvan.events.views.events import event_or_404


def _desk_context(request, event, **extra) -> dict:
    panel = selectors.group_panel(event)
    return {
        "event": event,
        "panel": panel,
        "totals": selectors.panel_totals(panel),
        "walk_in_form": WalkInForm(),
        "groups": event.groups.all(),
        **extra,
    }


@login_required
def desk(request, pk):
    event = event_or_404(request, pk)
    policy.require_desk(request.user, event)
    query = request.GET.get("q", "").strip()
    context = _desk_context(
        request, event, q=query, results=selectors.desk_matches(event, query) if query else []
    )
    if request.htmx and request.GET.get("part") == "panel":
        return render(request, "events/desk.html#counts", context)
    if request.htmx:
        return render(request, "events/desk.html#results", context)
    return render(request, "events/desk.html", context)


@login_required
@require_POST
def desk_check_in(request, pk):
    event = event_or_404(request, pk)
    policy.require_desk(request.user, event)
    reference = request.POST.get("invitation", "") or request.POST.get("code", "")
    invitation = selectors.desk_invitation(event, reference)
    if invitation is None:
        outcome = {"level": "danger", "text": _("Không tìm thấy giấy mời này trong sự kiện.")}
    else:
        try:
            invitation, fresh = services.check_in(actor=request.user, invitation=invitation)
            when = invitation.checked_in_at.astimezone().strftime("%H:%M")
            outcome = (
                {"level": "success", "text": _("Đã điểm danh: %(n)s") % {"n": invitation.attending_name}}
                if fresh
                else {
                    "level": "warning",
                    "text": _("%(n)s đã điểm danh lúc %(t)s — không tính hai lần.")
                    % {"n": invitation.attending_name, "t": when},
                }
            )
        except ServiceError as error:
            outcome = {"level": "danger", "text": error.message}
    context = _desk_context(request, event, outcome=outcome, q="", results=[])
    if request.htmx:
        return render(request, "events/desk.html#outcome", context)
    return render(request, "events/desk.html", context)


@login_required
@require_POST
def desk_walk_in(request, pk):
    event = event_or_404(request, pk)
    policy.require_desk(request.user, event)
    form = WalkInForm(request.POST)
    group = event.groups.filter(pk=request.POST.get("group") or 0).first()
    if form.is_valid():
        try:
            invitation = once.create_once(
                request,
                form,
                lambda data: services.walk_in(actor=request.user, event=event, group=group, **data),
            )
            outcome = {"level": "success", "text": _("Đã thêm và điểm danh: %(n)s") % {"n": invitation.name}}
        except ServiceError as error:
            outcome = {"level": "danger", "text": error.message}
    else:
        outcome = {"level": "danger", "text": _("Hãy ghi họ và tên người đến dự.")}
    return render(
        request, "events/desk.html", _desk_context(request, event, outcome=outcome, q="", results=[])
    )
