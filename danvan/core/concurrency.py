"""Optimistic concurrency for edit forms: a stale form is refused, never silently overwritten."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from .errors import StaleEdit

if TYPE_CHECKING:  # models imports this module, so the name is for the checker only
    from .models import Versioned


def save_if_current(obj: Versioned, *, expected_version: int | None) -> None:
    """Save obj if the stored row still has expected_version; bump the version. Call inside atomic()."""
    assert transaction.get_connection().in_atomic_block, "save_if_current must run inside atomic()"
    if obj.pk is None:
        obj.version = 1
        obj.save()
        return
    # Every versioned model has one manager (`objects`), so the default manager is that one.
    stored = type(obj)._default_manager.select_for_update().only("version").get(pk=obj.pk).version
    if expected_version is not None and stored != expected_version:
        raise StaleEdit(obj)
    obj.version = stored + 1
    obj.save()
