"""Journey 1, plan side (issue 13), as steps other journeys chain onto: an officer pastes seed 003, chooses
its real 2023 issuer (a unit no longer in force), reviews and saves, gives every task a lead, issues with a
signing date and opens both calls after seeing who receives them.

`import_and_issue_seed_003(page, live_server, ...)` walks it and returns (plan id, [registration call id,
result call id]); the page is left on the board of the plan's calls. The user must already be logged in."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

SEED_003 = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "003_130769708af1ac22.txt"


def seed_003_text() -> str | None:
    """The seed's text, or None when the shared seeds are not beside the project (the caller skips)."""
    return SEED_003.read_text(encoding="utf-8") if SEED_003.exists() else None


def _check(accessible, page, name: str) -> None:
    """axe finds nothing serious; on a phone, nothing scrolls sideways."""
    if accessible is not None:
        accessible(page, name)
    scroll, view = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if view < 576:
        assert scroll <= view + 1, f"{name} scrolls sideways on a phone ({scroll} > {view})"


def _shot(screenshot, name: str) -> None:
    if screenshot is not None:
        screenshot(name)


def pick_unit(page, select_name: str, words: str, label: str, *, note: str = "") -> None:
    """Type words in a unit picker's search box and click the unit (with its validity note, when given)."""
    page.locator(f"input[data-picker-for='{select_name}']").fill(words)
    result = page.locator(".unit-picker-results button", has_text=label)
    if note:
        result = result.filter(has_text=note)
    result.first.click()


def _give_every_task_a_lead(
    page, live_server, plan_id: int, leads: list[str], *, accessible, tag: str
) -> int:
    """From the issue page, open each task listed as having no lead and choose its units; the first gets
    every unit of `leads` (one leads, the others co-lead). Returns how many tasks were fixed."""
    fixed = 0
    while True:
        page.goto(f"{live_server.url}/plans/{plan_id}/issue/")
        unled = page.get_by_test_id("unled-tasks")
        if unled.count() == 0:
            return fixed
        with page.expect_navigation():
            unled.get_by_role("link", name="chọn đơn vị chủ trì").first.click()
        if fixed == 0:
            _check(accessible, page, f"{tag}-task-edit")
        pick_unit(page, "lead_unit", leads[0], leads[0])
        for co_lead in leads[1:] if fixed == 0 else []:
            pick_unit(page, "lead_units", co_lead, co_lead)
            page.locator(".unit-picker-chosen li", has_text=co_lead).wait_for()
        with page.expect_navigation():
            page.get_by_role("button", name="Lưu", exact=True).click()
        assert "Đã lưu nhiệm vụ" in page.content()
        fixed += 1
        assert fixed < 20, "tasks without a lead do not go away"


