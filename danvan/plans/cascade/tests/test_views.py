import re

from django.urls import reverse

from danvan.plans.cascade.services import cascade_create
from danvan.plans.cascade.shifting import Shift
from danvan.plans.models import Plan


def test_the_form_prefills_the_leads_and_creates_the_draft(cast, login, superior):
    client = login(cast.ward_officer)
    url = reverse("plans:cascade_new", args=[superior.pk])
    page = client.get(url, {"unit": cast.ward.pk}).content.decode()
    assert "01-KH/BDVTU" in page and "Ban Dân vận Tỉnh ủy Thử Nghiệm" in page and "lead_0" in page
    assert 'data-testid="cascade-choose-unit"' in client.get(url).content.decode()  # first the unit
    token = re.search(r'name="form_token" value="([^"]+)"', page).group(1)
    data = {"unit": cast.ward.pk, "shift_mode": "working", "days": 5, "title": "", "form_token": token}
    response = client.post(url + f"?unit={cast.ward.pk}", data)
    plan = Plan.objects.get(implements=superior)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.issuing_unit == cast.ward and plan.status == Plan.Status.DRAFT
    again = client.post(url + f"?unit={cast.ward.pk}", data)  # the same form sent twice: one plan
    assert again.status_code == 302 and Plan.objects.filter(implements=superior).count() == 1


def test_a_draft_superior_is_refused_with_the_reason(cast, login, superior_draft):
    response = login(cast.province_officer).get(
        reverse("plans:cascade_new", args=[superior_draft.pk]), follow=True
    )
    assert "còn là dự thảo, chưa ban hành" in response.content.decode()


def test_a_bad_number_of_days_is_named(cast, login, superior):
    response = login(cast.ward_officer).post(
        reverse("plans:cascade_new", args=[superior.pk]),
        {"unit": cast.ward.pk, "shift_mode": "working", "days": 400},
    )
    assert response.status_code == 200 and "60" in response.content.decode()
    assert not Plan.objects.filter(implements=superior).exists()


def test_the_plan_page_loads_the_panel_and_the_panel_lists_the_units(cast, login, superior):
    cascade_create(actor=cast.ward_officer, superior=superior, unit=cast.ward, shift=Shift())
    client = login(cast.province_officer)
    detail = client.get(superior.get_absolute_url()).content.decode()
    assert reverse("plans:cascade_units", args=[superior.pk]) in detail
    panel = client.get(reverse("plans:cascade_units", args=[superior.pk]), HTTP_HX_REQUEST="true")
    body = panel.content.decode()
    assert "<html" not in body and "Đơn vị triển khai" in body
    assert 'data-state="draft"' in body and cast.ward.name in body and "Sở Nội vụ" in body
    filtered = client.get(
        reverse("plans:cascade_units", args=[superior.pk]), {"state": "none"}
    ).content.decode()
    assert cast.ward.name not in filtered.split('data-testid="cascade-units"')[1]


def test_scope_trio_on_the_cascade_views(cast, login, superior):
    for name in ("plans:cascade_units", "plans:cascade_new"):
        url = reverse(name, args=[superior.pk])
        assert login(cast.ward_officer).get(url).status_code == 200
        assert login(cast.ward_council_member).get(url).status_code == 403
        assert login(cast.team_leader).get(url).status_code == 404  # the plan gives nothing to the team


def test_the_panel_with_three_implementing_units_reads_a_bounded_number_of_queries(
    cast, login, superior, django_assert_max_num_queries
):
    client = login(cast.province_officer)
    url = reverse("plans:cascade_units", args=[superior.pk])
    for unit in (cast.ward, cast.agency, cast.other_ward):
        cascade_create(actor=cast.province_officer, superior=superior, unit=unit, shift=Shift())
    with django_assert_max_num_queries(14):
        assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200
