"""Issue 14 in the browser, on a phone: a ward drafts its implementing plan from the province's and the
province sees it on its plan's panel; a ward's next briefing opens with what the last one asked, and a
conclusion is added from the page."""

import datetime

import pytest

from .conftest import log_in
from .test_plan_journeys import pick_unit

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def superior(cast):
    from danvan.lib.plandoc import Block, PlanDocument, Section
    from danvan.lib.vndates import parse_window
    from danvan.plans import services
    from danvan.testing.factories import UnitFactory, kind

    committee = UnitFactory(
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm",
        kind=kind("mobilization_committee"),
        parent=cast.province,
        abbreviation="BDVTU",
    )
    doc = PlanDocument(
        title="triển khai “Tháng Dân vận” năm 2026",
        sections=[
            Section(
                label="II",
                title="Tổ chức thực hiện",
                blocks=[
                    Block(
                        label="1.",
                        kind="item",
                        text="Ban Dân vận các đảng ủy phường báo cáo kết quả trước ngày 30/10/2099.",
                        is_task=True,
                        lead="Ban Dân vận các đảng ủy phường",
                        due=parse_window("trước ngày 30/10/2099"),
                    ),
                    Block(
                        label="2.",
                        kind="item",
                        text="Phường An Bình tổ chức tọa đàm trước ngày 15/10/2099.",
                        is_task=True,
                        lead="Phường An Bình",
                        due=parse_window("trước ngày 15/10/2099"),
                    ),
                ],
            )
        ],
    )
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=doc)
    # A group of units ("các đảng ủy phường") is no one unit: the committee leads it, set before issuing.
    from danvan.plans.selectors import tasks_without_lead

    for task in tasks_without_lead(plan):
        services.task_update(
            task=task, actor=cast.province_officer, expected_version=task.version, lead_units=[committee]
        )
    return services.plan_issue(plan=plan, actor=cast.province_officer, issued_on=datetime.date(2026, 9, 7))


def test_a_ward_drafts_its_implementing_plan_and_the_province_sees_it(
    cast, superior, page, live_server, screenshot, accessible
):
    page.set_viewport_size(PHONE)
    log_in(page, live_server, "ward_officer")
    page.goto(f"{live_server.url}{superior.get_absolute_url()}")
    panel = page.locator("#cascade-panel")
    panel.get_by_test_id("cascade-units").wait_for()
    assert "Chưa có kế hoạch" in panel.inner_text()
    panel.get_by_role("link", name="Xây dựng kế hoạch triển khai của đơn vị cấp dưới").click()
    pick_unit(page, "unit", "an binh", "Phường An Bình")
    with page.expect_navigation():
        page.get_by_role("button", name="Tiếp tục").click()
    assert "Ban Dân vận Tỉnh ủy Thử Nghiệm" in page.content()
    screenshot("cascade-form-phone")
    accessible(page, "cascade-form")
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo dự thảo kế hoạch triển khai").click()
    assert "Đã tạo dự thảo kế hoạch triển khai" in page.content()
    tasks = page.get_by_test_id("task-table").inner_text()
    assert "23/10/2099" in tasks and "08/10/2099" in tasks  # five working days earlier

    page.context.clear_cookies()
    log_in(page, live_server, "province_officer")
    page.goto(f"{live_server.url}{superior.get_absolute_url()}")
    page.locator("#cascade-panel [data-state='draft']").wait_for()
    page.locator("#cascade-panel").scroll_into_view_if_needed()
    screenshot("cascade-panel-phone")
    accessible(page, "cascade-panel")
    page.locator("#cascade-panel").get_by_role("link", name="Chưa có").click()
    page.locator("#cascade-panel").get_by_text("Không có đơn vị nào ở tình trạng này.").wait_for()


def test_the_next_briefing_opens_with_the_last_asks_and_takes_a_conclusion(
    cast, page, live_server, screenshot, accessible
):
    from danvan.events.briefings.services import ConclusionItem, briefing_save, conclusions_add
    from danvan.lib.periods import Period, PeriodKind
    from danvan.plans import services as plan_services

    last = briefing_save(
        actor=cast.ward_officer,
        organiser=cast.ward,
        kind="giao_ban",
        period=Period(PeriodKind.QUARTER, 2026, 3),
        time_text="ngày 25/9/2026",
    )
    done, _late = conclusions_add(
        actor=cast.ward_officer,
        event=last,
        items=[
            ConclusionItem("Rà soát hộ có nhà ở xuống cấp.", [cast.area], datetime.date(2026, 10, 15)),
            ConclusionItem(
                "Tổ chức đối thoại về chỉnh trang đô thị.", [cast.bloc], datetime.date(2026, 10, 31)
            ),
        ],
    )
    plan_services.task_add_note(task=done, actor=cast.ward_officer, text="Đã rà soát 18 hộ.", progress=100)
    upcoming = briefing_save(
        actor=cast.ward_officer,
        organiser=cast.ward,
        kind="giao_ban",
        period=Period(PeriodKind.QUARTER, 2026, 4),
        time_text="ngày 22/12/2099",
    )
    page.set_viewport_size(PHONE)
    log_in(page, live_server, "ward_officer")
    page.goto(f"{live_server.url}/events/{upcoming.pk}/")
    page.get_by_test_id("briefing-banner").get_by_role("link").click()
    asks = page.get_by_test_id("last-asks")
    assert "Đã rà soát 18 hộ." in asks.inner_text() and asks.locator(".list-group-item-danger").count() == 1
    screenshot("briefing-phone")
    accessible(page, "briefing")
    form = page.get_by_test_id("conclusion-form")
    form.locator("textarea").first.fill("Hoàn thành báo cáo tổng kết năm.")
    form.get_by_label("Khu phố Đông").first.check()
    form.locator("input[name='ket-luan-0-deadline']").fill("01/01/2099")
    with page.expect_navigation():
        form.get_by_role("button", name="Lưu kết luận").click()
    assert "thời hạn 01/01/2099 trước ngày họp 22/12/2099" in page.content()
    form = page.get_by_test_id("conclusion-form")
    form.locator("input[name='ket-luan-0-deadline']").fill("15/01/2100")
    with page.expect_navigation():
        form.get_by_role("button", name="Lưu kết luận").click()
    assert "Đã thêm 1 kết luận." in page.content()
    assert "Hoàn thành báo cáo tổng kết năm." in page.get_by_test_id("conclusions").inner_text()
