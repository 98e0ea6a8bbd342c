import pytest
from django.urls import reverse

from danvan.accounts.models import User
from danvan.core import audit
from danvan.org import services
from danvan.site.audit.selectors import recent_changes


@pytest.mark.parametrize("query", ["dan van kheo", "Dân vận khéo", "DAN VAN KHEO", "dân VAN khéo"])
def test_search_finds_the_same_things_with_or_without_diacritics(cast, login, query):
    services.unit_create(
        actor=cast.ward_officer, name="Câu lạc bộ Dân vận khéo An Bình", kind=cast.bloc.kind, parent=cast.ward
    )
    page = login(cast.ward_officer).get(reverse("core:search"), {"q": query}).content.decode()
    assert "Câu lạc bộ Dân vận khéo An Bình" in page


def test_search_treats_old_and_new_tone_placement_alike(cast, login):
    services.unit_create(
        actor=cast.ward_officer, name="Khu phố Hoà Bình", kind=cast.area.kind, parent=cast.ward
    )
    page = login(cast.ward_officer).get(reverse("core:search"), {"q": "Hòa Bình"}).content.decode()
    assert "Khu phố Hoà Bình" in page


def test_search_never_shows_what_is_outside_the_users_scope(cast, login):
    page = login(cast.outsider).get(reverse("core:search"), {"q": "tran thi lan"}).content.decode()
    assert "Trần Thị Lan" not in page
    page = login(cast.ward_officer).get(reverse("core:search"), {"q": "tran thi lan"}).content.decode()
    assert "Trần Thị Lan" in page


def test_search_uses_a_bounded_number_of_queries(cast, login, django_assert_max_num_queries):
    client = login(cast.province_officer)
    # session, user, grants, unread notices, then one per group (six for an officer)
    with django_assert_max_num_queries(10):
        client.get(reverse("core:search"), {"q": "phuong"})


def test_the_home_page_shows_the_users_unit_and_subtree_counts(cast, login):
    response = login(cast.ward_officer).get(reverse("core:home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Phường An Bình" in body and "Cán bộ Ban Dân vận" in body
    assert response.context["unit_count"] == 4 and response.context["person_count"] == 2


def test_the_home_page_uses_a_bounded_number_of_queries(cast, login, django_assert_max_num_queries):
    client = login(cast.province_officer)
    # The to-do list adds one query per group of work (test_home_todo measures it with data).
    with django_assert_max_num_queries(16):
        client.get(reverse("core:home"))


def test_an_unknown_address_gets_a_vietnamese_not_found_page(cast, login):
    response = login(cast.ward_officer).get("/khong-co-trang-nay/")
    assert response.status_code == 404 and "Không tìm thấy" in response.content.decode()


def test_the_history_of_a_person_shows_who_changed_what(cast, login):
    services.person_update(
        person=cast.ward_person,
        actor=cast.ward_officer,
        expected_version=cast.ward_person.version,
        title="Phó Trưởng Khối",
    )
    page = (
        login(cast.ward_officer)
        .get(reverse("core:history", args=["person", cast.ward_person.pk]))
        .content.decode()
    )
    assert "Phó Trưởng Khối" in page and "Trưởng Khối Dân vận" in page


def test_history_is_scoped_like_the_object(cast, login):
    url = reverse("core:history", args=["person", cast.ward_person.pk])
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.ward_officer).get(reverse("core:history", args=["nothing", 1])).status_code == 404


def test_the_audit_log_needs_the_capability(cast, login):
    assert login(cast.ward_officer).get(reverse("core:audit_log")).status_code == 200
    assert login(cast.team_leader).get(reverse("core:audit_log")).status_code == 403


def test_recent_changes_are_those_inside_the_users_subtrees_and_their_own(cast):
    inside = audit.record(actor=cast.admin, verb="update", obj=cast.ward, unit_path=cast.ward.path)
    other = cast.other_ward
    outside = audit.record(actor=cast.admin, verb="update", obj=other, unit_path=other.path)
    own = audit.record(actor=cast.ward_officer, verb="password", obj=cast.ward_officer)
    assert {inside, own} <= set(recent_changes(cast.ward_officer))
    assert outside not in set(recent_changes(cast.ward_officer))
    assert {inside, outside, own} <= set(recent_changes(cast.admin))
    roleless = User.objects.create(username="khong.vai.tro")
    mine = audit.record(actor=roleless, verb="password", obj=roleless)
    assert list(recent_changes(roleless)) == [mine]
