from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from danvan.core.errors import ServiceError
from danvan.plans import services as plan_services
from danvan.plans.cascade import selectors
from danvan.plans.cascade.services import cascade_create, lead_key
from danvan.plans.cascade.shifting import CALENDAR, SAME, Shift
from danvan.plans.models import Plan


def test_the_implementing_plan_names_the_superior_and_carries_its_tasks(cast, superior):
    plan = cascade_create(actor=cast.ward_officer, superior=superior, unit=cast.ward, shift=Shift())
    assert (plan.status, plan.implements, plan.issuing_unit) == (Plan.Status.DRAFT, superior, cast.ward)
    doc = plan.document()
    assert doc.basis[0].symbol == "01-KH/BDVTU" and doc.basis[0].issued_on == date(2023, 9, 4)
    assert doc.preamble.startswith(
        "Thực hiện Kế hoạch số 01-KH/BDVTU ngày 04/09/2023 của Ban Dân vận Tỉnh ủy Thử Nghiệm"
    )
    assert [s.title for s in doc.sections] == ["Mục đích, yêu cầu", "Tổ chức thực hiện"]
    assert doc.superior_body and doc.number == "" and doc.issued_on is None
    tasks = list(plan.tasks.order_by("order"))
    assert [t.label for t in tasks] == ["1.", "2.", "3."]
    # default: 5 working days earlier (Sat 30/9 -> Mon 25/9; Sun 5/11 -> Mon 30/10); words-only stays
    assert [t.due_end for t in tasks] == [date(2023, 9, 25), date(2023, 10, 30), None]
    assert tasks[1].title == "Sở Nội vụ báo cáo kết quả trước ngày 30/10/2023."
    assert tasks[2].due_text == "hằng tháng"
    # the ward's own task stays its own; the agency's and the group's become the ward's
    assert [t.lead_unit for t in tasks] == [cast.ward, cast.ward, cast.ward]
    assert list(tasks[1].partner_units.all()) == []  # Phường Bắc Hà is not the ward's
    body = doc.sections[1].blocks
    assert body[1].due.end == date(2023, 10, 30) and "30/10/2023" in body[1].text
    assert body[2].lead == cast.ward.name
    # the superior's own rows are untouched
    assert superior.tasks.order_by("order").first().due_end == date(2023, 9, 30)


def test_calendar_days_and_same_as_superior(cast, superior):
    plan = cascade_create(
        actor=cast.ward_officer, superior=superior, unit=cast.ward, shift=Shift(CALENDAR, 5)
    )
    assert [t.due_end for t in plan.tasks.order_by("order")][:2] == [date(2023, 9, 25), date(2023, 10, 31)]
    other = cascade_create(
        actor=cast.province_officer, superior=superior, unit=cast.agency, shift=Shift(SAME, 5)
    )
    assert [t.due_end for t in other.tasks.order_by("order")][:2] == [date(2023, 9, 30), date(2023, 11, 5)]


def test_a_chosen_lead_replaces_the_suggestion_and_one_outside_is_refused(cast, superior):
    group_task = superior.tasks.get(label="3.")
    plan = cascade_create(
        actor=cast.ward_officer,
        superior=superior,
        unit=cast.ward,
        shift=Shift(),
        leads={lead_key(group_task): cast.area},
    )
    assert plan.tasks.get(label="3.").lead_unit == cast.area
    assert set(plan.tasks.get(label="3.").lead_units.all()) == {cast.area}
    with pytest.raises(ServiceError, match="không thuộc"):
        cascade_create(
            actor=cast.province_officer,
            superior=superior,
            unit=cast.other_ward,
            shift=Shift(),
            leads={lead_key(group_task): cast.area},
        )


def test_a_draft_superior_is_refused_and_nothing_is_created(cast, superior_draft):
    before = Plan.objects.count()
    with pytest.raises(ServiceError, match="chưa ban hành"):
        cascade_create(actor=cast.ward_officer, superior=superior_draft, unit=cast.ward, shift=Shift())
    assert Plan.objects.count() == before


def test_a_second_implementing_plan_of_the_same_unit_is_refused(cast, superior):
    cascade_create(actor=cast.ward_officer, superior=superior, unit=cast.ward, shift=Shift())
    with pytest.raises(ServiceError, match="đã có kế hoạch triển khai"):
        cascade_create(actor=cast.ward_officer, superior=superior, unit=cast.ward, shift=Shift())
    assert superior.implementations.count() == 1


def test_the_issuer_itself_and_a_unit_without_the_right_are_refused(cast, superior, committee):
    with pytest.raises(ServiceError, match="là đơn vị ban hành"):
        cascade_create(actor=cast.province_officer, superior=superior, unit=committee, shift=Shift())
    with pytest.raises(PermissionDenied):
        cascade_create(actor=cast.ward_officer, superior=superior, unit=cast.agency, shift=Shift())


def test_the_panel_says_issued_drafted_or_none_with_task_progress(cast, superior):
    cast.ward.abbreviation = "PAB"
    cast.ward.save()
    issued = cascade_create(actor=cast.ward_officer, superior=superior, unit=cast.ward, shift=Shift())
    plan_services.plan_issue(plan=issued, actor=cast.admin, issued_on=date(2023, 9, 8))
    first = issued.tasks.order_by("order").first()
    plan_services.task_mark_done(task=first, actor=cast.ward_officer)
    cascade_create(actor=cast.province_officer, superior=superior, unit=cast.agency, shift=Shift())
    rows, counts = selectors.implementation_rows(superior, cast.province_officer)
    by_unit = {row.unit: row for row in rows}
    assert by_unit[cast.ward].state == "issued" and (by_unit[cast.ward].done, by_unit[cast.ward].total) == (
        1,
        3,
    )
    assert by_unit[cast.agency].state == "draft" and by_unit[cast.agency].plan.implements == superior
    # Phường Bắc Hà is a partner only: not addressed; the ward and the agency lead tasks
    assert counts == {"issued": 1, "draft": 1, "none": 0, "all": 2}
    only_drafts, _counts = selectors.implementation_rows(superior, cast.province_officer, state="draft")
    assert [row.unit for row in only_drafts] == [cast.agency]


def test_a_plan_led_by_nobody_below_addresses_the_issuers_subordinates(cast):
    from danvan.lib.plandoc import Block, PlanDocument, Section

    doc = PlanDocument(
        title="kế hoạch của tỉnh",
        sections=[Section(title="Nhiệm vụ", blocks=[Block(text="Tổ chức hội nghị.", is_task=True)])],
    )
    plan = plan_services.plan_create(actor=cast.province_officer, issuing_unit=cast.province, doc=doc)
    rows, counts = selectors.implementation_rows(plan, cast.province_officer)
    assert {row.unit for row in rows} == {cast.ward, cast.other_ward, cast.agency}
    assert counts["none"] == 3
