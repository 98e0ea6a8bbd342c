"""The movement in the browser: a ward registers a model, two council members score it, the chair closes the
round, and the model appears on the public showcase."""

import datetime

import pytest

from .conftest import log_in

pytestmark = pytest.mark.browser

TITLE = "Tổ hợp tác nuôi ong khu phố Đông"


@pytest.fixture
def council(cast):
    from danvan.testing.factories import UserFactory, grant

    members = [
        UserFactory(username=f"hoidong{n}", full_name=name)
        for n, name in enumerate(["Hoàng Minh Tâm", "Vũ Thị Thu"], start=1)
    ]
    for member in members:
        grant(member, "council_member", cast.ward)
    return members


def pick_unit(page, select_name: str, words: str, label: str) -> None:
    page.locator(f"input[data-picker-for='{select_name}']").fill(words)
    page.locator(".unit-picker-results button", has_text=label).first.click()


def score(browser, live_server, username: str, url: str, points: list[int], screenshot_path=None) -> None:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, live_server, username)
    page.goto(url)
    inputs = page.get_by_test_id("sheet-form").locator("input[type=number]")
    for index, value in enumerate(points):
        inputs.nth(index).fill(str(value))
    if screenshot_path:
        page.screenshot(path=str(screenshot_path), full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi phiếu chấm").click()
    assert page.get_by_test_id("sent").count() == 1
    context.close()


def test_a_registered_model_is_scored_recognised_and_shown_publicly(
    cast, council, page, live_server, browser, screenshot
):
    from django.urls import reverse

    from danvan.recognition.appraisal import services as services_appraisal
    from danvan.recognition.models import Exemplar

    log_in(page, live_server, "ward_officer")
    page.get_by_role("link", name="Dân vận khéo").first.click()
    page.get_by_role("link", name="Đăng ký", exact=True).click()
    pick_unit(page, "unit", "khu pho dong", "Khu phố Đông")
    page.locator("input[name=year]").fill("2026")
    page.locator("select[name=field]").select_option(label="Kinh tế")
    page.locator("input[name=title]").fill(TITLE)
    page.locator("textarea[name=story]").fill("Mười hộ cùng nuôi ong, chia sẻ kỹ thuật và đầu ra.")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()
    assert page.get_by_test_id("exemplar-status").inner_text() == "Đã đăng ký"

    exemplar = Exemplar.objects.get(title=TITLE)
    round_ = services_appraisal.round_create(
        actor=cast.ward_officer,
        owner=cast.ward,
        name="Thẩm định phường 2026",
        year=2026,
        level="ward",
        threshold=60,
    )
    services_appraisal.members_set(actor=cast.ward_officer, round_=round_, users=council, chair=council[0])
    entry = services_appraisal.entries_admit(actor=cast.ward_officer, round_=round_, exemplars=[exemplar])[0]
    url = f"{live_server.url}{reverse('recognition:round_score', args=[round_.pk, entry.pk])}"
    sheet_png = screenshot("registered").parent / "scoring-sheet.png"
    score(browser, live_server, "hoidong1", url, [18, 17, 22, 18, 13], screenshot_path=sheet_png)
    score(browser, live_server, "hoidong2", url, [16, 15, 20, 17, 12])

    chair = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900}).new_page()
    chair.on("dialog", lambda dialog: dialog.accept())
    log_in(chair, live_server, "hoidong1")
    chair.goto(f"{live_server.url}{reverse('recognition:round_detail', args=[round_.pk])}")
    assert "84" in chair.get_by_test_id("ranking").inner_text()  # (88 + 80) / 2
    form = chair.get_by_test_id("close-form")
    form.locator("input[name=decision_number]").fill("15/QĐ-BCĐ")
    form.locator("input[name=decision_date]").fill(datetime.date.today().strftime("%d/%m/%Y"))
    with chair.expect_navigation():
        form.get_by_role("button", name="Kết thúc đợt thẩm định").click()
    assert "15/QĐ-BCĐ" in chair.get_by_test_id("decision").inner_text()
    chair.context.close()

    public = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900}).new_page()
    public.goto(f"{live_server.url}/mo-hinh/?q=nuoi+ong")
    assert TITLE in public.content()
    public.screenshot(path=str(sheet_png.parent / "showcase.png"), full_page=True)
    public.context.close()
