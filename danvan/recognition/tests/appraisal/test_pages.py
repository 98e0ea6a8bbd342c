"""Appraisal rounds' pages: scope, forms, the member's sheet, the ranking, the close, bounded queries."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.access import Role
from danvan.core.errors import ServiceError
from danvan.recognition.appraisal import services
from danvan.recognition.models import (
    AppraisalRound,
    Exemplar,
    Score,
    ScoreSheet,
)
from danvan.testing.factories import UserFactory, grant

from .rounds import YEAR, council_user, entry_of, make_exemplar, open_round, points, submit


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
        {
            f"d{bottom}": "not_recognised",
            "decision_number": "20-QĐ/BCĐ",
            "decision_date": "22/12/2025",
            "minutes": "Hội đồng họp ngày 20/12/2025, đủ 3/3 thành viên.",
        }
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
