"""The dashboard keeps a node's drawn figures until the data under them changes: a committed write to any
row they read (through a service, a factory, a bulk insert) shows on the next request; nothing else is
recomputed. The writes here commit their on_commit callbacks, as a real request's transaction does."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core import stamps
from danvan.reporting.models import Submission
from danvan.site.dashboard import kept

from .test_dashboard import YEAR, answer, call, month

PAGE = reverse("core:dashboard")
ASK = {"year": YEAR, "kind": "month"}


@pytest.fixture
def keeping(settings):
    settings.DASHBOARD_KEEP_SECONDS = 600
    cache.clear()  # the in-memory cache outlives a test; the stamp's row does not
    yield
    cache.clear()


def rate(client) -> str:
    html = client.get(PAGE, ASK).content.decode()
    start = html.index('data-testid="dash-rate">') + len('data-testid="dash-rate">')
    return html[start : html.index("<", start)]


@pytest.mark.django_db(transaction=True)
def test_the_kept_page_is_served_until_a_committed_write_changes_what_it_counts(year, login, keeping):
    c = year
    client = login(c.province_officer)
    assert rate(client) == "86%"
    with CaptureQueriesContext(connection) as kept_request:
        assert rate(client) == "86%"
    assert not any("reporting_calltarget" in q["sql"] for q in kept_request.captured_queries)

    april = call(c.province, [c.ward, c.other_ward], period=month(4), due=datetime.date(2025, 5, 5))
    assert rate(client) == "67%"  # two more due, none sent: 6 of 9
    answer(april, c.ward, Submission.Status.SUBMITTED)
    assert rate(client) == "78%"


def test_a_write_that_is_not_committed_leaves_the_kept_page(year, login, keeping):
    """Inside the test's transaction nothing commits: the stamp stays, so the page kept before is served —
    the proof that it is kept at all, and that only a commit moves it on."""
    c = year
    client = login(c.province_officer)
    assert rate(client) == "86%"
    call(c.province, [c.ward, c.other_ward], period=month(4), due=datetime.date(2025, 5, 5))
    assert rate(client) == "86%"
    kept.track()  # idempotent: tracking twice moves the stamp once per commit
    stamps.move(kept.STAMP)
    assert rate(client) == "67%"


def test_each_user_keeps_their_own_programme_and_every_node_its_own_figures(year, login, keeping):
    c = year
    province_page = login(c.province_officer).get(PAGE, ASK).content.decode()
    ward_page = login(c.ward_officer).get(PAGE, ASK).content.decode()
    assert province_page != ward_page
    assert f"Tổng quan năm {YEAR}: {c.province.name}" in province_page
    assert f"Tổng quan năm {YEAR}: {c.ward.name}" in ward_page
    admin = login(c.admin)
    ward_url = reverse("core:dashboard_unit", args=[c.ward.pk])
    assert f"Tổng quan năm {YEAR}: {c.ward.name}" in admin.get(ward_url, ASK).content.decode()


def test_the_day_and_the_language_are_part_of_what_is_kept(year):
    """A report not sent turns from 'not yet due' to 'missing' at midnight without any write."""
    from django.utils import translation

    from danvan.lib.periods import PeriodKind

    node = kept.Node(unit=year.province, roots=[year.province])
    today = datetime.date(2026, 12, 3)
    key = kept._key(node, YEAR, PeriodKind.MONTH, None, today, None)
    assert key != kept._key(node, YEAR, PeriodKind.MONTH, None, today + datetime.timedelta(days=1), None)
    assert key != kept._key(node, YEAR, PeriodKind.QUARTER, None, today, None)
    assert key != kept._key(node, YEAR, PeriodKind.MONTH, None, today, year.admin.pk)
    with translation.override("en"):
        assert key != kept._key(node, YEAR, PeriodKind.MONTH, None, today, None)
