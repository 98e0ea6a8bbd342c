"""Appraisal rounds: criteria, council, entries, independent score sheets, ranking with ties, close."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from danvan.core.access import Role
from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.lib import vntext
from danvan.recognition.appraisal import selectors, services
from danvan.recognition.models import (
    AppraisalRound,
    Exemplar,
    Field,
    RoundEntry,
    Score,
    ScoreSheet,
)
from danvan.testing.factories import UserFactory, grant

YEAR = 2025
TWO_CRITERIA = [
    {"name": "Hiệu quả", "max_points": Decimal(50)},
    {"name": "Sáng tạo", "max_points": Decimal(50)},
]


# --- fixtures --------------------------------------------------------------------------------------------


def make_exemplar(unit, title, *, year=YEAR, status=Exemplar.Status.REGISTERED):
    return Exemplar.objects.create(
        unit=unit,
        year=year,
        field=Field.objects.order_by("order").first(),
        title=title,
        status=status,
        search_text=vntext.fold(title),  # as the registration service fills it
    )


def council_user(cast, username, unit=None):
    user = UserFactory(username=username, full_name=username.replace("_", " ").title())
    grant(user, Role.COUNCIL_MEMBER, unit or cast.ward)
    return user


@pytest.fixture
def members(cast):
    """Three council members seated at the ward (the council role is not a home unit)."""
    return [cast.ward_council_member, council_user(cast, "thanh_vien_b"), council_user(cast, "thanh_vien_c")]


@pytest.fixture
def exemplars(cast):
    return [
        make_exemplar(cast.area, "Khu phố sáng, xanh, sạch"),
        make_exemplar(cast.bloc, "Dân vận khéo trong giải phóng mặt bằng"),
        make_exemplar(cast.team, "Tổ Dân vận tự quản"),
        make_exemplar(cast.area, "Camera an ninh khu phố"),
    ]


def open_round(cast, members, exemplars, *, criteria=TWO_CRITERIA, threshold=75, chair=None):
    round_ = services.round_create(
        actor=cast.ward_officer,
        owner=cast.ward,
        name="Thẩm định mô hình Dân vận khéo phường An Bình 2025",
        year=YEAR,
        level=AppraisalRound.Level.WARD,
        threshold=threshold,
        criteria=criteria,
    )
    services.members_set(actor=cast.ward_officer, round_=round_, users=members, chair=chair or members[0])
    services.entries_admit(actor=cast.ward_officer, round_=round_, exemplars=exemplars)
    return round_


@pytest.fixture
def round_(cast, members, exemplars):
    return open_round(cast, members, exemplars)


def entry_of(round_, exemplar) -> RoundEntry:
    return RoundEntry.objects.select_related("round").get(round=round_, exemplar=exemplar)


def points(round_, *values):
    return {c.pk: Decimal(str(v)) for c, v in zip(round_.criteria.all(), values, strict=True)}


def submit(user, round_, exemplar, *values, comment=""):
    return services.sheet_submit(
        actor=user, entry=entry_of(round_, exemplar), points=points(round_, *values), comment=comment
    )


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


@pytest.fixture
def scored(round_, members, exemplars):
    """Averages 85, 80, 80, 70 from two members each; the team's entry left unscored by a third."""
    area, bloc, team, camera = exemplars
    submit(members[0], round_, area, 45, 45)
    submit(members[1], round_, area, 40, 40)  # 90 + 80 → 85
    submit(members[0], round_, bloc, 40, 40)
    submit(members[1], round_, bloc, 40, 40)  # 80 + 80 → 80
    submit(members[0], round_, camera, 35, 40)
    submit(members[1], round_, camera, 40, 45)  # 75 + 85 → 80
    submit(members[0], round_, team, 35, 35)
    submit(members[1], round_, team, 35, 35)  # 70 + 70 → 70
    return round_


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
            actor=members[0], round_=scored, decisions=some, decision_number="1", decision_date=date.today()
        )
    every = {e.pk: RoundEntry.Decision.RECOGNISED for e in scored.entries.all()}
    with pytest.raises(ServiceError, match="số quyết định"):
        services.round_close(
            actor=members[0], round_=scored, decisions=every, decision_number=" ", decision_date=date.today()
        )
    scored.refresh_from_db()
    assert scored.status == AppraisalRound.Status.OPEN
    assert set(Exemplar.objects.values_list("status", flat=True)) == {Exemplar.Status.IN_ROUND}


