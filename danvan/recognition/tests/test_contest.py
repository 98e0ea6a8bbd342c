"""The press contest: entries, rounds, one mark per judge in range while open, ranking with ties, prizes."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.core.access import Role
from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.lib.uploads import UploadRejected
from danvan.recognition.contest import selectors, services
from danvan.recognition.models import Contest, ContestRound, EntryScore, PrizeAward
from danvan.testing.factories import UserFactory, grant

# --- fixtures --------------------------------------------------------------------------------------------


def docx_bytes(text="Bài báo về mô hình dân vận khéo") -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph(text)
    document.save(buffer)
    return buffer.getvalue()


def judge_user(cast, username):
    user = UserFactory(username=username, full_name=username.replace("_", " ").title())
    grant(user, Role.COUNCIL_MEMBER, cast.ward)
    return user


@pytest.fixture
def judges(cast):
    return [cast.ward_council_member, judge_user(cast, "giam_khao_b"), judge_user(cast, "giam_khao_c")]


@pytest.fixture
def contest(cast):
    return services.contest_save(
        actor=cast.ward_officer,
        owner=cast.ward,
        name="Cuộc thi viết về gương “Dân vận khéo” phường An Bình 2025",
        period_text="Tác phẩm đăng, phát từ 01/01/2025 đến 30/9/2025",
    )


def send(cast, contest, title, *, author="Nguyễn Văn Báo", link="https://baotinh.vn/bai-viet"):
    return services.entry_save(
        actor=cast.team_leader,
        contest=contest,
        submitted_by=cast.team,
        title=title,
        author=author,
        outlet="Báo tỉnh",
        published_on=date(2025, 5, 19),
        link=link,
    )


@pytest.fixture
def entries(cast, contest):
    return [send(cast, contest, title) for title in ["Bài A", "Bài B", "Bài C", "Bài D"]]


@pytest.fixture
def first_round(cast, contest, judges, entries):
    return services.round_save(
        actor=cast.ward_officer, contest=contest, name="Sơ khảo", order=1, max_points=10, judges=judges
    )


def mark(round_, judges, entry, points):
    for judge, value in zip(judges, points, strict=True):
        services.score_record(actor=judge, round_=round_, entry=entry, points=value)


# --- entries ---------------------------------------------------------------------------------------------


def test_an_entry_needs_a_link_or_a_word_file(cast, contest):
    with pytest.raises(ServiceError) as error:
        send(cast, contest, "Bài không có đường dẫn", link="")
    assert "đường dẫn" in error.value.message
    entry = services.entry_save(
        actor=cast.team_leader,
        contest=contest,
        submitted_by=cast.team,
        title="Bài báo in",
        author="Trần Thị Bút",
        outlet="Báo in tỉnh",
        upload=SimpleUploadedFile("bai-bao.docx", docx_bytes()),
    )
    assert entry.file and entry.file_name == "bai-bao.docx"
    with pytest.raises(UploadRejected):
        services.entry_save(
            actor=cast.team_leader,
            contest=contest,
            submitted_by=cast.team,
            title="Bài PDF",
            author="Trần Thị Bút",
            outlet="Báo in tỉnh",
            upload=SimpleUploadedFile("bai-bao.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"),
        )


def test_entries_come_from_units_under_the_organiser_while_the_contest_is_open(cast, contest):
    with pytest.raises(ServiceError):
        services.entry_save(
            actor=cast.admin,
            contest=contest,
            submitted_by=cast.other_ward,
            title="Bài ngoài phạm vi",
            author="A",
            outlet="B",
            link="https://example.vn/a",
        )
    with pytest.raises(PermissionDenied):
        services.entry_save(
            actor=cast.focal_point,
            contest=contest,
            submitted_by=cast.team,
            title="Bài của người khác",
            author="A",
            outlet="B",
            link="https://example.vn/a",
        )
    services.contest_set_status(actor=cast.ward_officer, contest=contest, status=Contest.Status.JUDGING)
    with pytest.raises(ServiceError) as error:
        send(cast, contest, "Bài gửi muộn")
    assert "hết hạn nhận bài" in error.value.message


# --- scoring ---------------------------------------------------------------------------------------------


def test_a_judge_scores_within_the_round_range_only(cast, judges, entries, first_round):
    for bad in ["-1", "10.5", "mười"]:
        with pytest.raises(ServiceError):
            services.score_record(actor=judges[0], round_=first_round, entry=entries[0], points=bad)
    services.score_record(actor=judges[0], round_=first_round, entry=entries[0], points="10")
    services.score_record(actor=judges[0], round_=first_round, entry=entries[1], points="0")
    services.score_record(actor=judges[0], round_=first_round, entry=entries[2], points="7,5")
    assert sorted(EntryScore.objects.values_list("points", flat=True)) == [0, Decimal("7.5"), 10]


def test_a_judge_scores_an_entry_only_once_in_a_round(cast, judges, entries, first_round):
    services.score_record(actor=judges[0], round_=first_round, entry=entries[0], points=8)
    with pytest.raises(ServiceError) as error:
        services.score_record(actor=judges[0], round_=first_round, entry=entries[0], points=9)
    assert "đã chấm" in error.value.message
    services.score_record(
        actor=judges[1], round_=first_round, entry=entries[0], points=9
    )  # another judge may
    assert EntryScore.objects.filter(entry=entries[0]).count() == 2
    assert AuditEvent.objects.filter(verb="score").count() == 2


def test_only_the_round_judges_score(cast, entries, first_round):
    with pytest.raises(PermissionDenied):
        services.score_record(actor=cast.ward_officer, round_=first_round, entry=entries[0], points=5)
    stranger = judge_user(cast, "khong_phai_giam_khao")
    with pytest.raises(ServiceError) as error:
        services.score_record(actor=stranger, round_=first_round, entry=entries[0], points=5)
    assert "không phải giám khảo" in error.value.message


def test_scoring_after_the_round_is_closed_is_refused(cast, judges, entries, first_round):
    services.score_record(actor=judges[0], round_=first_round, entry=entries[0], points=6)
    services.round_close(actor=cast.ward_officer, round_=first_round)
    with pytest.raises(ServiceError) as error:
        services.score_record(actor=judges[1], round_=first_round, entry=entries[0], points=6)
    assert "đã kết thúc" in error.value.message
    assert EntryScore.objects.count() == 1


def test_the_round_is_closed_by_the_organiser_only(cast, first_round):
    with pytest.raises(PermissionDenied):
        services.round_close(actor=cast.team_leader, round_=first_round)
    with pytest.raises(PermissionDenied):
        services.round_close(actor=cast.outsider, round_=first_round)


# --- results ---------------------------------------------------------------------------------------------


@pytest.fixture
def judged(cast, contest, judges, entries, first_round):
    """Sơ khảo: D stops there; A, B, C go on. Chung khảo: A and B tie at 9, C has 8."""
    a, b, c, d = entries
    mark(first_round, judges, a, [8, 8, 8])
    mark(first_round, judges, b, [7, 7, 7])
    mark(first_round, judges, c, [9, 9, 9])
    mark(first_round, judges, d, [5, 5, 6])
    final = services.round_save(
        actor=cast.ward_officer, contest=contest, name="Chung khảo", order=2, max_points=10, judges=judges[:2]
    )
    services.round_close(actor=cast.ward_officer, round_=first_round)
    services.round_advance(actor=cast.ward_officer, round_=first_round, entries=[a, b, c])
    mark(final, judges[:2], a, [9, 9])
    mark(final, judges[:2], b, [10, 8])
    mark(final, judges[:2], c, [8, 8])
    with pytest.raises(ServiceError):  # D did not go on
        services.score_record(actor=judges[0], round_=final, entry=d, points=10)
    services.round_close(actor=cast.ward_officer, round_=final)
    return final


def test_results_rank_entries_by_the_final_round_average_and_show_ties(cast, contest, judged):
    rows = selectors.contest_results(contest)
    assert [(r.entry.title, r.rank, r.tied, r.average_text) for r in rows] == [
        ("Bài A", 1, True, "9"),
        ("Bài B", 1, True, "9"),
        ("Bài C", 3, False, "8"),
        ("Bài D", 4, False, "5,33"),  # stopped at Sơ khảo: after every finalist, whatever its mark
    ]
    assert [r.reached_final for r in rows] == [True, True, True, False]
    assert rows[3].round_name == "Sơ khảo"


def test_the_results_export_lists_ranks_with_ties(cast, login, contest, judged):
    from openpyxl import load_workbook

    response = login(cast.ward_officer).get(reverse("recognition:contest_results_xlsx", args=[contest.pk]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header_at = next(i for i, row in enumerate(rows) if row[0] == "Hạng")
    assert rows[header_at][:4] == ["Hạng", "Tên tác phẩm", "Tác giả", "Cơ quan báo chí"]
    body = rows[header_at + 1 :]
    assert rows[header_at][-2:] == ["Điểm Sơ khảo", "Điểm Chung khảo"]
    assert [(r[0], r[1], r[8]) for r in body] == [
        ("1 (đồng hạng)", "Bài A", 9),
        ("1 (đồng hạng)", "Bài B", 9),
        (3, "Bài C", 8),
        (4, "Bài D", 5.33),
    ]
    assert body[0][-2:] == [8, 9] and body[3][-2:] == [5.33, None]


def test_prizes_follow_the_ranking_and_stop_at_a_tie_that_would_exceed_a_quota(cast, contest, judged):
    first = services.prize_save(
        actor=cast.ward_officer, contest=contest, name="Giải A", rank_order=1, quota=1
    )
    services.prize_save(actor=cast.ward_officer, contest=contest, name="Giải B", rank_order=2, quota=2)
    awarded, warning = services.prizes_fill_from_results(actor=cast.ward_officer, contest=contest)
    assert awarded == 0 and "đồng hạng 1" in warning  # two entries tie for the single Giải A
    a, b, *_ = [r.entry for r in selectors.contest_results(contest)]
    services.prize_award(actor=cast.ward_officer, prize=first, entry=a)
    with pytest.raises(ServiceError) as error:
        services.prize_award(actor=cast.ward_officer, prize=first, entry=b)
    assert "đã đủ" in error.value.message
    awarded, warning = services.prizes_fill_from_results(actor=cast.ward_officer, contest=contest)
    assert awarded == 2 and not warning
    assert dict(PrizeAward.objects.values_list("entry__title", "prize__name")) == {
        "Bài A": "Giải A",
        "Bài B": "Giải B",
        "Bài C": "Giải B",
    }


def test_publishing_waits_for_every_round_to_close(cast, contest, first_round):
    with pytest.raises(ServiceError):
        services.contest_set_status(actor=cast.ward_officer, contest=contest, status=Contest.Status.FINISHED)
    services.round_close(actor=cast.ward_officer, round_=first_round)
    contest = services.contest_set_status(
        actor=cast.ward_officer, contest=contest, status=Contest.Status.FINISHED
    )
    assert contest.status == Contest.Status.FINISHED


# --- pages -----------------------------------------------------------------------------------------------


def test_the_contest_page_scope_trio(cast, login, contest, entries):
    url = reverse("recognition:contest_detail", args=[contest.pk])
    assert login(cast.ward_officer).get(url).status_code == 200
    assert login(cast.team_leader).get(url).status_code == 200  # a unit under the organiser sends entries
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.ward_council_member).get(url).status_code == 403  # not a judge, reads no plans
    edit = reverse("recognition:contest_edit", args=[contest.pk])
    assert login(cast.ward_officer).get(edit).status_code == 200
    assert login(cast.outsider).get(edit).status_code == 404
    assert login(cast.team_leader).get(edit).status_code == 403


def test_the_results_page_scope_trio(cast, login, contest, judged):
    url = reverse("recognition:contest_results", args=[contest.pk])
    page = login(cast.ward_officer).get(url)
    assert page.status_code == 200 and "đồng hạng" in page.content.decode()
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.team_leader).get(url).status_code == 403  # before the results are published
    services.contest_set_status(actor=cast.ward_officer, contest=contest, status=Contest.Status.FINISHED)
    assert login(cast.team_leader).get(url).status_code == 200


def test_a_judge_scores_through_the_round_page(cast, login, contest, judges, entries, first_round):
    url = reverse("recognition:contest_round_detail", args=[contest.pk, first_round.pk])
    judge = login(judges[0])
    assert judge.get(reverse("recognition:contest_detail", args=[contest.pk])).status_code == 200
    assert judge.get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.team_leader).get(url).status_code == 403
    score_url = reverse("recognition:contest_score", args=[contest.pk, first_round.pk])
    judge.post(score_url, {"entry": entries[0].pk, "points": "8,5", "comment": "Sinh động"})
    again = judge.post(score_url, {"entry": entries[0].pk, "points": "9"}, follow=True)
    assert "đã chấm" in again.content.decode()
    too_high = judge.post(score_url, {"entry": entries[1].pk, "points": "11"}, follow=True)
    assert "Điểm phải từ 0 đến 10" in too_high.content.decode()
    assert list(EntryScore.objects.values_list("points", flat=True)) == [Decimal("8.5")]
    page = judge.get(url).content.decode()
    assert "8,5" in page


def test_the_organiser_sees_the_round_ranking_and_chooses_who_goes_on(cast, login, contest, judged):
    first_round = contest.rounds.get(order=1)
    page = login(cast.ward_officer).get(
        reverse("recognition:contest_round_detail", args=[contest.pk, first_round.pk])
    )
    assert page.status_code == 200 and "Xếp hạng trong vòng" in page.content.decode()
    assert first_round.status == ContestRound.Status.CLOSED


def test_sending_an_entry_through_the_form(cast, login, contest):
    client = login(cast.team_leader)
    url = reverse("recognition:contest_entry_new", args=[contest.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "submitted_by": cast.team.pk,
            "title": "Tổ Dân vận khu phố Đông vận động hiến đất mở đường",
            "author": "Lê Minh",
            "outlet": "Báo điện tử tỉnh",
            "published_on": "15/08/2025",
            "file": SimpleUploadedFile("bai.docx", docx_bytes()),
        },
    )
    assert response.status_code == 302
    entry = contest.entries.get()
    assert entry.submitted_by == cast.team and entry.published_on == date(2025, 8, 15)
    assert (
        client.get(reverse("recognition:contest_entry_file", args=[contest.pk, entry.pk])).status_code == 200
    )


def test_the_contest_list_uses_a_bounded_number_of_queries(cast, login, django_assert_max_num_queries):
    for n in range(6):
        services.contest_save(actor=cast.province_officer, owner=cast.province, name=f"Cuộc thi {n}")
    client = login(cast.province_officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("recognition:contest_list"))
    assert response.status_code == 200 and "Cuộc thi 5" in response.content.decode()


def test_every_contest_page_opens_for_its_organiser(cast, login, contest, judged):
    prize = services.prize_save(
        actor=cast.ward_officer, contest=contest, name="Giải A", rank_order=1, quota=1
    )
    entry = contest.entries.first()
    services.prize_award(actor=cast.ward_officer, prize=prize, entry=entry)
    client = login(cast.ward_officer)
    final = contest.rounds.get(order=2)
    for name, args in [
        ("contest_list", []),
        ("contest_new", []),
        ("contest_detail", [contest.pk]),
        ("contest_edit", [contest.pk]),
        ("contest_round_new", [contest.pk]),
        ("contest_round_edit", [contest.pk, final.pk]),
        ("contest_round_detail", [contest.pk, final.pk]),
        ("contest_prize_new", [contest.pk]),
        ("contest_prize_edit", [contest.pk, prize.pk]),
        ("contest_results", [contest.pk]),
    ]:
        response = client.get(reverse(f"recognition:{name}", args=args))
        assert response.status_code == 200, name
    assert "Giải A" in client.get(reverse("recognition:contest_detail", args=[contest.pk])).content.decode()


def test_the_organiser_sets_up_a_contest_and_its_rounds_through_the_forms(cast, login, judges):
    client = login(cast.ward_officer)
    response = client.post(
        reverse("recognition:contest_new"),
        {"owner": cast.ward.pk, "name": "Cuộc thi báo chí 2026", "period_text": "Năm 2026"},
    )
    contest = Contest.objects.get()
    assert response.status_code == 302 and contest.owner == cast.ward
    form = client.get(reverse("recognition:contest_round_new", args=[contest.pk])).content.decode()
    assert "Sơ khảo" in form and str(judges[1]) in form
    client.post(
        reverse("recognition:contest_round_new", args=[contest.pk]),
        {"name": "Sơ khảo", "order": 1, "max_points": "100", "judges": [judges[0].pk, judges[1].pk]},
    )
    round_ = contest.rounds.get()
    assert set(round_.judges.all()) == set(judges[:2])
    outsider_judge = judge_user(cast, "giam_khao_phuong_khac")
    outsider_judge.assignments.update(unit=cast.other_ward)
    with pytest.raises(ServiceError):
        services.round_save(
            actor=cast.ward_officer,
            contest=contest,
            name="Chung khảo",
            order=2,
            max_points=10,
            judges=[outsider_judge],
        )
