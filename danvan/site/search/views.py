from django.contrib.auth.decorators import login_required
from django.http import Http404

from danvan.core import access
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page

from . import selectors

PER_PAGE = 20


@login_required
def search(request):
    """All groups, a few rows each; with ?kind=<group>, that group alone, paginated ("xem thêm")."""
    query = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    context = {"q": query, "kind": kind}
    if kind:
        group = next((g for g in selectors.GROUPS if g.key == kind), None)
        if group is None:
            raise Http404
        access.require(request.user, group.cap)
        context |= {
            "group": group,
            "page": paginate(request, selectors.matches(request.user, group, query), PER_PAGE),
            "query": query_without_page(request),
        }
    else:
        context["results"] = selectors.search_everything(request.user, query)
    return render_page(request, "site/search.html", context, partial="results")
