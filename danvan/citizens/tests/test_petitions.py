"""The petition state machine, deadlines and overdue marking, transfers, merges, duplicate suggestion."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from danvan.citizens.models import DeadlineRule, Petition, PetitionStep
from danvan.citizens.petitions import policy, selectors, services
from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.testing.factories import UnitFactory, kind

S = Petition.Status
TODAY = datetime.date.today()


def test_the_whole_road_from_receipt_to_closing(cast, record):
    petition = record()
    assert petition.status == S.RECEIVED and petition.is_open and len(petition.lookup_code) == 10
    services.petition_assign(actor=cast.ward_officer, petition=petition, unit=cast.agency)
    assert petition.deadline == petition.received_on + datetime.timedelta(days=10)
    services.petition_start(actor=cast.focal_point, petition=petition)
    services.petition_answer(actor=cast.focal_point, petition=petition, answer="Sở đã khảo sát, sẽ nạo vét.")
    services.petition_inform(actor=cast.ward_officer, petition=petition, how="Gặp trực tiếp tại nhà")
    services.petition_close(actor=cast.ward_officer, petition=petition)
    petition.refresh_from_db()
    assert petition.status == S.CLOSED and not petition.is_open and petition.on_time is True
    assert [s.to_status for s in petition.steps.all()] == [
        "received",
        "assigned",
        "in_progress",
        "answered",
        "informed",
        "closed",
    ]
    verbs = set(AuditEvent.objects.filter(object_id=str(petition.pk)).values_list("verb", flat=True))
    assert {"create", "assign", "start", "answer", "inform", "close"} <= verbs


@pytest.mark.parametrize(
    ("start", "target", "ok"),
    [
        (S.RECEIVED, S.ASSIGNED, True),
        (S.RECEIVED, S.ANSWERED, False),
        (S.RECEIVED, S.CLOSED, False),
        (S.ASSIGNED, S.IN_PROGRESS, True),
        (S.ASSIGNED, S.ANSWERED, True),
        (S.ASSIGNED, S.INFORMED, False),
        (S.IN_PROGRESS, S.ANSWERED, True),
        (S.IN_PROGRESS, S.CLOSED, False),
        (S.ANSWERED, S.INFORMED, True),
        (S.ANSWERED, S.CLOSED, True),
        (S.ANSWERED, S.ESCALATED, False),
        (S.INFORMED, S.CLOSED, True),
        (S.INFORMED, S.ASSIGNED, False),
        (S.CLOSED, S.ASSIGNED, False),
        (S.ESCALATED, S.ASSIGNED, True),
        (S.ESCALATED, S.ANSWERED, False),
        (S.MERGED, S.ASSIGNED, False),
    ],
)
def test_the_transition_table(start, target, ok):
    assert policy.allowed(start, target) is ok


def test_closing_without_an_answer_is_refused_in_vietnamese(cast, record):
    petition = record(responsible_unit=cast.agency)
    with pytest.raises(ServiceError, match="chưa có câu trả lời"):
        services.petition_close(actor=cast.ward_officer, petition=petition)
    assert Petition.objects.get(pk=petition.pk).status == S.ASSIGNED


def test_answering_before_assignment_and_informing_before_answer_are_refused(cast, record):
    petition = record()
    with pytest.raises(PermissionDenied):  # no responsible unit yet: nobody answers
        services.petition_answer(actor=cast.ward_officer, petition=petition, answer="x")
    services.petition_assign(actor=cast.ward_officer, petition=petition, unit=cast.agency)
    with pytest.raises(ServiceError, match="Không thể chuyển kiến nghị từ trạng thái «Đã giao xử lý»"):
        services.petition_inform(actor=cast.ward_officer, petition=petition, how="Điện thoại")
    with pytest.raises(ServiceError, match="nội dung trả lời"):
        services.petition_answer(actor=cast.focal_point, petition=petition, answer="  ")


def test_a_deadline_before_receipt_is_refused(cast, record):
    with pytest.raises(ServiceError, match="không thể trước ngày tiếp nhận"):
        record(responsible_unit=cast.agency, deadline=TODAY - datetime.timedelta(days=10))
    petition = record()
    with pytest.raises(ServiceError, match="không thể trước ngày tiếp nhận"):
        services.petition_assign(
            actor=cast.ward_officer,
            petition=petition,
            unit=cast.agency,
            deadline=TODAY - datetime.timedelta(days=30),
        )


def test_assigning_needs_a_responsible_unit_inside_the_tree(cast, record):
    petition = record()
    with pytest.raises(ServiceError, match="Hãy chọn đơn vị chủ trì"):
        services.petition_assign(actor=cast.ward_officer, petition=petition, unit=None)
    elsewhere = UnitFactory(
        name="Sở Tài nguyên tỉnh Khác",
        kind=kind("agency"),
        parent=UnitFactory(name="Tỉnh Khác", kind=kind("province")),
    )
    with pytest.raises(ServiceError, match="không thuộc hệ thống đơn vị"):
        services.petition_assign(actor=cast.ward_officer, petition=petition, unit=elsewhere)
    assert Petition.objects.get(pk=petition.pk).responsible_unit is None


def test_a_transfer_keeps_its_reason_in_the_history(cast, record):
    petition = record(responsible_unit=cast.agency)
    with pytest.raises(ServiceError, match="lý do chuyển"):
        services.petition_transfer(actor=cast.focal_point, petition=petition, unit=cast.other_ward, reason="")
    services.petition_transfer(
        actor=cast.focal_point,
        petition=petition,
        unit=cast.other_ward,
        reason="Thuộc thẩm quyền phường Bắc Hà",
    )
    step = PetitionStep.objects.filter(petition=petition, is_transfer=True).get()
    assert (step.from_unit, step.to_unit, step.note) == (
        cast.agency,
        cast.other_ward,
        "Thuộc thẩm quyền phường Bắc Hà",
    )
    petition.refresh_from_db()
    assert petition.responsible_unit == cast.other_ward and petition.responsible_path == cast.other_ward.path


def test_the_default_deadline_is_an_editable_setting(cast, record):
    DeadlineRule.objects.filter(kind="report").update(days=15)
    petition = record(kind="report", responsible_unit=cast.agency)
    assert petition.deadline == petition.received_on + datetime.timedelta(days=15)


def test_overdue_is_marked_for_the_responsible_unit_and_its_superiors_only(cast, record):
    late = record(received_on=TODAY - datetime.timedelta(days=20), responsible_unit=cast.agency)
    in_time = record(responsible_unit=cast.agency)
    answered = record(received_on=TODAY - datetime.timedelta(days=20), responsible_unit=cast.agency)
    services.petition_answer(actor=cast.focal_point, petition=answered, answer="Đã giải quyết")
    assert late.overdue and not in_time.overdue and not answered.overdue and answered.on_time is False
    for_agency = list(selectors.overdue_for(cast.focal_point, cast.agency))
    for_province = list(selectors.overdue_for(cast.province_officer, cast.province))
    assert for_agency == [late] and for_province == [late]
    # The receiving ward is not the responsible unit: the petition is not on its overdue list.
    assert list(selectors.overdue_for(cast.ward_officer, cast.ward)) == []


def test_escalation_needs_a_reason_and_the_superior_reassigns(cast, record):
    petition = record(responsible_unit=cast.agency)
    with pytest.raises(ServiceError, match="lý do"):
        services.petition_escalate(actor=cast.focal_point, petition=petition, reason="")
    services.petition_escalate(actor=cast.focal_point, petition=petition, reason="Vượt thẩm quyền của Sở")
    assert petition.status == S.ESCALATED and petition.is_open
    services.petition_assign(actor=cast.province_officer, petition=petition, unit=cast.province)
    assert petition.status == S.ASSIGNED and petition.responsible_unit == cast.province


def test_the_same_complaint_in_other_words_and_without_diacritics_is_suggested(cast, record, environment):
    first = record(title="Bãi rác tự phát gây ô nhiễm môi trường tại khu phố Đông", field=environment)
    record(title="Đề nghị sửa đèn chiếu sáng đường Trần Phú")
    similar = selectors.similar_petitions(
        cast.ward_officer, title="bai rac tu phat o nhiem moi truong khu pho dong", received_unit=cast.ward
    )
    assert [s.petition_id for s in similar] == [first.pk] and similar[0].score >= 0.5
    # Another place: not suggested.
    assert (
        selectors.similar_petitions(
            cast.outsider, title="bai rac tu phat o nhiem moi truong", received_unit=cast.other_ward
        )
        == []
    )


def test_merging_a_duplicate_counts_it_once(cast, record):
    first = record(title="Bãi rác tự phát gây ô nhiễm khu phố Đông")
    second = record(title="Bãi rác tự phát gây ô nhiễm ở khu phố Đông")
    services.petition_merge(actor=cast.ward_officer, petition=second, into=first)
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.status == S.MERGED and second.merged_into == first and first.raiser_count == 2
    assert list(Petition.objects.counted()) == [first]
    with pytest.raises(ServiceError):
        services.petition_merge(actor=cast.ward_officer, petition=first, into=first)


def test_seeing_who_raised_a_petition_is_allowed_to_handlers_and_audited(cast, record):
    petition = record(responsible_unit=cast.agency)
    citizen = services.petition_personal_data(actor=cast.focal_point, petition=petition)
    assert citizen.full_name == "Nguyễn Văn Bình"
    assert AuditEvent.objects.filter(
        verb="view_personal", object_id=str(petition.pk), actor=cast.focal_point
    ).exists()
    with pytest.raises(ServiceError, match="không có quyền"):
        services.petition_personal_data(actor=cast.team_leader, petition=petition)


def test_an_edit_from_a_stale_form_is_refused(cast, record):
    petition = record()
    services.petition_update(actor=cast.ward_officer, petition=petition, expected_version=1, title="Mới")
    stale = Petition.objects.get(pk=petition.pk)
    with pytest.raises(ServiceError, match="người khác sửa"):
        services.petition_update(actor=cast.ward_officer, petition=stale, expected_version=1, title="Cũ")


def test_the_responsible_unit_is_told_and_an_escalation_reaches_the_unit_above(cast, record):
    from danvan.notifications.models import Notice

    petition = record(responsible_unit=cast.agency)
    notice = Notice.objects.get(user=cast.focal_point)
    assert f"#{petition.pk}" in notice.title and "Nguyễn Văn Bình" not in notice.title + notice.body
    services.petition_escalate(actor=cast.focal_point, petition=petition, reason="Vượt thẩm quyền")
    assert Notice.objects.filter(user=cast.province_officer, title__contains="cấp trên").exists()
