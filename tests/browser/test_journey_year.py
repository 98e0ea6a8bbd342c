"""The committee's year in the browser: the leaders' dashboard of a province, drilled down to a ward, on a
desktop and on a phone, each page checked by axe-core.

The reports of the year are made through the reporting services (the province opens monthly calls with a
period, the wards answer; a late answer is sent with the clock moved past the last day), so the dashboard
reads what the product itself wrote.
"""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from .conftest import log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def _at(day: datetime.date):
    """The clock at noon of `day` (Asia/Ho_Chi_Minh), for a service that stamps the time it runs."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return mock.patch("django.utils.timezone.now", return_value=moment)


def monthly_call(cast, year: int, month: int, targets):
    """A month's report opened by the province with the figures' period, as a regime's run would."""
    from danvan.lib.periods import Period, PeriodKind
    from danvan.reporting import services
    from danvan.reporting.models import Call

    period = Period(PeriodKind.MONTH, year, month)
    template = services.ensure_builtin_templates()["result_report"]
    call = services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=template,
        title=f"Báo cáo công tác dân vận {period.label.lower()}",
        due_date=period.end + datetime.timedelta(days=5),
        targets=targets,
    )
    Call.objects.filter(pk=call.pk).update(
        period_kind=period.kind, period_start=period.start, period_end=period.end
    )
    return call


def send(call, unit, user, *, on: datetime.date):
    from danvan.reporting import services

    submission = services.submission_for(call=call, unit=unit)
    with _at(on):
        submission = services.submission_save_draft(
            submission=submission, actor=user, answers=_answers(call), expected_version=submission.version
        )
        return services.submission_submit(
            submission=submission, actor=user, expected_version=submission.version
        )


def _answers(call) -> dict:
    return {str(f.pk): "Kết quả công tác dân vận trong tháng." for f in call.template.fields.all()}


@pytest.fixture
def year(cast):
    """Two months of the year before this one: ward A answers both on time; ward B sends January late and
    nothing for February; the agency is not asked."""
    from danvan.accounts import services as accounts
    from danvan.core.access import Role

    last = timezone.localdate().year - 1
    jan = monthly_call(cast, last, 1, [cast.ward, cast.other_ward])
    feb = monthly_call(cast, last, 2, [cast.ward, cast.other_ward])
    send(jan, cast.ward, cast.ward_officer, on=datetime.date(last, 2, 2))
    send(jan, cast.other_ward, cast.outsider, on=datetime.date(last, 2, 12))
    send(feb, cast.ward, cast.ward_officer, on=datetime.date(last, 3, 1))
    accounts.role_assign(actor=cast.admin, user=cast.province_officer, role=Role.LEADER, unit=cast.province)
    return last


def test_a_leader_reads_the_year_and_drills_down_to_a_ward(
    cast, year, page, live_server, screenshot, accessible
):
    log_in(page, live_server, "province_officer")
    page.get_by_role("link", name="Tổng quan").first.click()
    page.get_by_label("Năm", exact=True).select_option(str(year))
    with page.expect_navigation():
        page.get_by_role("button", name="Xem").click()
    # 4 asked, 3 sent, 2 on time: 75 % sent, 50 % on time
    assert page.get_by_test_id("dash-rate").inner_text() == "75%"
    assert page.get_by_test_id("dash-punctuality").inner_text() == "50%"
    tiles = page.get_by_test_id("dash-tiles")
    tile = tiles.get_by_role("listitem")
    assert "Đủ, đúng hạn" in tile.filter(has_text="Phường An Bình").inner_text()
    assert "Còn đơn vị chưa gửi" in tile.filter(has_text="Phường Bắc Hà").inner_text()
    assert "1 muộn" in tile.filter(has_text="Phường Bắc Hà").inner_text()
    accessible(page, "dashboard-province")
    screenshot("dashboard-province")

    with page.expect_download() as download:
        page.get_by_test_id("dash-export").click()
    assert download.value.suggested_filename == f"tong-quan-{year}-month.xlsx"

    with page.expect_navigation():
        tiles.get_by_role("link", name="Phường An Bình").click()
    assert "Phường An Bình" in page.get_by_role("heading", level=1).inner_text()
    crumbs = page.get_by_test_id("dash-breadcrumbs")
    assert crumbs.get_by_role("link", name="Tỉnh Thử Nghiệm").count() == 1
    accessible(page, "dashboard-ward")
    screenshot("dashboard-ward")

    page.set_viewport_size(PHONE)
    with page.expect_navigation():
        crumbs.get_by_role("link", name="Tỉnh Thử Nghiệm").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    accessible(page, "dashboard-province-phone")
    screenshot("dashboard-province-phone")
