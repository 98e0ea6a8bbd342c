"""Responses that send a stored file: by Django, or by the proxy after the check (nginx, X-Sendfile)."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase

SERVERS = ("django", "nginx", "sendfile")


def server() -> str:
    value = getattr(settings, "PROTECTED_MEDIA_SERVER", "django")
    if value not in SERVERS:
        raise ImproperlyConfigured(f"PROTECTED_MEDIA_SERVER must be one of {SERVERS}, not {value!r}")
    return value


def content_disposition(*, inline: bool, filename: str) -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''…`` (RFC 6266/5987): an ASCII fallback and the
    user's own name, percent-encoded, for browsers that read it."""
    kind = "inline" if inline else "attachment"
    if not filename:
        return kind
    fallback = _ascii_fallback(filename)
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _ascii_fallback(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(ch for ch in folded if ord(ch) < 128 and not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isalnum() or ch in " ._-()" else "_" for ch in ascii_only).strip()
    return cleaned or "tep"


def send(
    storage, name: str, *, content_type: str, inline: bool, filename: str, cache: str
) -> HttpResponseBase:
    """The response for a stored file that passed every check: the bytes (a FileResponse) or, behind a
    proxy, an empty response telling the proxy which file to send."""
    mode = server()
    response: HttpResponseBase
    if mode == "django":
        try:
            handle = storage.open(name, "rb")
        except (FileNotFoundError, OSError) as exc:
            raise Http404 from exc
        response = FileResponse(handle, content_type=content_type)
    elif mode == "nginx":
        response = HttpResponse(content_type=content_type)
        prefix = getattr(settings, "PROTECTED_MEDIA_NGINX_PREFIX", "/protected-media/").rstrip("/")
        response["X-Accel-Redirect"] = f"{prefix}/{quote(name)}"
    else:
        try:
            path = storage.path(name)
        except NotImplementedError as exc:
            raise ImproperlyConfigured(
                "PROTECTED_MEDIA_SERVER='sendfile' needs files on a local disk"
            ) from exc
        response = HttpResponse(content_type=content_type)
        response["X-Sendfile"] = path
    response["Content-Disposition"] = content_disposition(inline=inline, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = cache
    # A file is never a page: no script, no frames, even if a browser were talked into rendering it.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
