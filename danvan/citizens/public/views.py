"""The citizen's lookup page: the status of a petition by its code, and nothing else.

No name, no content, no unit: the code is all a visitor knows, and the page answers only with where the
petition stands. A wrong code is a plain 404 (the codes are ~50 random bits, not a sequence to walk)."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from ..models import Petition
from ..petitions import selectors

PUBLIC_STEPS = [
    Petition.Status.RECEIVED,
    Petition.Status.ASSIGNED,
    Petition.Status.IN_PROGRESS,
    Petition.Status.ANSWERED,
    Petition.Status.INFORMED,
    Petition.Status.CLOSED,
]


@never_cache
def lookup(request):
    code = request.GET.get("code", "").strip().upper()
    if code:
        return redirect("petition_status", code=code)
    return render(request, "citizens/public/lookup.html", {})


@never_cache
def status(request, code):
    petition = selectors.by_lookup_code(code)
    if petition is None:
        raise Http404
    if petition.status == Petition.Status.MERGED and petition.merged_into_id:
        # A merged duplicate shows the state of the petition that is followed for it (still only its status).
        petition = Petition.objects.only(
            "status", "received_on", "answered_on", "informed_on", "closed_on", "deadline", "lookup_code"
        ).get(pk=petition.merged_into_id)
    reached = PUBLIC_STEPS.index(petition.status) if petition.status in PUBLIC_STEPS else 0
    return render(
        request,
        "citizens/public/status.html",
        {
            "code": code.upper(),
            "petition": petition,
            "steps": PUBLIC_STEPS,
            "reached": reached,
            "escalated": petition.status == Petition.Status.ESCALATED,
        },
    )