def import_and_issue_seed_003(
    page,
    live_server,
    *,
    issuer_name: str,
    issuer_search: str = "BDVTU",
    leads: tuple[str, ...] = ("Sở Nội vụ", "Phường An Bình"),
    signing_date: str = "15/09/2023",
    expected_symbol: str = "01-KH/BDVTU",
    must_receive: tuple[str, ...] = (),
    screenshot: Callable | None = None,
    accessible: Callable | None = None,
    tag: str = "desktop",
) -> tuple[int, list[int]]:
    from danvan.reporting.models import Call

    text = seed_003_text()
    assert text is not None, "seed 003 is missing: skip before calling"
    base = live_server.url

    # 1. Paste the plan under its real (dissolved) issuer, found by its abbreviation.
    page.goto(f"{base}/plans/import/")
    _check(accessible, page, f"{tag}-import")
    pick_unit(page, "issuing_unit", issuer_search, issuer_name, note="hết hiệu lực")
    page.get_by_label("Dán nội dung kế hoạch").fill(text)
    _shot(screenshot, f"{tag}-import")
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc kế hoạch").click()
    assert "Đối chiếu kế hoạch vừa nhập" in page.content()
    plan_id = int(re.search(r"/plans/(\d+)/review/", page.url).group(1))

    # 2. Review: the registration deadline carries the attached form; saving keeps it.
    deadlines = page.get_by_test_id("review-deadlines")
    assert deadlines.get_by_test_id("deadline-form").count() == 1
    _check(accessible, page, f"{tag}-review")
    _shot(screenshot, f"{tag}-review")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu dự thảo").click()
    assert "Đã lưu dự thảo" in page.content()
    assert page.get_by_test_id("plan-deadlines").get_by_test_id("deadline-form").count() == 1
    _check(accessible, page, f"{tag}-draft")

    # 3. Issue: every task needs a lead (one task gets several), then the signing date.
    assert (
        _give_every_task_a_lead(page, live_server, plan_id, list(leads), accessible=accessible, tag=tag) >= 1
    )
    page.goto(f"{base}/plans/{plan_id}/issue/")
    date_box = page.get_by_label("Ngày ký (ngày ban hành)")
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", date_box.input_value())  # today, ready to change
    date_box.fill(signing_date)
    assert page.get_by_label("Địa danh").input_value(), "the place is proposed from the issuer's area"
    _check(accessible, page, f"{tag}-issue")
    _shot(screenshot, f"{tag}-issue")
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="Ban hành", exact=True).click()
    assert page.get_by_test_id("plan-status").inner_text() == "Đã ban hành"
    body = page.content()
    assert expected_symbol in body and "Không thấy số, ký hiệu văn bản" not in body
    pdf = page.locator("form", has=page.get_by_role("button", name="Tải PDF"))
    assert (
        pdf.get_attribute("method") == "post" and pdf.locator("input[name=csrfmiddlewaretoken]").count() == 1
    )
    _check(accessible, page, f"{tag}-issued")
    _shot(screenshot, f"{tag}-issued")

    # 4. Open both calls: the recipients are listed (and counted) before anything is created.
    with page.expect_navigation():
        page.get_by_role("link", name="Tạo yêu cầu gửi về").click()
    assert page.get_by_test_id("deadline-table-form").filter(has_text="7 cột").count() == 1
    kinds = page.locator("input[name=kinds]")
    assert kinds.count() > 3 and kinds.first.get_attribute("type") == "checkbox"
    assert kinds.first.evaluate("e => getComputedStyle(e).appearance") != "textfield"
    preview = page.get_by_test_id("recipients-preview")
    for name in must_receive:
        assert preview.get_by_test_id("recipients-list").get_by_text(name, exact=False).count() >= 1, name
    everyone = int(re.match(r"(\d+)", preview.get_by_role("heading").inner_text()).group(1))
    # Narrowing to wards redraws the list (htmx), widening again brings everyone back.
    ward_kind = page.get_by_label("Phường", exact=True)
    ward_kind.check()
    page.wait_for_function(
        "n => !document.querySelector('#recipients h2').textContent.startsWith(String(n) + ' ')", arg=everyone
    )
    ward_kind.uncheck()
    page.wait_for_function(
        "n => document.querySelector('#recipients h2').textContent.startsWith(String(n) + ' ')", arg=everyone
    )
    _check(accessible, page, f"{tag}-open-calls")
    _shot(screenshot, f"{tag}-open-calls")
    questions: list[str] = []

    def confirm(dialog):
        questions.append(dialog.message)
        dialog.accept()

    page.once("dialog", confirm)
    with page.expect_navigation():
        page.get_by_role("button", name="Tạo yêu cầu", exact=True).click()
    assert questions and f"{everyone} đơn vị" in questions[0]
    assert "Đã tạo 2 yêu cầu" in page.content()
    _shot(screenshot, f"{tag}-board")

    calls = list(Call.objects.filter(plan_id=plan_id).order_by("due_end", "id"))
    assert len(calls) == 2 and all(c.targets.count() == everyone for c in calls)

    # 5. The registration call carries the plan's 7-column form.
    page.goto(f"{base}/reporting/calls/{calls[0].pk}/")
    form_columns = page.locator("h2", has_text="Biểu mẫu").locator("xpath=following-sibling::ol[1]/li")
    assert form_columns.count() == 7
    _check(accessible, page, f"{tag}-registration-call")
    _shot(screenshot, f"{tag}-registration-call")
    return plan_id, [c.pk for c in calls]
