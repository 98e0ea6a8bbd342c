"""Events in the browser: the seed 002 seminar from its plan, three invitations, an answer through the
personal link in a second browser, two check-ins at the desk, the counts moving."""

from pathlib import Path

import pytest
from django.conf import settings

from .conftest import log_in

pytestmark = pytest.mark.browser

SEED_002 = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures" / "seed_002.txt"


@pytest.fixture
def seminar_plan(cast):
    from danvan.plans import services as plan_services
    from danvan.plans.parsing import parse_text
    from danvan.testing.factories import PersonFactory

    for name in ["Hoàng Văn Tuấn", "Ngô Thị Bích", "Đặng Quốc Khánh"]:
        PersonFactory(full_name=name, title="Tổ trưởng Tổ Dân vận", unit=cast.area)
    return plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=cast.province,
        doc=parse_text(SEED_002.read_text(encoding="utf-8")),
    )


def present_total(page) -> str:
    return page.get_by_test_id("present-total").first.inner_text().strip()


def test_the_seed_002_seminar_from_invitation_to_check_in(
    cast, seminar_plan, page, live_server, screenshot, browser
):
    log_in(page, live_server, "province_officer")
    page.goto(f"{live_server.url}{seminar_plan.get_absolute_url()}")
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo sự kiện từ kế hoạch").click()
    panel = page.get_by_test_id("group-panel")
    assert panel.locator("tbody tr").count() == 7
    assert "khoảng 112 đại biểu" in page.content()

    # The plan said "dự kiến trung tuần tháng 09/2023"; the organiser now fixes the day (a future one here).
    import datetime

    day = datetime.date.today() + datetime.timedelta(days=30)
    page.get_by_role("link", name="Sửa", exact=True).click()
    page.locator("input[name=time_text]").fill(f"ngày {day:%d/%m/%Y}")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()
    assert f"{day:%d/%m/%Y}" in page.content()
    panel = page.get_by_test_id("group-panel")

    panel.locator("tbody tr").last.get_by_role("link", name="Mời").click()
    page.locator("#invite-q").fill("to truong to dan van")
    page.wait_for_timeout(600)
    boxes = page.get_by_test_id("invite-people").locator("input[type=checkbox]:not([disabled])")
    for index in range(3):
        boxes.nth(index).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Mời những người đã chọn").click()
    assert "Đã mời 3 người" in page.content()
    screenshot("group-panel")

    page.get_by_role("link", name="Giấy mời", exact=True).click()
    link = page.get_by_test_id("link-1").input_value()
    delegate = browser.new_context(locale="vi-VN").new_page()
    delegate.goto(link)
    delegate.get_by_label("Tôi nhận lời tham dự").check()
    delegate.get_by_role("button", name="Gửi trả lời").click()
    assert "Nhận lời" in delegate.get_by_test_id("rsvp-answer").inner_text()
    delegate.context.close()

    page.go_back()
    page.get_by_role("link", name="Bàn điểm danh").click()
    assert present_total(page) == "0"
    for typed, name in [("tuan", "Hoàng Văn Tuấn"), ("bich", "Ngô Thị Bích")]:
        page.locator("#desk-q").fill(typed)  # typed without diacritics
        result = page.get_by_test_id("desk-results").locator("li", has_text=name)
        result.get_by_role("button", name="Có mặt").click()
        page.get_by_test_id("desk-outcome").filter(has_text=name).wait_for()
    page.wait_for_function("document.querySelector('[data-testid=present-total]').innerText.trim() === '2'")
    assert present_total(page) == "2"
    screenshot("desk")
