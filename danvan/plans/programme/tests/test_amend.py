"""An amended programme: its items are copied into the amendment (new rows), so on issuing it every object
carrying out an item of the replaced programme follows the item to its copy (edited or not), or to an item of
the same title and period written anew, and is unlinked with a note in its audit log when the item is gone.
The issuer is told how many moved and how many were unlinked."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from danvan.core.models import AuditEvent
from danvan.lib.vndates import parse_window
from danvan.plans import services
from danvan.plans.models import Plan
from danvan.plans.programme import services as programme_services
from danvan.testing import factories

from .conftest import add_item, make_programme

ISSUED_ON = datetime.date(2026, 1, 8)


@pytest.fixture
def issued(cast):
    """The province's programme, issued, with four items: A, B, C, D; each carried out by something."""
    actor = cast.province_officer
    programme = make_programme(actor, cast.province)
    items = [
        add_item(actor, programme, title, due)
        for title, due in (
            ("Hội nghị sơ kết 6 tháng", "tháng 7/2026"),
            ("Kiểm tra dân chủ ở cơ sở", "quý III/2026"),
            ("Thẩm định mô hình Dân vận khéo", "quý IV/2026"),
            ("Tổng kết công tác dân vận năm", "tháng 12/2026"),
        )
    ]
    programme = services.plan_issue(plan=programme, actor=actor, issued_on=ISSUED_ON)
    carriers = {
        "call": factories.make_call(actor=actor, unit=cast.province, targets=[cast.ward]),
        "event": factories.make_event(actor=actor, unit=cast.province),
        "round": factories.make_appraisal_round(actor=actor, unit=cast.province),
        "plan": factories.make_plan(actor=actor, unit=cast.province),
    }
    for obj, item in zip(carriers.values(), items, strict=True):
        programme_services.link_item(actor=actor, obj=obj, item=item)
    return programme, items, carriers


def _amend(cast, programme):
    """The amendment as the officer leaves it: B's title corrected, C rewritten as a new item (same title and
    period), D removed."""
    actor = cast.province_officer
    draft = services.plan_amend(plan=programme, actor=actor)
    copies = {task.order: task for task in draft.tasks.all()}
    services.task_update(
        task=copies[2], actor=actor, expected_version=None, title="Kiểm tra việc thực hiện dân chủ ở cơ sở"
    )
    services.task_delete(task=copies[3], actor=actor)
    services.task_delete(task=copies[4], actor=actor)
    services.task_create(
        plan=draft,
        actor=actor,
        title="Thẩm định mô hình Dân vận khéo",
        lead_unit=cast.province,
        due=parse_window("quý IV/2026"),
    )
    return draft


def _audit(obj, start: str) -> AuditEvent:
    kind = ContentType.objects.get_for_model(type(obj))
    return AuditEvent.objects.get(content_type=kind, object_id=str(obj.pk), summary__startswith=start)


def _fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_issuing_the_amendment_moves_each_carrier_to_the_item_that_continues_its_own(cast, issued):
    programme, items, carriers = issued
    draft = _amend(cast, programme)
    versions = {kind: _fresh(obj).version for kind, obj in carriers.items()}

    issued_again = services.plan_issue(plan=draft, actor=cast.province_officer, issued_on=ISSUED_ON)

    assert programme_services.followed_of(issued_again) == programme_services.Followed(relinked=3, unlinked=1)
    new_items = {task.title: task for task in draft.tasks.all()}
    assert _fresh(carriers["call"]).programme_item == new_items["Hội nghị sơ kết 6 tháng"]
    assert _fresh(carriers["event"]).programme_item == new_items["Kiểm tra việc thực hiện dân chủ ở cơ sở"]
    assert _fresh(carriers["round"]).programme_item == new_items["Thẩm định mô hình Dân vận khéo"]
    assert _fresh(carriers["plan"]).programme_item is None
    for kind, obj in carriers.items():  # each written by its own app's service: a new version, an audit line
        assert _fresh(obj).version == versions[kind] + 1
    gone = _audit(carriers["plan"], "Bỏ gắn: mục")
    assert "Tổng kết công tác dân vận năm" in gone.summary and draft.symbol in gone.summary
    moved = _audit(carriers["call"], "Chuyển sang mục")
    assert moved.changes["programme_item"] == [str(items[0]), str(new_items["Hội nghị sơ kết 6 tháng"])]
    assert carriers["call"].history.first().programme_item_id == new_items["Hội nghị sơ kết 6 tháng"].pk
    assert Plan.objects.get(pk=programme.pk).status == Plan.Status.SUPERSEDED


def test_an_item_whose_copy_was_rewritten_beyond_recognition_is_unlinked(cast, issued):
    programme, _items, carriers = issued
    actor = cast.province_officer
    draft = services.plan_amend(plan=programme, actor=actor)
    first = draft.tasks.get(order=1)
    services.task_update(
        task=first,
        actor=actor,
        expected_version=None,
        title="Việc khác hẳn",
        due=parse_window("tháng 9/2026"),
    )
    issued_again = services.plan_issue(plan=draft, actor=actor, issued_on=ISSUED_ON)
    assert programme_services.followed_of(issued_again) == programme_services.Followed(relinked=3, unlinked=1)
    assert _fresh(carriers["call"]).programme_item is None


def test_amending_a_programme_nobody_carries_out_moves_nothing(cast):
    actor = cast.province_officer
    programme = make_programme(actor, cast.province)
    add_item(actor, programme, "Hội nghị", "tháng 7/2026")
    programme = services.plan_issue(plan=programme, actor=actor, issued_on=ISSUED_ON)
    draft = services.plan_amend(plan=programme, actor=actor)
    issued_again = services.plan_issue(plan=draft, actor=actor, issued_on=ISSUED_ON)
    assert not programme_services.followed_of(issued_again)
    assert programme_services.followed_message(issued_again) == ""


def test_the_issuer_is_told_how_many_carriers_moved_and_were_unlinked(cast, login, issued):
    programme, _items, _carriers = issued
    draft = _amend(cast, programme)
    response = login(cast.province_officer).post(
        reverse("plans:plan_issue", args=[draft.pk]),
        {"issued_on": "08/01/2026", "place": "Bắc Ninh"},
        follow=True,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "3 được chuyển sang mục tương ứng của bản sửa đổi" in body and "1 được bỏ gắn" in body
