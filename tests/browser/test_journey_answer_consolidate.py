"""Journey 1, the reporting side: a plan's two calls are open; a ward answers in the browser and confirms,
another answers by Excel (blank form, filled, uploaded, replacing what it had typed), the board shows the unit
that sent nothing as overdue, the committee returns one answer and the ward sends again, the committee
consolidates and downloads every document — on a desktop and on a phone. The steps are in
journey_steps_reporting so the whole journey can chain them after importing and issuing the plan."""

import datetime
from pathlib import Path

import pytest

from . import journey_steps_reporting as steps
from .conftest import log_in

pytestmark = pytest.mark.browser

DEVICES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
SEED = Path(__file__).resolve().parents[2] / "danvan" / "plans" / "tests" / "fixtures" / "seed_003.txt"

WARD_ROWS = [
    ["Gặp mặt kỷ niệm Ngày truyền thống công tác dân vận", "15/10/2023", "Cấp phường", "Cán bộ, nhân dân"],
    ["Ra quân vệ sinh môi trường khu dân cư", "trung tuần tháng 10/2023", "Khu dân cư", "Nhân dân"],
]
EXCEL_ROWS = [
    ["Tọa đàm “Dân vận khéo” phường Bắc Hà", "20/10/2023", "Cấp phường", "Đoàn viên, hội viên"],
    ["Thăm hỏi gia đình chính sách", "tháng 10/2023", "Cấp phường", "Gia đình chính sách"],
]


@pytest.fixture
def plan_calls(cast):
    """Seed 003 issued by the province's committee, its calls opened to both wards and the agency (through
    the services, as the import and issue steps leave them)."""
    from danvan.plans import services as plan_services
    from danvan.plans.parsing import parse_text
    from danvan.reporting import services

    plan = plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=cast.province,
        doc=parse_text(SEED.read_text(encoding="utf-8")),
    )
    from danvan.plans.selectors import tasks_without_lead

    for task in tasks_without_lead(plan):  # the officer picks the leads the text names only as groups
        plan_services.task_update(
            task=task, actor=cast.province_officer, expected_version=task.version, lead_units=[cast.province]
        )
    plan = plan_services.plan_issue(
        plan=plan, actor=cast.province_officer, issued_on=datetime.date(2023, 9, 15)
    )
    calls = services.calls_from_plan(
        actor=cast.province_officer, plan=plan, targets=[cast.ward, cast.other_ward, cast.agency]
    )
    assert len(calls) == 2, [c.title for c in calls]
    table = next(c for c in calls if c.template.layout == "table")
    assert table.template.fields.count() == 7
    return plan, table


def _context(browser, screen):
    return browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport=DEVICES[screen])


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_answer_follow_return_consolidate_and_download(
    cast, plan_calls, browser, live_server, output_path, accessible, tmp_path, screen
):
    plan, call = plan_calls
    base = live_server.url
    check = steps.Checker(accessible=accessible, out=Path(output_path), device=screen)
    contexts = [_context(browser, screen) for _ in range(3)]
    ward, other, officer = (context.new_page() for context in contexts)
    for page in (ward, other, officer):
        page.set_default_timeout(20_000)
    try:
        log_in(ward, live_server, "ward_officer")
        steps.answer_in_browser(
            ward, base, check, call_id=call.pk, unit_id=cast.ward.pk, rows=WARD_ROWS, tmp_path=tmp_path
        )
        log_in(other, live_server, "outsider")  # the officer of Phường Bắc Hà
        steps.answer_by_excel(
            other,
            base,
            check,
            call_id=call.pk,
            unit_id=cast.other_ward.pk,
            typed=["Dòng gõ tay sẽ được thay"],
            rows=EXCEL_ROWS,
            tmp_path=tmp_path,
        )
        log_in(officer, live_server, "province_officer")
        board = steps.board_shows_overdue(
            officer, base, check, plan_id=plan.pk, overdue=[(cast.agency.pk, call.pk)]
        )
        assert steps.READABLE_NAME.match(board.suggested_filename), board.suggested_filename
        steps.review_return_resubmit(
            officer,
            ward,
            base,
            check,
            call_id=call.pk,
            unit_id=cast.ward.pk,
            comment="Đề nghị bổ sung thời gian cụ thể của hoạt động thứ hai.",
        )
        paths = steps.consolidate_and_download_all(officer, base, check, call_id=call.pk, tmp_path=tmp_path)
        table = next(p for p in paths if p.name.startswith("bang-tong-hop_"))
        text = " ".join(str(v) for row in steps.xlsx_rows(table.read_bytes()) for v in row if v)
        assert "(đã bổ sung)" in text and EXCEL_ROWS[0][0] in text
        signed = steps.download_signed_document(
            officer, base, check, call_id=call.pk, unit_id=cast.ward.pk, tmp_path=tmp_path
        )
        assert signed.name.startswith("van-ban-trien-khai_phuong-an-binh_")
    finally:
        for context in contexts:
            context.close()
