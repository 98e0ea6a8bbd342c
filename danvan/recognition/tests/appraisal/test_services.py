"""Appraisal rounds: criteria, council, entries, independent score sheets, ranking with ties, close."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.recognition.appraisal import selectors, services
from danvan.recognition.models import (
    AppraisalRound,
    Exemplar,
    RoundEntry,
    Score,
    ScoreSheet,
)

from .rounds import TWO_CRITERIA, YEAR, council_user, entry_of, make_exemplar, open_round, points, submit

# --- rounds, criteria, council, entries ------------------------------------------------------------------


def test_a_new_round_gets_the_default_criteria_summing_to_100(cast):
    round_ = services.round_create(
        actor=cast.ward_officer, owner=cast.ward, name="Đợt 1", year=YEAR, level="ward", threshold=70
    )
    criteria = list(round_.criteria.all())
    assert [c.name for c in criteria] == [
        "Tính thiết thực, phù hợp",
        "Tính sáng tạo, đổi mới",
        "Hiệu quả kinh tế - xã hội",
        "Sự tham gia của Nhân dân",
        "Khả năng duy trì, nhân rộng",
    ]
    assert sum(c.max_points for c in criteria) == 100
    assert AuditEvent.objects.filter(verb="create", object_id=str(round_.pk)).exists()


def test_creating_a_round_needs_the_manage_capability_at_the_owner(cast):
    with pytest.raises(PermissionDenied):
        services.round_create(
            actor=cast.outsider, owner=cast.ward, name="Đợt", year=YEAR, level="ward", threshold=70
        )


def test_a_threshold_above_the_criteria_total_is_refused(cast):
    with pytest.raises(ServiceError, match="vượt tổng điểm tối đa"):
        services.round_create(
            actor=cast.ward_officer, owner=cast.ward, name="Đợt", year=YEAR, level="ward", threshold=120
        )
    assert not AppraisalRound.objects.exists()


def test_criteria_are_editable_until_the_first_sheet_is_submitted(cast, round_, members, exemplars):
    services.criteria_save(
        actor=cast.ward_officer,
        round_=round_,
        criteria=[*TWO_CRITERIA, {"name": "Nhân rộng", "max_points": Decimal(20)}],
    )
    assert round_.criteria.count() == 3
    submit(members[0], round_, exemplars[0], 40, 40, 10)
    with pytest.raises(ServiceError, match="không sửa được tiêu chí"):
        services.criteria_save(actor=cast.ward_officer, round_=round_, criteria=TWO_CRITERIA)
    assert round_.criteria.count() == 3 and Score.objects.count() == 3


def test_the_chair_must_sit_on_the_council_and_members_come_from_the_owner_or_above(cast, round_, members):
    with pytest.raises(ServiceError, match="Chủ tịch hội đồng"):
        services.members_set(actor=cast.ward_officer, round_=round_, users=members[1:], chair=members[0])
    with pytest.raises(ServiceError, match="Không thuộc đơn vị tổ chức"):
        services.members_set(
            actor=cast.ward_officer, round_=round_, users=[cast.outsider], chair=cast.outsider
        )
    seats = services.members_set(
        actor=cast.ward_officer, round_=round_, users=[*members, cast.province_officer], chair=members[1]
    )
    assert [s.user for s in seats if s.is_chair] == [members[1]] and len(seats) == 4


def test_admitting_entries_marks_them_in_round_and_refuses_other_years_and_other_wards(cast, round_):
    assert set(Exemplar.objects.values_list("status", flat=True)) == {Exemplar.Status.IN_ROUND}
    old = make_exemplar(cast.area, "Mô hình năm trước", year=YEAR - 1)
    elsewhere = make_exemplar(cast.other_ward, "Mô hình phường Bắc Hà")
    with pytest.raises(ServiceError, match="năm 2024"):
        services.entries_admit(actor=cast.ward_officer, round_=round_, exemplars=[old])
    with pytest.raises(ServiceError, match="ngoài phạm vi"):
        services.entries_admit(actor=cast.ward_officer, round_=round_, exemplars=[elsewhere])
    assert round_.entries.count() == 4
    assert Exemplar.objects.get(pk=old.pk).status == Exemplar.Status.REGISTERED


def test_a_province_round_admits_the_models_a_ward_proposed(cast, round_, members, exemplars):
    for exemplar in exemplars:
        submit(members[0], round_, exemplar, 40, 40)
    services.round_close(
        minutes="Biên bản họp hội đồng",
        actor=cast.ward_officer,
        round_=round_,
        decisions={e.pk: RoundEntry.Decision.PROPOSED for e in round_.entries.all()},
        decision_number="05-QĐ/BCĐ",
        decision_date=date(2025, 11, 30),
    )
    province_round = services.round_create(
        actor=cast.province_officer,
        owner=cast.province,
        name="Cấp tỉnh 2025",
        year=YEAR,
        level="province",
        threshold=80,
    )
    entries = services.entries_admit(
        actor=cast.province_officer, round_=province_round, exemplars=exemplars[:2]
    )
    assert len(entries) == 2 and Exemplar.objects.get(pk=exemplars[0].pk).status == Exemplar.Status.IN_ROUND


def test_editing_a_round_from_a_stale_page_is_refused(cast, login, round_):
    client = login(cast.ward_officer)
    url = reverse("recognition:round_edit", args=[round_.pk])
    data = {"name": "Tên mới", "year": YEAR, "level": "ward", "threshold": "60", "version": round_.version}
    data.update({"c-TOTAL_FORMS": "2", "c-INITIAL_FORMS": "2"})
    for i, c in enumerate(round_.criteria.all()):
        data[f"c-{i}-name"], data[f"c-{i}-max_points"] = c.name, str(c.max_points)
    assert client.post(url, data).status_code == 302
    round_.refresh_from_db()
    assert (round_.name, round_.threshold) == ("Tên mới", 60)
    stale = client.post(url, {**data, "name": "Tên cũ"})
    assert stale.status_code == 200 and "người khác sửa" in stale.content.decode()
    round_.refresh_from_db()
    assert round_.name == "Tên mới"


# --- scoring ---------------------------------------------------------------------------------------------


def test_a_sheet_total_is_the_sum_of_its_criteria(round_, members, exemplars):
    sheet = submit(members[0], round_, exemplars[0], "42.5", "38.25", comment="Thiết thực")
    assert sheet.total == Decimal("80.75") and sheet.submitted_at is not None
    assert sheet.scores.count() == 2 and sheet.comment == "Thiết thực"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (("51", "10"), "từ 0 đến 50"),
        (("-1", "10"), "từ 0 đến 50"),
        (("10.555", "10"), "hai chữ số thập phân"),
        (("abc", "10"), "Điểm không hợp lệ"),
    ],
)
def test_out_of_range_points_are_refused_and_nothing_is_saved(round_, members, exemplars, values, message):
    entry = entry_of(round_, exemplars[0])
    criteria = list(round_.criteria.all())
    given = {criteria[0].pk: values[0], criteria[1].pk: values[1]}
    with pytest.raises(ServiceError, match=message):
        services.sheet_submit(actor=members[0], entry=entry, points=given)
    assert not ScoreSheet.objects.exists() and not Score.objects.exists()


def test_a_sheet_missing_a_criterion_is_refused_and_nothing_is_saved(round_, members, exemplars):
    first = round_.criteria.first()
    with pytest.raises(ServiceError, match="Chưa chấm tiêu chí: Sáng tạo"):
        services.sheet_submit(
            actor=members[0], entry=entry_of(round_, exemplars[0]), points={first.pk: Decimal(30)}
        )
    with pytest.raises(ServiceError, match="không thuộc đợt này"):
        services.sheet_submit(
            actor=members[0],
            entry=entry_of(round_, exemplars[0]),
            points={**points(round_, 30, 30), 999999: Decimal(1)},
        )
    assert not ScoreSheet.objects.exists() and not Score.objects.exists()


def test_a_member_cannot_score_an_entry_of_their_own_unit(cast, members, exemplars):
    round_ = open_round(cast, [*members, cast.team_leader], exemplars)
    with pytest.raises(ServiceError, match="không chấm hồ sơ của đơn vị mình"):
        submit(cast.team_leader, round_, exemplars[2], 40, 40)  # registered by the team the leader leads
    assert not ScoreSheet.objects.exists()
    submit(cast.team_leader, round_, exemplars[0], 40, 40)  # the residential area above is not theirs
    assert ScoreSheet.objects.count() == 1


def test_the_person_records_unit_counts_as_the_members_own_unit(cast, members, exemplars):
    member = council_user(cast, "can_bo_khoi")
    member.person = cast.ward_person  # works at the ward's mobilization bloc
    member.save()
    round_ = open_round(cast, [*members, member], exemplars)
    with pytest.raises(ServiceError, match="đơn vị mình"):
        submit(member, round_, exemplars[1], 40, 40)


def test_only_council_members_can_score(cast, round_, exemplars):
    with pytest.raises(ServiceError, match="không phải thành viên hội đồng"):
        submit(cast.ward_officer, round_, exemplars[0], 40, 40)


def test_a_second_submission_of_the_same_sheet_is_refused_and_not_counted_twice(round_, members, exemplars):
    submit(members[0], round_, exemplars[0], 40, 40)
    with pytest.raises(
        ServiceError, match=r"Phiếu chấm này đã được gửi lúc \d\d:\d\d ngày .*không chấm lại được"
    ):
        submit(members[0], round_, exemplars[0], 50, 50)
    assert ScoreSheet.objects.count() == 1 and Score.objects.count() == 2
    row = next(r for r in selectors.ranking(round_) if r.entry.exemplar == exemplars[0])
    assert (row.sheets_submitted, row.total_sum, row.average) == (1, Decimal("80.00"), Decimal("80.00"))


def test_scoring_after_the_round_closed_is_refused(cast, round_, members, exemplars):
    submit(members[0], round_, exemplars[0], 40, 40)
    services.round_close(
        minutes="Biên bản họp hội đồng",
        actor=members[0],
        round_=round_,
        decisions={e.pk: RoundEntry.Decision.NOT_RECOGNISED for e in round_.entries.all()},
        decision_number="01-QĐ/BCĐ",
        decision_date=date(2025, 12, 20),
    )
    with pytest.raises(ServiceError, match=r"đã kết thúc ngày .*không nhận thêm phiếu chấm"):
        submit(members[1], round_, exemplars[0], 45, 45)
    assert ScoreSheet.objects.count() == 1


# --- ranking ---------------------------------------------------------------------------------------------


def test_ranking_averages_the_submitted_totals_and_ties_share_a_rank(scored, exemplars):
    rows = selectors.ranking(scored)
    summary = [(r.entry.exemplar.title, r.total_sum, r.average, r.rank, r.sheets_submitted) for r in rows]
    area, bloc, team, camera = (e.title for e in exemplars)
    assert summary[0] == (area, Decimal("170.00"), Decimal("85.00"), 1, 2)
    assert {summary[1][0], summary[2][0]} == {bloc, camera}
    assert [r[2:4] for r in summary[1:3]] == [(Decimal("80.00"), 2), (Decimal("80.00"), 2)]
    assert summary[3] == (team, Decimal("140.00"), Decimal("70.00"), 4, 2)


def test_the_threshold_separates_who_meets_it_and_the_limit_itself_meets_it(cast, members, exemplars):
    round_ = open_round(cast, members, exemplars[:2], threshold=80)
    submit(members[0], round_, exemplars[0], 40, 40)
    submit(members[0], round_, exemplars[1], "39.99", 40)
    meets = {r.entry.exemplar_id: r.meets_threshold for r in selectors.ranking(round_)}
    assert meets == {exemplars[0].pk: True, exemplars[1].pk: False}


def test_averages_are_rounded_to_two_places_and_unscored_entries_come_last_unranked(cast, members, exemplars):
    round_ = open_round(cast, members, exemplars[:2])
    submit(members[0], round_, exemplars[0], 40, 40)
    submit(members[1], round_, exemplars[0], 40, 40)
    submit(members[2], round_, exemplars[0], 40, 41)
    first, last = selectors.ranking(round_)
    assert (first.average, first.rank) == (Decimal("80.33"), 1)
    assert (last.sheets_submitted, last.average, last.rank, last.meets_threshold) == (0, None, None, False)


def test_ranking_takes_one_query_whatever_the_number_of_entries(scored, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = selectors.ranking(scored)
        [r.entry.exemplar.unit.name for r in rows]


# --- close -----------------------------------------------------------------------------------------------


def test_closing_records_averages_ranks_decisions_and_exemplar_statuses(scored, members, exemplars):
    area, bloc, team, camera = exemplars
    by_exemplar = {e.exemplar_id: e.pk for e in scored.entries.all()}
    decisions = {
        by_exemplar[area.pk]: RoundEntry.Decision.PROPOSED,
        by_exemplar[bloc.pk]: RoundEntry.Decision.RECOGNISED,
        by_exemplar[camera.pk]: RoundEntry.Decision.RECOGNISED,
        by_exemplar[team.pk]: RoundEntry.Decision.NOT_RECOGNISED,
    }
    services.round_close(
        minutes="Biên bản họp hội đồng",
        actor=members[0],  # the chair
        round_=scored,
        decisions=decisions,
        decision_number="15-QĐ/BCĐ",
        decision_date=date(2025, 12, 20),
    )
    scored.refresh_from_db()
    assert scored.status == AppraisalRound.Status.CLOSED and scored.closed_at is not None
    assert (scored.decision_number, scored.decision_date) == ("15-QĐ/BCĐ", date(2025, 12, 20))
    entries = {e.exemplar_id: e for e in scored.entries.all()}
    assert (entries[area.pk].average, entries[area.pk].rank, entries[area.pk].decision) == (
        Decimal("85.00"),
        1,
        "proposed",
    )
    assert entries[bloc.pk].rank == entries[camera.pk].rank == 2 and entries[team.pk].rank == 4
    statuses = dict(Exemplar.objects.values_list("pk", "status"))
    assert statuses == {
        area.pk: Exemplar.Status.PROPOSED,
        bloc.pk: Exemplar.Status.RECOGNISED,
        camera.pk: Exemplar.Status.RECOGNISED,
        team.pk: Exemplar.Status.NOT_RECOGNISED,
    }
    assert AuditEvent.objects.filter(verb="close", summary__contains="15-QĐ/BCĐ").exists()


def test_closing_needs_a_decision_for_every_entry_a_number_and_a_date(scored, members):
    some = {scored.entries.first().pk: RoundEntry.Decision.RECOGNISED}
    with pytest.raises(ServiceError, match="chưa có quyết định"):
        services.round_close(
            minutes="Biên bản họp hội đồng",
            actor=members[0],
            round_=scored,
            decisions=some,
            decision_number="1",
            decision_date=date.today(),
        )
    every = {e.pk: RoundEntry.Decision.RECOGNISED for e in scored.entries.all()}
    with pytest.raises(ServiceError, match="số quyết định"):
        services.round_close(
            minutes="Biên bản họp hội đồng",
            actor=members[0],
            round_=scored,
            decisions=every,
            decision_number=" ",
            decision_date=date.today(),
        )
    scored.refresh_from_db()
    assert scored.status == AppraisalRound.Status.OPEN
    assert set(Exemplar.objects.values_list("status", flat=True)) == {Exemplar.Status.IN_ROUND}


def test_a_member_who_is_not_the_chair_cannot_close(scored, members):
    with pytest.raises(PermissionDenied):
        services.round_close(
            minutes="Biên bản họp hội đồng",
            actor=members[1],
            round_=scored,
            decisions={},
            decision_number="1",
            decision_date=date.today(),
        )
