"""Periodic regimes in the browser, on a phone: the province defines its wards' monthly report, the past
months open at once, one ward answers late, the on-time grid shows who was late and who is missing."""

import pytest

from .conftest import log_in

pytestmark = pytest.mark.browser


def pick_unit(page, select_name: str, words: str, label: str) -> None:
    page.locator(f"input[data-picker-for='{select_name}']").fill(words)
    page.locator(".unit-picker-results button", has_text=label).first.click()


def test_a_province_defines_a_monthly_regime_and_sees_who_is_late(
    cast, page, live_server, screenshot, accessible
):
    from django.utils import timezone

    from danvan.lib import periods
    from danvan.reporting import services as reporting
    from danvan.reporting.models import Call
    from danvan.reporting.services import ensure_builtin_templates

    outline = ensure_builtin_templates()["result_report"]
    start = periods.Period.containing("month", timezone.localdate()).previous().previous().start
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "province_officer")
    page.goto(f"{live_server.url}/reporting/regimes/")
    accessible(page, "regime-list-empty")
    page.get_by_role("link", name="Lập chế độ báo cáo").first.click()
    page.get_by_label("Tên chế độ báo cáo").fill("Báo cáo tiếp công dân hằng tháng")
    pick_unit(page, "owner", "Thử Nghiệm", "Tỉnh Thử Nghiệm")
    page.get_by_label("Biểu mẫu hoặc đề cương").select_option(str(outline.pk))
    pick_unit(page, "root", "Thử Nghiệm", "Tỉnh Thử Nghiệm")
    page.get_by_label("Phường", exact=True).check()
    page.get_by_label("Hằng tháng").check()
    page.get_by_label("Áp dụng từ ngày").fill(start.strftime("%d/%m/%Y"))
    page.get_by_role("spinbutton", name="Ngày chốt số liệu").fill("25")
    page.get_by_label("Ngày cố định trong tháng").check()
    page.get_by_label("Số ngày sau ngày chốt, hoặc ngày trong tháng").fill("20")
    page.get_by_role("spinbutton", name="Hạn gửi vào tháng").fill("0")
    accessible(page, "regime-form")
    page.get_by_role("button", name="Lập chế độ báo cáo").click()
    # The 25th is after the 20th: told in Vietnamese, nothing made.
    assert page.get_by_text("Ngày chốt số liệu sau hạn gửi").is_visible()
    page.get_by_role("spinbutton", name="Ngày chốt số liệu").fill("0")
    page.get_by_label("Số ngày sau ngày chốt, hoặc ngày trong tháng").fill("5")
    page.get_by_role("spinbutton", name="Hạn gửi vào tháng").fill("1")
    page.get_by_role("button", name="Lập chế độ báo cáo").click()
    page.get_by_role("button", name="Mở ngay các kỳ đã đến ngày").click()
    assert page.get_by_role("alert").filter(has_text="Đã mở 2 kỳ").is_visible()

    oldest = Call.objects.filter(regime__isnull=False).order_by("period_start").first()
    submission = reporting.submission_for(call=oldest, unit=cast.ward)
    answers = {str(f.pk): "Đã tiếp 9 lượt công dân" for f in oldest.template.fields.all()}
    reporting.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, answers=answers
    )
    reporting.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)

    page.reload()
    grid = page.get_by_test_id("punctuality")
    assert grid.locator("[data-state=late]").count() == 1  # the ward sent after the due day
    # The other ward let the older month pass; the last month is not due yet for either (or overdue by now).
    assert grid.locator("[data-state=missing]").count() + grid.locator("[data-state=pending]").count() == 3
    assert grid.locator("[data-state=missing]").count() >= 1
    accessible(page, "regime-detail")
    screenshot("regime-detail-phone")
