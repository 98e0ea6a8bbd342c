"""The detail pages of a task, a call, an event and an appraisal round say which programme item they carry
out, linking to the programme when the viewer may see it, naming the item alone otherwise; the line costs
the page no query (the item comes joined to the object, with whether its programme is visible)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from danvan.plans.programme import services as programme_services
from danvan.testing import factories

from .conftest import add_item, make_programme

LINE = 'data-testid="carries-programme-item"'


def _carrier(cast, kind: str):
    actor, unit = cast.ward_officer, cast.ward
    if kind == "task":
        return factories.make_task(actor=actor, plan=factories.make_plan(actor=actor, unit=unit))
    if kind == "call":
        return factories.make_call(actor=actor, unit=unit, targets=[cast.area])
    if kind == "event":
        return factories.make_event(actor=actor, unit=unit)
    return factories.make_appraisal_round(actor=actor, unit=unit)


def _url(obj, kind: str) -> str:
    if kind == "round":
        return reverse("recognition:round_detail", args=[obj.pk])
    return obj.get_absolute_url()


def _get(client, url) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("kind", ["task", "call", "event", "round"])
def test_the_detail_page_links_the_item_to_its_programme_without_a_query_more(cast, login, kind):
    programme = make_programme(cast.province_officer, cast.province)
    programme.year = 2026
    programme.save(update_fields=["year"])
    item = add_item(
        cast.province_officer, programme, "Hội nghị sơ kết 6 tháng", "tháng 7/2099", lead=cast.ward
    )
    obj = _carrier(cast, kind)
    client = login(cast.ward_officer)
    url = _url(obj, kind)
    _get(client, url)  # caches warmed
    body, plain = _get(client, url)
    assert LINE not in body

    programme_services.link_item(actor=cast.ward_officer, obj=obj, item=item)
    body, linked = _get(client, url)
    line = body.split(LINE)[1].split("</p>")[0]
    programme_url = reverse("plans:programme_detail", args=[programme.pk])
    assert f'href="{programme_url}"' in line and "Hội nghị sơ kết 6 tháng" in line
    assert "Thực hiện mục «" in line and "của Chương trình công tác 2026" in line
    assert linked <= plain


@pytest.mark.parametrize("kind", ["task", "call", "event", "round"])
def test_an_item_of_a_programme_the_viewer_cannot_see_is_named_without_a_link(cast, login, kind):
    hidden = make_programme(cast.outsider, cast.other_ward)  # Phường Bắc Hà's: out of ward A's sight
    item = add_item(cast.outsider, hidden, "Tọa đàm của phường Bắc Hà", "tháng 8/2099", lead=cast.other_ward)
    obj = _carrier(cast, kind)
    # As the carry-over of an amended programme links it: without asking the carrier's officer's sight.
    programme_services.link_item(actor=None, obj=obj, item=item, checked=False)
    body = login(cast.ward_officer).get(_url(obj, kind)).content.decode()
    line = body.split(LINE)[1].split("</p>")[0]
    assert "Tọa đàm của phường Bắc Hà" in line and "href" not in line
    assert reverse("plans:programme_detail", args=[hidden.pk]) not in body
