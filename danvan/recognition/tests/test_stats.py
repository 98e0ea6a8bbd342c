"""Statistics of the movement: right numbers, scoped to the user, bounded queries, SVG charts."""

import re
from types import SimpleNamespace

import pytest
from django.urls import include, path

from danvan.lib import vntext
from danvan.recognition.models import AppraisalRound, Exemplar, Field, RoundEntry
from danvan.recognition.stats import charts, selectors
from danvan.recognition.stats import urls as stats_urls
from danvan.testing.factories import UnitFactory, kind

STATS_URL = "/dan-van-kheo/thong-ke/"

# The project's URLs, then the stats routes at the address they have once danvan/recognition/urls.py
# includes stats/urls.py (the project's own route wins when it is there). Built on first use
# (module __getattr__), so the chart tests still run while another part of the project fails to import.
pytestmark = pytest.mark.urls("danvan.recognition.tests.test_stats")


def __getattr__(name):
    if name != "urlpatterns":
        raise AttributeError(name)
    return [
        path("", include("config.urls")),
        path("dan-van-kheo/", include((stats_urls.urlpatterns, "recognition_stats_test"))),
    ]


Status = Exemplar.Status
Decision = RoundEntry.Decision


def make_entry(
    unit, title, *, status=Status.REGISTERED, year=2024, field=None, kind=Exemplar.Kind.INITIATIVE
):
    return Exemplar.objects.create(
        unit=unit,
        title=title,
        year=year,
        kind=kind,
        field=field,
        status=status,
        title_key=vntext.sort_key(title),
        search_text=vntext.fold(title),
    )


def enter(entry, round_, decision=Decision.PENDING):
    return RoundEntry.objects.create(round=round_, exemplar=entry, decision=decision)


@pytest.fixture
def data(cast):
    """Five entries in the cast's province, two in a province far away.

    level: where it was recognised, else the highest round it entered, else "Chưa thẩm định".
    """
    economy, culture = Field.objects.all()[:2]
    far = UnitFactory(name="Tỉnh Sông Xa", kind=kind("province"))
    far_commune = UnitFactory(name="Xã Bến Đò", kind=kind("commune"), parent=far)
    ward_round = AppraisalRound.objects.create(
        owner=cast.ward, name="Thẩm định cấp phường", year=2024, level=AppraisalRound.Level.WARD
    )
    other_ward_round = AppraisalRound.objects.create(
        owner=cast.other_ward, name="Thẩm định phường Bắc Hà", year=2025, level=AppraisalRound.Level.WARD
    )
    province_round = AppraisalRound.objects.create(
        owner=cast.province, name="Thẩm định cấp tỉnh", year=2025, level=AppraisalRound.Level.PROVINCE
    )
    a = make_entry(cast.ward, "Phường A công nhận", status=Status.RECOGNISED, field=economy)
    enter(a, ward_round, Decision.RECOGNISED)
    make_entry(cast.team, "Tổ A mới đăng ký", field=economy, kind=Exemplar.Kind.EXEMPLAR)
    b = make_entry(cast.other_ward, "Phường B lên tỉnh", status=Status.PROPOSED, year=2025, field=culture)
    enter(b, other_ward_round, Decision.PROPOSED)
    enter(b, province_round, Decision.RECOGNISED)
    c = make_entry(
        cast.other_ward, "Phường B chưa đạt", status=Status.NOT_RECOGNISED, year=2025, field=culture
    )
    enter(c, other_ward_round, Decision.NOT_RECOGNISED)
    make_entry(cast.agency, "Sở chưa thẩm định", year=2025, field=economy)
    for n in range(2):
        make_entry(far_commune, f"Tỉnh xa số {n}", status=Status.RECOGNISED, field=economy)
    return SimpleNamespace(economy=economy, culture=culture, far=far)


def rows(items):
    return {row.label: (row.registered, row.recognised) for row in items}


def test_the_numbers_are_right_for_a_small_dataset(data, cast):
    entries = selectors.stats_base(cast.province_officer)
    totals = selectors.stats_totals(entries)
    assert (totals["registered"], totals["recognised"]) == (5, 2)
    assert (totals["initiatives"], totals["exemplars"]) == (4, 1)
    assert rows(selectors.by_field(entries)) == {data.economy.name: (3, 1), data.culture.name: (2, 1)}
    assert rows(selectors.by_year(entries)) == {"2024": (2, 1), "2025": (3, 1)}
    assert rows(selectors.by_locality(entries, selectors.locality_units())) == {"Tỉnh Thử Nghiệm": (5, 2)}
    assert [(row.label, row.registered, row.recognised) for row in selectors.by_level(entries)] == [
        ("Cấp tỉnh", 1, 1),
        ("Cấp xã, phường", 2, 1),
        ("Chưa thẩm định", 2, 0),
    ]


def test_every_breakdown_adds_up_to_the_totals(data, cast):
    entries = selectors.stats_base(cast.admin)
    totals = selectors.stats_totals(entries)
    breakdowns = [
        selectors.by_field(entries),
        selectors.by_year(entries),
        selectors.by_locality(entries, selectors.locality_units()),
        selectors.by_level(entries),
    ]
    for breakdown in breakdowns:
        assert sum(row.registered for row in breakdown) == totals["registered"] == 7
        assert sum(row.recognised for row in breakdown) == totals["recognised"] == 4


def test_the_administrator_sees_every_province(data, cast):
    entries = selectors.stats_base(cast.admin)
    assert rows(selectors.by_locality(entries, selectors.locality_units())) == {
        "Tỉnh Thử Nghiệm": (5, 2),
        "Tỉnh Sông Xa": (2, 2),
    }


