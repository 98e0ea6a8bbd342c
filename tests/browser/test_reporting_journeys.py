"""Calls in the browser: a ward uploads its filled Word form, the board turns green, the committee
consolidates."""

import datetime
import io

import pytest

from .conftest import log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def call(cast):
    from django.utils import timezone

    from danvan.reporting import services
    from danvan.reporting.services import ensure_builtin_templates

    registration = ensure_builtin_templates()["registration"]
    return services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=registration,
        title="Đăng ký hoạt động Tháng Dân vận",
        due_date=timezone.localdate() + datetime.timedelta(days=7),
        targets=[cast.ward, cast.other_ward, cast.agency],
    )


def filled_word_form(call, tmp_path):
    from docx import Document

    from danvan.lib.tables import blank as blank_forms
    from danvan.reporting import selectors

    data = blank_forms.blank_docx(
        title="DANH SÁCH",
        subtitle=call.title,
        label="Mẫu",
        columns=selectors.column_specs(call.template),
        unit_name="PHƯỜNG AN BÌNH",
    )
    document = Document(io.BytesIO(data))
    table = max(document.tables, key=lambda t: len(t.rows))
    values = [
        ["Gặp mặt truyền thống Ngày Dân vận", "15/10/2026", "Cấp phường", "Cán bộ, nhân dân", "Đoàn kết", ""],
        [
            "Ra quân vệ sinh môi trường",
            "trung tuần tháng 10/2026",
            "Khu dân cư",
            "Nhân dân",
            "Xanh, sạch",
            "",
        ],
    ]
    for index, row in enumerate(values, start=1):
        for position, value in enumerate(row, start=1):
            table.rows[index].cells[position].paragraphs[0].add_run(value)
    path = tmp_path / "dang-ky-phuong-an-binh.docx"
    document.save(str(path))
    return path


def test_a_ward_uploads_its_form_and_the_committee_consolidates(
    cast, call, page, live_server, screenshot, tmp_path, browser
):
    log_in(page, live_server, "ward_officer")
    page.get_by_role("link", name="Báo cáo").first.click()
    page.get_by_test_id("my-calls").get_by_role("link", name="Mở").first.click()
    page.locator("input[type=file][name=file]").set_input_files(str(filled_word_form(call, tmp_path)))
    with page.expect_navigation():
        page.get_by_role("button", name="Tải lên và kiểm tra").click()
    rows = page.get_by_test_id("upload-rows")
    assert rows.get_by_text("Gặp mặt truyền thống Ngày Dân vận").count() == 1
    screenshot("upload-confirmation")
    page.on("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="Xác nhận và gửi").click()
    assert page.get_by_test_id("submission-state").inner_text() == "Đã gửi đúng hạn"

    committee = browser.new_context(locale="vi-VN", viewport={"width": 1366, "height": 900})
    officer = committee.new_page()
    log_in(officer, live_server, "province_officer")
    officer.goto(f"{live_server.url}/reporting/board/?call={call.pk}")
    cell = officer.get_by_test_id(f"cell-{cast.ward.pk}-{call.pk}")
    assert cell.get_attribute("data-state") == "on_time"
    assert (
        officer.evaluate("(el) => getComputedStyle(el).backgroundColor", cell.element_handle())
        == "rgb(209, 231, 221)"
    )
    officer.screenshot(path=str(screenshot("ward-view").parent / "board.png"), full_page=True)

    officer.goto(f"{live_server.url}/reporting/calls/{call.pk}/")
    officer.locator("select[name=scope]").select_option("submitted")
    officer.get_by_role("button", name="Tổng hợp Excel").click()
    link = officer.get_by_test_id("job-download").first
    link.wait_for(timeout=30_000)
    with officer.expect_download() as download:
        link.click()
    path = tmp_path / "tong-hop.xlsx"
    download.value.save_as(path)
    import openpyxl

    cells = [
        c for row in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True) for c in row if c
    ]
    assert "Phường An Bình" in " ".join(str(c) for c in cells)
    assert "Gặp mặt truyền thống Ngày Dân vận" in cells and "Ra quân vệ sinh môi trường" in cells
    committee.close()
