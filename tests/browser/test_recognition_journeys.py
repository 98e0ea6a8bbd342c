"""The movement in the browser, on a desktop (1280 wide) and on a phone (390 x 844): a ward registers a
model, two council members score it, and neither sees the other's score before sending anywhere in the product
(the round, the score sheet, the home page's to-do and "Thay đổi gần đây", the history pages, the audit log,
search, notifications, the statistics and their export: the second member also leads a sibling unit, so those
pages are open to them); the chair closes the round with minutes and a result document (downloaded and read
back), a manager publishes the model, and the public showcase shows it with its whole place (the ward
included). axe-core checks every page visited; screenshots of the key pages for each viewport."""

import datetime
import io
import re
from pathlib import Path

import pytest

from .conftest import log_in

pytestmark = pytest.mark.browser

TITLE = "Tổ hợp tác nuôi ong khu phố Đông"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
VIEWPORTS = {"desktop": {"viewport": {"width": 1280, "height": 800}}, "phone": PHONE}


@pytest.fixture
def council(cast):
    from danvan.testing.factories import UserFactory, grant

    members = [
        UserFactory(username=f"hoidong{n}", full_name=name)
        for n, name in enumerate(["Hoàng Minh Tâm", "Vũ Thị Thu"], start=1)
    ]
    for member in members:
        grant(member, "council_member", cast.ward)
    # The second member also leads the ward's Khối Dân vận: they read the movement, its statistics, search
    # and the audit log there, and still score the area's model (not their own unit's).
    grant(members[1], "leader", cast.bloc)
    return members


def pick_unit(page, select_name: str, words: str, label: str) -> None:
    page.locator(f"input[data-picker-for='{select_name}']").fill(words)
    page.locator(".unit-picker-results button", has_text=label).first.click()


def score(
    browser,
    live_server,
    username: str,
    url: str,
    points: list[int],
    screenshot_path=None,
    before=None,
    viewport="desktop",
) -> None:
    """`username` fills and sends their sheet; `before(page)` runs first, once logged in."""
    context = browser.new_context(locale="vi-VN", **VIEWPORTS[viewport])
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    log_in(page, live_server, username)
    if before is not None:
        before(page)
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


def main_text(page) -> str:
    return page.locator("main").inner_text()


def open_menu(page) -> None:
    """On a phone the menu is folded behind its button."""
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        page.locator("#mainnav.show").wait_for()


