"""The kinds of background document: each domain app registers its builders in its own ``jobs.py``.

A builder is ``build(job, out, progress) -> None``: it reads what it needs (by ``job.subject_id`` and
``job.params``), writes the file into ``out`` (a binary temporary file) and calls ``progress(done, total)``
as it goes. It raises ``JobFailed`` with a Vietnamese message for a failure the user should read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, BinaryIO

from django.utils.module_loading import autodiscover_modules

Progress = Callable[[int, int], None]
Builder = Callable[[Any, BinaryIO, Progress], None]

_BUILDERS: dict[str, Builder] = {}
_discovered = False


class JobFailed(Exception):
    """A failure the user reads (``message`` is Vietnamese): LibreOffice missing or timing out, nothing to
    print. Any other exception is shown as a generic message and logged."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def register(kind: str) -> Callable[[Builder], Builder]:
    def decorate(build: Builder) -> Builder:
        _BUILDERS[kind] = build
        return build

    return decorate


def builder(kind: str) -> Builder:
    """The builder of ``kind``; the apps' ``jobs`` modules are imported the first time (in the web process
    and in the worker alike, whichever asks first)."""
    global _discovered
    if kind not in _BUILDERS and not _discovered:
        autodiscover_modules("jobs")
        _discovered = True
    try:
        return _BUILDERS[kind]
    except KeyError:
        raise LookupError(f"unknown document job kind {kind!r}") from None
