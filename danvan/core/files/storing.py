"""Saving a vetted upload (or a generated document) under a random name; pictures get a thumbnail."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile

from danvan.core.files.naming import thumbnail_name
from danvan.lib.uploads import InspectedFile, make_thumbnail

log = logging.getLogger(__name__)


def store(fieldfile, inspected: InspectedFile) -> str:
    """Save the vetted bytes into ``fieldfile`` (``save=False``: the caller saves the row) under a name made
    from the vetted kind, and a thumbnail beside a picture. Returns the stored name."""
    fieldfile.save(f"file{inspected.extension}", ContentFile(inspected.data), save=False)
    if inspected.kind == "image":
        ensure_thumbnail(fieldfile.storage, fieldfile.name, data=inspected.data)
    return fieldfile.name


def ensure_thumbnail(storage, name: str, *, data: bytes | None = None) -> str | None:
    """The thumbnail's stored name, made now if missing (files stored before thumbnails existed);
    None when the stored file does not decode as a picture."""
    thumb = thumbnail_name(name)
    if storage.exists(thumb):
        return thumb
    try:
        if data is None:
            with storage.open(name, "rb") as handle:
                data = handle.read()
        small = make_thumbnail(data)
    except (OSError, ValueError) as exc:
        log.warning("no thumbnail for %s: %s", name, exc)
        return None
    return storage.save(thumb, ContentFile(small))
