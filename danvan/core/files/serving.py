"""Responses that send a stored file: by Django, or by the proxy after the check (nginx, X-Sendfile)."""

from __future__ import annotations

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
    """``attachment; filename="ascii"; filename*=UTF-8''…`` (RFC 6266/5987): a readable ASCII name (the
    words without diacritics, joined by hyphens: "bien-ban-hop-dot-1.docx") and the user's own name,
    percent-encoded, for browsers that read it. Names the product makes come from :func:`download_name`
    and are ASCII already, so both say the same."""
    kind = "inline" if inline else "attachment"
    if not filename:
        return kind
    fallback = _ascii_fallback(filename)
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


MAX_PART = 60  # characters of one part of a made name: a call's whole title would make an unwieldy file name


def slug_part(text: str, *, limit: int = MAX_PART) -> str:
    """ "Đăng ký mô hình «Dân vận khéo»" -> "dang-ky-mo-hinh-dan-van-kheo", cut at a word under ``limit``."""
    from danvan.lib import vntext

    words = vntext.fold(text).split()
    out: list[str] = []
    for word in words:
        if out and len("-".join([*out, word])) > limit:
            break
        out.append(word[:limit])
    return "-".join(out)


def download_name(*parts: object, ext: str) -> str:
    """The name a made file is offered under: each part slugged, parts joined by "_", never a random
    suffix: download_name("Bảng tổng hợp", "Đăng ký mô hình", 2023, ext="xlsx") ->
    "bang-tong-hop_dang-ky-mo-hinh_2023.xlsx". Empty parts are left out."""
    stems = [slug_part(str(part)) for part in parts if part not in (None, "")]
    stem = "_".join(s for s in stems if s) or "tep"
    return f"{stem}.{ext.lstrip('.').lower()}" if ext else stem


def _ascii_fallback(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot or not ext.isalnum() or len(ext) > 5:
        stem, ext = name, ""
    parts = [slug_part(part, limit=120) for part in stem.split("_")]
    cleaned = "_".join(p for p in parts if p) or "tep"
    return f"{cleaned}.{ext.lower()}" if ext else cleaned


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
