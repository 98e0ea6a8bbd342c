"""Two people send the same unit's form at the same moment: one version is kept, nothing is half-saved."""

import threading

import pytest
from django.db import connection, connections

from danvan.core.errors import ServiceError
from danvan.reporting import services
from danvan.reporting.models import Submission, SubmissionVersion

from .conftest import row_for

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_of_one_form_count_once(cast, call, registration):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL (SQLite serialises writers)")
    submission = services.submission_for(call=call, unit=cast.ward)
    rows = [row_for(registration, ten="Tọa đàm", thoi="tháng 10/2026")]
    services.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, rows=rows
    )
    barrier = threading.Barrier(4)
    outcomes = []

    def send():
        try:
            barrier.wait()
            services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
            outcomes.append("sent")
        except ServiceError as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("sent") == 1
    assert all("đã được gửi" in o for o in outcomes if o != "sent")
    assert SubmissionVersion.objects.filter(submission=submission).count() == 1
    assert Submission.objects.get(pk=submission.pk).revision == 1
