"""The pages with no data: the about page, the health probe and the favicon's fixed address."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static


@login_required
def about(request):
    """A trivial page of the app (base layout only): the floor the benchmarks compare pages with."""
    return render(request, "site/about.html")


def healthz(request):
    return JsonResponse({"status": "ok"})


def favicon(request):
    """Clients that ask /favicon.ico without reading the page's <link rel="icon"> (feed readers, bookmarks)
    get the static icon instead of a 404 logged on every visit."""
    return redirect(static("favicon.ico"), permanent=True)
