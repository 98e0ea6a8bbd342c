"""Events in the browser: the seed 002 seminar from its plan, a quota edited, a whole group invited at once,
the date moved with those invited told, the letters made in the background, an answer through the personal
link on a phone, check-in at the desk on a phone, the counts moving. axe-core checks every page visited."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import log_in

pytestmark = pytest.mark.browser

SEED_002 = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures" / "seed_002.txt"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


@pytest.fixture
def seminar_plan(cast):
    from danvan.plans import services as plan_services
    from danvan.plans.parsing import parse_text
    from danvan.testing.factories import PersonFactory

    for name in ["Hoàng Văn Tuấn", "Ngô Thị Bích", "Đặng Quốc Khánh"]:
        PersonFactory(
            full_name=name, title="Tổ trưởng Tổ Dân vận", unit=cast.area, email="to.truong@example.vn"
        )
    return plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=cast.province,
        doc=parse_text(SEED_002.read_text(encoding="utf-8")),
    )


def present_total(page) -> str:
    return page.get_by_test_id("present-total").first.inner_text().strip()


def save_form(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu", exact=True).click()


def test_the_seed_002_seminar_from_invitation_to_check_in(
    cast, seminar_plan, page, live_server, screenshot, browser, accessible, output_path, settings, mailoutbox
):
    from danvan.core.jobs.models import DocumentJob

    from .test_event_letters_job import Worker

    # The letters wait in the queue for a worker, as in production (no document is made in the request).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    out = Path(output_path)
    log_in(page, live_server, "province_officer")
    page.goto(f"{live_server.url}{seminar_plan.get_absolute_url()}")
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo sự kiện từ kế hoạch").click()
    panel = page.get_by_test_id("group-panel")
    assert panel.locator("tbody tr").count() == 7
    header = page.locator("h1 + div").first.inner_text()
    assert "khoảng 112 đại biểu" in header
    assert "Dự kiến trung tuần tháng 09/2023" in header and "(dự kiến)" not in header  # said once
    accessible(page, "event-detail")

    # The plan said "dự kiến trung tuần tháng 09/2023"; the organiser now fixes the day (a future one here).
    day = datetime.date.today() + datetime.timedelta(days=30)
    page.get_by_role("link", name="Sửa", exact=True).click()
    assert page.locator("input[name=notify_invited]").count() == 0  # nobody invited yet: nobody to tell
    accessible(page, "event-edit")
    page.locator("input[name=time_text]").fill(f"ngày {day:%d/%m/%Y}")
    save_form(page)
    assert f"{day:%d/%m/%Y}" in page.content()

    # The last group's quota, edited after creation: never below the seats taken, then 3 seats.
    last_row = page.get_by_test_id("group-panel").locator("tbody tr").last
    last_row.get_by_role("link", name="Sửa").click()
    accessible(page, "group-edit")
    page.locator("input[name=quota]").fill("3")
    save_form(page)
    assert "Đã lưu thành phần" in page.content()
    last_row = page.get_by_test_id("group-panel").locator("tbody tr").last
    assert last_row.locator("td").nth(1).inner_text().strip() == "3"

    # The whole group at once: everyone the search finds, one click, within the 3 seats.
    last_row.get_by_role("link", name="Mời").click()
    page.locator("#invite-q").fill("to truong to dan van")
    page.locator("#invite-q").press("Enter")  # searches even if typing came before htmx was ready
    page.get_by_test_id("invite-all").get_by_role("button", name="Mời cả 3 người tìm thấy").wait_for()
    accessible(page, "group-invite")
    screenshot("group-invite")
    with page.expect_navigation():
        page.get_by_test_id("invite-all").get_by_role("button").click()
    assert "Đã mời 3 người" in page.content()
    screenshot("group-panel")

    # Below the seats taken is refused, in Vietnamese, and nothing changes.
    page.get_by_test_id("group-panel").locator("tbody tr").last.get_by_role("link", name="Sửa").click()
    page.locator("input[name=quota]").fill("2")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("số suất không thể ít hơn 3").wait_for()
    page.get_by_role("link", name="Hủy").click()

    # Moving the date offers to tell those invited (ticked by default): each gets an e-mail with the new day.
    later = day + datetime.timedelta(days=2)
    page.get_by_role("link", name="Sửa", exact=True).first.click()
    assert page.locator("input[name=notify_invited]").is_checked()
    page.locator("input[name=time_text]").fill(f"ngày {later:%d/%m/%Y}")
    save_form(page)
    moved = [m for m in mailoutbox if m.subject.startswith("Thay đổi thời gian")]
    assert len(moved) == 3 and all(f"{later:%d/%m/%Y}" in m.body for m in moved)

    # The letters in the background: the page answers at once, the worker writes, the file is offered.
    with page.expect_navigation():
        page.get_by_role("button", name="Giấy mời (Word, in cả lô)").click()
    assert page.get_by_test_id("job").first.get_attribute("data-state") == "queued"
    worker = Worker(DocumentJob.objects.get().pk)
    worker.start()
    worker.join(timeout=120)
    assert worker.error is None, worker.error
    page.locator("[data-testid=job][data-state=done]").wait_for(timeout=15_000)
    accessible(page, "event-detail-letters")
    with page.expect_download() as info:
        page.get_by_test_id("job-download").first.click()
    letters = out / info.value.suggested_filename
    info.value.save_as(letters)
    from docx import Document

    text = "\n".join(
        p.text for t in Document(str(letters)).tables for r in t.rows for c in r.cells for p in c.paragraphs
    )
    assert "Đàm Thế Sử" in text  # the plan's signer signs the letters

    page.get_by_role("link", name="Giấy mời", exact=True).click()
    accessible(page, "invitation-list")
    link = page.get_by_test_id("link-1").input_value()

    # The delegate answers on a phone: three real radio buttons, a label to tap.
    phone = browser.new_context(locale="vi-VN", **PHONE).new_page()
    phone.goto(link)
    answers = phone.get_by_test_id("rsvp-answers").locator("input[type=radio]")
    assert answers.count() == 3
    for index in range(3):
        box = answers.nth(index).bounding_box()
        assert box and box["width"] < 40  # a radio button, not a text-box pill across the screen
        assert "form-control" not in (answers.nth(index).get_attribute("class") or "")
    accessible(phone, "rsvp-phone")
    phone.screenshot(path=str(out / "rsvp-phone.png"), full_page=True)
    phone.get_by_text("Tôi nhận lời tham dự").click()
    assert answers.first.is_checked()
    phone.get_by_role("button", name="Gửi trả lời").click()
    assert "Nhận lời" in phone.get_by_test_id("rsvp-answer").inner_text()
    accessible(phone, "rsvp-answered-phone")
    phone.context.close()

    # Check-in at the desk, on a phone.
    desk = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **PHONE).new_page()
    log_in(desk, live_server, "province_officer")
    event_url = page.url.split("/invitations/")[0] + "/"
    desk.goto(event_url)
    desk.get_by_role("link", name="Bàn điểm danh").click()
    assert present_total(desk) == "0"
    accessible(desk, "desk-phone")
    for typed, name in [("tuan", "Hoàng Văn Tuấn"), ("bich", "Ngô Thị Bích")]:
        desk.locator("#desk-q").fill(typed)  # typed without diacritics
        result = desk.get_by_test_id("desk-results").locator("li", has_text=name)
        result.get_by_role("button", name="Có mặt").click()
        desk.get_by_test_id("desk-outcome").filter(has_text=name).wait_for()
    desk.wait_for_function("document.querySelector('[data-testid=present-total]').innerText.trim() === '2'")
    assert present_total(desk) == "2"
    desk.screenshot(path=str(out / "desk-phone.png"), full_page=True)
    desk.context.close()

    page.goto(event_url)
    screenshot("event-detail-desktop")
