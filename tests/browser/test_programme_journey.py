"""The work programme in the browser: a ward officer imports the ward's programme (our corpus text), follows
it by month, starts an event from an item through its "+" action, and sees the item under way; the page on
a phone, checked by axe."""

import pytest

from .conftest import assert_styled, log_in
from .test_plan_journeys import pick_unit

pytestmark = pytest.mark.browser


def test_an_officer_imports_a_programme_and_carries_out_an_item_with_an_event(
    cast, page, live_server, screenshot, accessible
):
    from danvan.plans.tests.corpus.handwritten import text_of

    log_in(page, live_server, "ward_officer")
    page.goto(f"{live_server.url}/plans/import/")
    pick_unit(page, "issuing_unit", "an binh", "Phường An Bình")
    page.locator("textarea[name=text]").fill(text_of("programme_commune_quarters"))
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc kế hoạch").click()
    page.get_by_role("link", name="Hủy").first.click()
    page.get_by_role("link", name="Theo dõi thực hiện chương trình").click()
    assert_styled(page)
    items = page.get_by_test_id("programme-items")
    assert page.get_by_role("heading", name="Quý I/2026").count() == 1
    assert items.first.get_by_text("Chậm tiến độ").count() >= 1  # Quý I/2026 ended long ago
    screenshot("programme")

    dialogue = page.locator("li[data-item]", has_text="Tổ chức đối thoại giữa Bí thư")
    dialogue.get_by_role("link", name="+ Tạo sự kiện").click()
    picker = page.locator("select[name=programme_item]")
    assert "Tổ chức đối thoại" in picker.locator("option:checked").inner_text()
    pick_unit(page, "organiser", "an binh", "Phường An Bình")
    page.locator("input[name=title]").fill("Đối thoại giữa Bí thư Đảng ủy với Nhân dân")
    page.locator("input[name=time_text]").fill("tháng 3/2099")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()
    assert "Đối thoại giữa Bí thư Đảng ủy với Nhân dân" in page.content()

    page.go_back()
    page.go_back()
    page.reload()
    dialogue = page.locator("li[data-item]", has_text="Tổ chức đối thoại giữa Bí thư")
    assert (
        dialogue.get_by_role("link", name="Đối thoại giữa Bí thư Đảng ủy với Nhân dân", exact=True).count()
        == 1
    )

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("programme-phone")
    accessible(page, "programme-phone")
