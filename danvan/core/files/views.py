"""The one door to stored files: scope (404), capability (403), then the bytes."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from danvan.core.files import naming, serving
from danvan.core.files.registry import FileKind, get_kind
from danvan.core.files.storing import ensure_thumbnail


def _kind_or_404(name: str) -> FileKind:
    kind = get_kind(name)
    if kind is None:
        raise Http404
    return kind


@require_safe
def download(request, kind, pk):
    return serve(request, kind, pk)


@require_safe
def thumbnail(request, kind, pk):
    return serve(request, kind, pk, thumbnail=True)


@require_safe
def public(request, kind, pk):
    return serve(request, kind, pk, public=True)


@require_safe
def public_thumbnail(request, kind, pk):
    return serve(request, kind, pk, public=True, thumbnail=True)


def serve(request, kind_name: str, pk, *, thumbnail: bool = False, public: bool = False):
    """Serve the file of row ``pk`` of kind ``kind_name`` to ``request.user`` (also called by the apps'
    older download addresses, so every address runs the same checks)."""
    kind = _kind_or_404(kind_name)
    if public:
        if kind.public_rows is None:
            raise Http404
        row = get_object_or_404(kind.public_rows(), pk=pk)
    else:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        row = get_object_or_404(kind.rows(request.user), pk=pk)
        if not kind.allowed(request.user, row):
            raise PermissionDenied
    fieldfile = kind.fieldfile(row)
    if not fieldfile:
        raise Http404
    name = fieldfile.name
    content_type = naming.served_type(name)
    image = kind.is_image(row) and content_type in naming.INLINE_TYPES
    if public and not image:
        raise Http404  # the public sees pictures, never documents
    filename = kind.download_name(row)
    if thumbnail:
        if not image:
            raise Http404
        name = ensure_thumbnail(fieldfile.storage, name)
        if name is None:
            raise Http404
        content_type = "image/jpeg"
        filename = ""
    elif content_type in naming.INLINE_TYPES and not image:
        content_type = naming.FALLBACK_TYPE  # a picture stored as a document is only a download
    # Public pictures may sit in shared caches a short while (a picture made private again must not live
    # long there); everything else is private to the browser that asked.
    cache = "public, max-age=300" if public else "private, max-age=0, no-store"
    return serving.send(
        fieldfile.storage, name, content_type=content_type, inline=image, filename=filename, cache=cache
    )
