"""The rows editor saves by itself a few seconds after typing. A person who types in a cell and at once sends
another form of the page (the signed-document upload) must not lose what they typed: the pending save is sent
first and waited for, then the other form goes."""

import re

import pytest

from .conftest import log_in
from .journey_steps_reporting import SIGNED_PDF, open_answer

pytestmark = pytest.mark.browser

TYPED = "Hội nghị đối thoại với Nhân dân tổ dân phố số 3"


@pytest.fixture
def call(cast):
    from danvan.testing import factories

    return factories.make_call(actor=cast.province_officer, unit=cast.province, targets=[cast.ward])


@pytest.mark.parametrize("how", ["request_submit", "click"])
def test_typing_then_sending_the_signed_document_keeps_what_was_typed(
    cast, call, page, live_server, tmp_path, screenshot, how
):
    from danvan.reporting.models import Submission

    log_in(page, live_server, "ward_officer")
    open_answer(page, live_server.url, call_id=call.pk, unit_id=cast.ward.pk)
    cell = page.get_by_test_id("rows-editor").locator("tr.row-line").first.locator("textarea").first
    cell.click()
    page.keyboard.type(TYPED)  # the autosave is now seconds away (htmx: input delay 3s)
    document = tmp_path / "van-ban.pdf"
    document.write_bytes(SIGNED_PDF)
    section = page.get_by_test_id("signed-document")
    section.locator("input[type=file]").set_input_files(str(document))
    with page.expect_navigation():
        if how == "request_submit":  # sent while the cell still has the focus: no change event at all
            assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
            section.locator("form").evaluate("form => form.requestSubmit()")
        else:
            section.get_by_role("button", name=re.compile("^(Đính kèm|Thay tệp)$")).click()
    assert page.get_by_test_id("signed-link").inner_text() == "van-ban.pdf"

    page.reload()
    cell = page.get_by_test_id("rows-editor").locator("tr.row-line").first.locator("textarea").first
    assert cell.input_value() == TYPED
    submission = Submission.objects.get(call=call, unit=cast.ward)
    assert TYPED in str(submission.rows) and submission.signed_document
    screenshot(f"saved-{how}")


def test_an_htmx_request_from_elsewhere_on_the_page_waits_for_the_pending_save(cast, call, page, live_server):
    """A form sent by htmx (here one added to the page, asking the call list into a box) goes only once the
    typed text is saved: when its answer is in the page, the server already has the text."""
    from danvan.reporting.models import Submission

    log_in(page, live_server, "ward_officer")
    open_answer(page, live_server.url, call_id=call.pk, unit_id=cast.ward.pk)
    page.evaluate(
        """() => {
        const form = document.createElement("form");
        form.setAttribute("hx-get", "/reporting/calls/");
        form.setAttribute("hx-target", "#probe");
        form.setAttribute("hx-select", "h1");
        form.innerHTML = '<button id="probe-send">Xem</button><div id="probe"></div>';
        document.querySelector("main").append(form);
        htmx.process(form);
    }"""
    )
    cell = page.get_by_test_id("rows-editor").locator("tr.row-line").first.locator("textarea").first
    cell.click()
    page.keyboard.type(TYPED)
    page.locator("form[hx-get]").evaluate("form => form.requestSubmit()")  # the cell keeps the focus
    page.locator("#probe h1").wait_for()
    submission = Submission.objects.get(call=call, unit=cast.ward)
    assert TYPED in str(submission.rows)  # saved before the other request went, not 3 seconds later
