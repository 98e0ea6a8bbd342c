from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.paging import paginate, query_without_page
from danvan.org.models import Unit

from ..models import PropagandaEntry, Slogan
from . import selectors, services
from .forms import EntryForm, SloganForm


def _home(request):
    paths = access.scope_paths(request.user)
    return Unit.objects.filter(path=paths[0]).first() if paths else None


def _plans(user):
    # Plans are reached through the entry's foreign key: this app sits beside plans, not above it.
    return (
        PropagandaEntry._meta.get_field("plan").related_model.objects.visible_to(user).order_by("-id")[:200]
    )


@login_required
def entry_list(request):
    access.require(request.user, Cap.REPORT_VIEW)
    kind = request.GET.get("kind", "")
    rows = selectors.entries(request.user, query=request.GET.get("q", ""), kind=kind)
    return render(
        request,
        "citizens/propaganda/entry_list.html",
        {
            "page": paginate(request, rows, ids_first=True),
            "query": query_without_page(request),
            "totals": selectors.totals(rows),
            "kinds": PropagandaEntry.Kind.choices,
            "kind": kind,
            "q": request.GET.get("q", ""),
            "can_log": access.has_cap(request.user, Cap.PROPAGANDA_LOG),
        },
    )


@login_required
def entry_new(request):
    """Log a piece of propaganda; opened from an exemplar (?exemplar=<id>) it is linked to that model."""
    access.require(request.user, Cap.PROPAGANDA_LOG)
    exemplar = None
    if request.GET.get("exemplar", "").isdigit():
        exemplars = PropagandaEntry._meta.get_field("exemplar").related_model.objects.visible_to(request.user)
        exemplar = get_object_or_404(exemplars, pk=request.GET["exemplar"])
    form = EntryForm(
        request.POST or None,
        initial={"unit": _home(request), "published_on": timezone.localdate()},
        visible_units=Unit.objects.visible_to(request.user),
        plans=_plans(request.user),
    )

    def saved(entry):
        messages.success(request, _("Đã ghi hoạt động tuyên truyền."))
        return redirect("citizens:propaganda_list")

    return form_page(
        request,
        form,
        template="citizens/propaganda/entry_form.html",
        context={"exemplar": exemplar},
        save=lambda data: services.entry_save(actor=request.user, exemplar=exemplar, **data),
        on_success=saved,
    )


@login_required
def slogan_list(request):
    access.require(request.user, Cap.REPORT_VIEW)
    can_log = access.has_cap(request.user, Cap.PROPAGANDA_LOG)
    form = SloganForm(initial={"unit": _home(request)}, visible_units=Unit.objects.visible_to(request.user))
    return render(
        request,
        "citizens/propaganda/slogan_list.html",
        {
            "page": paginate(request, selectors.slogans(request.user, query=request.GET.get("q", ""))),
            "query": query_without_page(request),
            "q": request.GET.get("q", ""),
            "can_log": can_log,
            "form": form if can_log else None,
        },
    )


@login_required
def slogan_new(request):
    access.require(request.user, Cap.PROPAGANDA_LOG)
    form = SloganForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))
    return form_page(
        request,
        form,
        template="citizens/propaganda/slogan_form.html",
        save=lambda data: services.slogan_save(actor=request.user, **data),
        on_success=lambda slogan: redirect("citizens:slogan_list"),
    )


@login_required
@require_POST
def slogan_reuse(request, pk):
    slogan = get_object_or_404(Slogan.objects.visible_to(request.user), pk=pk)
    unit = _home(request) or slogan.unit
    try:
        services.slogan_reuse(actor=request.user, slogan=slogan, unit=unit)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã ghi việc treo khẩu hiệu vào nhật ký tuyên truyền."))
    return redirect(reverse("citizens:slogan_list"))
