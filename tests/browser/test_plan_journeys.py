"""Plans in the browser: paste seed 003, review, fix a task's unit, save, issue, download DOCX and PDF."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import assert_styled, log_in

pytestmark = pytest.mark.browser

SEED_003 = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "003_130769708af1ac22.txt"


@pytest.fixture
def committee(cast):
    from danvan.testing.factories import UnitFactory, kind

    party = UnitFactory(
        name="Tỉnh ủy Thử Nghiệm", kind=kind("party_committee"), parent=cast.province, abbreviation="TU"
    )
    return UnitFactory(
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm",
        kind=kind("mobilization_committee"),
        parent=party,
        abbreviation="BDVTU",
    )


def pick_unit(page, select_name: str, words: str, label: str) -> None:
    """Use the unit picker: type words in its search box, click the unit in the list."""
    page.locator(f"input[data-picker-for='{select_name}']").fill(words)
    page.locator(".unit-picker-results button", has_text=label).first.click()


def test_an_officer_imports_reviews_fixes_issues_and_downloads_a_plan(
    cast, committee, page, live_server, screenshot, tmp_path
):
    if not SEED_003.exists():
        pytest.skip("the shared seeds are not beside the project")
    log_in(page, live_server, "province_officer")
    page.get_by_role("link", name="Kế hoạch").first.click()
    page.get_by_role("link", name="Nhập kế hoạch có sẵn").click()
    pick_unit(page, "issuing_unit", "ban dan van tinh uy", "Ban Dân vận Tỉnh ủy Thử Nghiệm")
    page.locator("textarea[name=text]").fill(SEED_003.read_text(encoding="utf-8"))
    with page.expect_navigation():
        page.get_by_role("button", name="Đọc kế hoạch").click()

    assert "Đối chiếu kế hoạch vừa nhập" in page.content()
    assert_styled(page)
    tasks = page.get_by_test_id("review-tasks")
    assert tasks.get_by_text("1.8.").count() == 1
    screenshot("review")

    # Task 2 names "các sở, ban, ngành, …": no single unit, so it is unassigned; give it to Sở Nội vụ.
    row = tasks.locator("tr", has_text="chưa xác định").first
    row.get_by_role("link", name="Sửa").click()
    pick_unit(page, "lead_unit", "so noi vu", "Sở Nội vụ")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()
    assert "Đã lưu nhiệm vụ" in page.content()
    assert page.get_by_test_id("task-table").get_by_text("Sở Nội vụ").count() >= 1

    # Issuing asks the signing date and lists the tasks still without a lead ("Ban Dân vận các huyện ủy").
    page.get_by_role("link", name="Ban hành", exact=True).click()
    while page.get_by_test_id("unled-tasks").count():
        page.get_by_role("link", name="chọn đơn vị chủ trì").first.click()
        pick_unit(page, "lead_unit", "phuong an binh", "Phường An Bình")
        with page.expect_navigation():
            page.get_by_role("button", name="Lưu").click()
        page.get_by_role("link", name="Ban hành", exact=True).click()
    page.get_by_label("Ngày ký (ngày ban hành)").fill("15/09/2023")
    page.on("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="Ban hành", exact=True).click()
    assert "01-KH/BDVTU" in page.content()
    assert page.get_by_test_id("plan-status").inner_text() == "Đã ban hành"

    with page.expect_download() as docx_download:
        page.get_by_role("link", name="Tải Word (.docx)").click()
    docx_path = tmp_path / "ke-hoach.docx"
    docx_download.value.save_as(docx_path)
    from docx import Document

    docx_text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    assert "triển khai các hoạt động “Tháng Dân vận” năm 2023" in docx_text

    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice or poppler is not installed: PDF not checked")
    # The PDF is made by a background job (here the test backend runs it at once): its page offers the file.
    page.get_by_role("button", name="Tải PDF").click(timeout=120_000)  # the job may run in the request
    with page.expect_download(timeout=120_000) as pdf_download:
        page.get_by_test_id("job-download").click(timeout=120_000)
    pdf_path = tmp_path / "ke-hoach.pdf"
    pdf_download.value.save_as(pdf_path)
    pdf_text = subprocess.run(
        ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Tháng Dân vận" in pdf_text and "Phạm Văn Thịnh" in pdf_text
    assert "01-KH/BDVTU" in pdf_text
    screenshot("issued")
