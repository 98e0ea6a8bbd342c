"""The committee's year in the browser, each page checked by axe-core, on a desktop and on a phone.

1. The province defines a monthly regime for its wards through the pages; the worker's daily run opens last
   month; the two wards answer through the services (one after the due day, the clock moved as the existing
   tests move it); the province opens its own report for the month and finds it prefilled with the wards'
   figures; the dashboard shows the rate and the late ward.
2. A leader reads a past year on the dashboard and drills down from the province to a ward.
"""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from .conftest import log_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
REGIME = "Báo cáo kết quả tiếp xúc, đối thoại hằng tháng"


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


# --- 1. the regime's month, end to end ------------------------------------------------------------------


@pytest.fixture
def dialogue_form(cast):
    """The province's monthly outline, its number question bound to the catalogue's dialogues indicator."""
    from danvan.reporting import services
    from danvan.reporting.indicators.catalogue import ensure_builtin_indicators
    from danvan.reporting.indicators.models import Indicator
    from danvan.reporting.models import FieldKind, FormTemplate

    ensure_builtin_indicators(Indicator)  # the data migration's rows, emptied by the live server's flush
    return services.template_save(
        actor=cast.province_officer,
        owner=cast.province,
        name="Đề cương báo cáo tiếp xúc, đối thoại",
        layout=FormTemplate.Layout.OUTLINE,
        fields=[
            {"label": "Tình hình chung", "kind": FieldKind.LONG_TEXT},
            {
                "label": "Số cuộc đối thoại",
                "kind": FieldKind.NUMBER,
                "indicator": Indicator.objects.get(code="doi-thoai"),
            },
        ],
    )


def pick_unit(page, select_name: str, words: str, label: str) -> None:
    page.locator(f"input[data-picker-for='{select_name}']").fill(words)
    page.locator(".unit-picker-results button", has_text=label).first.click()


def define_regime(page, start: datetime.date) -> None:
    """The province officer fills the regime form: wards report monthly, due on the 5th of the next month."""
    page.get_by_role("link", name="Báo cáo định kỳ").first.click()
    page.get_by_role("link", name="Lập chế độ báo cáo").first.click()
    page.get_by_label("Tên chế độ báo cáo").fill(REGIME)
    pick_unit(page, "owner", "Thử Nghiệm", "Tỉnh Thử Nghiệm")
    page.get_by_label("Biểu mẫu hoặc đề cương").select_option(label="Đề cương báo cáo tiếp xúc, đối thoại")
    pick_unit(page, "root", "Thử Nghiệm", "Tỉnh Thử Nghiệm")
    page.get_by_label("Phường", exact=True).check()
    page.get_by_label("Hằng tháng").check()
    page.get_by_label("Áp dụng từ ngày").fill(start.strftime("%d/%m/%Y"))
    page.get_by_label("Ngày cố định trong tháng").check()
    page.get_by_label("Số ngày sau ngày chốt, hoặc ngày trong tháng").fill("5")
    with page.expect_navigation():
        page.get_by_role("button", name="Lập chế độ báo cáo").click()


def answer(call, unit, user, count: str, *, on: datetime.date):
    from danvan.reporting import services

    submission = services.submission_for(call=call, unit=unit)
    fields = {f.label: str(f.pk) for f in call.template.fields.all()}
    with _at(on):
        submission = services.submission_save_draft(
            submission=submission,
            actor=user,
            answers={
                fields["Tình hình chung"]: "Tổ chức đối thoại với Nhân dân.",
                fields["Số cuộc đối thoại"]: count,
            },
            expected_version=submission.version,
        )
        return services.submission_submit(submission=submission, actor=user, expected_version=None)


def test_a_regime_month_from_definition_to_the_dashboard(
    cast, dialogue_form, page, live_server, screenshot, accessible
):
    from django.urls import reverse

    from danvan.lib.periods import Period, PeriodKind
    from danvan.reporting import services
    from danvan.reporting.models import Call
    from danvan.reporting.regimes.models import Regime
    from danvan.reporting.regimes.services.daily import daily_run

    today = timezone.localdate()
    month = Period.containing(PeriodKind.MONTH, today).previous()
    log_in(page, live_server, "province_officer")
    define_regime(page, month.start)
    assert REGIME in page.get_by_role("heading", level=1).inner_text()
    accessible(page, "regime-detail")
    screenshot("regime-detail")

    # the worker's morning run opens the month that ended, one call asking both wards
    daily_run(today)
    regime = Regime.objects.get(name=REGIME)
    call = Call.objects.get(regime=regime, period_start=month.start)
    assert set(call.targets.values_list("unit__name", flat=True)) == {"Phường An Bình", "Phường Bắc Hà"}

    # ward A answers the day after the month ends, ward B three days after the due day
    answer(call, cast.ward, cast.ward_officer, "3", on=month.end + datetime.timedelta(days=1))
    late = answer(call, cast.other_ward, cast.outsider, "4", on=call.due_end + datetime.timedelta(days=3))
    assert late.is_late

    # the province's own report for the month opens with the wards' figures added up
    own = services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=dialogue_form,
        title=f"Báo cáo tiếp xúc, đối thoại {month.label.lower()} của tỉnh",
        due_date=call.due_end + datetime.timedelta(days=5),
        targets=[cast.province],
    )
    Call.objects.filter(pk=own.pk).update(
        period_kind=month.kind, period_start=month.start, period_end=month.end
    )
    page.goto(live_server.url + reverse("reporting:submission_open", args=[own.pk, cast.province.pk]))
    screenshot("province-report-prefilled")
    body = page.locator("main").inner_text()
    assert "Cộng từ báo cáo của 2 đơn vị cấp dưới" in body
    assert "2. Số cuộc đối thoại 7" in " ".join(body.split())  # 3 + 4 dialogues
    accessible(page, "province-report-prefilled")

    # the dashboard: both wards sent (100 %), ward B late
    page.get_by_role("link", name="Tổng quan").first.click()
    page.get_by_label("Năm", exact=True).select_option(str(month.year))
    page.get_by_label("Chế độ báo cáo", exact=True).select_option(label=REGIME)
    with page.expect_navigation():
        page.get_by_role("button", name="Xem").click()
    assert page.get_by_test_id("dash-rate").inner_text() == "100%"
    assert page.get_by_test_id("dash-punctuality").inner_text() == "50%"
    tile = page.get_by_test_id("dash-tiles").get_by_role("listitem")
    assert "Có đơn vị gửi muộn" in tile.filter(has_text="Phường Bắc Hà").inner_text()
    assert "Đủ, đúng hạn" in tile.filter(has_text="Phường An Bình").inner_text()
    grid = page.get_by_test_id("dash-grid")
    assert "muộn" in grid.get_by_role("row").filter(has_text="Phường Bắc Hà").inner_text()
    assert "Số cuộc tiếp xúc, đối thoại" in page.get_by_test_id("dash-indicators").inner_text()
    accessible(page, "dashboard-regime")
    screenshot("dashboard-regime")

    page.set_viewport_size(PHONE)
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.get_by_test_id("dash-rate").inner_text() == "100%"
    accessible(page, "dashboard-regime-phone")
    screenshot("dashboard-regime-phone")
    page.goto(live_server.url + regime.get_absolute_url())
    accessible(page, "regime-detail-phone")
    screenshot("regime-detail-phone")
