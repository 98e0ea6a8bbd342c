"""Walking steps of the reporting side of journey 1 (answer, follow the board, return, consolidate, download),
as functions the lead chains after the import and issue steps. Each step acts as a user would (pages, buttons,
files), checks what the user must see, runs axe on every page it visits and saves screenshots of key pages.

Every step takes `page` (already logged in as the right user), `base` (the live server's URL) and `check`, a
`Checker` that carries the accessibility fixture, the folder screenshots go to and the device name.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

SEND_QUESTION = "Gửi tới Ban? Bản gửi được lưu lại và không sửa được nữa; nếu cần sửa, Ban sẽ trả lại."
READABLE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*\.(xlsx|docx|pdf|png|jpg)$")
# A one-page PDF is all the file door needs to accept "a signed and stamped document".
SIGNED_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Checker:
    accessible: object  # the `accessible` fixture
    out: Path  # the test's output folder: screenshots are saved there
    device: str = "desktop"

    def page(self, page, name: str, *, shot: bool = False) -> None:
        """axe on the page as it is now; a full-page screenshot of key pages (named by device)."""
        self.accessible(page, f"{self.device}-{name}")
        if shot:
            path = Path(self.out) / f"{self.device}-{name}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 0
        if self.device == "phone":
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 1, f"{name}: the page scrolls sideways by {wide}px on a phone"


def _accepting_dialogs(page, asked: list[str]) -> None:
    def answer(dialog):
        asked.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)


def _wait_for_autosave(page) -> None:
    """The rows editor saves by itself a moment after typing: let that finish before sending. Leaving the
    cell (as a person does, reaching for the next control) fires the save on change one second later."""
    page.keyboard.press("Tab")
    page.wait_for_timeout(1300)
    page.wait_for_load_state("networkidle")


def open_answer(page, base: str, *, call_id: int, unit_id: int) -> None:
    page.goto(f"{base}/reporting/calls/{call_id}/units/{unit_id}/")
    page.wait_for_url(re.compile(r"/reporting/submissions/\d+/"))


def _fill_rows(page, rows: list[list[str]]) -> None:
    editor = page.get_by_test_id("rows-editor")
    for index, values in enumerate(rows):
        if index >= editor.locator("tr.row-line").count():
            page.get_by_role("button", name="+ Thêm dòng").click()
        line = editor.locator("tr.row-line").nth(index)
        for position, value in enumerate(values):
            line.locator("textarea").nth(position).fill(value)


def attach_signed_document(page, tmp_path: Path, *, name: str = "van-ban-trien-khai.pdf") -> None:
    path = tmp_path / name
    path.write_bytes(SIGNED_PDF)
    section = page.get_by_test_id("signed-document")
    section.locator("input[type=file]").set_input_files(str(path))
    with page.expect_navigation():
        section.get_by_role("button", name=re.compile("^(Đính kèm|Thay tệp)$")).click()
    assert page.get_by_test_id("signed-link").inner_text() == name


def answer_in_browser(page, base: str, check: Checker, *, call_id: int, unit_id: int, rows, tmp_path) -> None:
    """A unit types its rows in the browser (a long cell grows, not clipped), attaches its signed document and
    sends after the confirmation; the answer is read-only once sent."""
    open_answer(page, base, call_id=call_id, unit_id=unit_id)
    _fill_rows(page, rows)
    area = page.get_by_test_id("rows-editor").locator("textarea").first
    area.fill(rows[0][0] + "\n" + "Nội dung dài thêm một dòng để ô tự giãn ra theo chữ")
    grown = page.evaluate("(el) => el.clientHeight >= el.scrollHeight - 2", area.element_handle())
    assert grown, "a multi-line cell shows all its text"
    _wait_for_autosave(page)
    check.page(page, "answer-editor", shot=True)
    attach_signed_document(page, tmp_path)
    asked: list[str] = []
    _accepting_dialogs(page, asked)
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi", exact=True).click()
    assert asked == [SEND_QUESTION]
    state = page.get_by_test_id("submission-state").inner_text()
    assert state in ("Đã gửi đúng hạn", "Gửi muộn"), (state, page.locator("main").inner_text()[:600])
    assert page.get_by_test_id("rows-editor").count() == 0 and page.get_by_test_id("rows-view").count() == 1
    assert page.get_by_role("button", name="Gửi", exact=True).count() == 0
    check.page(page, "answer-sent", shot=True)


def fill_blank_xlsx(path: Path, rows: list[list[str]]) -> None:
    """Write the rows under the header of a blank form downloaded from the call (as a unit does in Excel)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    header = next(
        r
        for r in range(1, sheet.max_row + 1)
        if str(sheet.cell(r, 1).value or "").strip().lower() in ("stt", "tt")
    )
    for offset, values in enumerate(rows, start=1):
        sheet.cell(header + offset, 1).value = offset
        for position, value in enumerate(values, start=2):
            sheet.cell(header + offset, position).value = value
    workbook.save(path)


