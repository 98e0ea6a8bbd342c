"""The two pages with no data: the about page and the health probe."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render


@login_required
def about(request):
    """A trivial page of the app (base layout only): the floor the benchmarks compare pages with."""
    return render(request, "site/about.html")


def healthz(request):
    return JsonResponse({"status": "ok"})
