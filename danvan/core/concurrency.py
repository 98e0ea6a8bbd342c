"""Optimistic concurrency for edit forms: a stale form is refused, never silently overwritten."""

from django.db import models, transaction

from .errors import StaleEdit


def save_if_current(obj: models.Model, *, expected_version: int | None) -> None:
    """Save obj if the stored row still has expected_version; bump the version. Call inside atomic()."""
    assert transaction.get_connection().in_atomic_block, "save_if_current must run inside atomic()"
    if obj.pk is None:
        obj.version = 1
        obj.save()
        return
    stored = type(obj).objects.select_for_update().only("version").get(pk=obj.pk).version
    if expected_version is not None and stored != expected_version:
        raise StaleEdit(obj)
    obj.version = stored + 1
    obj.save()