def workbook_text(content: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True)
    return "\n".join(
        " ".join("" if value is None else str(value) for value in row)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
    )


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_registered_model_is_scored_recognised_and_shown_publicly(
    viewport, cast, council, live_server, browser, accessible, output_path
):
    from django.urls import reverse
    from docx import Document

    from danvan.recognition.appraisal import services as services_appraisal
    from danvan.recognition.models import Exemplar

    out = Path(output_path)
    out.mkdir(parents=True, exist_ok=True)
    size = VIEWPORTS[viewport]
    page = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **size).new_page()
    page.set_default_timeout(10_000)

    def screenshot(name: str) -> Path:
        path = out / f"{name}-{viewport}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def check(on_page, name: str) -> None:
        accessible(on_page, f"{name}-{viewport}")

    log_in(page, live_server, "ward_officer")
    open_menu(page)
    page.get_by_role("link", name="Dân vận khéo").first.click()
    page.get_by_role("link", name="Đăng ký", exact=True).click()
    check(page, "exemplar-form")
    pick_unit(page, "unit", "khu pho dong", "Khu phố Đông")
    page.locator("input[name=year]").fill("2026")
    page.locator("select[name=field]").select_option(label="Kinh tế")
    page.locator("input[name=title]").fill(TITLE)
    page.locator("textarea[name=story]").fill("Mười hộ cùng nuôi ong, chia sẻ kỹ thuật và đầu ra.")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()
    assert page.get_by_test_id("exemplar-status").inner_text() == "Đã đăng ký"
    check(page, "exemplar-detail")
    screenshot("registered")

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
    round_url = f"{live_server.url}{reverse('recognition:round_detail', args=[round_.pk])}"
    url = f"{live_server.url}{reverse('recognition:round_score', args=[round_.pk, entry.pk])}"
    sheet_png = out / f"scoring-sheet-{viewport}.png"

    def sheet_is_accessible(member_page):
        member_page.goto(url)
        check(member_page, "score-sheet")

    score(
        browser,
        live_server,
        "hoidong1",
        url,
        [18, 17, 22, 18, 13],  # 88
        screenshot_path=sheet_png,
        before=sheet_is_accessible,
        viewport=viewport,
    )

    history_url = f"{live_server.url}{reverse('core:history', args=['exemplar', exemplar.pk])}"
    first_score = re.compile(r"\b88\b")

    def nothing_of_the_first_score(member_page):
        """Before sending, the second member finds the first's 88 nowhere they can go."""
        pages = {
            "round-detail-member": round_url,
            "score-sheet-member": url,
            "home-council-member": f"{live_server.url}/",
            "history-exemplar-member": history_url,
            "audit-log-member": f"{live_server.url}{reverse('core:audit_log')}",
            "search-title-member": f"{live_server.url}{reverse('core:search')}?q=nuoi+ong",
            "search-score-member": f"{live_server.url}{reverse('core:search')}?q=88",
            "notices-member": f"{live_server.url}{reverse('notifications:notice_list')}",
            "stats-member": f"{live_server.url}{reverse('recognition:stats_overview')}",
            "my-rounds-member": f"{live_server.url}{reverse('recognition:round_my')}",
        }
        for name, address in pages.items():
            response = member_page.goto(address)
            text = member_page.content()
            assert not first_score.search(main_text(member_page)), (name, address)
            assert "88 điểm" not in text and "88,0" not in text and "88.0" not in text, (name, address)
            if response.status == 200:
                check(member_page, name)
        # The pages this member may open show what they should (so the absence above means something).
        member_page.goto(pages["search-title-member"])
        assert TITLE in main_text(member_page)
        member_page.goto(pages["audit-log-member"])
        assert member_page.locator("main table, main ul, main .list-group").count() > 0
        member_page.goto(pages["home-council-member"])
        assert "Chấm" in main_text(member_page) or TITLE in main_text(
            member_page
        )  # the sheet to fill is a to-do
        member_page.screenshot(path=str(out / f"home-council-member-{viewport}.png"), full_page=True)
        export = member_page.request.get(f"{live_server.url}{reverse('recognition:stats_export')}")
        assert export.status == 200
        assert not first_score.search(workbook_text(export.body()))

    score(
        browser,
        live_server,
        "hoidong2",
        url,
        [16, 15, 20, 17, 12],
        before=nothing_of_the_first_score,
        viewport=viewport,
    )  # 80

    # The chair closes with the minutes (the signed file) and what the result document prints.
    minutes = Document()
    minutes.add_paragraph("BIÊN BẢN họp Hội đồng thẩm định mô hình “Dân vận khéo” phường An Bình năm 2026")
    minutes_path = out / "bien-ban-hoi-dong.docx"
    minutes_path.parent.mkdir(parents=True, exist_ok=True)
    minutes.save(str(minutes_path))
    chair = browser.new_context(locale="vi-VN", **size).new_page()
    chair.on("dialog", lambda dialog: dialog.accept())
    log_in(chair, live_server, "hoidong1")
    chair.goto(round_url)
    assert "84" in chair.get_by_test_id("ranking").inner_text()  # (88 + 80) / 2
    check(chair, "round-detail-chair")
    form = chair.get_by_test_id("close-form")
    form.locator("input[name=decision_number]").fill("15-TB/BCĐ")
    form.locator("input[name=decision_date]").fill(datetime.date.today().strftime("%d/%m/%Y"))
    # Without minutes the round does not close.
    with chair.expect_navigation():
        form.get_by_role("button", name="Kết thúc đợt thẩm định").click()
    assert "Hãy ghi biên bản họp hội đồng hoặc tải tệp biên bản lên." in chair.content()
    form = chair.get_by_test_id("close-form")
    form.locator("input[name=decision_date]").fill(datetime.date.today().strftime("%d/%m/%Y"))
    form.locator("input[name=minutes_file]").set_input_files(str(minutes_path))
    form.locator("textarea[name=minutes]").fill("Hội đồng họp đủ 2/2 thành viên; chấm điểm độc lập.")
    form.locator("input[name=place_name]").fill("An Bình")
    form.locator("input[name=signer_authority]").fill("T/M HỘI ĐỒNG")
    form.locator("input[name=signer_title]").fill("CHỦ TỊCH")
    form.locator("input[name=signer_name]").fill("Hoàng Minh Tâm")
    form.locator("textarea[name=recipients]").fill("Ban Dân vận Tỉnh ủy (b/c)\nKhu phố Đông")
    with chair.expect_navigation():
        form.get_by_role("button", name="Kết thúc đợt thẩm định").click()
    assert "15-TB/BCĐ" in chair.get_by_test_id("decision").inner_text()
    assert "bien-ban-hoi-dong.docx" in chair.get_by_test_id("minutes-file").inner_text()
    check(chair, "round-detail-closed")
    chair.screenshot(path=str(out / f"round-closed-{viewport}.png"), full_page=True)
    with chair.expect_download() as info:
        chair.get_by_test_id("result-document").click()
    result_path = out / f"{viewport}-{info.value.suggested_filename}"
    info.value.save_as(result_path)
    result = Document(io.BytesIO(result_path.read_bytes()))
    text = "\n".join(
        [p.text for p in result.paragraphs]
        + [p.text for t in result.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    )
    assert (
        "THÔNG BÁO" in text
        and "15-TB/BCĐ" in text
        and f"An Bình, ngày {datetime.date.today().day:02d}" in text
    )
    assert "T/M HỘI ĐỒNG" in text and "Hoàng Minh Tâm" in text
    assert "Nơi nhận" in text and "Ban Dân vận Tỉnh ủy (b/c)" in text
    assert TITLE in text and "Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm" in text
    chair.context.close()

    # Recognised is not yet public: a manager publishes it.
    public = browser.new_context(locale="vi-VN", **size).new_page()
    public.goto(f"{live_server.url}/mo-hinh/?q=nuoi+ong")
    assert TITLE not in public.content()
    page.goto(f"{live_server.url}{exemplar.get_absolute_url()}")
    assert page.get_by_test_id("published").inner_text() == "Chưa đăng công khai"
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng lên trang công khai").click()
    assert "Đã đăng công khai" in page.get_by_test_id("published").inner_text()
    check(page, "exemplar-published")
    screenshot("exemplar-published")

    public.goto(f"{live_server.url}/mo-hinh/?q=nuoi+ong")
    card = public.get_by_test_id("showcase-card").filter(has_text=TITLE)
    assert "Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm" in card.get_by_test_id("place").inner_text()
    check(public, "showcase-list")
    public.screenshot(path=str(out / f"showcase-{viewport}.png"), full_page=True)
    card.get_by_role("link", name=TITLE).click()
    assert (
        public.get_by_test_id("place")
        .inner_text()
        .startswith("Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm")
    )
    check(public, "showcase-detail")
    public.screenshot(path=str(out / f"showcase-detail-{viewport}.png"), full_page=True)
    public.context.close()

    # The statistics, and their export.
    page.goto(f"{live_server.url}{reverse('recognition:stats_overview')}")
    check(page, "stats")
    with page.expect_download() as info:
        page.get_by_test_id("stats-export").click()
    assert info.value.suggested_filename.endswith(".xlsx")
    screenshot("stats")
    page.context.close()
