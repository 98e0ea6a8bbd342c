"""Indicators in the browser: the province officer reads the month's figures, one indicator across the year
(bars and table) and the month by ward; each page passes axe, on a desktop and on a phone."""

from decimal import Decimal

import pytest

from .conftest import assert_styled, log_in

pytestmark = pytest.mark.browser


def test_the_indicator_pages_read_well(cast, page, live_server, accessible, screenshot):
    from danvan.lib.periods import Period, PeriodKind
    from danvan.reporting.indicators import services
    from danvan.reporting.indicators.catalogue import ensure_builtin_indicators
    from danvan.reporting.indicators.models import Indicator

    ensure_builtin_indicators(Indicator)  # flushed by the previous browser test
    dialogues = Indicator.objects.get(code="doi-thoai")
    for unit, month, value in (
        (cast.area, 3, 4),
        (cast.bloc, 3, 2),
        (cast.other_ward, 3, 5),
        (cast.other_ward, 2, 3),
    ):
        period = Period(PeriodKind.MONTH, 2024, month)
        services.value_put(indicator_id=dialogues.pk, unit=unit, period=period, value=Decimal(value))
    log_in(page, live_server, "province_officer")
    base = f"{live_server.url}/reporting/indicators"
    page.goto(f"{base}/units/{cast.province.pk}/?kind=month&year=2024&number=3")
    assert_styled(page)
    assert (
        page.get_by_test_id("indicator-table")
        .get_by_role("link", name="Xem theo đơn vị: " + dialogues.name)
        .inner_text()
        == "11"
    )
    accessible(page, "list")
    page.goto(f"{base}/{dialogues.pk}/units/{cast.province.pk}/?kind=month&year=2024")
    assert page.locator("svg[role=img]").count() == 1
    accessible(page, "detail")
    screenshot("detail")
    page.goto(f"{base}/{dialogues.pk}/units/{cast.province.pk}/period/?kind=month&year=2024&number=3")
    assert page.get_by_test_id("drilldown-total").inner_text() == "11"
    accessible(page, "drilldown")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("drilldown-phone")
    page.goto(f"{base}/{dialogues.pk}/units/{cast.province.pk}/targets/")
    page.get_by_label("Chỉ tiêu năm").fill("100")
    page.locator("#id_year").fill("2024")
    page.get_by_label("Đơn vị tính").select_option("lượt người")
    page.get_by_role("button", name="Lưu chỉ tiêu năm").click()
    assert "«lượt người»" in page.locator("main").inner_text()
    accessible(page, "targets-refused")
