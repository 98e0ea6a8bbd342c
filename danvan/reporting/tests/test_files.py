"""Consolidated files are reached only through the file door, by those who manage the call."""

from django.test import TestCase
from django.urls import reverse

from danvan.reporting.models import ConsolidationJob
from danvan.reporting.services import consolidation
from danvan.testing.files import assert_guarded, assert_served

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_consolidated_table_is_served_only_to_the_calls_managers(cast, login, call):
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = consolidation.consolidation_request(
            call=call, actor=cast.province_officer, kind="xlsx", accepted_only=False
        )
    job.refresh_from_db()
    assert job.status == ConsolidationJob.Status.DONE
    assert job.original_name.endswith(".xlsx") and job.original_name not in job.file.name
    url = reverse("files:download", args=["consolidation", job.pk])
    # The wards see the call (they were asked) but do not manage it; a team under a ward does not see it.
    assert_guarded(
        url, login=login, out_of_scope=[cast.team_leader], no_capability=[cast.ward_officer, cast.outsider]
    )
    assert_served(
        url,
        client=login(cast.province_officer),
        stored_name=job.file.name,
        content_type=XLSX,
        filename=job.original_name,
    )
    old_address = reverse("reporting:job_download", args=[job.pk])
    assert login(cast.ward_officer).get(old_address).status_code == 403
    assert login(cast.province_officer).get(old_address).status_code == 200
