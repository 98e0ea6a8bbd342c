import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from danvan.core.errors import ServiceError
from danvan.notifications.models import Notice
from danvan.reporting import selectors, services
from danvan.reporting.models import Submission, SubmissionVersion
from danvan.testing.factories import kind

from .conftest import row_for


def fill(submission, template, actor, n=2):
    rows = [row_for(template, ten=f"Hoạt động {i}", thoi=f"tháng {9}/2023") for i in range(1, n + 1)]
    return services.submission_save_draft(
        submission=submission, actor=actor, expected_version=None, rows=rows
    )


def test_targets_are_chosen_by_subtree_and_kind(cast):
    wards = selectors.resolve_targets(
        actor=cast.province_officer, roots=[cast.province], kinds=[kind("ward")]
    )
    assert wards == [cast.ward, cast.other_ward]
    everything = selectors.resolve_targets(actor=cast.ward_officer, roots=[cast.province])
    assert cast.other_ward not in everything  # the ward officer sees only their ward


def test_a_unit_fills_and_submits_and_a_version_is_kept(cast, call, registration, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2023, 9, 20))
    submission = services.submission_for(call=call, unit=cast.ward)
    submission = fill(submission, registration, cast.ward_officer)
    submission = services.submission_submit(
        submission=submission, actor=cast.ward_officer, expected_version=None
    )
    assert submission.status == Submission.Status.SUBMITTED and not submission.is_late
    assert SubmissionVersion.objects.get(submission=submission).rows == submission.rows


def test_a_late_submission_is_accepted_and_marked_late(cast, call, registration, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2023, 10, 2))
    submission = fill(services.submission_for(call=call, unit=cast.ward), registration, cast.ward_officer)
    submission = services.submission_submit(
        submission=submission, actor=cast.ward_officer, expected_version=None
    )
    assert submission.is_late
    assert selectors.call_counts(call)["late"] == 1


def test_a_late_submission_is_refused_when_the_call_says_so(cast, call, registration, monkeypatch):
    call.accept_late = False
    call.save()
    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date(2023, 10, 2))
    submission = fill(services.submission_for(call=call, unit=cast.ward), registration, cast.ward_officer)
    with pytest.raises(ServiceError) as error:
        services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    assert "quá hạn" in error.value.message


def test_required_columns_must_be_filled_before_sending(cast, call, registration):
    submission = services.submission_for(call=call, unit=cast.ward)
    services.submission_save_draft(
        submission=submission,
        actor=cast.ward_officer,
        expected_version=None,
        rows=[row_for(registration, ten="Chỉ có tên")],
    )
    with pytest.raises(ServiceError) as error:
        services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    assert "Thời gian" in error.value.message


def test_a_closed_call_refuses_new_work_with_a_clear_message(cast, call, registration):
    submission = services.submission_for(call=call, unit=cast.ward)
    services.call_close(call=call, actor=cast.province_officer)
    with pytest.raises(ServiceError) as error:
        fill(submission, registration, cast.ward_officer)
    assert "đã đóng" in error.value.message


def test_returned_work_is_revised_and_resubmitted_keeping_every_version(cast, call, registration):
    submission = fill(services.submission_for(call=call, unit=cast.ward), registration, cast.ward_officer)
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    services.submission_return(
        submission=submission, actor=cast.province_officer, comment="Bổ sung thời gian."
    )
    assert Notice.objects.filter(title__startswith="Bản gửi bị trả lại").exists()
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RETURNED
    fill(submission, registration, cast.ward_officer, n=3)
    submission.refresh_from_db()
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    assert list(submission.versions.values_list("revision", flat=True)) == [2, 1]
    services.submission_accept(submission=submission, actor=cast.province_officer)
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.ACCEPTED


def test_a_return_needs_a_reason(cast, call, registration):
    submission = fill(services.submission_for(call=call, unit=cast.ward), registration, cast.ward_officer)
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    with pytest.raises(ServiceError):
        services.submission_return(submission=submission, actor=cast.province_officer, comment="  ")


def test_a_unit_cannot_review_and_another_ward_cannot_fill(cast, call, registration):
    submission = fill(services.submission_for(call=call, unit=cast.ward), registration, cast.ward_officer)
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    with pytest.raises(PermissionDenied):
        services.submission_accept(submission=submission, actor=cast.ward_officer)
    other = services.submission_for(call=call, unit=cast.other_ward)
    with pytest.raises(PermissionDenied):
        fill(other, registration, cast.ward_officer)


def test_a_stale_draft_save_is_refused(cast, call, registration):
    submission = services.submission_for(call=call, unit=cast.ward)
    first = submission.version
    fill(Submission.objects.get(pk=submission.pk), registration, cast.ward_officer)
    from danvan.core.errors import StaleEdit

    with pytest.raises(StaleEdit):
        services.submission_save_draft(
            submission=Submission.objects.get(pk=submission.pk),
            actor=cast.ward_officer,
            expected_version=first,
            rows=[],
        )


def test_reminders_go_to_units_that_have_not_sent(cast, call, registration):
    from danvan.notifications.models import Notice

    cast.other_ward.email = "bacha@example.vn"
    cast.other_ward.save()
    submission = fill(services.submission_for(call=call, unit=cast.ward), registration, cast.ward_officer)
    services.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    with pytest.raises(PermissionDenied):
        services.send_reminders(call=call, actor=cast.ward_officer)
    mail.outbox.clear()
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        reminded = services.send_reminders(call=call, actor=cast.province_officer)
    assert reminded == 2  # other ward and agency; the ward has sent
    assert Notice.objects.filter(user=cast.outsider).count() == 1
    assert Notice.objects.filter(user=cast.focal_point).count() == 1
    assert not Notice.objects.filter(user=cast.ward_officer).exists()
    assert any("bacha@example.vn" in m.to for m in mail.outbox)


def test_opening_a_call_schedules_reminders_before_and_after_the_due_date(cast, registration, settings):
    from django_tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    due = timezone.localdate() + datetime.timedelta(days=10)
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        call = services.call_open(
            actor=cast.province_officer,
            owner=cast.province,
            template=registration,
            title="Báo cáo",
            due_date=due,
            targets=[cast.ward],
            remind_days_before=3,
        )
    results = task_backends["default"].results
    runs = sorted(r.task.run_after.date() for r in results)
    assert runs == [due - datetime.timedelta(days=3), due + datetime.timedelta(days=1)]
    assert all(r.args[0] == call.pk for r in results)


def test_a_stale_scheduled_reminder_does_nothing(cast, call):
    from danvan.reporting.tasks import send_call_reminders

    assert send_call_reminders.call(call.pk, "before", "2000-01-01") == 0


def test_calls_from_a_plan_use_its_deadlines_and_its_form(cast, committee_plan):
    calls = services.calls_from_plan(
        actor=cast.province_officer, plan=committee_plan, targets=[cast.ward, cast.agency]
    )
    assert [c.due_end for c in calls] == [datetime.date(2023, 9, 30), datetime.date(2023, 10, 30)]
    assert calls[0].template.layout == "table" and calls[0].template.fields.count() == 7
    assert calls[1].template.layout == "outline"
    with pytest.raises(ServiceError):
        services.calls_from_plan(actor=cast.province_officer, plan=committee_plan, targets=[cast.ward])
