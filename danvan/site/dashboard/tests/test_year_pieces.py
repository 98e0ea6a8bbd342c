"""The dashboard's pieces that come from the regimes, the indicators and the work programme agree with those
apps' own selectors, and the page stays within 20 queries with all of them present."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.lib.periods import Period, PeriodKind
from danvan.plans.programme.selectors import programme_progress
from danvan.reporting.indicators import selectors as indicators
from danvan.reporting.indicators import services as indicator_services
from danvan.reporting.indicators.models import Indicator, IndicatorTarget
from danvan.reporting.models import Call
from danvan.reporting.regimes.selectors import punctuality
from danvan.site.dashboard import selectors
from danvan.site.dashboard import year as year_figures
from danvan.testing.factories import UnitFactory, kind

from .test_dashboard import MONTH, TODAY, YEAR, call, node_of


def put(indicator, unit, period, value):
    indicator_services.value_put(indicator_id=indicator.pk, unit=unit, period=period, value=Decimal(value))


@pytest.fixture
def figures(year):
    """Dialogues held (the catalogue's "doi-thoai"): in 2025 January other ward 2; March bloc 2, area 4,
    other ward 5, agency 1; March 2024 ward 4, other ward 6; the province's 2025 target 52."""
    c = year
    dialogues = Indicator.objects.get(code="doi-thoai")
    march, january = Period(PeriodKind.MONTH, YEAR, 3), Period(PeriodKind.MONTH, YEAR, 1)
    for unit, period, value in (
        (c.bloc, march, 2),
        (c.area, march, 4),
        (c.other_ward, march, 5),
        (c.agency, march, 1),
        (c.other_ward, january, 2),
        (c.ward, Period(PeriodKind.MONTH, YEAR - 1, 3), 4),
        (c.other_ward, Period(PeriodKind.MONTH, YEAR - 1, 3), 6),
    ):
        put(dialogues, unit, period, value)
    IndicatorTarget.objects.create(
        indicator=dialogues, unit=c.province, year=YEAR, value=52, unit_of_measure=dialogues.unit_of_measure
    )
    return dialogues


def test_indicators_by_hand_and_as_the_indicators_app_rolls_them_up(year, figures):
    c, dialogues = year, figures
    (row,) = year_figures.indicator_rows(node_of(c.province), YEAR, today=TODAY)
    assert (row.value, row.last_year, row.target) == (Decimal(14), Decimal(10), Decimal(52))
    assert (row.change_pct, row.target_pct) == (Decimal("40.0"), Decimal("26.9"))
    theirs = indicators.compare(dialogues, c.province, Period(PeriodKind.YEAR, YEAR))
    assert (theirs["value"], theirs["last_year"], theirs["target"]) == (row.value, row.last_year, row.target)
    (ward,) = year_figures.indicator_rows(node_of(c.ward), YEAR, today=TODAY)
    assert (ward.value, ward.last_year, ward.target) == (Decimal(6), Decimal(4), None)
    # in April of the year, January to March against the same months of last year
    (early,) = year_figures.indicator_rows(node_of(c.province), YEAR, today=datetime.date(YEAR, 4, 10))
    assert (early.months, early.value, early.last_year) == (3, Decimal(14), Decimal(10))
    assert year_figures.indicator_rows(node_of(c.province), YEAR + 1, today=TODAY)[0].value is None


def test_the_grid_counts_as_the_regimes_on_time_grid(year):
    """Where the node's children are the units asked, each child's row is the regimes' per-unit tally."""
    c = year
    node = node_of(c.province)
    grid = selectors.reporting_grid(node, selectors.children_of(node), YEAR, MONTH, today=TODAY)
    calls = Call.objects.filter(owner=c.province, period_kind=MONTH)
    theirs = punctuality(calls, [c.other_ward, c.agency], today=TODAY)
    for unit in (c.other_ward, c.agency):
        mine = next(row.total for row in grid.rows if row.unit == unit)
        tally = theirs.per_unit[unit.pk]
        assert (mine.on_time, mine.late, mine.missing, mine.pending) == (
            tally.on_time,
            tally.late,
            tally.missing,
            tally.pending,
        )


@pytest.fixture
def programme(year):
    from danvan.plans.programme.tests.conftest import add_item, make_programme

    c = year
    plan = make_programme(c.province_officer, c.province, title=f"công tác dân vận năm {YEAR}")
    plan.year = YEAR
    plan.save(update_fields=["year"])
    add_item(c.province_officer, plan, "Hội nghị triển khai", f"tháng 1/{YEAR}")
    add_item(c.province_officer, plan, "Sơ kết 6 tháng", f"tháng 7/{YEAR}", lead=c.ward)
    return plan


def test_the_page_shows_the_programme_and_the_indicators(year, figures, programme, login):
    c = year
    progress = programme_progress(c.province_officer, YEAR, c.province)
    assert progress.total == 2
    html = login(c.province_officer).get(reverse("core:dashboard"), {"year": YEAR}).content.decode()
    table = html[html.index('data-testid="dash-programme-table"') :]
    table = table[: table.index("</table>")]
    for state, count in progress.counts.items():
        assert f"{count}</td>" in table and str(state.label) in table
    section = html[html.index('data-testid="dash-indicators"') :]
    assert figures.name in section[: section.index("</section>")]
    assert "▲ +40" in section  # +40.0 % on last year (the decimal mark as the locale writes it)


def test_twenty_queries_with_every_section_full(year, figures, programme, login):
    c = year
    client = login(c.admin)
    extra = [UnitFactory(name=f"Xã mới {n}", kind=kind("ward"), parent=c.province) for n in range(5)]
    call(c.province, extra, period=Period(PeriodKind.MONTH, YEAR, 5), due=datetime.date(YEAR, 6, 5))
    for url in (reverse("core:dashboard"), reverse("core:dashboard_unit", args=[c.ward.pk])):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"year": YEAR}).status_code == 200
        assert len(captured.captured_queries) <= 20, [q["sql"][:90] for q in captured.captured_queries]