def answer_by_excel(
    page, base: str, check: Checker, *, call_id: int, unit_id: int, typed: list[str], rows, tmp_path
) -> None:
    """A unit that had typed a row downloads the blank Excel form, fills it, uploads it, is told how many
    typed rows the file replaces, chooses to replace them and sends after the same confirmation."""
    open_answer(page, base, call_id=call_id, unit_id=unit_id)
    _fill_rows(page, [typed])
    _wait_for_autosave(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải mẫu Excel").click()
    name = download.value.suggested_filename
    assert READABLE_NAME.match(name) and name.startswith("bieu-mau_"), name
    path = tmp_path / name
    download.value.save_as(path)
    fill_blank_xlsx(path, rows)
    page.locator("input[type=file][name=file]").set_input_files(str(path))
    with page.expect_navigation():
        page.get_by_role("button", name="Tải lên và kiểm tra").click()
    confirm = page.get_by_test_id("upload-confirm")
    assert "Bản nháp đang có 1 dòng đã nhập" in confirm.inner_text()
    assert page.get_by_test_id("upload-rows").get_by_text(rows[0][0]).count() == 1
    check.page(page, "upload-preview", shot=True)
    confirm.get_by_label(re.compile("^Thay thế 1 dòng đã nhập")).check()
    asked: list[str] = []
    _accepting_dialogs(page, asked)
    with page.expect_navigation():
        confirm.get_by_role("button", name="Xác nhận và gửi").click()
    assert asked == [SEND_QUESTION], "the upload's send asks what the page's Gửi asks"
    assert page.get_by_test_id("submission-state").inner_text() in ("Đã gửi đúng hạn", "Gửi muộn")
    view = page.get_by_test_id("rows-view")
    assert view.get_by_text(rows[0][0]).count() == 1 and view.get_by_text(typed[0]).count() == 0
    check.page(page, "answer-by-excel-sent")


def board_shows_overdue(page, base: str, check: Checker, *, plan_id: int, overdue: list[tuple[int, int]]):
    """The board of the plan: each (unit id, call id) in `overdue` is a dark red "Quá hạn N ngày" cell with
    readable text; columns carry the plan's number; the legend explains every state."""
    page.goto(f"{base}/reporting/board/?plan={plan_id}")
    for unit_id, call_id in overdue:
        cell = page.get_by_test_id(f"cell-{unit_id}-{call_id}")
        assert cell.get_attribute("data-state") == "overdue"
        assert re.match(r"Quá hạn \d+ ngày", cell.inner_text())
        colours = page.evaluate(
            "(el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el.querySelector('a')).color]",
            cell.element_handle(),
        )
        assert colours == ["rgb(164, 22, 26)", "rgb(255, 255, 255)"], colours
    legend = page.get_by_test_id("board-legend").inner_text()
    assert "Quá hạn" in legend and "Chưa đến hạn" in legend
    assert page.get_by_test_id("board-call-plan").count() >= 1
    check.page(page, "board", shot=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất Excel").click()
    return download.value


def review_return_resubmit(
    officer, unit, base: str, check: Checker, *, call_id: int, unit_id: int, comment: str
) -> None:
    """The committee opens a sent answer (review controls only), returns it with a comment; the unit sees
    the comment, edits and sends again; the committee accepts the new revision."""
    open_answer(officer, base, call_id=call_id, unit_id=unit_id)
    assert officer.get_by_test_id("rows-editor").count() == 0
    assert officer.locator("input[name=file], input[name=document]").count() == 0
    assert officer.get_by_role("button", name="Gửi", exact=True).count() == 0
    check.page(officer, "review", shot=True)
    officer.get_by_label("Ý kiến của Ban").fill(comment)
    with officer.expect_navigation():
        officer.get_by_role("button", name="Trả lại để sửa").click()
    assert officer.get_by_test_id("submission-state").inner_text() == "Bị trả lại"

    open_answer(unit, base, call_id=call_id, unit_id=unit_id)
    assert comment in unit.locator(".alert-warning").inner_text()
    first = unit.get_by_test_id("rows-editor").locator("textarea").first
    first.fill(first.input_value() + " (đã bổ sung)")
    _wait_for_autosave(unit)
    check.page(unit, "returned", shot=True)
    asked: list[str] = []
    _accepting_dialogs(unit, asked)
    with unit.expect_navigation():
        unit.get_by_role("button", name="Gửi", exact=True).click()
    assert asked == [SEND_QUESTION]
    assert "đã gửi 2 lần" in unit.locator("main").inner_text()

    officer.reload()
    with officer.expect_navigation():
        officer.get_by_role("button", name="Tiếp nhận").click()
    assert officer.get_by_test_id("submission-state").inner_text() == "Đã tiếp nhận"


def _check_opens(path: Path) -> None:
    if path.suffix == ".xlsx":
        import openpyxl

        assert openpyxl.load_workbook(path).worksheets[0].max_row >= 1
    elif path.suffix == ".docx":
        from docx import Document

        assert Document(str(path)).paragraphs is not None
    else:
        assert path.read_bytes().startswith(b"%PDF-")


def _download(page, link, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        link.click()
    name = download.value.suggested_filename
    assert READABLE_NAME.match(name), f"an opaque download name: {name}"
    path = tmp_path / name
    download.value.save_as(path)
    _check_opens(path)
    return path


def consolidate_and_download_all(page, base: str, check: Checker, *, call_id: int, tmp_path: Path):
    """The committee consolidates every sent answer (Excel table, Word annex, draft result report) and
    downloads every document of the call; each opens and has a readable name. Returns the paths."""
    page.goto(f"{base}/reporting/calls/{call_id}/")
    for button in ("Tổng hợp Excel", "Phụ lục Word", "Dự thảo báo cáo kết quả"):
        page.locator("select[name=scope]").select_option("submitted")
        with page.expect_navigation():
            page.get_by_role("button", name=button).click()
    links = page.get_by_test_id("job-download")
    links.nth(2).wait_for(timeout=60_000)
    check.page(page, "call-consolidated", shot=True)
    paths = [_download(page, links.nth(i), tmp_path) for i in range(3)]
    for label in ("Mẫu Excel", "Mẫu Word"):
        paths.append(_download(page, page.get_by_role("link", name=label, exact=True), tmp_path))
    report = next(p for p in paths if p.name.startswith("du-thao-bao-cao-ket-qua_"))
    from docx import Document

    document = Document(str(report))
    texts = [p.text for p in document.paragraphs] + [
        p.text for t in document.tables for c in t._cells for p in c.paragraphs
    ]
    assert any(t.startswith("Số") and "-BC/" in t for t in texts)
    assert any("đã đề nghị" in t and "cơ quan, đơn vị" in t for t in texts)
    assert "- Lưu: VT." in texts and "Nơi nhận:" in " ".join(texts)
    assert any(p.name.startswith("bang-tong-hop_") for p in paths)
    return paths


def download_signed_document(page, base: str, check: Checker, *, call_id: int, unit_id: int, tmp_path):
    open_answer(page, base, call_id=call_id, unit_id=unit_id)
    return _download(page, page.get_by_test_id("signed-link"), tmp_path)


def xlsx_rows(data: bytes) -> list[tuple]:
    import openpyxl

    return list(openpyxl.load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(values_only=True))
