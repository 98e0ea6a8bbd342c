"""What every area module shares: the run context, timing of requests and code, and the result rows."""

from __future__ import annotations

import math
import statistics
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

WARMUP = 3


@dataclass
class Context:
    """Handed to each area's ``measure(context)``."""

    scale: str
    repeat: int
    dataset: dict  # the dataset's marker info: counts, refs (ids of the reference units and users), timings
    vendor: str
    details: dict = field(default_factory=dict)  # area -> anything JSON-able, written beside the results
    _floors: dict = field(default_factory=dict)

    def user(self, place: str):
        from danvan.accounts.models import User

        return User.objects.get(pk=self.dataset["refs"]["users"][place])

    def client(self, user=None) -> Client:
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    def page_floor(self, name: str = "healthz") -> dict:
        """The trivial pages every area compares against, measured once per run (see README)."""
        if name not in self._floors:
            url = {"healthz": "/healthz", "login": "/accounts/login/"}[name]
            self._floors[name] = time_get(self.client(), url, self.repeat)
        return self._floors[name]


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(seconds: list[float]) -> dict:
    return {
        "median_ms": statistics.median(seconds) * 1000,
        "p95_ms": percentile(seconds, 0.95) * 1000,
        "n": len(seconds),
    }


def time_get(client: Client, url: str, repeat: int, *, warmup: int = WARMUP, before=None) -> dict:
    """Median and p95 of `client.get(url)` over `repeat` requests after `warmup`, and its SQL queries;
    `before()`, if given, runs untimed before each request (and the captured one).

    The queries are captured on one more request, not on the timed ones (capturing slows them down).
    """
    for _ in range(warmup):
        _get(client, url)
    seconds = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        _get(client, url)
        seconds.append(time.perf_counter() - started)
    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        _get(client, url)
    queries = [{"sql": q["sql"], "ms": float(q["time"]) * 1000} for q in captured.captured_queries]
    return {**summary(seconds), "queries": len(queries), "query_log": queries}


def _get(client: Client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return response


def time_call(function, repeat: int, *, setup=None, teardown=None) -> dict:
    """Median and p95 of `function()`, each call between `setup()` and `teardown()` (not timed)."""
    seconds = []
    for _ in range(repeat):
        state = setup() if setup else None
        try:
            started = time.perf_counter()
            function(state) if setup else function()
            seconds.append(time.perf_counter() - started)
        finally:
            if teardown:
                teardown(state)
    return summary(seconds)


def row(metric: str, value: float, unit: str, floor: float) -> dict:
    """One result; a floor of 0 counts as 1 for the ratio (a page's 3 queries against a floor of 0: 3)."""
    value, floor = round(value, 3), round(floor, 3)
    return {
        "metric": metric,
        "value": value,
        "unit": unit,
        "floor": floor,
        "ratio": round(value / (floor or 1), 2),
    }
