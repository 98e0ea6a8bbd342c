"""The leaders' dashboard against a hand-computed year (2025, monthly reports), the scope trio on every view,
and a ceiling on its queries that does not move when the subtree grows.

The year, on the cast's province (wards A and B, the agency; ward A has the area below it):

  call (owner)              asked          answers                                      last day
  Jan (province)            A, B, agency   A on time, B late, agency a draft only       05/02/2025
  Feb (province)            A, B           A on time, B returned                        05/03/2025
  Mar (ward A)              area           area accepted, on time                       05/04/2025
  Mar (province)            A, B           A on time, B nothing yet                     30/09/2099
  Q1 (province, quarterly)  B              -                                            (not monthly)
  no period                 A              -                                            (not periodic)

By hand, for the province: ward A 4 asked, 4 on time; ward B 3 asked, 1 late, 1 on time (a returned answer
was sent on its day, as the regimes' grid counts it), 1 pending; the agency 1 asked, 1 missing (a draft is
not sent). In all 8 asked, 1 pending, so 7 due; 6 sent (5 on time): rate round(600/7) = 86 %, punctuality
round(500/7) = 71 %. January: 3 asked, 2 sent, 67 %; February: 2 asked, 2 sent, 100 %; March: 3 asked, 2
sent, 1 pending, 100 % of those due.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from danvan.core.access import Role
from danvan.events.models import Event
from danvan.lib import vntext
from danvan.lib.periods import Period, PeriodKind
from danvan.plans.models import Plan, Task
from danvan.reporting.models import Call, CallTarget, FormTemplate, Submission
from danvan.site.dashboard import selectors
from danvan.testing.factories import UnitFactory, UserFactory, grant, kind

YEAR = 2025
TODAY = datetime.date(2026, 12, 3)
MONTH = PeriodKind.MONTH


def month(number: int) -> Period:
    return Period(MONTH, YEAR, number)


def call(owner, targets, *, period: Period | None, due: datetime.date, title="Báo cáo tháng") -> Call:
    template, _ = FormTemplate.objects.get_or_create(name="Mẫu báo cáo định kỳ thử", owner=None)
    made = Call.objects.create(
        owner=owner,
        template=template,
        title=title,
        due_end=due,
        period_kind=period.kind if period else "",
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        search_text=vntext.fold(title),
    )
    CallTarget.objects.bulk_create(CallTarget(call=made, unit=unit) for unit in targets)
    return made


def answer(to: Call, unit, status, *, late=False):
    sent = status in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED, Submission.Status.RETURNED)
    due = datetime.datetime.combine(to.due_end, datetime.time(8), tzinfo=datetime.UTC)
    return Submission.objects.create(
        call=to,
        unit=unit,
        status=status,
        is_late=late,
        submitted_at=(due + datetime.timedelta(days=3 if late else -2)) if sent else None,
        revision=1 if sent else 0,
    )


def task(plan, lead, due, status=Task.Status.TODO, title="Nhiệm vụ"):
    return Task.objects.create(plan=plan, title=title, lead_unit=lead, due_end=due, status=status)


@pytest.fixture
def year(cast):
    c = cast
    S = Submission.Status
    jan = call(c.province, [c.ward, c.other_ward, c.agency], period=month(1), due=datetime.date(2025, 2, 5))
    answer(jan, c.ward, S.SUBMITTED)
    answer(jan, c.other_ward, S.ACCEPTED, late=True)
    answer(jan, c.agency, S.DRAFT)
    feb = call(c.province, [c.ward, c.other_ward], period=month(2), due=datetime.date(2025, 3, 5))
    answer(feb, c.ward, S.SUBMITTED)
    answer(feb, c.other_ward, S.RETURNED)
    mar_ward = call(c.ward, [c.area], period=month(3), due=datetime.date(2025, 4, 5))
    answer(mar_ward, c.area, S.ACCEPTED)
    mar = call(c.province, [c.ward, c.other_ward], period=month(3), due=datetime.date(2099, 9, 30))
    answer(mar, c.ward, S.SUBMITTED)
    call(
        c.province, [c.other_ward], period=Period(PeriodKind.QUARTER, YEAR, 1), due=datetime.date(2025, 4, 5)
    )
    call(c.province, [c.ward], period=None, due=datetime.date(2025, 6, 1), title="Đăng ký một lần")

    plan = Plan.objects.create(issuing_unit=c.province, title="Kế hoạch thử", status=Plan.Status.ISSUED)
    draft = Plan.objects.create(issuing_unit=c.province, title="Dự thảo thử")
    b_plan = Plan.objects.create(issuing_unit=c.other_ward, title="Kế hoạch phường B", status="issued")
    task(plan, c.ward, datetime.date(2025, 5, 1), title="Quá hạn phường A")
    task(plan, c.other_ward, datetime.date(2025, 6, 1), Task.Status.IN_PROGRESS)
    task(plan, c.ward, datetime.date(2025, 5, 1), Task.Status.DONE)
    task(plan, c.area, datetime.date(2025, 7, 1), title="Quá hạn khu phố")
    task(plan, c.ward, datetime.date(2099, 1, 1))
    task(draft, c.ward, datetime.date(2025, 1, 1))
    task(b_plan, None, datetime.date(2025, 2, 1))
    task(plan, c.ward, datetime.date(2024, 5, 1))  # another year
    future = timezone.localdate() + datetime.timedelta(days=10)
    Event.objects.create(
        organiser=c.ward, title="Hội nghị sắp tới phường A", time_start=future, time_end=future
    )
    Event.objects.create(organiser=c.other_ward, title="Gặp mặt phường B", time_start=future, time_end=future)
    past = timezone.localdate() - datetime.timedelta(days=10)
    Event.objects.create(organiser=c.ward, title="Hội nghị đã qua", time_start=past, time_end=past)
    return c


def node_of(unit):
    return selectors.Node(unit=unit, roots=[unit])


def test_the_provinces_year_by_hand(year):
    c = year
    node = node_of(c.province)
    children = selectors.children_of(node)
    grid = selectors.reporting_grid(node, children, YEAR, MONTH, today=TODAY)
    rows = {row.label: row for row in grid.rows}
    assert list(rows) == [u.name for u in children]
    ward, other, agency = rows[c.ward.name].total, rows[c.other_ward.name].total, rows[c.agency.name].total
    assert (ward.targets, ward.on_time, ward.late, ward.missing, ward.pending) == (4, 4, 0, 0, 0)
    assert ward.state == "on_time" and ward.rate == 100
    assert (other.targets, other.on_time, other.late, other.missing, other.pending) == (3, 1, 1, 0, 1)
    assert other.state == "late" and other.rate == 100 and other.punctuality == 50
    assert (agency.targets, agency.missing, agency.state, agency.rate) == (1, 1, "missing", 0)
    assert rows[c.other_ward.name].cells[month(1)].state == "late"
    assert rows[c.other_ward.name].cells[month(3)].state == "pending"
    total = grid.total
    assert (total.targets, total.sent, total.due, total.rate, total.punctuality) == (8, 6, 7, 86, 71)
    assert grid.periods == [month(1), month(2), month(3)]
    assert [grid.by_period[p].rate for p in grid.periods] == [67, 100, 100]
    assert grid.by_period[month(3)].state == "pending"


def test_a_ward_sees_what_it_was_asked_itself_beside_its_units(year):
    c = year
    node = node_of(c.ward)
    grid = selectors.reporting_grid(node, selectors.children_of(node), YEAR, MONTH, today=TODAY)
    own, *others = grid.rows
    assert own.unit is None and c.ward.name in own.label
    assert (own.total.targets, own.total.on_time) == (3, 3)
    area = next(row for row in others if row.unit == c.area)
    assert (area.total.targets, area.total.on_time, area.total.state) == (1, 1, "on_time")
    assert next(row for row in others if row.unit == c.bloc).total.state == "none"


def test_overdue_tasks_by_hand(year):
    c = year
    province = node_of(c.province)
    overdue = selectors.overdue_tasks(province, selectors.children_of(province), YEAR, today=TODAY)
    assert overdue.total == 4
    assert dict(overdue.by_child) == {c.ward.name: 2, c.other_ward.name: 2}
    assert [t["due_end"] for t in overdue.listed] == sorted(t["due_end"] for t in overdue.listed)
    ward = node_of(c.ward)
    overdue = selectors.overdue_tasks(ward, selectors.children_of(ward), YEAR, today=TODAY)
    assert overdue.total == 2
    assert dict(overdue.by_child) == {c.ward.name: 1, c.area.name: 1}
    assert {t["title"] for t in overdue.listed} == {"Quá hạn phường A", "Quá hạn khu phố"}


def test_the_page_shows_the_figures_and_the_late_unit(year, login):
    c = year
    response = login(c.province_officer).get(reverse("core:dashboard"), {"year": YEAR, "kind": "month"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="dash-rate">86%' in html
    assert 'data-testid="dash-punctuality">71%' in html
    assert 'data-testid="dash-overdue">4<' in html
    grid = html[html.index('data-testid="dash-grid"') :]
    late_row = grid[grid.index(c.other_ward.name) :]
    late_row = late_row[: late_row.index("</tr>")]
    assert late_row.count("dash-late") == 2  # January, and the year (its February answer was returned)
    assert "Hội nghị sắp tới phường A" in html and "Gặp mặt phường B" in html
    assert "Hội nghị đã qua" not in html
    ward_url = reverse("core:dashboard_unit", args=[c.ward.pk])
    assert f'href="{ward_url}?year={YEAR}&amp;kind=month"' in html


def test_a_year_without_periodic_reports_says_so(year, login):
    response = login(year.province_officer).get(reverse("core:dashboard"), {"year": 2026})
    html = response.content.decode()
    assert response.status_code == 200 and 'data-testid="dash-no-reports"' in html
    assert 'data-testid="dash-rate">–' in html


def test_the_export_carries_the_same_figures(year, login):
    import io

    from openpyxl import load_workbook

    response = login(year.province_officer).get(reverse("core:dashboard_export"), {"year": YEAR})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheets = ["Theo kỳ", "Theo đơn vị", "Nhiệm vụ quá hạn", "Chương trình công tác", "Chỉ tiêu"]
    assert book.sheetnames == sheets
    rows = list(book["Theo kỳ"].iter_rows(values_only=True))
    assert rows[-1][:8] == ("Cả năm", 8, 5, 1, 1, 1, 86, 71)
    units = {r[0]: r for r in book["Theo đơn vị"].iter_rows(min_row=3, values_only=True)}
    assert units[year.other_ward.name][1] == "Có đơn vị gửi muộn"
    assert units[year.agency.name][1] == "Còn đơn vị chưa gửi"
    assert units[year.other_ward.name][9] == "1/1 (1 muộn)"


# --- scope: own subtree, sibling, anonymous; the capability ---------------------------------------------


def test_the_scope_trio_on_every_view(year, login):
    c = year
    officer = login(c.ward_officer)
    for name in ("core:dashboard", "core:dashboard_export"):
        assert officer.get(reverse(name), {"year": YEAR}).status_code == 200
    landing = officer.get(reverse("core:dashboard"), {"year": YEAR}).content.decode()
    assert (
        "Phường An Bình" in landing and "Phường Bắc Hà" not in landing and "Gặp mặt phường B" not in landing
    )
    for name in ("core:dashboard_unit", "core:dashboard_unit_export"):
        assert officer.get(reverse(name, args=[c.area.pk])).status_code == 200  # own subtree
        assert officer.get(reverse(name, args=[c.other_ward.pk])).status_code == 404  # sibling
        assert officer.get(reverse(name, args=[c.province.pk])).status_code == 404  # above
    anonymous = Client()
    for url in (
        reverse("core:dashboard"),
        reverse("core:dashboard_export"),
        reverse("core:dashboard_unit", args=[c.ward.pk]),
        reverse("core:dashboard_unit_export", args=[c.ward.pk]),
    ):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_who_holds_the_dashboard(year, login):
    c = year
    leader = UserFactory(username="lanh_dao_tinh", full_name="Lãnh đạo tỉnh")
    grant(leader, Role.LEADER, c.province)
    assert login(leader).get(reverse("core:dashboard_unit", args=[c.ward.pk])).status_code == 200
    for user in (c.ward_council_member, c.focal_point, c.team_leader):
        assert login(user).get(reverse("core:dashboard")).status_code == 403
    # in scope without the capability: 403 (the council member sees ward A's units, not its dashboard)
    assert (
        login(c.ward_council_member).get(reverse("core:dashboard_unit", args=[c.ward.pk])).status_code == 403
    )


def test_breadcrumbs_lead_back_up_to_what_the_user_may_open(year, login):
    c = year
    html = login(c.province_officer).get(reverse("core:dashboard_unit", args=[c.area.pk])).content.decode()
    crumbs = html[html.index('data-testid="dash-breadcrumbs"') : html.index("</ol>")]
    for unit in (c.province, c.ward):
        assert reverse("core:dashboard_unit", args=[unit.pk]) in crumbs
    html = login(c.ward_officer).get(reverse("core:dashboard_unit", args=[c.area.pk])).content.decode()
    crumbs = html[html.index('data-testid="dash-breadcrumbs"') : html.index("</ol>")]
    assert c.province.name not in crumbs and reverse("core:dashboard_unit", args=[c.ward.pk]) in crumbs


# --- queries ---------------------------------------------------------------------------------------------


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, {"year": YEAR}).status_code == 200
    return len(captured.captured_queries)


def test_queries_do_not_grow_with_the_subtree(year, login):
    c = year
    client = login(c.admin)
    urls = [reverse("core:dashboard"), reverse("core:dashboard_unit", args=[c.ward.pk])]
    before = [_queries(client, url) for url in urls]
    assert max(before) <= 20, before
    # ten more wards, each asked every month, answering, with overdue tasks and events
    plan = Plan.objects.create(issuing_unit=c.province, title="Kế hoạch thêm", status=Plan.Status.ISSUED)
    wards = [UnitFactory(name=f"Xã thêm {n}", kind=kind("ward"), parent=c.province) for n in range(10)]
    for number in range(1, 13):
        made = call(c.province, wards, period=month(number), due=datetime.date(2025, number, 28))
        for ward in wards[::2]:
            answer(made, ward, Submission.Status.SUBMITTED, late=number % 3 == 0)
    for ward in wards:
        UnitFactory(name=f"Thôn của {ward.name}", kind=kind("residential_area"), parent=ward)
        task(plan, ward, datetime.date(2025, 3, 1))
        future = timezone.localdate() + datetime.timedelta(days=5)
        Event.objects.create(organiser=ward, title="Sự kiện thêm", time_start=future, time_end=future)
    after = [_queries(client, url) for url in urls]
    assert after == before
