"""Races for the PostgreSQL tests: n threads, each on its own database connection, released together."""

import threading
from collections.abc import Callable

from django.db import connections

from danvan.core.errors import ServiceError, StaleEdit


def race(n: int, action: Callable[[int], object]) -> list:
    """Run action(i) for i in 0..n-1 at the same moment (a barrier); each outcome is the result or the
    exception raised. Django's connections are per thread, so each runner has its own connection (and
    transaction); every one is closed before the thread ends."""
    barrier = threading.Barrier(n)
    outcomes: list = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait()
            outcomes[i] = action(i)
        except Exception as error:  # the outcome is what the test looks at, refusals and crashes alike
            outcomes[i] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def winners(outcomes: list) -> list:
    return [o for o in outcomes if not isinstance(o, Exception)]


def one_wins_the_rest_are_stale(outcomes: list) -> None:
    """Exactly one edit went through; every other one was refused as stale (no crash, no other refusal)."""
    assert len(winners(outcomes)) == 1, outcomes
    assert all(isinstance(o, StaleEdit) for o in outcomes if isinstance(o, Exception)), outcomes
    assert all(isinstance(o, ServiceError) or not isinstance(o, Exception) for o in outcomes)


def client_for(user):
    """A logged-in test client, made inside the thread that uses it."""
    from django.test import Client

    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client
