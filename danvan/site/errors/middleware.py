"""Our Vietnamese 404 page also when DEBUG is on (`make run`).

With DEBUG, Django answers a 404 with its English technical page and never calls handler404. This
middleware, active only with DEBUG and unless DANVAN_TECHNICAL_404 is set (for a developer who wants the
URL patterns listed), answers a view's Http404 and an address that matches no URL with the same page
handler404 serves in production. With DEBUG off it is a no-op: Django already calls handler404.
"""

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.http import Http404

from .views import not_found


class VietnameseNotFoundMiddleware:
    def __init__(self, get_response):
        if not settings.DEBUG or getattr(settings, "DANVAN_TECHNICAL_404", False):
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # No resolver match: the address matched no URL (Django built its technical page for it).
        if response.status_code == 404 and getattr(request, "resolver_match", None) is None:
            return not_found(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return not_found(request, exception)
        return None
