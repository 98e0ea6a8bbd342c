"""What a unit sent is frozen: the sent revision is what every report reads; only a return reopens it."""

import datetime
import zipfile

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from danvan.core.errors import ServiceError, StaleEdit
from danvan.reporting import selectors, services
from danvan.reporting.models import ConsolidationJob, Submission, SubmissionVersion

from .conftest import row_for


@pytest.fixture(autouse=True)
def before_the_deadline(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2023, 9, 20))


def send(cast, registration, submission, *names):
    rows = [row_for(registration, ten=name, thoi="tháng 9/2023") for name in names]
    submission = services.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, rows=rows
    )
    return services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)


def names(rows, registration):
    key = str(registration.fields.get(label="Tên nội dung, hoạt động").pk)
    return [row[key] for row in rows]


def test_a_sent_submission_refuses_a_draft_edit_and_keeps_its_rows(cast, call, registration):
    submission = send(cast, registration, services.submission_for(call=call, unit=cast.ward), "Tọa đàm")
    with pytest.raises(ServiceError) as error:
        services.submission_save_draft(
            submission=submission,
            actor=cast.ward_officer,
            expected_version=submission.version,
            rows=[row_for(registration, ten="Sửa lén", thoi="tháng 9/2023")],
        )
    assert "đã gửi tới Ban" in error.value.message
    stored = Submission.objects.get(pk=submission.pk)
    assert names(stored.rows, registration) == ["Tọa đàm"]
    assert stored.sent.revision == 1 and names(stored.sent.rows, registration) == ["Tọa đàm"]


def test_an_accepted_submission_stays_refused_too(cast, call, registration):
    submission = send(cast, registration, services.submission_for(call=call, unit=cast.ward), "Tọa đàm")
    services.submission_accept(submission=submission, actor=cast.province_officer)
    with pytest.raises(ServiceError, match="tiếp nhận"):
        services.submission_save_draft(
            submission=submission, actor=cast.ward_officer, expected_version=None, rows=[]
        )


def test_a_stale_page_is_told_it_is_out_of_date_before_anything_else(cast, call, registration):
    submission = services.submission_for(call=call, unit=cast.ward)
    read_at = submission.version
    send(cast, registration, submission, "Tọa đàm")
    with pytest.raises(StaleEdit):
        services.submission_save_draft(
            submission=submission, actor=cast.ward_officer, expected_version=read_at, rows=[]
        )


def test_an_upload_into_a_sent_submission_is_refused(cast, call, registration):
    from django.core.files.uploadedfile import SimpleUploadedFile

    submission = send(cast, registration, services.submission_for(call=call, unit=cast.ward), "Tọa đàm")
    with pytest.raises(ServiceError, match="đã gửi tới Ban"):
        services.upload_preview(
            submission=submission,
            actor=cast.ward_officer,
            upload=SimpleUploadedFile("a.xlsx", b"PK"),
            max_bytes=1_000_000,
        )


def test_return_reopens_and_the_reports_read_the_sent_revision_until_it_is_sent_again(
    cast, call, registration
):
    submission = send(cast, registration, services.submission_for(call=call, unit=cast.ward), "Lần một")
    services.submission_return(submission=submission, actor=cast.province_officer, comment="Thiếu")
    submission = services.submission_save_draft(
        submission=submission,
        actor=cast.ward_officer,
        expected_version=None,
        rows=[row_for(registration, ten="Lần hai", thoi="tháng 9/2023")],
    )
    # Returned and being corrected: not counted anywhere.
    assert list(selectors.answers_for(call, accepted_only=False)) == []
    submission = services.submission_submit(
        submission=submission, actor=cast.ward_officer, expected_version=None
    )
    assert submission.revision == 2 and submission.sent.revision == 2
    assert [v.revision for v in submission.versions.all()] == [2, 1]
    groups = list(selectors.unit_groups(call, accepted_only=False))
    assert [names(g.rows, registration) for g in groups] == [["Lần hai"]]


def test_consolidation_and_the_figures_read_the_frozen_rows_not_the_live_ones(cast, call, registration):
    submission = send(cast, registration, services.submission_for(call=call, unit=cast.ward), "Đã gửi")
    # The live rows changed behind the service's back (as the old draft edit did): reports must not see it.
    Submission.objects.filter(pk=submission.pk).update(rows=[{"x": "sửa lén"}, {"x": "sửa lén"}])
    groups = list(selectors.unit_groups(call, accepted_only=False))
    assert [names(g.rows, registration) for g in groups] == [["Đã gửi"]]
    assert selectors.call_figures(call).activities_total == 1
    with TestCase.captureOnCommitCallbacks(execute=True):
        job = services.consolidation_request(
            call=call, actor=cast.province_officer, kind="xlsx", accepted_only=False
        )
    job.refresh_from_db()
    assert job.status == ConsolidationJob.Status.DONE
    with zipfile.ZipFile(job.file.open("rb")) as archive:
        text = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xml"))
    assert "Đã gửi" in text and "sửa lén" not in text


def test_the_sent_page_is_read_only_and_the_reviewer_gets_no_edit_controls(cast, login, call, registration):
    submission = services.submission_for(call=call, unit=cast.ward)
    draft_page = login(cast.ward_officer).get(submission.get_absolute_url()).content.decode()
    assert 'id="submission-form"' in draft_page
    assert reverse("reporting:submission_upload", args=[submission.pk]) in draft_page
    # The Ban's officer may edit in the ward's subtree but reviews: it never gets the unit's form.
    assert (
        'id="submission-form"'
        not in login(cast.province_officer).get(submission.get_absolute_url()).content.decode()
    )
    send(cast, registration, submission, "Tọa đàm")
    for user in (cast.ward_officer, cast.province_officer):
        page = login(user).get(submission.get_absolute_url()).content.decode()
        assert 'id="submission-form"' not in page and 'data-testid="rows-view"' in page
        assert reverse("reporting:submission_upload", args=[submission.pk]) not in page
        assert "Tọa đàm" in page


def test_posting_to_a_sent_submission_changes_nothing(cast, login, call, registration):
    submission = send(cast, registration, services.submission_for(call=call, unit=cast.ward), "Tọa đàm")
    field = str(registration.fields.get(label="Tên nội dung, hoạt động").pk)
    client = login(cast.ward_officer)
    response = client.post(
        submission.get_absolute_url(),
        {"version": submission.version, f"row-0-{field}": "Sửa lén"},
        follow=True,
    )
    assert "đã gửi tới Ban" in response.content.decode()
    stored = Submission.objects.get(pk=submission.pk)
    assert names(stored.rows, registration) == ["Tọa đàm"] and stored.revision == 1
    assert SubmissionVersion.objects.filter(submission=submission).count() == 1
