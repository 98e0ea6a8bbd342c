"""Journey 1 of issue 13 walked whole, on a desktop and on a phone: seed 003 pasted under its real 2023
issuer, reviewed, issued with a signing date, both calls opened (the registration call with the plan's 7
columns); a ward answers in the browser and confirms, another by Excel; the board shows the unit that sent
nothing as overdue; the committee returns one answer, the ward sends again; the committee consolidates and
downloads every document. The import steps and the answering steps are the same functions the two halves'
own tests use, chained here on one live server so nothing is set up behind the user's back."""

from pathlib import Path

import pytest

from . import journey_steps_reporting as steps
from .conftest import ISSUER_2023 as ISSUER
from .conftest import log_in
from .journey_steps_plan import import_and_issue_seed_003, seed_003_text
from .test_journey_answer_consolidate import DEVICES, EXCEL_ROWS, WARD_ROWS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_the_committee_day_from_a_pasted_plan_to_the_consolidated_documents(
    cast, units_of_2023, page, browser, live_server, screenshot, accessible, output_path, tmp_path, screen
):
    if seed_003_text() is None:
        pytest.skip("the shared seeds are not beside the project")
    from danvan.reporting.models import Call

    _issuer, front = units_of_2023
    page.set_viewport_size(DEVICES[screen])
    page.set_default_timeout(20_000)
    log_in(page, live_server, "province_officer")
    plan_id, call_ids = import_and_issue_seed_003(
        page,
        live_server,
        issuer_name=ISSUER,
        must_receive=(front.name, cast.ward.name, cast.other_ward.name, cast.agency.name),
        screenshot=screenshot,
        accessible=accessible,
        tag=screen,
    )
    call = Call.objects.get(pk=call_ids[0])
    assert call.template.layout == "table" and call.template.fields.count() == 7

    base = live_server.url
    check = steps.Checker(accessible=accessible, out=Path(output_path), device=screen)
    contexts = [
        browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport=DEVICES[screen])
        for _ in range(2)
    ]
    ward, other = (context.new_page() for context in contexts)
    for unit_page in (ward, other):
        unit_page.set_default_timeout(20_000)
    try:
        log_in(ward, live_server, "ward_officer")
        steps.answer_in_browser(
            ward, base, check, call_id=call.pk, unit_id=cast.ward.pk, rows=WARD_ROWS, tmp_path=tmp_path
        )
        log_in(other, live_server, "outsider")  # the officer of the other ward
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
        board = steps.board_shows_overdue(
            page, base, check, plan_id=plan_id, overdue=[(cast.agency.pk, call.pk)]
        )
        assert steps.READABLE_NAME.match(board.suggested_filename), board.suggested_filename
        steps.review_return_resubmit(
            page,
            ward,
            base,
            check,
            call_id=call.pk,
            unit_id=cast.ward.pk,
            comment="Đề nghị bổ sung thời gian cụ thể của hoạt động thứ hai.",
        )
        paths = steps.consolidate_and_download_all(page, base, check, call_id=call.pk, tmp_path=tmp_path)
        assert all(steps.READABLE_NAME.match(p.name) for p in paths), [p.name for p in paths]
        table = next(p for p in paths if p.name.startswith("bang-tong-hop_"))
        text = " ".join(str(v) for row in steps.xlsx_rows(table.read_bytes()) for v in row if v)
        assert "(đã bổ sung)" in text and EXCEL_ROWS[0][0] in text
    finally:
        for context in contexts:
            context.close()
