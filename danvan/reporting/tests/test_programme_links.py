"""Calls made from a plan carry out the plan's programme item (or that of the plan's task the deadline is
written under), set in the same service call that opens them; the plan-calls page says so beforehand."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from danvan.core.models import AuditEvent
from danvan.plans.programme import services as programme_services
from danvan.plans.programme.tests.conftest import add_item, make_programme
from danvan.reporting import services
from danvan.reporting.models import Call


@pytest.fixture
def items(cast):
    programme = make_programme(cast.province_officer, cast.province)
    programme.year = 2023
    programme.save(update_fields=["year"])
    first = add_item(cast.province_officer, programme, "Hưởng ứng Tháng Dân vận", "tháng 10/2023")
    second = add_item(cast.province_officer, programme, "Báo cáo kết quả Tháng Dân vận", "tháng 11/2023")
    return first, second


def _task(plan, starts: str):
    return next(t for t in plan.tasks.all() if t.title.startswith(starts))


def test_calls_from_a_plan_carry_out_the_plans_item(cast, committee_plan, items):
    item, _other = items
    programme_services.link_item(actor=cast.province_officer, obj=committee_plan, item=item)
    committee_plan.refresh_from_db()
    calls = services.calls_from_plan(actor=cast.province_officer, plan=committee_plan, targets=[cast.ward])
    assert len(calls) == 2
    assert [Call.objects.get(pk=c.pk).programme_item for c in calls] == [item, item]
    opened = AuditEvent.objects.get(
        content_type=ContentType.objects.get_for_model(Call), object_id=str(calls[0].pk), verb="open"
    )
    assert opened.changes["programme_item"] == ["", str(item)]


def test_the_task_the_deadlines_stand_under_gives_its_own_item(cast, committee_plan, items):
    plan_item, task_item = items
    programme_services.link_item(actor=cast.province_officer, obj=committee_plan, item=plan_item)
    # Seed 003: "Đề nghị các sở, ban, ngành, … gửi về Ban Dân vận Tỉnh ủy như sau:" then the two deadlines.
    asking = _task(committee_plan, "Đề nghị các sở")
    programme_services.link_item(actor=cast.province_officer, obj=asking, item=task_item)
    elsewhere = _task(committee_plan, "Tổ chức tập huấn")  # a task the deadlines are not under
    programme_services.link_item(actor=cast.province_officer, obj=elsewhere, item=plan_item)
    committee_plan.refresh_from_db()
    calls = services.calls_from_plan(actor=cast.province_officer, plan=committee_plan, targets=[cast.ward])
    assert {Call.objects.get(pk=c.pk).programme_item for c in calls} == {task_item}


def test_a_plan_without_an_item_makes_calls_without_one(cast, committee_plan, items):
    _plan_item, task_item = items
    programme_services.link_item(
        actor=cast.province_officer, obj=_task(committee_plan, "Tổ chức tập huấn"), item=task_item
    )
    calls = services.calls_from_plan(actor=cast.province_officer, plan=committee_plan, targets=[cast.ward])
    assert all(Call.objects.get(pk=c.pk).programme_item is None for c in calls)


def test_the_plan_calls_page_names_the_item_each_call_will_carry_out(cast, login, committee_plan, items):
    item, _other = items
    url = reverse("reporting:calls_from_plan", args=[committee_plan.pk])
    client = login(cast.province_officer)
    assert 'data-testid="deadline-programme-item"' not in client.get(url).content.decode()
    programme_services.link_item(actor=cast.province_officer, obj=committee_plan, item=item)
    body = client.get(url).content.decode()
    assert body.count('data-testid="deadline-programme-item"') == 2
    assert "Hưởng ứng Tháng Dân vận" in body and "Chương trình công tác 2023" in body
