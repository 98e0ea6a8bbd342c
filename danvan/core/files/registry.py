"""The kinds of stored files, declared by each app in its ``files.py`` and looked up by name."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models

from danvan.core import access

_KINDS: dict[str, FileKind] = {}
_discovered = False
_lock = threading.Lock()


@dataclass(frozen=True)
class FileKind:
    """One kind of stored file.

    ``rows(user)`` is the queryset of rows the user may reach (built from the model's ``visible_to(user)``
    plus any per-object rule): a row outside it is 404. Then ``allow(user, row)`` if given, else the
    ``capability`` held on one of ``units(row)`` (the units the row is seen through), else anywhere:
    without it, 403. ``public_rows()``, when given, are the rows anyone may see; they are served only
    when they are pictures.
    """

    name: str
    model: type[models.Model]
    field: str
    rows: Callable[[object], models.QuerySet]
    capability: access.Cap | None = None
    units: Callable[[models.Model], Iterable] | None = None
    allow: Callable[[object, models.Model], bool] | None = None
    original_name: str | Callable[[models.Model], str] = ""
    image: bool | Callable[[models.Model], bool] = False
    public_rows: Callable[[], models.QuerySet] | None = None

    def allowed(self, user, row) -> bool:
        if self.allow is not None:
            return bool(self.allow(user, row))
        if self.capability is None:
            return True
        if self.units is None:
            return access.has_cap(user, self.capability)
        return any(access.has_cap(user, self.capability, unit) for unit in self.units(row) if unit)

    def is_image(self, row) -> bool:
        return bool(self.image(row)) if callable(self.image) else bool(self.image)

    def download_name(self, row) -> str:
        if callable(self.original_name):
            return self.original_name(row) or ""
        return getattr(row, self.original_name, "") if self.original_name else ""

    def fieldfile(self, row):
        return getattr(row, self.field)


def register(kind: FileKind) -> FileKind:
    existing = _KINDS.get(kind.name)
    if existing is not None and existing != kind:
        raise ValueError(f"file kind {kind.name!r} registered twice")
    _KINDS[kind.name] = kind
    return kind


def _discover() -> None:
    global _discovered
    if _discovered:
        return
    with _lock:
        if not _discovered:
            from importlib import import_module

            from django.utils.module_loading import autodiscover_modules

            autodiscover_modules("files")
            # core's own files live in a sub-package (core is an app, but its `files` is this package)
            import_module("danvan.core.jobs.files")
            _discovered = True


def get_kind(name: str) -> FileKind | None:
    _discover()
    return _KINDS.get(name)


def all_kinds() -> list[FileKind]:
    _discover()
    return list(_KINDS.values())
