"""The indicator pages: what they show, the scope trio on each, targets entered with validation."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from danvan.lib.periods import Period, PeriodKind
from danvan.reporting.indicators import services
from danvan.reporting.indicators.models import IndicatorTarget

from .conftest import MARCH

QUERY = {"kind": "month", "year": 2024, "number": 3}


@pytest.fixture
def figures(cast, dialogues):
    for unit, period, value in (
        (cast.area, MARCH, 4),
        (cast.bloc, MARCH, 2),
        (cast.other_ward, MARCH, 5),
        (cast.ward, Period(PeriodKind.MONTH, 2023, 3), 3),
    ):
        services.value_put(indicator_id=dialogues.pk, unit=unit, period=period, value=Decimal(value))
    return cast


def urls(dialogues, unit):
    return {
        "list": reverse("reporting:indicator_list", args=[unit.pk]),
        "detail": reverse("reporting:indicator_detail", args=[dialogues.pk, unit.pk]),
        "export": reverse("reporting:indicator_export", args=[dialogues.pk, unit.pk]),
        "drilldown": reverse("reporting:indicator_drilldown", args=[dialogues.pk, unit.pk]),
        "targets": reverse("reporting:indicator_targets", args=[dialogues.pk, unit.pk]),
    }


def test_scope_trio_on_every_page(figures, login, client, dialogues):
    cast = figures
    own, sibling = login(cast.ward_officer), login(cast.outsider)
    for name, url in urls(dialogues, cast.ward).items():
        query = {**QUERY, "year": 2024}
        assert own.get(url, query).status_code == 200, name
        assert sibling.get(url, query).status_code == 404, name
        anonymous = client.get(url, query)
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"], name
    home = reverse("reporting:indicator_home")
    assert own.get(home)["Location"].startswith(reverse("reporting:indicator_list", args=[cast.ward.pk]))
    assert client.get(home).status_code == 302 and "/accounts/login/" in client.get(home)["Location"]
    prefill = reverse("reporting:indicator_prefill", args=[1])
    assert client.post(prefill).status_code == 302
    # The council member of the ward is in scope without the right to read reports.
    assert login(cast.ward_council_member).get(urls(dialogues, cast.ward)["detail"]).status_code == 403


def test_the_pages_show_the_roll_up(figures, login, dialogues):
    cast = figures
    client = login(cast.province_officer)
    page = client.get(urls(dialogues, cast.province)["list"], QUERY).content.decode()
    assert "Tháng 3/2024" in page and dialogues.name in page
    drill = client.get(urls(dialogues, cast.province)["drilldown"], QUERY)
    assert drill.context["counted"] == Decimal(11)
    assert [(c.name, v) for c, v, _s, _h in drill.context["rows"] if v is not None] == [
        ("Phường An Bình", Decimal(6)),
        ("Phường Bắc Hà", Decimal(5)),
    ]
    assert "<svg" in drill.content.decode()
    detail = client.get(urls(dialogues, cast.ward)["detail"], {"kind": "month", "year": 2024})
    march = detail.context["rows"][2]
    assert march[1:] == (Decimal(6), Decimal(3), Decimal("100.0"))
    export = client.get(urls(dialogues, cast.ward)["export"], {"kind": "month", "year": 2024})

    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["Tháng 3/2024", 6, 3, 100, None] in values  # no target set: no share of it


def test_targets_are_entered_and_a_wrong_unit_is_refused(figures, login, dialogues):
    cast = figures
    client = login(cast.ward_officer)
    url = urls(dialogues, cast.ward)["targets"]
    refused = client.post(url, {"year": 2024, "value": "24", "unit_of_measure": "lượt người"})
    assert refused.status_code == 200
    text = refused.content.decode()
    assert "«cuộc»" in text and "«lượt người»" in text and dialogues.name in text
    assert not IndicatorTarget.objects.exists()
    assert client.post(url, {"year": 2024, "value": "-1", "unit_of_measure": "cuộc"}).status_code == 200
    assert not IndicatorTarget.objects.exists()
    assert client.post(url, {"year": 2024, "value": "24", "unit_of_measure": "cuộc"}).status_code == 302
    assert IndicatorTarget.objects.get().value == Decimal(24)
    page = client.get(urls(dialogues, cast.ward)["list"], QUERY)
    row = dict(page.context["rows"])[dialogues]
    assert row["target"] == Decimal(24) and row["target_pct"] == Decimal("25.0")
    # Only a unit's own officers set its targets: the leader of nothing here, the outsider not at all.
    assert (
        login(cast.outsider).post(url, {"year": 2024, "value": "1", "unit_of_measure": "cuộc"}).status_code
        == 404
    )


def test_the_template_editor_binds_a_number_column_to_an_indicator(cast, login, dialogues):
    from danvan.reporting.models import FormTemplate

    client = login(cast.province_officer)
    data = {
        "name": "Báo cáo tháng",
        "layout": "table",
        "owner": cast.province.pk,
        "f-TOTAL_FORMS": 2,
        "f-INITIAL_FORMS": 0,
        "f-0-label": "Nội dung",
        "f-0-kind": "text",
        "f-1-label": "Số cuộc",
        "f-1-kind": "number",
        "f-1-indicator": dialogues.pk,
    }
    page = client.get(reverse("reporting:template_new"))
    assert dialogues.name in page.content.decode()  # the select in each column row
    assert client.post(reverse("reporting:template_new"), data).status_code == 302
    template = FormTemplate.objects.get(name="Báo cáo tháng")
    assert [(f.label, f.indicator_id) for f in template.fields.all()] == [
        ("Nội dung", None),
        ("Số cuộc", dialogues.pk),
    ]
    edit = client.get(reverse("reporting:template_edit", args=[template.pk]))
    assert f'<option value="{dialogues.pk}" selected>' in edit.content.decode()

    wrong = {**data, "name": "Sai", "f-1-kind": "text"}
    refused = client.post(reverse("reporting:template_new"), wrong)
    assert refused.status_code == 200 and "phải có kiểu Số" in refused.content.decode()
    assert not FormTemplate.objects.filter(name="Sai").exists()


def test_the_list_page_reads_the_same_number_of_queries_for_more_indicators(figures, login, dialogues):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from danvan.reporting.indicators.models import Indicator

    cast = figures
    client = login(cast.province_officer)
    url = urls(dialogues, cast.province)["list"]

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, QUERY).status_code == 200
        return len(captured.captured_queries)

    before = count()
    for n in range(6):
        extra = Indicator.objects.create(code=f"them-{n}", name=f"Chỉ tiêu thêm {n}", unit_of_measure="cuộc")
        services.value_put(indicator_id=extra.pk, unit=cast.ward, period=MARCH, value=Decimal(n + 1))
    after = count()
    assert after == before, (before, after)
    assert before <= 15
