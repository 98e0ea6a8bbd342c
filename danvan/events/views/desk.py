"""The check-in desk: find a delegate by name (with or without diacritics) or by their letter's QR code."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.events import services
from danvan.events.forms import WalkInForm
from danvan.lib import vntext

from .events import _totals, event_or_404

RESULTS = 15


def _matches(event, query: str):
    invitations = event.invitations.select_related("group")
    token = query.rstrip("/").rsplit("/", 1)[-1] if "/e/" in query else ""
    if token:
        return list(invitations.filter(token=token)[:1])
    words = vntext.fold(query).split()
    if not words:
        return []
    for word in words:
        invitations = invitations.filter(search_text__contains=word)
    return list(invitations.order_by("sort_key")[:RESULTS])


def _desk_context(request, event, **extra) -> dict:
    panel = services.group_panel(event)
    return {
        "event": event,
        "panel": panel,
        "totals": _totals(panel),
        "walk_in_form": WalkInForm(),
        "groups": event.groups.all(),
        **extra,
    }


@login_required
def desk(request, pk):
    event = event_or_404(request, pk)
    access.require(request.user, Cap.EVENT_CHECKIN, event.organiser)
    query = request.GET.get("q", "").strip()
    context = _desk_context(request, event, q=query, results=_matches(event, query) if query else [])
    if request.htmx and request.GET.get("part") == "panel":
        return render(request, "events/desk.html#counts", context)
    if request.htmx:
        return render(request, "events/desk.html#results", context)
    return render(request, "events/desk.html", context)


@login_required
@require_POST
def desk_check_in(request, pk):
    event = event_or_404(request, pk)
    access.require(request.user, Cap.EVENT_CHECKIN, event.organiser)
    reference = request.POST.get("invitation", "") or request.POST.get("code", "")
    invitation = None
    if reference.isdigit():
        invitation = event.invitations.filter(pk=int(reference)).first()
    elif reference:
        found = _matches(event, reference if "/e/" in reference else f"/e/{reference}")
        invitation = found[0] if found else None
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
    access.require(request.user, Cap.EVENT_CHECKIN, event.organiser)
    form = WalkInForm(request.POST)
    group = event.groups.filter(pk=request.POST.get("group") or 0).first()
    if form.is_valid():
        try:
            invitation = services.walk_in(actor=request.user, event=event, group=group, **form.cleaned_data)
            outcome = {"level": "success", "text": _("Đã thêm và điểm danh: %(n)s") % {"n": invitation.name}}
        except ServiceError as error:
            outcome = {"level": "danger", "text": error.message}
    else:
        outcome = {"level": "danger", "text": _("Hãy ghi họ và tên người đến dự.")}
    return render(
        request, "events/desk.html", _desk_context(request, event, outcome=outcome, q="", results=[])
    )
