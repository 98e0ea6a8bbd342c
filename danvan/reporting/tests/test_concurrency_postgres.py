"""Two people send the same unit's form at the same moment: one version is kept, nothing is half-saved."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.reporting import selectors, services
from danvan.reporting.models import Call, Submission, SubmissionVersion
from danvan.testing.concurrency import client_for, one_wins_the_rest_are_stale, race

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


def _fields(registration):
    return {f.label.split(",")[0]: str(f.pk) for f in registration.fields.all()}


@pytest.mark.django_db(transaction=True)
def test_simultaneous_sends_from_one_page_one_wins_the_rest_are_stale(cast, call, registration):
    """Four people press "Gửi" on the same page (one version): one revision is sent, counted once."""
    submission = services.submission_for(call=call, unit=cast.ward)
    read_at = submission.version
    rows = [row_for(registration, ten="Tọa đàm", thoi="tháng 10/2026")]

    def send(i):
        mine = Submission.objects.get(pk=submission.pk)  # each request loads its own row
        saved = services.submission_save_draft(
            submission=mine, actor=cast.ward_officer, expected_version=read_at, rows=rows
        )
        return services.submission_submit(
            submission=saved, actor=cast.ward_officer, expected_version=saved.version
        )

    one_wins_the_rest_are_stale(race(4, send))
    stored = Submission.objects.get(pk=submission.pk)
    assert (stored.status, stored.revision, stored.sent.revision) == (Submission.Status.SUBMITTED, 1, 1)
    assert SubmissionVersion.objects.filter(submission=submission).count() == 1
    counts = selectors.call_counts(call)
    assert (counts["late"] + counts["on_time"], counts["sent"]) == (1, 1)
    assert len(list(selectors.unit_groups(call, accepted_only=False))) == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_sends_through_the_page_make_one_revision(cast, call, registration):
    submission = services.submission_for(call=call, unit=cast.ward)
    fields = _fields(registration)
    data = {
        "version": submission.version,
        "action": "submit",
        f"row-0-{fields['Tên nội dung']}": "Tọa đàm",
        f"row-0-{fields['Thời gian tổ chức']}": "tháng 10/2026",
    }
    responses = race(4, lambda i: client_for(cast.ward_officer).post(submission.get_absolute_url(), data))
    # One is sent (redirect); the others are shown the page again with the refusal (never a server error).
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 302], responses
    refused = [r.content.decode() for r in responses if r.status_code == 200]
    assert all("người khác sửa" in page for page in refused)
    assert SubmissionVersion.objects.filter(submission=submission).count() == 1
    assert Submission.objects.get(pk=submission.pk).revision == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_closes_of_a_call_with_one_version(cast, call):
    read_at = call.version
    outcomes = race(
        4,
        lambda i: services.call_close(
            call=Call.objects.get(pk=call.pk), actor=cast.province_officer, expected_version=read_at
        ),
    )
    one_wins_the_rest_are_stale(outcomes)
    assert Call.objects.get(pk=call.pk).version == read_at + 1


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_call_form_opens_one_call(cast, registration):
    from danvan.reporting.forms import CallForm

    token = CallForm().initial["form_token"]
    data = {
        "form_token": token,
        "owner": cast.province.pk,
        "template": registration.pk,
        "title": "Báo cáo nhanh",
        "due_date": "30/09/2026",
        "root": cast.province.pk,
        "remind_days_before": 3,
        "accept_late": "on",
    }
    responses = race(4, lambda i: client_for(cast.province_officer).post(reverse("reporting:call_new"), data))
    assert Call.objects.filter(title="Báo cáo nhanh").count() == 1
    call = Call.objects.get(title="Báo cáo nhanh")
    # Every click lands on the one call: the first made it, the others are sent to it.
    assert [r.status_code for r in responses] == [302] * 4
    assert {r["Location"] for r in responses} == {call.get_absolute_url()}
    assert call.targets.count() == Call.objects.get(pk=call.pk).targets.count() > 0


@pytest.mark.django_db(transaction=True)
def test_calls_from_a_plan_requested_twice_at_once_are_made_once(cast, committee_plan):
    targets = [cast.ward, cast.other_ward]
    outcomes = race(
        3,
        lambda i: services.calls_from_plan(actor=cast.province_officer, plan=committee_plan, targets=targets),
    )
    made = [o for o in outcomes if not isinstance(o, Exception)]
    assert len(made) == 1, outcomes
    assert all(isinstance(o, ServiceError) and "đã được tạo" in o.message for o in outcomes if o not in made)
    assert Call.objects.filter(plan=committee_plan).count() == len(made[0])
