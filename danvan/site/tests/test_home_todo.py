"""The home page is each role's to-do list: what is due, what waits for review, what came back, what to
score, what an event asks of the unit; overdue in red; each item links where the work is done."""

from django.urls import reverse
from django.utils import timezone

from danvan.core.access import Role
from danvan.events.models import DelegateGroup
from danvan.recognition.models import ScoreSheet
from danvan.reporting.models import Submission
from danvan.site.home.selectors import ITEMS_PER_GROUP, todo_for
from danvan.testing.factories import grant

from .conftest import (
    days,
    make_call,
    make_event,
    make_exemplar,
    make_plan,
    make_presentation,
    make_round,
    make_submission,
    make_task,
)


def groups(user):
    return {group.key: group for group in todo_for(user)}


def test_a_focal_point_sees_calls_due_soon_and_overdue_not_those_sent_or_far(cast, login):
    soon = make_call(cast.province, "Báo cáo sơ kết 6 tháng", days(3), [cast.agency])
    late = make_call(cast.province, "Đăng ký Tháng Dân vận", days(-2), [cast.agency])
    sent = make_call(cast.province, "Báo cáo đã gửi rồi", days(1), [cast.agency])
    make_submission(sent, cast.agency, Submission.Status.SUBMITTED)
    make_call(cast.province, "Báo cáo cuối năm", days(60), [cast.agency])
    make_call(cast.province, "Yêu cầu đã đóng", days(-5), [cast.agency], status="closed")
    make_call(cast.province, "Gửi cho phường", days(2), [cast.ward])

    calls = groups(cast.focal_point)["calls"]
    assert [item.title for item in calls.items] == [late.title, soon.title]
    assert [item.overdue for item in calls.items] == [True, False]
    assert calls.items[0].url == reverse("reporting:submission_open", args=[late.pk, cast.agency.pk])

    page = login(cast.focal_point).get(reverse("core:home")).content.decode()
    assert "Việc cần làm" in page and "todo-overdue" in page and "quá hạn" in page
    assert "Báo cáo cuối năm" not in page and "Gửi cho phường" not in page


def test_a_province_officer_does_not_answer_for_every_unit_below(cast):
    make_call(cast.province, "Báo cáo sơ kết", days(3), [cast.agency, cast.ward])
    assert "calls" not in groups(cast.province_officer)


def test_two_roles_on_the_same_unit_give_each_item_once(cast, login):
    grant(cast.ward_officer, Role.FOCAL_POINT, cast.ward)
    grant(cast.ward_officer, Role.TEAM_LEADER, cast.ward)
    make_call(cast.province, "Báo cáo quý", days(3), [cast.ward])
    calls = groups(cast.ward_officer)["calls"]
    assert calls.count == 1 and len(calls.items) == 1
    page = login(cast.ward_officer).get(reverse("core:home")).content.decode()
    assert page.count("Báo cáo quý") == 1


def test_a_reviewer_sees_submissions_waiting_and_the_unit_sees_what_came_back(cast):
    call = make_call(cast.province, "Báo cáo quý", days(-1), [cast.agency, cast.ward])
    waiting = make_submission(call, cast.ward, Submission.Status.SUBMITTED)
    returned = make_submission(call, cast.agency, Submission.Status.RETURNED)

    review = groups(cast.province_officer)["review"]
    assert [item.url for item in review.items] == [reverse("reporting:submission_detail", args=[waiting.pk])]
    assert "review" not in groups(cast.outsider) and "review" not in groups(cast.focal_point)

    mine = groups(cast.focal_point)
    assert [item.url for item in mine["returned"].items] == [
        reverse("reporting:submission_detail", args=[returned.pk])
    ]
    assert mine["returned"].items[0].overdue
    assert "calls" not in mine  # a returned submission is listed once, as work to revise


def test_tasks_led_by_the_users_unit_due_soon_or_overdue(cast):
    plan = make_plan(cast.province, "Kế hoạch công tác dân vận năm", "01-KH/BDVTU")
    late = make_task(plan, "Tổng kết mô hình", cast.agency, days(-3))
    soon = make_task(plan, "Tập huấn cán bộ", cast.agency, days(5))
    make_task(plan, "Đã xong", cast.agency, days(-3), status="done")
    make_task(plan, "Còn xa", cast.agency, days(90))
    make_task(plan, "Của phường", cast.ward, days(1))
    draft = make_plan(cast.province, "Dự thảo", status="draft")
    make_task(draft, "Trong dự thảo", cast.agency, days(1))

    tasks = groups(cast.focal_point)["tasks"]
    assert [item.url for item in tasks.items] == [
        reverse("plans:task_detail", args=[late.pk]),
        reverse("plans:task_detail", args=[soon.pk]),
    ]
    assert tasks.items[0].overdue and not tasks.items[1].overdue


def test_a_council_member_sees_the_entries_left_to_score(cast, a_member):
    registered = [make_exemplar(cast.area, "Khu phố sáng"), make_exemplar(cast.team, "Tổ tự quản")]
    round_, seats, entries = make_round(cast.ward, [cast.ward_council_member, a_member], registered)
    ScoreSheet.objects.create(entry=entries[0], member=seats[0], submitted_at=timezone.now(), total=80)

    scores = groups(cast.ward_council_member)["scores"]
    assert [item.title for item in scores.items] == ["Tổ tự quản"]
    assert scores.items[0].url == reverse("recognition:round_score", args=[round_.pk, entries[1].pk])
    assert groups(a_member)["scores"].count == 2
    round_.status = "closed"
    round_.save()
    assert "scores" not in groups(cast.ward_council_member)


