"""Two people issue at the same moment: every plan gets its own number, with no gap (PostgreSQL only)."""

import datetime
import threading

import pytest
from django.db import connection, connections

from danvan.plans import services
from danvan.plans.models import Plan

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_concurrent_issuing_never_repeats_or_skips_a_number(cast, committee):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL (SQLite serialises writers)")
    from danvan.plans.tests.conftest import sample_document

    drafts = [
        services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=sample_document())
        for _ in range(8)
    ]
    barrier = threading.Barrier(len(drafts))
    errors = []

    def issue(plan):
        try:
            barrier.wait()
            services.plan_issue(plan=plan, actor=cast.province_officer, issued_on=datetime.date(2024, 5, 1))
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue, args=(plan,)) for plan in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Plan.objects.filter(status=Plan.Status.ISSUED).values_list("number", flat=True))
    assert numbers == list(range(1, len(drafts) + 1))
