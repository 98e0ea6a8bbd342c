from django.contrib.auth.decorators import login_required

from danvan.lib.htmx import render_page

from . import selectors


@login_required
def search(request):
    query = request.GET.get("q", "").strip()
    results = selectors.search_everything(request.user, query)
    context = {"q": query, "limit": selectors.SEARCH_LIMIT, **results}
    return render_page(request, "site/search.html", context, partial="results")