def test_the_year_filter_narrows_every_breakdown(data, cast, login):
    entries = selectors.stats_base(cast.province_officer, year=2024)
    assert rows(selectors.by_year(entries)) == {"2024": (2, 1)}
    assert rows(selectors.by_field(entries)) == {data.economy.name: (2, 1)}
    page = login(cast.province_officer).get(STATS_URL, {"year": 2024}).content.decode()
    assert re.search(r'data-testid="total-registered">\s*2<', page)
    assert '<option value="2024" selected>' in page


def test_the_page_shows_a_chart_and_a_table_per_breakdown(data, cast, login):
    response = login(cast.province_officer).get(STATS_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'data-testid="total-registered">\s*5<', page)
    assert re.search(r'data-testid="total-recognised">\s*2<', page)
    assert page.count("<svg") >= 4 and page.count('role="img"') >= 4
    for key in ["field", "locality", "level", "year"]:
        assert f'data-testid="table-{key}"' in page
    assert "Chưa thẩm định" in page and "Cấp tỉnh" in page
    assert "<script" not in page.split('<main id="main"')[1]


def test_an_outsider_sees_none_of_another_units_numbers(data, cast, login):
    """The officer of ward B sees ward B's two entries; nothing of ward A, nothing of the far province."""
    entries = selectors.stats_base(cast.outsider)
    totals = selectors.stats_totals(entries)
    assert (totals["registered"], totals["recognised"]) == (2, 1)
    assert rows(selectors.by_field(entries)) == {data.culture.name: (2, 1)}
    assert rows(selectors.by_locality(entries, selectors.locality_units())) == {"Tỉnh Thử Nghiệm": (2, 1)}
    assert selectors.stats_years(cast.outsider) == [2025]
    page = login(cast.outsider).get(STATS_URL).content.decode()
    assert re.search(r'data-testid="total-registered">\s*2<', page)
    assert "Tỉnh Sông Xa" not in page
    assert data.economy.name not in page.split('id="stats-field"')[1].split("</section>")[0]
    assert '<option value="2024"' not in page


def test_statistics_need_a_login(client, db):
    response = client.get(STATS_URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_statistics_need_the_plan_view_capability(data, cast, login):
    assert login(cast.ward_council_member).get(STATS_URL).status_code == 403


def test_a_user_without_entries_sees_zeros_not_an_error(cast, login):
    response = login(cast.focal_point).get(STATS_URL)
    assert response.status_code == 200
    assert "Chưa có số liệu." in response.content.decode()


def test_the_statistics_page_runs_a_bounded_number_of_queries(
    data, cast, login, django_assert_max_num_queries
):
    client = login(cast.province_officer)
    client.get(STATS_URL)
    for n in range(30):
        make_entry(cast.ward, f"Thêm {n}", status=Status.RECOGNISED, year=2020 + n % 6, field=data.culture)
    with django_assert_max_num_queries(15):
        assert client.get(STATS_URL).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(STATS_URL, {"year": 2022}).status_code == 200


def test_a_bar_chart_has_two_labelled_bars_per_row_and_an_accessible_title():
    svg = str(charts.bar_chart([("Kinh tế", 12, 5), ("Văn hóa - xã hội", 3, 0)], title="Theo lĩnh vực"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert '<title id="chart-' in svg and "Theo lĩnh vực</title>" in svg
    assert 'role="img"' in svg and "aria-labelledby=" in svg
    assert svg.count('<g class="bar-row">') == 2
    assert svg.count("<rect") == 2 + 2 * 2  # the legend's two swatches, then two bars per row
    assert ">Kinh tế</text>" in svg and ">12</text>" in svg and ">5</text>" in svg
    assert "Kinh tế: 12 đăng ký, 5 được công nhận" in svg


def test_a_bar_chart_escapes_its_labels_and_says_when_it_is_empty():
    svg = str(charts.bar_chart([("<script>alert(1)</script>", 1, 1)], title="<b>"))
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "<b>" not in svg
    assert "Chưa có số liệu." in charts.bar_chart([])


def test_the_longest_bar_fills_the_plot_and_the_others_scale(db):
    svg = str(charts.bar_chart([("A", 10, 5)]))
    widths = [float(w) for w in re.findall(r'<rect x="\d+" y="[\d.]+" width="([\d.]+)" height="13"', svg)]
    assert widths == [charts.WIDTH - charts.LABEL_WIDTH - charts.VALUE_ROOM, (widths[0]) / 2]


def test_the_figures_export_to_excel_as_the_page_shows_them(data, cast, login):
    import io

    from openpyxl import load_workbook

    client = login(cast.province_officer)
    page = client.get(STATS_URL, {"year": 2024}).content.decode()
    assert "/dan-van-kheo/thong-ke.xlsx?year=2024" in page
    response = client.get("/dan-van-kheo/thong-ke.xlsx", {"year": 2024})
    assert (
        response.status_code == 200 and "thong-ke-dan-van-kheo-2024.xlsx" in response["Content-Disposition"]
    )
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 4
    values = [tuple(row) for row in book[book.sheetnames[0]].iter_rows(values_only=True)]
    assert (data.economy.name, 2, 1, 50) in values and ("Cộng", 2, 1, 50) in values
    # Whoever may not open the page may not export it either.
    outsider = login(cast.outsider)
    assert outsider.get(STATS_URL).status_code == outsider.get("/dan-van-kheo/thong-ke.xlsx").status_code
