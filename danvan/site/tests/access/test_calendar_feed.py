"""The unit calendar's iCal address: a credential tied to the user it was given to and to the unit's current
secret. It answers while that user may read the unit's plans, and stops when their roles go, their account is
disabled, or someone rotates the unit's address."""

import datetime

import pytest
from django.urls import reverse

from danvan.core.access import Role
from danvan.plans.models import CalendarFeed, Plan, Task
from danvan.testing.factories import grant


@pytest.fixture
def deadline(cast):
    plan = Plan.objects.create(
        issuing_unit=cast.ward, title="Kế hoạch có hạn", status=Plan.Status.ISSUED, symbol="05-KH/AB"
    )
    return Task.objects.create(
        plan=plan, title="Nộp báo cáo MKA-deadline", lead_unit=cast.area, due_end=datetime.date(2099, 9, 30)
    )


def link(login, user, unit):
    return login(user).get(reverse("plans:unit_calendar_link", args=[unit.pk])).context["url"]


def test_the_address_opens_the_units_deadlines_without_login(cast, login, deadline, client):
    response = client.get(link(login, cast.ward_officer, cast.area))
    assert response.status_code == 200
    assert "MKA-deadline" in response.content.decode()


def test_the_address_stops_when_its_users_roles_are_removed(cast, login, deadline, client):
    url = link(login, cast.ward_officer, cast.area)
    cast.ward_officer.assignments.all().delete()
    assert client.get(url).status_code == 404


def test_the_address_stops_when_its_user_is_disabled(cast, login, deadline, client):
    url = link(login, cast.ward_officer, cast.area)
    cast.ward_officer.is_active = False
    cast.ward_officer.save()
    assert client.get(url).status_code == 404


def test_the_address_follows_the_users_scope_not_the_unit(cast, login, deadline, client):
    """Moved from ward A to ward B: the old address of ward A's area no longer answers."""
    url = link(login, cast.ward_officer, cast.area)
    cast.ward_officer.assignments.all().delete()
    grant(cast.ward_officer, Role.COMMITTEE_OFFICER, cast.other_ward)
    assert client.get(url).status_code == 404


def test_rotating_ends_every_earlier_address_of_the_unit(cast, login, deadline, client):
    mine = link(login, cast.ward_officer, cast.area)
    theirs = link(login, cast.province_officer, cast.area)
    response = login(cast.ward_officer).post(reverse("plans:unit_calendar_link", args=[cast.area.pk]))
    assert response.status_code == 302
    assert client.get(mine).status_code == 404
    assert client.get(theirs).status_code == 404
    fresh = link(login, cast.ward_officer, cast.area)
    assert fresh != mine and client.get(fresh).status_code == 200


def test_a_forged_or_bare_token_opens_nothing(cast, login, deadline, client):
    url = link(login, cast.ward_officer, cast.area)
    token = url.rsplit("/", 1)[-1].removesuffix(".ics")
    bare = CalendarFeed.objects.get(unit=cast.area).token  # the unit's secret alone is not an address
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (bare, forged, "khong-dung", token.split(":")[0]):
        assert client.get(reverse("plans:calendar_feed", args=[bad])).status_code == 404


def test_an_outsider_cannot_get_or_rotate_another_wards_address(cast, login, deadline):
    outsider = login(cast.outsider)
    url = reverse("plans:unit_calendar_link", args=[cast.area.pk])
    assert outsider.get(url).status_code == 404
    assert outsider.post(url).status_code == 404
    assert login(cast.ward_council_member).post(url).status_code == 403
