"""A regime carries out a programme item and copies it onto every call it opens (in the bulk create); its
start date's help text says which periods it skips, and saving a start that skips a running period warns."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.lib import periods
from danvan.plans.programme.tests.conftest import add_item, make_programme
from danvan.reporting.models import Call
from danvan.reporting.regimes import services
from danvan.reporting.regimes.models import Regime

from .conftest import spec_for
from .test_views import _post_data

K = periods.PeriodKind


@pytest.fixture
def item(cast):
    programme = make_programme(cast.province_officer, cast.province)
    return add_item(cast.province_officer, programme, "Báo cáo tiếp công dân", "hằng tháng năm 2026")


@pytest.mark.parametrize(
    ("start", "kinds", "expected"),
    [
        ("2026-01-01", list(K), []),
        (
            "2026-03-15",
            list(K),
            ["Tháng 3/2026", "Quý I/2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Năm 2026"],
        ),
        ("2026-04-01", [K.MONTH, K.QUARTER, K.HALF], ["6 tháng đầu năm 2026"]),
        ("2026-08-15", [K.HALF, K.NINE_MONTHS], ["9 tháng năm 2026"]),  # the 6 months have ended
        ("2026-10-01", [K.NINE_MONTHS, K.MONTH], []),
    ],
)
def test_the_periods_a_start_date_skips_are_those_already_running_on_it(start, kinds, expected):
    found = services.skipped_periods(kinds, datetime.date.fromisoformat(start))
    assert [p.label for p in found] == expected


def test_the_start_date_field_says_which_periods_are_skipped(cast, login, outline, today):
    body = login(cast.province_officer).get(reverse("reporting:regime_new")).content.decode()
    assert "Chỉ mở các kỳ bắt đầu từ ngày này trở đi" in body
    assert "Thực hiện mục nào trong Chương trình công tác" in body  # the shared picker


def test_saving_a_start_that_skips_a_running_period_warns_and_saves(cast, login, outline, today):
    client = login(cast.province_officer)
    data = _post_data(cast, outline, start_date="15/03/2026", period_kinds=["month", "quarter"])
    response = client.post(reverse("reporting:regime_new"), data)
    assert response.status_code == 302 and Regime.objects.get().start_date == datetime.date(2026, 3, 15)
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "Tháng 3/2026, Quý I/2026" in warnings[0] and "01/01/2026" in warnings[0]


def test_a_start_on_the_first_day_of_every_period_saves_without_a_warning(cast, login, outline, today):
    response = login(cast.province_officer).post(reverse("reporting:regime_new"), _post_data(cast, outline))
    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_editing_to_a_mid_month_start_warns(cast, login, regime, outline, today):
    data = _post_data(cast, outline, start_date="10/02/2026", period_kinds=["month"], version=regime.version)
    response = login(cast.province_officer).post(reverse("reporting:regime_edit", args=[regime.pk]), data)
    assert response.status_code == 302
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1 and "Tháng 2/2026" in warnings[0]


def test_the_regime_form_links_the_item_and_the_edit_form_shows_it(cast, login, outline, item, today):
    client = login(cast.province_officer)
    data = _post_data(cast, outline, programme_item=item.pk)
    assert client.post(reverse("reporting:regime_new"), data).status_code == 302
    regime = Regime.objects.get()
    assert regime.programme_item == item
    edit = client.get(reverse("reporting:regime_edit", args=[regime.pk])).content.decode()
    assert f'<option value="{item.pk}" selected>' in edit
    data = _post_data(cast, outline, programme_item="", version=regime.version)
    assert client.post(reverse("reporting:regime_edit", args=[regime.pk]), data).status_code == 302
    assert Regime.objects.get().programme_item is None


def test_an_item_of_a_programme_out_of_sight_is_refused(cast, outline, today):
    hidden = add_item(
        cast.ward_officer, make_programme(cast.ward_officer, cast.ward), "Việc của phường", "tháng 5/2026"
    )
    spec = spec_for(
        cast, outline, owner=cast.other_ward, root=cast.other_ward, unit_kinds=[], programme_item=hidden
    )
    with pytest.raises(ServiceError) as refused:
        services.regime_create(actor=cast.outsider, spec=spec)
    assert refused.value.field == "programme_item" and not Regime.objects.exists()


def _open_counting(regime) -> tuple[list[Call], int]:
    with CaptureQueriesContext(connection) as queries:
        result = services.open_due_periods(datetime.date(2026, 3, 10), regimes=[regime])
    return result.calls, len(queries)


def test_the_calls_a_regime_opens_carry_its_item_without_a_query_more(cast, outline, item, today):
    regime = services.regime_create(
        actor=cast.province_officer, spec=spec_for(cast, outline, period_kinds=[K.MONTH, K.QUARTER])
    )
    plain, plain_queries = _open_counting(regime)
    assert plain and all(c.programme_item_id is None for c in Call.objects.filter(regime=regime))
    Call.objects.filter(regime=regime).delete()
    Regime.objects.filter(pk=regime.pk).update(programme_item=item)
    regime.refresh_from_db()
    linked, linked_queries = _open_counting(regime)
    assert len(linked) == len(plain) >= 2
    assert set(Call.objects.filter(regime=regime).values_list("programme_item_id", flat=True)) == {item.pk}
    assert linked_queries <= plain_queries  # the first run also warms caches (content types)
