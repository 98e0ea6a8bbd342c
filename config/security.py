"""Production safety the settings rely on: the secret key check, the client address behind trusted proxies
(what login lockout counts) and the Content-Security-Policy header."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Keys that are public (in this repository or in Django's own templates) and so protect nothing.
KNOWN_WEAK_KEYS = frozenset(
    {"dev-only-insecure-key-change-me", "test-only", "changeme", "change-me", "secret"}
)
# The same bar as Django's deploy check (security.W009), so a key that starts the process passes it.
MIN_KEY_LENGTH = 50
MIN_KEY_UNIQUE_CHARACTERS = 5
KEY_HELP = (
    'tạo một khóa ngẫu nhiên bằng: python -c "import secrets; print(secrets.token_urlsafe(50))" rồi đặt vào '
    "biến môi trường SECRET_KEY (giữ bí mật, không đưa vào mã nguồn)."
)


def require_strong_secret_key(key: str) -> None:
    """Refuse to start (ImproperlyConfigured) with a missing, known or weak SECRET_KEY outside DEBUG."""
    if not key:
        raise ImproperlyConfigured(
            "Chưa đặt SECRET_KEY: khi tắt DEBUG, hệ thống không khởi động khi thiếu khóa bí mật; " + KEY_HELP
        )
    if (
        key in KNOWN_WEAK_KEYS
        or key.startswith("django-insecure")
        or len(key) < MIN_KEY_LENGTH
        or len(set(key)) < MIN_KEY_UNIQUE_CHARACTERS
    ):
        raise ImproperlyConfigured(
            f"SECRET_KEY quá yếu hoặc là khóa mẫu công khai (cần ít nhất {MIN_KEY_LENGTH} ký tự ngẫu nhiên); "
            + KEY_HELP
        )


def client_ip(request) -> str | None:
    """The address of the client as the outermost trusted proxy saw it (AXES_CLIENT_IP_CALLABLE).

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so with N trusted
    proxies the client is the N-th entry from the right; anything left of it was written by the client and is
    ignored. Without trusted proxies (TRUSTED_PROXY_COUNT=0) the header is ignored and REMOTE_ADDR is used.
    """
    count = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR")
    if count <= 0:
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
    if not hops:
        return remote
    # Fewer entries than proxies: the request skipped an outer proxy; the left-most entry is the farthest
    # address a trusted proxy recorded.
    return hops[-count] if len(hops) >= count else hops[0]


class ContentSecurityPolicyMiddleware:
    """Adds settings.CONTENT_SECURITY_POLICY to every response that does not set its own (Django 5.2 has no
    built-in CSP). Scripts come only from our static files: templates have no inline script or handler."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response
