"""Data stamps move after a commit, once per transaction however many rows it writes, never for a write
that is rolled back, and at once outside a transaction."""

from collections import defaultdict

import pytest
from django.db import transaction

from danvan.core import stamps
from danvan.core.stamps import _Pending
from danvan.org.models import Unit, UnitKind
from danvan.testing.factories import UnitFactory

NAME = "test-figures"


@pytest.fixture
def only_this_stamp(monkeypatch):
    """Only the test's stamp is tracked while it runs (the site's own tracking comes back after)."""
    monkeypatch.setattr(stamps, "_NAMES_OF", defaultdict(set))


@pytest.fixture
def tracked(only_this_stamp):
    stamps.track(NAME, Unit)


def test_one_move_per_transaction_after_it_commits(db, tracked, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            UnitFactory.create_batch(3)
            stamps.touched(Unit)  # a bulk write in the same transaction joins the same move
        assert stamps.version(NAME) == 0  # nothing before the commit
    pending = [c for c in callbacks if isinstance(c, _Pending)]
    assert len(pending) == 1 and pending[0].names == {NAME}
    pending[0]()
    assert stamps.version(NAME) == 1


def test_a_rolled_back_write_moves_nothing(db, tracked, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                UnitFactory()
                raise RuntimeError("refused")
        except RuntimeError:
            pass
    assert not [c for c in callbacks if isinstance(c, _Pending)]
    assert stamps.version(NAME) == 0


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_each_write_moves_the_stamp_at_once(only_this_stamp):
    stamps.track(NAME, UnitKind)
    UnitKind.objects.create(code="thu-nghiem", name="Loại thử")
    assert stamps.version(NAME) == 1
    stamps.touched(UnitKind)
    assert stamps.version(NAME) == 2
    stamps.touched(Unit)  # not tracked by this stamp here: nothing moves
    assert stamps.version(NAME) == 2
