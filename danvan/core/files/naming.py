"""Random stored names, and what a stored name may say about its content (extension whitelist)."""

from __future__ import annotations

import posixpath
import uuid
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.deconstruct import deconstructible

from danvan.lib.uploads import images
from danvan.lib.uploads.inspector import CONTENT_TYPES

# Stored extension -> content type it is served with. Anything else (old files stored under the user's
# own name, "x.html", "a.svg") is served as application/octet-stream, as an attachment.
SERVED_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".docx": CONTENT_TYPES["docx"],
    ".xlsx": CONTENT_TYPES["xlsx"],
    ".pdf": CONTENT_TYPES["pdf"],
}
INLINE_TYPES = frozenset({*images.CONTENT_TYPES.values(), "image/gif"})
FALLBACK_TYPE = "application/octet-stream"
THUMBNAIL_SUFFIX = ".thumb.jpg"


def extension_of(name: str) -> str:
    """The extension of a stored name if it is one the product writes, else ""."""
    ext = posixpath.splitext(name or "")[1].lower()
    return ext if ext in SERVED_TYPES else ""


def served_type(name: str) -> str:
    return SERVED_TYPES.get(extension_of(name), FALLBACK_TYPE)


def thumbnail_name(name: str) -> str:
    """The thumbnail stored beside a picture: ``a/b/<stem>.thumb.jpg``."""
    return posixpath.splitext(name)[0] + THUMBNAIL_SUFFIX


@deconstructible
class RandomName:
    """``upload_to`` giving ``<prefix>/<yyyy>/<mm>/<uuid4 hex><ext>``: nothing of the user's name is kept in
    the path; the extension survives only when it is one the product writes (see :func:`store`)."""

    def __init__(self, prefix: str):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename: str) -> str:
        return f"{self.prefix}/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension_of(filename)}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.prefix == self.prefix

    def __hash__(self) -> int:
        return hash(("RandomName", self.prefix))

    if TYPE_CHECKING:  # @deconstructible adds it at run time; migrations call it

        def deconstruct(self) -> tuple[str, tuple[Any, ...], dict[str, Any]]: ...
