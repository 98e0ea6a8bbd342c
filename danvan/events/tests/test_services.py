import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from danvan.core.errors import ServiceError
from danvan.events import selectors, services
from danvan.events.models import Event, Invitation
from danvan.testing.factories import PersonFactory


def test_a_fuzzy_time_is_kept_with_its_window(event):
    assert event.time_text == "dự kiến trung tuần tháng 12/2099"
    assert (event.time_start, event.time_end) == (
        datetime.date(2099, 12, 11),
        datetime.date(2099, 12, 20),
    )
    assert event.time_tentative and event.kind == Event.Kind.SEMINAR
    assert event.time.display() == "Dự kiến 11/12/2099 – 20/12/2099" and event.time.text == event.time_text


def test_a_time_that_does_not_exist_is_refused(cast, event):
    with pytest.raises(ServiceError) as error:
        services.event_save(
            actor=cast.province_officer,
            organiser=cast.province,
            event=event,
            title=event.title,
            time_text="31/02/2099",
        )
    assert "không tồn tại" in error.value.message


def test_seed_002_becomes_an_event_with_seven_groups_and_about_112_delegates(cast):
    from danvan.plans import services as plan_services
    from danvan.plans.parsing import parse_text

    text = (Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures" / "seed_002.txt").read_text()
    plan = plan_services.plan_create(
        actor=cast.province_officer, issuing_unit=cast.province, doc=parse_text(text)
    )
    event = services.event_from_plan(actor=cast.province_officer, plan=plan)
    assert event.expected_attendance == 112 and event.groups.count() == 7
    assert event.venue == "Phòng họp A - Hội trường thành phố Từ Sơn"
    assert event.time_tentative and event.time_start == datetime.date(2023, 9, 11)
    assert event.task is not None and "hội nghị" in event.task.title.lower()
    with pytest.raises(ServiceError):
        services.event_from_plan(actor=cast.province_officer, plan=plan)


def test_inviting_beyond_the_quota_is_refused_and_nobody_is_half_invited(cast, event, group):
    people = PersonFactory.create_batch(3, unit=cast.ward)
    with pytest.raises(ServiceError) as error:
        services.invite_people(actor=cast.province_officer, event=event, group=group, people=people)
    assert "2 suất" in error.value.message and not Invitation.objects.exists()
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=people[:2])
    assert group.invitations.count() == 2


def test_inviting_someone_twice_adds_them_once(cast, event, group):
    person = PersonFactory(unit=cast.ward)
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=[person])
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=[person])
    assert group.invitations.count() == 1


def test_a_unit_nominates_before_the_deadline_only(cast, event):
    group = services.group_save(
        actor=cast.province_officer,
        event=event,
        label="Đại diện phường",
        quota=1,
        nominating_unit=cast.ward,
        nomination_deadline=timezone.localdate(),
    )
    with pytest.raises(PermissionDenied):
        services.nominate(actor=cast.outsider, group=group, name="Người ngoài")
    services.nominate(actor=cast.ward_officer, group=group, name="Trần Văn Cử")
    with pytest.raises(ServiceError):  # the one seat is taken
        services.nominate(actor=cast.ward_officer, group=group, name="Người thứ hai")
    group.nomination_deadline = timezone.localdate() - datetime.timedelta(days=1)
    group.quota = 5
    group.save()
    with pytest.raises(ServiceError) as error:
        services.nominate(actor=cast.ward_officer, group=group, name="Quá hạn")
    assert "quá hạn" in error.value.message


def test_the_personal_link_answers_once(cast, event, group):
    invitation = services.invite_people(
        actor=cast.province_officer, event=event, group=group, people=[PersonFactory(unit=cast.ward)]
    )[0]
    answered = services.respond(token=invitation.token, answer="substituted", substitute_name="Lê Thị Thay")
    assert answered.status == Invitation.Status.SUBSTITUTED and answered.attending_name == "Lê Thị Thay"
    with pytest.raises(ServiceError) as error:
        services.respond(token=invitation.token, answer="declined")
    assert "đã được trả lời" in error.value.message
    with pytest.raises(ServiceError):
        services.respond(token="gia-mao", answer="accepted")


def test_an_expired_link_cannot_answer(cast, event, group):
    invitation = services.invite_people(
        actor=cast.province_officer, event=event, group=group, people=[PersonFactory(unit=cast.ward)]
    )[0]
    Event.objects.filter(pk=event.pk).update(time_end=datetime.date(2000, 1, 1))
    with pytest.raises(ServiceError) as error:
        services.respond(token=invitation.token, answer="accepted")
    assert "đã diễn ra" in error.value.message


def test_checking_in_twice_counts_once(cast, event, group):
    invitation = services.invite_people(
        actor=cast.province_officer, event=event, group=group, people=[PersonFactory(unit=cast.ward)]
    )[0]
    _, first = services.check_in(actor=cast.province_officer, invitation=invitation)
    _, second = services.check_in(actor=cast.province_officer, invitation=invitation)
    assert first and not second
    panel = selectors.group_panel(event)
    assert panel[0]["present"] == 1 and panel[0]["invited"] == 1


def test_walk_ins_are_checked_in_and_counted(cast, event, group):
    services.walk_in(actor=cast.province_officer, event=event, name="Khách Không Mời", group=group)
    assert selectors.group_panel(event)[0]["present"] == 1


def test_closing_marks_the_linked_task_done_and_stops_the_desk(cast, event, group):
    from danvan.plans import services as plan_services
    from danvan.plans.tests.conftest import sample_document

    plan = plan_services.plan_create(
        actor=cast.province_officer, issuing_unit=cast.province, doc=sample_document()
    )
    task = plan.tasks.first()
    Event.objects.filter(pk=event.pk).update(task=task)
    event.refresh_from_db()
    services.event_close(
        actor=cast.province_officer, event=event, minutes="Diễn biến", conclusions="Kết luận"
    )
    task.refresh_from_db()
    assert task.status == "done" and task.progress == 100
    # Through the plans service: the task's version moves and its audit trail says why.
    assert task.version == 2
    from danvan.core.models import AuditEvent

    done = AuditEvent.objects.get(verb="done", object_id=str(task.pk))
    assert done.summary.startswith("Đã tổ chức Hội nghị tọa đàm")
    with pytest.raises(ServiceError):
        services.walk_in(actor=cast.province_officer, event=event, name="Muộn")


def test_a_presentation_must_be_a_word_document(cast, event):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from danvan.lib.uploads import UploadRejected

    presentation = services.presentations_request(
        actor=cast.province_officer, event=event, units=[cast.ward]
    )[0]
    with pytest.raises(UploadRejected):
        services.presentation_upload(
            actor=cast.ward_officer,
            presentation=presentation,
            upload=SimpleUploadedFile("tham-luan.docx", b"not a document"),
            title="Tham luận",
            presenter="",
            max_bytes=10_000_000,
        )


def test_delegates_are_reminded_by_mail_and_a_reminder_is_scheduled_for_the_day_before(
    cast, event, group, settings, mailoutbox
):
    from django.test import TestCase
    from django_tasks import task_backends

    person = PersonFactory(unit=cast.ward, email="dai.bieu@example.vn")
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=[person])
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert services.remind_delegates(event=event, site="http://x", actor=cast.province_officer) == 1
    assert mailoutbox[0].to == ["dai.bieu@example.vn"] and "/e/" in mailoutbox[0].body
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert services.schedule_reminder(event, site="http://x")
    result = task_backends["default"].results[0]
    assert result.task.run_after.date() == datetime.date(
        2099, 12, 10
    )  # the day before "trung tuần tháng 12/2099"
