"""Listening to the people in the browser: a ward records a dialogue with three petitions, gives one to a
department with a deadline, the department answers, the ward tells the citizen, and the month's report
shows it resolved on time beside an overdue one in red."""

import datetime

import pytest

from .conftest import assert_styled, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def overdue(cast):
    """A petition the ward received yesterday and gave the agency until yesterday: overdue today."""
    from danvan.citizens.models import PetitionField
    from danvan.citizens.models.catalog import ensure_defaults
    from danvan.citizens.petitions import services

    ensure_defaults()  # the seeded fields and deadlines, flushed by the previous browser test
    today = datetime.date.today()
    if today.day == 1:
        pytest.skip("on the 1st no petition of this month can be past its deadline yet")
    yesterday = today - datetime.timedelta(days=1)
    return services.petition_record(
        actor=cast.ward_officer,
        received_unit=cast.ward,
        title="Cống thoát nước khu phố Đông bị tắc",
        field=PetitionField.objects.get(name="Hạ tầng, giao thông"),
        received_on=yesterday,
        responsible_unit=cast.agency,
        deadline=yesterday,
    )


def test_a_dialogue_from_the_petitions_raised_to_the_monthly_report(
    cast, overdue, page, live_server, browser, screenshot
):
    today = datetime.date.today()
    log_in(page, live_server, "ward_officer")
    page.goto(f"{live_server.url}/dan-nguyen/doi-thoai/moi/")
    assert_styled(page)
    page.locator("input[name=topic]").fill("Đối thoại với Nhân dân khu phố Đông về hạ tầng đô thị")
    page.locator("select[name=form]").select_option("subject")
    page.locator("input[name=time_text]").fill(f"{today:%d/%m/%Y}")
    page.locator("input[name=place]").fill("Nhà văn hóa khu phố Đông")
    page.locator("input[name=chair_name]").fill("Đồng chí Bí thư Đảng ủy phường")
    page.locator("select[name=status]").select_option("held")
    page.locator("input[name=participants]").fill("45")
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()
    assert "Đối thoại với Nhân dân khu phố Đông" in page.content()

    raised = [
        ("Đề nghị lắp đèn chiếu sáng ngõ 12", "Hạ tầng, giao thông", "Nguyễn Văn Bình"),
        ("Phản ánh bãi rác tự phát cạnh chợ", "Môi trường", "Trần Thị Hoa"),
        ("Hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất", "Đất đai", "Lê Văn Tâm"),
    ]
    for title, field, name in raised:
        form = page.get_by_test_id("quick-petition")
        form.locator("input[name=title]").fill(title)
        form.locator("select[name=field]").select_option(label=field)
        form.locator("input[name=full_name]").fill(name)
        with page.expect_navigation():
            form.get_by_role("button", name="Ghi kiến nghị").click()
        assert "Đã ghi kiến nghị" in page.content()
    rows = page.get_by_test_id("dialogue-petitions").locator("tbody tr")
    assert rows.count() == 3
    screenshot("dialogue-with-petitions")

    rows.filter(has_text="đèn chiếu sáng").get_by_role("link").first.click()
    assert "Nguyễn Văn Bình" in page.get_by_test_id("personal-data").inner_text()
    deadline = today + datetime.timedelta(days=7)
    assign = page.get_by_test_id("assign-form")
    assign.locator("select[name=unit]").select_option(str(cast.agency.pk))
    assign.locator("input[name=deadline]").fill(f"{deadline:%d/%m/%Y}")
    with page.expect_navigation():
        assign.get_by_role("button", name="Giao").click()
    assert page.get_by_test_id("responsible").inner_text().strip() == "Sở Nội vụ"
    petition_url = page.url

    department = browser.new_context(locale="vi-VN").new_page()
    log_in(department, live_server, "focal_point")
    department.goto(petition_url)
    answer = department.get_by_test_id("answer-form")
    answer.locator("textarea[name=answer]").fill(
        "Sở đã phối hợp điện lực lắp 4 bóng đèn, hoàn thành trong tuần."
    )
    with department.expect_navigation():
        answer.get_by_role("button", name="Ghi trả lời").click()
    assert department.get_by_test_id("petition-status").inner_text() == "Đã trả lời"
    department.context.close()

    page.reload()
    inform = page.get_by_test_id("inform-form")
    inform.locator("input[name=how]").fill("Thông báo tại buổi họp khu phố")
    with page.expect_navigation():
        inform.get_by_role("button", name="Đã thông tin cho công dân").click()
    assert page.get_by_test_id("petition-status").inner_text() == "Đã thông tin cho công dân"
    assert "Trả lời đúng hạn" in page.content()
    screenshot("petition-informed")

    page.goto(f"{live_server.url}/dan-nguyen/bao-cao/")
    assert page.get_by_test_id("received").inner_text() == "4"
    assert page.get_by_test_id("on-time").inner_text() == "1"
    assert page.get_by_test_id("overdue").inner_text() == "1"
    red = page.get_by_test_id("report-overdue").locator("tr.table-danger")
    assert red.count() == 1 and "Cống thoát nước" in red.inner_text()
    assert page.evaluate(
        "getComputedStyle(document.querySelector('[data-testid=report-overdue] tr.table-danger td'))"
        ".backgroundColor"
    ) not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    assert "Nguyễn Văn Bình" not in page.content()
    screenshot("monthly-report")

    page.goto(f"{live_server.url}/dan-nguyen/kien-nghi/qua-han/")
    assert (
        page.get_by_test_id("overdue-table").locator("tr.table-danger").count() == 0
    )  # the ward is not responsible


def test_a_new_petition_is_told_of_its_likely_duplicate_as_it_is_typed(cast, overdue, page, live_server):
    log_in(page, live_server, "ward_officer")
    page.goto(f"{live_server.url}/dan-nguyen/kien-nghi/moi/")
    page.locator("input[name=title]").fill("cong thoat nuoc khu pho dong bi tac lau ngay")
    page.locator("input[name=title]").dispatch_event("change")
    suggestion = page.get_by_test_id("similar")
    suggestion.wait_for()
    assert f"#{overdue.pk}" in suggestion.inner_text()