def test_a_member_who_is_not_the_chair_cannot_close(scored, members):
    with pytest.raises(PermissionDenied):
        services.round_close(
            actor=members[1], round_=scored, decisions={}, decision_number="1", decision_date=date.today()
        )


# --- views -----------------------------------------------------------------------------------------------


def test_the_round_page_scope_trio(cast, login, round_, members):
    url = reverse("recognition:round_detail", args=[round_.pk])
    assert login(cast.ward_officer).get(url).status_code == 200
    assert login(cast.province_officer).get(url).status_code == 200
    assert login(members[1]).get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404
    leader = UserFactory(username="lanh_dao_phuong")
    grant(leader, Role.LEADER, cast.ward)
    assert login(leader).get(url).status_code == 403  # sees the ward, neither organises nor sits


def test_the_scoring_page_scope_trio(cast, login, round_, members, exemplars):
    url = reverse("recognition:round_score", args=[round_.pk, entry_of(round_, exemplars[0]).pk])
    assert login(members[1]).get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.ward_officer).get(url).status_code == 403  # organiser without a seat


def test_the_list_and_create_pages_need_an_appraisal_capability(cast, login, round_):
    assert login(cast.ward_council_member).get(reverse("recognition:round_list")).status_code == 200
    assert login(cast.focal_point).get(reverse("recognition:round_list")).status_code == 403
    assert login(cast.ward_council_member).get(reverse("recognition:round_new")).status_code == 403
    page = login(cast.outsider).get(reverse("recognition:round_list")).content.decode()
    assert round_.name not in page


def test_creating_a_round_from_the_page_keeps_the_default_criteria(cast, login):
    client = login(cast.ward_officer)
    page = client.get(reverse("recognition:round_new")).content.decode()
    assert "Hiệu quả kinh tế - xã hội" in page
    data = {
        "owner": cast.ward.pk,
        "name": "Thẩm định 2025",
        "year": YEAR,
        "level": "ward",
        "threshold": "75",
        "c-TOTAL_FORMS": "7",
        "c-INITIAL_FORMS": "5",
    }
    for i, item in enumerate(services.DEFAULT_CRITERIA):
        data[f"c-{i}-name"], data[f"c-{i}-max_points"] = item["name"], str(item["max_points"])
    data["c-2-max_points"] = "30"  # edited for this round
    data["c-4-name"] = ""  # dropped
    data["c-4-max_points"] = ""
    response = client.post(reverse("recognition:round_new"), data)
    round_ = AppraisalRound.objects.get()
    assert response.status_code == 302
    assert [(c.name, c.max_points) for c in round_.criteria.all()][2] == ("Hiệu quả kinh tế - xã hội", 30)
    assert round_.criteria.count() == 4


def test_a_member_sees_only_their_own_sheet_until_they_submit(cast, login, round_, members, exemplars):
    submit(members[1], round_, exemplars[0], "17.25", 40, comment="Nhận xét riêng của thành viên B")
    client = login(members[0])
    url = reverse("recognition:round_score", args=[round_.pk, entry_of(round_, exemplars[0]).pk])
    before = client.get(url).content.decode()
    assert "Nhận xét riêng của thành viên B" not in before and "17,25" not in before
    detail = client.get(reverse("recognition:round_detail", args=[round_.pk])).content.decode()
    assert 'data-testid="ranking"' not in detail
    criteria = list(round_.criteria.all())
    client.post(url, {f"c{criteria[0].pk}": "30", f"c{criteria[1].pk}": "30", "comment": "Tốt"})
    after = client.get(url).content.decode()
    assert "Nhận xét riêng của thành viên B" in after and "17,25" in after


