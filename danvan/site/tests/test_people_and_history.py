"""Personal data behind PERSON_VIEW (history, unit page, search, lists) and the history registry's rule:
out of scope 404, in scope without the capability 403, unknown model 404."""

import pytest
from django.urls import reverse

from danvan.core.access import Role
from danvan.org import selectors as org_selectors
from danvan.org import services
from danvan.testing.factories import UserFactory, grant

from .conftest import days, make_call, make_event, make_exemplar, make_plan


def history_url(name, pk):
    return reverse("core:history", args=[name, pk])


def test_a_council_member_cannot_read_a_persons_history(cast, login):
    services.person_update(
        person=cast.ward_person,
        actor=cast.ward_officer,
        expected_version=cast.ward_person.version,
        phone="0912 345 678",
    )
    url = history_url("person", cast.ward_person.pk)
    refused = login(cast.ward_council_member).get(url)
    assert refused.status_code == 403 and "0912 345 678" not in refused.content.decode()
    assert login(cast.outsider).get(url).status_code == 404
    assert "0912 345 678" in login(cast.ward_officer).get(url).content.decode()


def test_the_person_capability_is_checked_where_the_person_works(cast, login):
    """Team leader at the team (PERSON_VIEW there) and council member at the ward (none): the team's people
    are readable, the bloc's are in scope but not readable."""
    mixed = UserFactory(username="hai_vai")
    grant(mixed, Role.TEAM_LEADER, cast.team)
    grant(mixed, Role.COUNCIL_MEMBER, cast.ward)
    client = login(mixed)
    assert client.get(history_url("person", cast.team_person.pk)).status_code == 200
    assert client.get(history_url("person", cast.ward_person.pk)).status_code == 403
    assert client.get(reverse("org:person_detail", args=[cast.ward_person.pk])).status_code == 403
    assert set(org_selectors.people_visible_to(mixed)) == {cast.team_person}
    people_page = client.get(reverse("org:person_list")).content.decode()
    assert "Lê Văn Đức" in people_page and "Trần Thị Lan" not in people_page


def test_the_unit_page_lists_people_only_for_those_who_may_view_them(cast, login):
    url = reverse("org:unit_detail", args=[cast.bloc.pk])
    member_page = login(cast.ward_council_member).get(url)
    assert member_page.status_code == 200
    body = member_page.content.decode()
    assert "Trần Thị Lan" not in body and "Trưởng Khối Dân vận" not in body
    assert "Trần Thị Lan" in login(cast.ward_officer).get(url).content.decode()


def test_search_shows_people_only_with_the_person_capability(cast, login):
    member = login(cast.ward_council_member)
    page = member.get(reverse("core:search"), {"q": "tran thi lan"})
    assert "Trần Thị Lan" not in page.content.decode()
    assert 'data-testid="person-results"' not in page.content.decode()
    assert member.get(reverse("core:search"), {"q": "tran", "kind": "person"}).status_code == 403
    officer = login(cast.ward_officer).get(reverse("core:search"), {"q": "tran thi lan"})
    assert "Trần Thị Lan" in officer.content.decode()


def test_the_home_page_gives_no_count_of_people_without_the_capability(cast, login):
    response = login(cast.ward_council_member).get(reverse("core:home"))
    assert response.context["person_count"] is None
    assert 'data-testid="person-count"' not in response.content.decode()


@pytest.mark.parametrize(
    "name, make, cap_holder",
    [
        ("plan", lambda cast: make_plan(cast.ward, "Kế hoạch Tháng Dân vận", "05-KH/DVP"), "ward_officer"),
        (
            "call",
            lambda cast: make_call(cast.ward, "Báo cáo quý", days(5), [cast.bloc]),
            "ward_officer",
        ),
        ("event", lambda cast: make_event(cast.ward, "Gặp mặt cán bộ"), "ward_officer"),
        ("exemplar", lambda cast: make_exemplar(cast.area, "Camera an ninh khu phố"), "ward_officer"),
    ],
)
def test_the_history_of_an_object_follows_its_own_page(cast, login, name, make, cap_holder):
    obj = make(cast)
    url = history_url(name, obj.pk)
    assert login(getattr(cast, cap_holder)).get(url).status_code == 200
    # The council member sees the ward's units but holds none of these pages' capabilities.
    assert login(cast.ward_council_member).get(url).status_code == 403
    assert login(cast.outsider).get(url).status_code == 404


def test_the_history_of_a_unit_needs_only_to_see_the_unit(cast, login):
    url = history_url("unit", cast.bloc.pk)
    assert login(cast.ward_council_member).get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404


def test_the_history_of_a_user_is_for_those_who_manage_users(cast, login):
    url = history_url("user", cast.team_leader.pk)
    assert login(cast.admin).get(url).status_code == 200
    assert login(cast.ward_officer).get(url).status_code == 403
    assert login(cast.outsider).get(url).status_code == 404


@pytest.mark.parametrize("name", ["nothing", "submission", "scoresheet", "roleassignment"])
def test_models_without_a_history_rule_have_no_history_page(cast, login, name):
    assert login(cast.admin).get(history_url(name, 1)).status_code == 404
