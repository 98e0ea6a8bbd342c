"""Vietnamese error pages (config/urls.py names them handler400/403/404/500); the 400 and 500 pages render
without a database or a request context (a 400 can come before the session and the user are set up)."""

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception=None):
    return HttpResponseBadRequest(loader.get_template("errors/400.html").render())


def forbidden(request, exception=None):
    return render(request, "errors/403.html", status=403)


def not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return HttpResponseServerError(loader.get_template("errors/500.html").render())
