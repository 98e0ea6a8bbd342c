"""Linking a carrier to a programme item goes through the carrier's own app: each kind (plan, task, call,
event, appraisal round) is written by its app's registered service, which checks the right to change it,
bumps its version (its history gets a row, where the model keeps one) and writes an audit event."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from danvan.core.models import AuditEvent
from danvan.events.models import Event
from danvan.plans.models import Plan, Task
from danvan.plans.programme import services as programme_services
from danvan.plans.programme.carriers import CARRIERS
from danvan.recognition.models import AppraisalRound
from danvan.reporting.models import Call
from danvan.testing import factories

from .conftest import add_item, make_programme


@pytest.fixture
def item(cast):
    programme = make_programme(cast.province_officer, cast.province)
    title = "Hội nghị sơ kết 6 tháng"
    return add_item(cast.province_officer, programme, title, "tháng 7/2099", lead=cast.ward)


def _carriers(cast):
    actor, unit = cast.ward_officer, cast.ward
    plan = factories.make_plan(actor=actor, unit=unit)
    return {
        "plan": plan,
        "task": factories.make_task(actor=actor, plan=plan),
        "call": factories.make_call(actor=actor, unit=unit, targets=[cast.area]),
        "event": factories.make_event(actor=actor, unit=unit),
        "round": factories.make_appraisal_round(actor=actor, unit=unit),
    }


def test_every_carrier_kind_has_its_apps_linker_registered():
    for carrier in CARRIERS:
        model = carrier.model()
        linker = programme_services.linker_for(model)
        assert linker.__module__.split(".")[1] == model._meta.app_label


@pytest.mark.parametrize("kind", ["plan", "task", "call", "event", "round"])
def test_linking_each_kind_writes_an_audit_event_a_new_version_and_a_history_row(cast, item, kind):
    obj = _carriers(cast)[kind]
    model = type(obj)
    version = model.objects.get(pk=obj.pk).version
    history = obj.history.count() if hasattr(model, "history") else None
    audits = AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(obj.pk),
        summary="Gắn với mục Chương trình công tác",
    )

    programme_services.link_item(actor=cast.ward_officer, obj=obj, item=item)

    stored = model.objects.get(pk=obj.pk)
    assert stored.programme_item == item
    assert stored.version == version + 1
    event = audits.get()
    assert event.actor == cast.ward_officer and event.changes["programme_item"] == ["", str(item)]
    if history is not None:  # an appraisal round keeps no field history: its audit trail is its history
        assert obj.history.count() == history + 1
        assert obj.history.first().programme_item_id == item.pk
    else:
        assert model is AppraisalRound

    programme_services.link_item(actor=cast.ward_officer, obj=stored, item=item)  # unchanged: nothing
    assert model.objects.get(pk=obj.pk).version == version + 1

    programme_services.link_item(actor=cast.ward_officer, obj=stored, item=None)
    assert model.objects.get(pk=obj.pk).programme_item is None
    assert audits.model.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(obj.pk),
        summary="Bỏ gắn với Chương trình công tác",
    ).exists()


@pytest.mark.parametrize("kind", ["plan", "task", "call", "event", "round"])
def test_a_user_without_the_right_on_the_carrier_cannot_link_it(cast, item, kind):
    obj = _carriers(cast)[kind]
    with pytest.raises(PermissionDenied):
        programme_services.link_item(actor=cast.outsider, obj=obj, item=item)
    assert type(obj).objects.get(pk=obj.pk).programme_item is None


def test_a_refused_link_rolls_back_the_objects_own_save(cast, item):
    """save_carrying: the object's own service and the link in one transaction."""
    from danvan.core.errors import ServiceError

    own = make_programme(cast.ward_officer, cast.ward)
    mine = add_item(cast.ward_officer, own, "Việc riêng", "tháng 8/2099")

    def save(data):
        return factories.make_task(actor=cast.ward_officer, plan=own, title="Nhiệm vụ mới")

    with pytest.raises(ServiceError):
        programme_services.save_carrying(actor=cast.ward_officer, data={"programme_item": mine}, save=save)
    assert not Task.objects.filter(title="Nhiệm vụ mới").exists()


def test_models_read_here_are_the_carriers():
    assert {c.model() for c in CARRIERS} == {Plan, Task, Call, Event, AppraisalRound}
