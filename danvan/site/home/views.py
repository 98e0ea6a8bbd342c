from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page

from . import selectors


@login_required
def home(request):
    context = selectors.home_summary(request.user)
    context["assignments"] = request.user.assignments.select_related("unit").order_by("role")
    return render(request, "core/home.html", context)


@login_required
def search(request):
    query = request.GET.get("q", "").strip()
    results = selectors.search_everything(request.user, query)
    context = {"q": query, "limit": selectors.SEARCH_LIMIT, **results}
    return render_page(request, "core/search.html", context, partial="results")


@login_required
def history(request, model_name, pk):
    model = selectors.history_model(model_name)
    if model is None:
        raise Http404
    if model_name == "user":
        access.require(request.user, Cap.USER_MANAGE)
        obj = get_object_or_404(model, pk=pk)
    else:
        obj = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    return render(request, "core/history.html", {"object": obj, "entries": selectors.history_entries(obj)})


@login_required
def audit_log(request):
    access.require(request.user, Cap.AUDIT_VIEW)
    events = selectors.recent_changes(request.user)
    return render(
        request,
        "core/audit_log.html",
        {"page": paginate(request, events), "query": query_without_page(request)},
    )


@login_required
def about(request):
    """A trivial page of the app (base layout only): the floor the benchmarks compare pages with."""
    return render(request, "core/about.html")


def healthz(request):
    from django.http import JsonResponse

    return JsonResponse({"status": "ok"})
