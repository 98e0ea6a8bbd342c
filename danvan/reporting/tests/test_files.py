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


def test_every_reporting_file_is_offered_under_a_readable_name(cast, login, call):
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = consolidation.consolidation_request(
            call=call, actor=cast.province_officer, kind="xlsx", accepted_only=False
        )
    job.refresh_from_db()
    assert job.original_name == "bang-tong-hop_dang-ky-hoat-dong-thang-dan-van-2023_2023.xlsx"
    client = login(cast.province_officer)
    response = client.get(reverse("files:download", args=["consolidation", job.pk]))
    assert f'filename="{job.original_name}"' in response["Content-Disposition"]
    # A job stored before names were kept is offered under a made name, not its random stored one.
    ConsolidationJob.objects.filter(pk=job.pk).update(original_name="")
    response = client.get(reverse("files:download", args=["consolidation", job.pk]))
    assert (
        'filename="bang-tong-hop_dang-ky-hoat-dong-thang-dan-van-2023_2023.xlsx"'
        in (response["Content-Disposition"])
    )
    blank = client.get(reverse("reporting:blank_form", args=[call.pk, "xlsx"]), {"unit": cast.ward.pk})
    assert (
        'filename="bieu-mau_dang-ky-hoat-dong-huong-ung-thang-dan-van_phuong-an-binh.xlsx"'
        in blank["Content-Disposition"]
    )
    board = client.get(reverse("reporting:board"), {"call": call.pk, "format": "xlsx"})
    assert 'filename="tinh-hinh-gui_dang-ky-hoat-dong-thang-dan-van-2023_' in board["Content-Disposition"]
