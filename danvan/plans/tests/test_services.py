import datetime

import pytest
from django.core.exceptions import PermissionDenied

from danvan.core.errors import ServiceError
from danvan.plans import services
from danvan.plans.models import NumberSequence, Plan, Task


def test_a_created_plan_turns_task_items_into_tasks_with_matched_units(cast, draft):
    tasks = list(draft.tasks.order_by("order"))
    assert [t.label for t in tasks] == ["1.", "2."]
    assert tasks[0].lead_unit == cast.ward and tasks[0].due_end == datetime.date(2023, 9, 30)
    assert tasks[1].lead_unit == cast.agency
    assert list(tasks[1].partner_units.all()) == [cast.other_ward]


def test_the_header_takes_the_issuing_unit_and_its_superior(draft):
    doc = draft.document()
    assert doc.superior_body == "TỈNH ỦY THỬ NGHIỆM" and doc.issuing_body == "BAN DÂN VẬN"
    assert doc.body_code == "BDVTU"


def test_issuing_allocates_the_next_number_and_freezes_the_plan(cast, committee, draft):
    issued = services.plan_issue(
        plan=draft, actor=cast.province_officer, issued_on=datetime.date(2023, 9, 12)
    )
    assert issued.status == Plan.Status.ISSUED and issued.number == 1 and issued.symbol == "01-KH/BDVTU"
    assert issued.issued_by == cast.province_officer and issued.issued_at is not None
    assert issued.document().symbol == "01-KH/BDVTU"
    with pytest.raises(ServiceError):
        services.plan_update(
            plan=issued, actor=cast.province_officer, expected_version=issued.version, doc=issued.document()
        )
    second = services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=draft.document())
    second = services.plan_issue(
        plan=second, actor=cast.province_officer, issued_on=datetime.date(2023, 10, 1)
    )
    assert second.symbol == "02-KH/BDVTU"


def test_numbers_restart_each_year(cast, committee, draft):
    services.plan_issue(plan=draft, actor=cast.province_officer, issued_on=datetime.date(2023, 12, 30))
    other = services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=draft.document())
    other = services.plan_issue(plan=other, actor=cast.province_officer, issued_on=datetime.date(2024, 1, 2))
    assert other.number == 1 and NumberSequence.objects.count() == 2


def test_a_plan_cannot_be_issued_twice(cast, draft):
    services.plan_issue(plan=draft, actor=cast.province_officer)
    with pytest.raises(ServiceError):
        services.plan_issue(plan=draft, actor=cast.province_officer)


def test_a_ward_officer_cannot_issue_a_province_plan(cast, draft):
    with pytest.raises(PermissionDenied):
        services.plan_issue(plan=draft, actor=cast.ward_officer)
    assert Plan.objects.get(pk=draft.pk).status == Plan.Status.DRAFT


def test_a_failed_issue_uses_no_number(cast, committee, draft):
    committee.abbreviation = ""
    committee.save()
    doc = draft.document()
    doc.body_code = ""
    Plan.objects.filter(pk=draft.pk).update(content=doc.to_dict())
    with pytest.raises(ServiceError):
        services.plan_issue(plan=draft, actor=cast.province_officer)
    assert not NumberSequence.objects.filter(last_number__gt=0).exists()


def test_an_amendment_is_a_new_draft_linked_to_the_issued_plan(cast, draft):
    issued = services.plan_issue(
        plan=draft, actor=cast.province_officer, issued_on=datetime.date(2023, 9, 12)
    )
    amendment = services.plan_amend(plan=issued, actor=cast.province_officer)
    assert amendment.amends == issued and amendment.status == Plan.Status.DRAFT and amendment.revision == 1
    assert amendment.tasks.count() == issued.tasks.count()
    with pytest.raises(ServiceError):
        services.plan_amend(plan=issued, actor=cast.province_officer)
    services.plan_issue(plan=amendment, actor=cast.province_officer, issued_on=datetime.date(2023, 9, 20))
    assert Plan.objects.get(pk=issued.pk).status == Plan.Status.SUPERSEDED


def test_a_unit_reports_progress_on_its_task_but_cannot_change_what_it_is(cast, draft):
    task = draft.tasks.get(label="1.")
    services.task_add_note(task=task, actor=cast.ward_officer, text="Đã tổ chức tọa đàm.", progress=100)
    task.refresh_from_db()
    assert task.status == Task.Status.DONE and task.notes.count() == 1
    with pytest.raises(PermissionDenied):
        services.task_update(
            task=task, actor=cast.ward_officer, expected_version=task.version, title="Việc khác"
        )
    with pytest.raises(PermissionDenied):
        services.task_update(
            task=task, actor=cast.outsider, expected_version=task.version, status=Task.Status.TODO
        )


def test_overdue_tasks_are_the_open_ones_past_their_due_date(cast, draft):
    task = draft.tasks.get(label="1.")
    assert task.is_overdue
    assert list(Task.objects.overdue()) == list(draft.tasks.order_by("order"))
    services.task_update(
        task=task, actor=cast.ward_officer, expected_version=task.version, status=Task.Status.DONE
    )
    assert not Task.objects.get(pk=task.pk).is_overdue


def test_a_wrong_due_text_gets_a_vietnamese_message(cast, draft):
    with pytest.raises(ServiceError) as error:
        services.parse_due("31/02/2023", default_year=2023)
    assert "không tồn tại" in error.value.message


def test_a_task_with_several_named_leads_keeps_them_all_and_the_first_as_its_lead_unit(cast, committee):
    from danvan.lib.plandoc import Block, PlanDocument, Section

    doc = PlanDocument(
        title="thử nghiệm nhiều đơn vị chủ trì",
        sections=[
            Section(
                label="I",
                title="Tổ chức thực hiện",
                role="organisation",
                blocks=[
                    Block(
                        kind="item",
                        label="1.",
                        text="Phường An Bình, Phường Bắc Hà chủ trì tổ chức tọa đàm.",
                        is_task=True,
                        lead="Phường An Bình, Phường Bắc Hà",
                        leads=["Phường An Bình", "Phường Bắc Hà"],
                    )
                ],
            )
        ],
    )
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=doc)
    task = plan.tasks.get()
    assert task.lead_unit == cast.ward
    assert set(task.lead_units.all()) == {cast.ward, cast.other_ward}
    assert Task.objects.visible_to(cast.province_officer).filter(pk=task.pk).exists()


def test_editing_a_task_stores_every_lead_with_the_chosen_lead_unit_first(cast, draft):
    task = draft.tasks.order_by("order").first()
    services.task_update(
        task=task,
        actor=cast.province_officer,
        expected_version=task.version,
        lead_unit=cast.agency,
        lead_units=[cast.ward, cast.agency],
    )
    task.refresh_from_db()
    assert task.lead_unit == cast.agency
    assert set(task.lead_units.all()) == {cast.ward, cast.agency}
