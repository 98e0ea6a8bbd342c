"""Every aggregate factory makes an object the model accepts, that the officers of its unit see and an
officer of another ward does not."""

import pytest

from danvan.testing import factories as f


def _plan(cast):
    from danvan.plans.models import Plan

    plan = f.make_plan(actor=cast.ward_officer, unit=cast.ward)
    return plan, Plan.objects.visible_to


def _task(cast):
    from danvan.plans.models import Task

    plan = f.make_plan(actor=cast.ward_officer, unit=cast.ward)
    task = f.make_task(actor=cast.ward_officer, plan=plan, lead_unit=cast.area)
    assert task.due is not None and task.due.end.isoformat() == "2026-09-30"
    return task, Task.objects.visible_to


def _form_template(cast):
    from danvan.reporting.models import FormTemplate

    template = f.make_form_template(actor=cast.ward_officer, unit=cast.ward)
    assert [field.label for field in template.fields.all()] == ["STT", "Tên hoạt động", "Thời gian"]
    return template, FormTemplate.objects.visible_to


def _call(cast):
    from danvan.reporting.models import Call

    call = f.make_call(actor=cast.ward_officer, unit=cast.ward, targets=[cast.bloc, cast.area])
    assert set(call.targets.values_list("unit", flat=True)) == {cast.bloc.pk, cast.area.pk}
    return call, Call.objects.visible_to


def _submission(cast):
    from danvan.reporting.models import Submission

    call = f.make_call(actor=cast.ward_officer, unit=cast.ward, targets=[cast.area])
    submission = f.make_submission(
        call=call, unit=cast.area, actor=cast.ward_officer, rows=[{"Tên hoạt động": "Tọa đàm"}]
    )
    assert submission.has_content
    return submission, Submission.objects.visible_to


def _event(cast):
    from danvan.events.models import Event

    return f.make_event(actor=cast.ward_officer, unit=cast.ward), Event.objects.visible_to


def _through_event(model):
    from danvan.events.models import Event

    return lambda user: model.objects.filter(event__in=Event.objects.visible_to(user))


def _delegate_group(cast):
    from danvan.events.models import DelegateGroup

    event = f.make_event(actor=cast.ward_officer, unit=cast.ward)
    return f.make_delegate_group(actor=cast.ward_officer, event=event), _through_event(DelegateGroup)


def _invitation(cast):
    from danvan.events.models import Invitation

    event = f.make_event(actor=cast.ward_officer, unit=cast.ward)
    group = f.make_delegate_group(actor=cast.ward_officer, event=event)
    invitation = f.make_invitation(actor=cast.ward_officer, event=event, group=group, person=cast.team_person)
    assert invitation.name == "Lê Văn Đức"
    return invitation, _through_event(Invitation)


def _exemplar(cast):
    from danvan.recognition.models import Exemplar

    return f.make_exemplar(actor=cast.ward_officer, unit=cast.area), Exemplar.objects.visible_to


def _appraisal_round(cast):
    from danvan.recognition.models import AppraisalRound

    round_ = f.make_appraisal_round(actor=cast.ward_officer, unit=cast.ward)
    assert round_.criteria.exists()
    return round_, AppraisalRound.objects.visible_to


def _contest(cast):
    from danvan.recognition.models import Contest

    contest = f.make_contest(actor=cast.ward_officer, unit=cast.ward)
    assert contest.status == Contest.Status.OPEN
    return contest, Contest.objects.visible_to


def _contest_entry(cast):
    from danvan.recognition.models import Contest, ContestEntry

    contest = f.make_contest(actor=cast.ward_officer, unit=cast.ward)
    entry = f.make_contest_entry(actor=cast.team_leader, contest=contest, unit=cast.team)
    return entry, lambda user: ContestEntry.objects.filter(contest__in=Contest.objects.visible_to(user))


def _medal_nomination(cast):
    from danvan.recognition.models import MedalNomination

    nomination = f.make_medal_nomination(actor=cast.team_leader, unit=cast.team, person=cast.team_person)
    return nomination, MedalNomination.objects.visible_to


BUILDERS = [
    _plan,
    _task,
    _form_template,
    _call,
    _submission,
    _event,
    _delegate_group,
    _invitation,
    _exemplar,
    _appraisal_round,
    _contest,
    _contest_entry,
    _medal_nomination,
]


@pytest.mark.parametrize("build", BUILDERS, ids=lambda build: build.__name__.strip("_"))
def test_a_factory_makes_a_valid_object_its_unit_sees_and_another_ward_does_not(cast, build):
    obj, visible_to = build(cast)
    # A nullable field a later step fills (a nomination's checked_by, sent_by) is judged by its null flag,
    # not by `blank`, which is about forms.
    obj.full_clean(exclude=[f.name for f in obj._meta.fields if f.null and getattr(obj, f.attname) is None])
    assert visible_to(cast.ward_officer).filter(pk=obj.pk).exists()
    assert not visible_to(cast.outsider).filter(pk=obj.pk).exists()


def test_factories_make_distinct_objects_when_called_twice(cast):
    first = f.make_exemplar(actor=cast.ward_officer, unit=cast.area)
    second = f.make_exemplar(actor=cast.ward_officer, unit=cast.team, title="Mô hình “Dân vận khéo” thứ hai")
    assert first.pk != second.pk