def test_organisers_see_the_ranking_with_ties_and_the_threshold_line_at_any_time(cast, login, scored):
    page = (
        login(cast.ward_officer).get(reverse("recognition:round_detail", args=[scored.pk])).content.decode()
    )
    assert 'data-testid="ranking"' in page
    assert page.count('data-testid="rank-row"') == 4 and page.count('data-testid="threshold-line"') == 1
    table = page.split('data-testid="ranking"')[1].split("</table>")[0]
    assert table.index(">85,00<") < table.index("Ngưỡng công nhận") < table.index(">70,00<")
    assert 'title="đồng hạng"' in page


def test_the_scoring_form_keeps_what_was_typed_when_a_point_is_out_of_range(
    login, round_, members, exemplars
):
    criteria = list(round_.criteria.all())
    url = reverse("recognition:round_score", args=[round_.pk, entry_of(round_, exemplars[0]).pk])
    response = login(members[0]).post(
        url, {f"c{criteria[0].pk}": "55", f"c{criteria[1].pk}": "33,5", "comment": "Giữ lại nhận xét"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Tối đa 50" in page
    assert 'value="55"' in page and "33,5" in page and "Giữ lại nhận xét" in page
    assert not ScoreSheet.objects.exists()


def test_posting_the_same_sheet_twice_from_the_page_tells_when_it_was_sent(login, round_, members, exemplars):
    criteria = list(round_.criteria.all())
    url = reverse("recognition:round_score", args=[round_.pk, entry_of(round_, exemplars[0]).pk])
    client = login(members[0])
    data = {f"c{criteria[0].pk}": "40", f"c{criteria[1].pk}": "40"}
    assert client.post(url, data).status_code == 302
    again = client.post(url, {**data, f"c{criteria[0].pk}": "50"}, follow=True).content.decode()
    assert "đã được gửi lúc" in again and "không chấm lại được" in again
    assert ScoreSheet.objects.get().total == Decimal(80)


def test_the_close_form_defaults_to_recognised_at_or_above_the_threshold_and_records_the_decision(
    cast, login, scored, exemplars
):
    client = login(cast.ward_officer)
    page = client.get(reverse("recognition:round_detail", args=[scored.pk])).content.decode()
    entries = {e.exemplar_id: e.pk for e in scored.entries.all()}
    top, bottom = entries[exemplars[0].pk], entries[exemplars[2].pk]
    assert f'name="d{top}"' in page
    top_select = page[page.index(f'name="d{top}"') :].split("</select>")[0]
    bottom_select = page[page.index(f'name="d{bottom}"') :].split("</select>")[0]
    assert 'value="recognised" selected' in top_select
    assert 'value="not_recognised" selected' in bottom_select
    data = {f"d{pk}": "recognised" for pk in entries.values()}
    data.update(
        {f"d{bottom}": "not_recognised", "decision_number": "20-QĐ/BCĐ", "decision_date": "22/12/2025"}
    )
    response = client.post(reverse("recognition:round_close", args=[scored.pk]), data)
    assert response.status_code == 302
    scored.refresh_from_db()
    assert (scored.status, scored.decision_number, scored.decision_date) == (
        "closed",
        "20-QĐ/BCĐ",
        date(2025, 12, 22),
    )
    closed_page = client.get(reverse("recognition:round_detail", args=[scored.pk])).content.decode()
    assert "20-QĐ/BCĐ" in closed_page and "22/12/2025" in closed_page


def test_a_plain_member_cannot_close_from_the_page(login, scored, members):
    response = login(members[1]).post(reverse("recognition:round_close", args=[scored.pk]), {})
    assert response.status_code == 403


def test_my_scoring_lists_entries_still_to_score_and_skips_own_units(cast, login, members, exemplars):
    round_ = open_round(cast, [*members, cast.team_leader], exemplars)
    submit(cast.team_leader, round_, exemplars[0], 40, 40)
    page = login(cast.team_leader).get(reverse("recognition:round_my")).content.decode()
    pending = page.split('data-testid="pending"')[1].split("</table>")[0]
    assert exemplars[1].title in pending and exemplars[3].title in pending
    assert exemplars[0].title not in pending and exemplars[2].title not in pending
    assert "1 hồ sơ của đơn vị bạn không cần chấm" in page


def test_admitting_from_the_page_offers_the_years_registered_exemplars_of_the_owners_subtree(
    cast, login, round_
):
    fresh = make_exemplar(cast.area, "Mô hình mới đăng ký")
    make_exemplar(cast.other_ward, "Mô hình của phường khác")
    client = login(cast.ward_officer)
    page = client.get(reverse("recognition:round_admit", args=[round_.pk])).content.decode()
    assert fresh.title in page and "Mô hình của phường khác" not in page
    found = client.get(
        reverse("recognition:round_admit", args=[round_.pk]), {"q": "moi dang ky"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert fresh.title in found and "<html" not in found
    assert (
        client.post(
            reverse("recognition:round_admit", args=[round_.pk]), {"exemplars": [fresh.pk]}
        ).status_code
        == 302
    )
    assert Exemplar.objects.get(pk=fresh.pk).status == Exemplar.Status.IN_ROUND


def test_the_council_page_saves_the_members_and_the_chair(cast, login, round_, members):
    client = login(cast.ward_officer)
    assert client.get(reverse("recognition:round_members", args=[round_.pk])).status_code == 200
    response = client.post(
        reverse("recognition:round_members", args=[round_.pk]),
        {"users": [m.pk for m in members], "chair": members[2].pk},
    )
    assert response.status_code == 302
    assert round_.members.get(is_chair=True).user == members[2]


def test_the_scoring_page_uses_a_bounded_number_of_queries(
    cast, login, members, exemplars, django_assert_max_num_queries
):
    criteria = [{"name": f"Tiêu chí {i}", "max_points": Decimal(10)} for i in range(10)]
    others = [council_user(cast, f"thanh_vien_{i}") for i in range(6)]
    round_ = open_round(cast, [*members, *others], exemplars, criteria=criteria, threshold=50)
    for user in [members[0], *others]:
        submit(user, round_, exemplars[0], *[7] * 10)
    client = login(members[0])
    url = reverse("recognition:round_score", args=[round_.pk, entry_of(round_, exemplars[0]).pk])
    with django_assert_max_num_queries(16):
        page = client.get(url).content.decode()
    assert page.count('<th class="text-end">Thanh Vien') == 6


def test_the_round_page_with_its_ranking_uses_a_bounded_number_of_queries(
    cast, login, members, django_assert_max_num_queries
):
    many = [make_exemplar(cast.area, f"Mô hình số {i}") for i in range(15)]
    round_ = open_round(cast, members, many)
    for exemplar in many:
        submit(members[0], round_, exemplar, 30, 40)
    client = login(cast.ward_officer)
    with django_assert_max_num_queries(16):
        client.get(reverse("recognition:round_detail", args=[round_.pk]))
    with django_assert_max_num_queries(12):
        client.get(reverse("recognition:round_detail", args=[round_.pk]), HTTP_HX_REQUEST="true")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_four_simultaneous_submissions_of_one_sheet_count_once(cast, members, exemplars):
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("row locks are only meaningful on PostgreSQL (SQLite serialises writers)")
    round_ = open_round(cast, members, exemplars)
    entry, given = entry_of(round_, exemplars[0]), points(round_, 40, 40)
    barrier = threading.Barrier(4)
    outcomes = []

    def send():
        try:
            barrier.wait()
            services.sheet_submit(actor=members[0], entry=entry, points=given)
            outcomes.append("sent")
        except ServiceError as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("sent") == 1
    assert all("không chấm lại được" in o for o in outcomes if o != "sent")
    assert ScoreSheet.objects.count() == 1 and Score.objects.count() == 2
