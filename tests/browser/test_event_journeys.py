"""Events in the browser, on a desktop (1280 wide) and on a phone (390 x 844): the seed 002 seminar from
its plan, a quota edited, a whole group invited at once, the date moved with those invited told, the letters
made in the background (progress shown, the file downloaded and read back), an answer through the personal
link on a phone, check-in at the desk on a phone, the counts moving. axe-core checks every page visited;
screenshots of the key pages are saved for each viewport.

The seminar's facts (the expected attendance, the tentative time, the composition groups, the signer) are read
from the shared seed itself; the test is skipped where the seeds are not beside the project."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import log_in

pytestmark = pytest.mark.browser

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
VIEWPORTS = {"desktop": {"viewport": {"width": 1280, "height": 800}}, "phone": PHONE}


def seed_002() -> str:
    found = sorted(SEEDS.glob("002_*.txt"))
    if not found:
        pytest.skip("the shared seeds are not beside the project")
    return found[0].read_text(encoding="utf-8")


def seminar_facts(text: str) -> dict:
    """What the plan says of its seminar, read from the seed: attendance, time, composition, signer."""
    attendance = re.search(r"Khoảng (\d+) đại biểu", text)
    time_line = re.search(r"Thời gian:\**\s*(.+?)\.?\s*$", text, re.MULTILINE)
    after = text.split("Thành phần:", 1)[1].split("\n\n")
    composition = next(chunk for chunk in after if chunk.lstrip().startswith("- "))
    lines = [line for line in text.strip().splitlines() if line.strip()]
    town = re.search(r"Thành ủy (\w+ \w+)", text)  # the issuing town, the letters' place name
    return {
        "place": town.group(1),
        "attendance": int(attendance.group(1)),
        "time": time_line.group(1).strip(),
        "groups": len([line for line in composition.splitlines() if line.startswith("- ")]),
        "signer": lines[-1].strip(),
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
        doc=parse_text(seed_002()),
    )


def present_total(page) -> str:
    return page.get_by_test_id("present-total").first.inner_text().strip()


def save_form(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu", exact=True).click()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_seed_002_seminar_from_invitation_to_check_in(
    viewport, cast, seminar_plan, live_server, browser, accessible, output_path, settings, mailoutbox
):
    from danvan.core.jobs.models import DocumentJob

    from .test_event_letters_job import Worker

    facts = seminar_facts(seed_002())
    # The letters wait in the queue for a worker, as in production (no document is made in the request).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    out = Path(output_path)
    out.mkdir(parents=True, exist_ok=True)
    page = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **VIEWPORTS[viewport]
    ).new_page()
    page.set_default_timeout(10_000)

    def screenshot(name: str) -> None:
        page.screenshot(path=str(out / f"{name}-{viewport}.png"), full_page=True)

    def check(name: str) -> None:
        accessible(page, f"{name}-{viewport}")

    log_in(page, live_server, "province_officer")
    page.goto(f"{live_server.url}{seminar_plan.get_absolute_url()}")
    check("plan-detail")
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo sự kiện từ kế hoạch").click()
    panel = page.get_by_test_id("group-panel")
    assert panel.locator("tbody tr").count() == facts["groups"]
    header = page.locator("h1 + div").first.inner_text()
    assert f"khoảng {facts['attendance']} đại biểu" in header
    assert facts["time"] in header and "(dự kiến)" not in header  # "Dự kiến" said once
    assert page.get_by_test_id("lacks-place").is_visible()  # the letters would have no place: said up front
    check("event-detail")
    screenshot("event-created")

    # The plan gave a tentative time; the organiser now fixes the day (a future one here).
    day = datetime.date.today() + datetime.timedelta(days=30)
    page.get_by_role("link", name="Sửa", exact=True).click()
    assert page.locator("input[name=notify_invited]").count() == 0  # nobody invited yet: nobody to tell
    check("event-edit")
    page.locator("input[name=time_text]").fill(f"ngày {day:%d/%m/%Y}")
    page.locator("input[name=place_name]").fill(facts["place"])  # the plan's text names no place: it is said
    save_form(page)
    assert f"{day:%d/%m/%Y}" in page.content()
    assert page.get_by_test_id("lacks-place").count() == 0

    # The last group's quota, edited after creation: never below the seats taken, then 3 seats.
    last_row = page.get_by_test_id("group-panel").locator("tbody tr").last
    last_row.get_by_role("link", name="Sửa").click()
    check("group-edit")
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
    check("group-invite")
    screenshot("group-invite")
    with page.expect_navigation():
        page.get_by_test_id("invite-all").get_by_role("button").click()
    assert "Đã mời 3 người" in page.content()
    check("group-panel")
    screenshot("group-panel")

    # Below the seats taken is refused, in Vietnamese, and nothing changes.
    page.get_by_test_id("group-panel").locator("tbody tr").last.get_by_role("link", name="Sửa").click()
    page.locator("input[name=quota]").fill("2")
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_text("số suất không thể ít hơn 3").wait_for()
    check("group-edit-refused")
    page.get_by_role("link", name="Hủy").click()

    # Moving the date offers to tell those invited (ticked by default): each gets an e-mail with the new day.
    later = day + datetime.timedelta(days=2)
    page.get_by_role("link", name="Sửa", exact=True).first.click()
    assert page.locator("input[name=notify_invited]").is_checked()
    check("event-edit-notify")
    screenshot("event-edit-notify")
    page.locator("input[name=time_text]").fill(f"ngày {later:%d/%m/%Y}")
    save_form(page)
    moved = [m for m in mailoutbox if m.subject.startswith("Thay đổi thời gian")]
    assert len(moved) == 3 and all(f"{later:%d/%m/%Y}" in m.body for m in moved)

    # The letters in the background: the page answers at once, the worker writes, the file is offered.
    with page.expect_navigation():
        page.get_by_role("button", name="Giấy mời (Word, in cả lô)").click()
    card = page.get_by_test_id("job").first
    assert card.get_attribute("data-state") == "queued" and "Đang chờ" in card.inner_text()
    check("event-detail-letters-queued")
    worker = Worker(DocumentJob.objects.get().pk)
    worker.start()
    worker.join(timeout=120)
    assert worker.error is None, worker.error
    page.locator("[data-testid=job][data-state=done]").wait_for(timeout=15_000)
    check("event-detail-letters")
    screenshot("letters-ready")
    with page.expect_download() as info:
        page.get_by_test_id("job-download").first.click()
    letters = out / f"{viewport}-{info.value.suggested_filename}"
    info.value.save_as(letters)
    from docx import Document

    document = Document(str(letters))
    text = "\n".join(
        [p.text for p in document.paragraphs]
        + [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    )
    assert facts["signer"] in text  # the plan's signer signs the letters
    assert f"{facts['place']}, ngày" in text  # the place and date line names the place
    assert "Nơi nhận" in text
    assert text.count("GIẤY MỜI") == 3  # one letter for each delegate invited

    page.get_by_role("link", name="Giấy mời", exact=True).click()
    check("invitation-list")
    screenshot("invitation-list")
    link = page.get_by_test_id("link-1").input_value()

    # The delegate answers on a phone: three real radio buttons, each with its label to tap.
    phone = browser.new_context(locale="vi-VN", **PHONE).new_page()
    phone.goto(link)
    answers = phone.get_by_test_id("rsvp-answers").locator("input[type=radio]")
    assert answers.count() == 3
    for index in range(3):
        radio = answers.nth(index)
        box = radio.bounding_box()
        assert box and 8 < box["width"] < 40 and 8 < box["height"] < 40  # a radio button, not a pill
        assert "form-control" not in (radio.get_attribute("class") or "")
        assert radio.is_visible()
        drawn = radio.evaluate(
            "(el) => [getComputedStyle(el).appearance, getComputedStyle(el).borderTopWidth]"
        )
        assert drawn[0] != "none" or drawn[1] != "0px"  # drawn by the browser or by its own border
        label = phone.locator(f"label[for='{radio.get_attribute('id')}']")
        assert label.inner_text().strip()  # each radio has its own label
    accessible(phone, f"rsvp-phone-{viewport}")
    phone.screenshot(path=str(out / f"rsvp-phone-{viewport}.png"), full_page=True)
    phone.get_by_text("Tôi nhận lời tham dự").click()
    assert answers.first.is_checked()
    phone.get_by_role("button", name="Gửi trả lời").click()
    assert "Nhận lời" in phone.get_by_test_id("rsvp-answer").inner_text()
    accessible(phone, f"rsvp-answered-phone-{viewport}")
    phone.context.close()

    # Check-in at the desk, on a phone.
    desk = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **PHONE).new_page()
    log_in(desk, live_server, "province_officer")
    event_url = page.url.split("/invitations/")[0] + "/"
    desk.goto(event_url)
    desk.get_by_role("link", name="Bàn điểm danh").click()
    assert present_total(desk) == "0"
    accessible(desk, f"desk-phone-{viewport}")
    for typed, name in [("tuan", "Hoàng Văn Tuấn"), ("bich", "Ngô Thị Bích")]:
        desk.locator("#desk-q").fill(typed)  # typed without diacritics
        result = desk.get_by_test_id("desk-results").locator("li", has_text=name)
        result.get_by_role("button", name="Có mặt").click()
        desk.get_by_test_id("desk-outcome").filter(has_text=name).wait_for()
    desk.wait_for_function("document.querySelector('[data-testid=present-total]').innerText.trim() === '2'")
    assert present_total(desk) == "2"
    accessible(desk, f"desk-phone-checked-{viewport}")
    desk.screenshot(path=str(out / f"desk-phone-{viewport}.png"), full_page=True)
    desk.context.close()

    page.goto(event_url)
    assert present_total(page) == "2"
    check("event-detail-after")
    screenshot("event-detail-after")
    page.context.close()