def test_a_member_is_not_asked_to_score_their_own_units_entry(cast, a_member):
    grant(a_member, Role.TEAM_LEADER, cast.team)
    make_round(cast.ward, [a_member], [make_exemplar(cast.team, "Tổ tự quản")])
    assert "scores" not in groups(a_member)


def test_event_work_delegates_to_nominate_and_presentations_to_send(cast):
    event = make_event(cast.province, "Hội nghị tổng kết")
    DelegateGroup.objects.create(
        event=event, label="Các sở", quota=2, nominating_unit=cast.agency, nomination_deadline=days(5)
    )
    make_presentation(event, cast.agency, days(-1))
    work = groups(cast.focal_point)["events"]
    assert [item.title for item in work.items] == [
        "Gửi tham luận: Hội nghị tổng kết",
        "Cử đại biểu: Hội nghị tổng kết",
    ]
    assert work.items[0].overdue and not work.items[1].overdue
    assert all(item.url == event.get_absolute_url() for item in work.items)
    assert "events" not in groups(cast.outsider)


def test_an_empty_list_says_so_in_vietnamese(cast, login):
    page = login(cast.outsider).get(reverse("core:home")).content.decode()
    assert 'data-testid="todo-empty"' in page and "Không có việc nào đang chờ bạn" in page


def test_a_long_list_shows_its_first_items_and_the_full_count(cast, login):
    for n in range(ITEMS_PER_GROUP + 5):
        make_call(cast.province, f"Yêu cầu số {n}", days(n % 3), [cast.agency])
    calls = groups(cast.focal_point)["calls"]
    assert calls.count == ITEMS_PER_GROUP + 5 and len(calls.items) == ITEMS_PER_GROUP and calls.more == 5
    assert "Còn 5 việc nữa" in login(cast.focal_point).get(reverse("core:home")).content.decode()


def test_the_home_page_query_count_does_not_grow_with_the_work(cast, login, django_assert_max_num_queries):
    """Every group full (15 rows each, more than a page): the same bound as with a few."""
    user = cast.ward_officer  # answers for the ward, reviews what the bloc sends, leads the ward's tasks
    grant(user, Role.COUNCIL_MEMBER, cast.province)  # and sits on the province's council
    plan = make_plan(cast.ward, "Kế hoạch phường", "02-KH/DVP")
    exemplars = []
    for n in range(15):
        call = make_call(cast.ward, f"Yêu cầu {n}", days(n - 5), [cast.ward, cast.bloc])
        make_submission(call, cast.bloc, Submission.Status.SUBMITTED)
        make_task(plan, f"Nhiệm vụ {n}", cast.ward, days(n - 5))
        make_presentation(make_event(cast.ward, f"Hội nghị {n}"), cast.ward, days(n - 5))
        exemplars.append(make_exemplar(cast.agency, f"Mô hình {n}"))
    make_round(cast.province, [user], exemplars)
    client = login(user)
    client.get(reverse("core:home"))  # warm the content-type cache
    with django_assert_max_num_queries(24):
        response = client.get(reverse("core:home"))
    todo = {g.key: g for g in response.context["todo"]}
    assert set(todo) == {"calls", "review", "tasks", "scores", "events"}
    assert all(g.count >= 10 for g in todo.values())


def test_a_judge_sees_each_open_round_with_entries_left_to_mark(cast):
    from danvan.recognition.models import Contest, ContestEntry, ContestRound, EntryScore

    contest = Contest.objects.create(owner=cast.province, name="Báo chí viết về Dân vận khéo")
    first = ContestRound.objects.create(contest=contest, name="Sơ khảo", order=1)
    final = ContestRound.objects.create(contest=contest, name="Chung khảo", order=2)
    first.judges.add(cast.ward_council_member)
    final.judges.add(cast.ward_council_member)

    def entry(title, stage):
        return ContestEntry.objects.create(
            contest=contest,
            title=title,
            author="Tác giả",
            outlet="Báo tỉnh",
            submitted_by=cast.agency,
            stage=stage,
        )

    marked, _open, finalist = entry("Bài một", 0), entry("Bài hai", 0), entry("Bài ba", 1)
    EntryScore.objects.create(round=first, entry=marked, judge=cast.ward_council_member, points=70)

    items = groups(cast.ward_council_member)["scores"].items
    # Sơ khảo judges all three (one marked: two left); Chung khảo judges the one that went on.
    assert [(item.url, item.title.split(":")[0]) for item in items] == [
        (reverse("recognition:contest_score", args=[contest.pk, first.pk]), "Chấm 2 tác phẩm"),
        (reverse("recognition:contest_score", args=[contest.pk, final.pk]), "Chấm 1 tác phẩm"),
    ]
    EntryScore.objects.create(round=final, entry=finalist, judge=cast.ward_council_member, points=80)
    final.status = "closed"
    final.save()
    assert len(groups(cast.ward_council_member)["scores"].items) == 1


def test_a_role_recorded_twice_is_listed_once(cast, login):
    """The unique (user, role, unit) constraint lets a system-wide role (no unit: NULL) be stored twice."""
    from danvan.accounts.models import RoleAssignment

    RoleAssignment.objects.create(user=cast.outsider, role=Role.LEADER, unit=None)
    RoleAssignment.objects.create(user=cast.outsider, role=Role.LEADER, unit=None)
    page = login(cast.outsider).get(reverse("core:home")).content.decode()
    assert page.count("Lãnh đạo — toàn hệ thống") == 1
