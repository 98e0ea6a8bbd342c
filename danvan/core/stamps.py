"""Data stamps: figures that are costly to compute (the leaders' dashboard over a whole country) are kept
until the rows they come from change, and no longer.

A page declares once which models its figures read (``track("dashboard", CallTarget, Submission, ...)``,
from its app's ``ready``). Every save or delete of one of those rows, through any path that sends Django's
signals, moves the stamp on after the transaction commits; a write that sends none (``bulk_create``,
``QuerySet.update``) calls ``touched(Model)``. A page keeps its figures under the stamp's current version
(``version(name)``, one indexed read), so a figure kept before a change is never found after it.

Moving the stamp after the commit, not inside the transaction: the row is then not locked while the
transaction runs (every submission in the country writes the same stamp), and a page computed between the
commit and the move is recomputed once more, never served stale. In a test's atomic block the stamp does not
move (``on_commit`` never runs there); the dashboard's tests that keep figures commit their writes.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from danvan.core.models import DataStamp

_NAMES_OF: dict[type[models.Model], set[str]] = defaultdict(set)


def track(name: str, *watched: type[models.Model]) -> None:
    """The stamp ``name`` moves on after each committed save or delete of a row of ``watched``."""
    for model in watched:
        _NAMES_OF[model].add(name)
        for signal in (post_save, post_delete):
            signal.connect(_changed, sender=model, weak=False, dispatch_uid=f"stamps:{model._meta.label}")


def touched(*changed: type[models.Model]) -> None:
    """Rows of ``changed`` were written without signals (bulk_create, update): move their stamps on."""
    names = set().union(*(_NAMES_OF.get(model, set()) for model in changed))
    if names:
        _move_on_commit(names)


def version(name: str) -> int:
    return DataStamp.objects.filter(name=name).values_list("version", flat=True).first() or 0


def _changed(sender, **kwargs) -> None:
    names = _NAMES_OF.get(sender)
    if names:
        _move_on_commit(names)


class _Pending:
    """The stamps to move when the current transaction commits: one callback a transaction, however many
    rows it writes."""

    def __init__(self) -> None:
        self.names: set[str] = set()

    def __call__(self) -> None:
        move(*self.names)


def _move_on_commit(names: set[str]) -> None:
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        move(*names)
        return
    for _sids, callback, *_rest in connection.run_on_commit:
        if isinstance(callback, _Pending):
            callback.names |= names
            return
    pending = _Pending()
    pending.names |= names
    transaction.on_commit(pending)


def move(*names: str) -> None:
    """Move the stamps on now (one UPDATE each; the first move of a name creates its row)."""
    for name in sorted(names):
        if _bump(name):
            continue
        try:
            with transaction.atomic():
                DataStamp.objects.create(name=name, version=1)
        except IntegrityError:  # created meanwhile by another process: move that row
            _bump(name)


def _bump(name: str) -> int:
    return DataStamp.objects.filter(name=name).update(version=F("version") + 1, changed_at=timezone.now())
