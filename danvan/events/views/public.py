"""The delegate's personal link: no account; the token shows one invitation and nothing else."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from danvan.core.errors import ServiceError
from danvan.events import policy, selectors, services
from danvan.events.forms import RsvpForm
from danvan.events.models import Invitation


def rsvp(request, token):
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        return render(
            request,
            "events/rsvp.html",
            {
                "error": _(
                    "Đường dẫn giấy mời không đúng hoặc đã bị thay đổi. "
                    "Xin kiểm tra lại đường dẫn trong thư mời."
                )
            },
            status=404,
        )
    form = RsvpForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.respond(token=token, **form.cleaned_data)
        except ServiceError as exc:
            error = exc.message
    elif policy.invitation_expired(invitation):
        error = _("Sự kiện đã diễn ra; giấy mời này không còn trả lời được.")
    context = {
        "invitation": invitation,
        "event": invitation.event,
        "form": form,
        "error": error,
        "answered": invitation.status != Invitation.Status.INVITED,
    }
    response = render(request, "events/rsvp.html", context)
    response["X-Robots-Tag"] = "noindex"
    # same-origin, not no-referrer: the token stays off other sites, and the POST keeps its Origin for CSRF.
    response["Referrer-Policy"] = "same-origin"
    return response
