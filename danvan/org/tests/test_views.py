import pytest
from django.urls import reverse

from danvan.org.models import Person, Unit


@pytest.mark.parametrize(
    "url_name, obj_attr",
    [
        ("org:unit_detail", "ward"),
        ("org:unit_edit", "ward"),
        ("org:person_detail", "ward_person"),
        ("org:person_edit", "ward_person"),
    ],
)
def test_in_scope_pages_open_for_the_ward_officer(cast, login, url_name, obj_attr):
    response = login(cast.ward_officer).get(reverse(url_name, args=[getattr(cast, obj_attr).pk]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url_name, obj_attr",
    [
        ("org:unit_detail", "ward"),
        ("org:unit_edit", "ward"),
        ("org:person_detail", "ward_person"),
        ("org:person_edit", "ward_person"),
        ("org:unit_delete", "area"),
        ("org:person_delete", "ward_person"),
    ],
)
def test_out_of_scope_objects_are_not_found(cast, login, url_name, obj_attr):
    client = login(cast.outsider)
    url = reverse(url_name, args=[getattr(cast, obj_attr).pk])
    response = client.post(url) if "delete" in url_name else client.get(url)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url_name, obj_attr",
    [("org:unit_edit", "ward"), ("org:person_detail", "ward_person"), ("org:person_edit", "ward_person")],
)
def test_in_scope_without_the_capability_is_forbidden(cast, login, url_name, obj_attr):
    response = login(cast.ward_council_member).get(reverse(url_name, args=[getattr(cast, obj_attr).pk]))
    assert response.status_code == 403
    assert "không có quyền" in response.content.decode()


@pytest.mark.parametrize("url_name", ["org:unit_tree", "org:person_list", "org:unit_lookup"])
def test_list_pages_need_a_login(client, db, url_name):
    response = client.get(reverse(url_name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_person_list_shows_only_people_in_the_users_subtree(cast, login):
    page = login(cast.ward_officer).get(reverse("org:person_list")).content.decode()
    assert "Trần Thị Lan" in page and "Lê Văn Đức" in page
    assert "Phạm Minh Khôi" not in page


def test_the_person_list_searches_without_diacritics(cast, login):
    page = login(cast.province_officer).get(reverse("org:person_list"), {"q": "LE VAN DUC"}).content.decode()
    assert "Lê Văn Đức" in page and "Trần Thị Lan" not in page


def test_an_htmx_search_returns_only_the_results_partial(cast, login):
    response = login(cast.province_officer).get(
        reverse("org:person_list"), {"q": "lan"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert "Trần Thị Lan" in body and '<nav class="navbar' not in body


def test_the_unit_tree_of_an_officer_starts_at_their_unit(cast, login):
    page = login(cast.ward_officer).get(reverse("org:unit_tree")).content.decode()
    assert "Phường An Bình" in page and "Phường Bắc Hà" not in page


def test_the_unit_page_lists_children_and_breadcrumbs(cast, login):
    page = login(cast.province_officer).get(reverse("org:unit_detail", args=[cast.area.pk])).content.decode()
    assert "Tổ Dân vận khu phố Đông" in page
    assert "Phường An Bình" in page and "Tỉnh Thử Nghiệm" in page


def test_breadcrumbs_hide_ancestors_outside_the_users_scope(cast, login):
    page = login(cast.ward_officer).get(reverse("org:unit_detail", args=[cast.area.pk])).content.decode()
    assert "Tỉnh Thử Nghiệm" not in page


def test_editing_a_unit_through_the_form_saves_and_records_history(cast, login):
    client = login(cast.ward_officer)
    url = reverse("org:unit_edit", args=[cast.area.pk])
    response = client.post(
        url,
        {
            "name": "Khu phố Đông Mới",
            "kind": cast.area.kind_id,
            "parent": cast.ward.pk,
            "version": cast.area.version,
        },
    )
    assert response.status_code == 302
    history = client.get(reverse("core:history", args=["unit", cast.area.pk])).content.decode()
    assert "Khu phố Đông Mới" in history and "Khu phố Đông" in history


def test_a_stale_form_is_refused_with_a_clear_message_and_the_input_kept(cast, login):
    client = login(cast.ward_officer)
    url = reverse("org:unit_edit", args=[cast.area.pk])
    data = {
        "name": "Tên thứ nhất",
        "kind": cast.area.kind_id,
        "parent": cast.ward.pk,
        "version": cast.area.version,
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "name": "Tên thứ hai"})
    body = response.content.decode()
    assert response.status_code == 200 and "người khác sửa" in body and "Tên thứ hai" in body
    assert Unit.objects.get(pk=cast.area.pk).name == "Tên thứ nhất"


def test_moving_a_unit_under_its_child_through_the_form_shows_an_error(cast, login):
    client = login(cast.province_officer)
    response = client.post(
        reverse("org:unit_edit", args=[cast.ward.pk]),
        {
            "name": cast.ward.name,
            "kind": cast.ward.kind_id,
            "parent": cast.team.pk,
            "version": cast.ward.version,
        },
    )
    assert response.status_code == 200 and "cấp dưới" in response.content.decode()


def test_adding_a_person_through_the_form(cast, login):
    response = login(cast.team_leader).post(
        reverse("org:person_create"),
        {"full_name": "Vũ Thị Hoa", "unit": cast.team.pk, "birth_year": 1980, "gender": "female"},
    )
    assert response.status_code == 302
    assert Person.objects.get(full_name="Vũ Thị Hoa").unit == cast.team


def test_a_person_cannot_be_added_to_a_unit_the_user_cannot_see(cast, login):
    response = login(cast.team_leader).post(
        reverse("org:person_create"), {"full_name": "Vũ Thị Hoa", "unit": cast.other_ward.pk}
    )
    assert response.status_code == 200
    assert not Person.objects.filter(full_name="Vũ Thị Hoa").exists()


def test_the_unit_lookup_finds_units_without_diacritics_inside_the_scope(cast, login):
    data = login(cast.ward_officer).get(reverse("org:unit_lookup"), {"q": "to dan van"}).json()
    assert [r["label"] for r in data["results"]] == ["Tổ Dân vận khu phố Đông"]


def test_the_person_list_uses_a_bounded_number_of_queries(cast, login, django_assert_max_num_queries):
    from danvan.testing.factories import PersonFactory

    PersonFactory.create_batch(60, unit=cast.area)
    client = login(cast.province_officer)
    with django_assert_max_num_queries(12):
        client.get(reverse("org:person_list"), {"page": 2})


def test_the_unit_page_uses_a_bounded_number_of_queries(cast, login, django_assert_max_num_queries):
    from danvan.testing.factories import UnitFactory, kind

    for n in range(30):
        UnitFactory(name=f"Khu {n}", parent=cast.ward, kind=kind("residential_area"))
    client = login(cast.province_officer)
    with django_assert_max_num_queries(14):
        client.get(reverse("org:unit_detail", args=[cast.ward.pk]))


def test_an_unknown_page_number_falls_back_instead_of_failing(cast, login):
    response = login(cast.province_officer).get(reverse("org:person_list"), {"page": "9999"})
    assert response.status_code == 200
    response = login(cast.province_officer).get(reverse("org:person_list"), {"page": "abc"})
    assert response.status_code == 200


def test_an_administrator_adds_a_unit_kind_and_others_cannot(cast, login):
    from danvan.org.models import UnitKind

    assert login(cast.province_officer).get(reverse("org:kind_list")).status_code == 403
    client = login(cast.admin)
    response = client.post(
        reverse("org:kind_list"),
        {"code": "ward_party_board", "name": "Ban Xây dựng Đảng phường", "order": 56},
    )
    assert response.status_code == 302
    assert UnitKind.objects.get(code="ward_party_board").name == "Ban Xây dựng Đảng phường"


def test_the_new_unit_form_starts_under_the_chosen_parent(cast, login):
    response = login(cast.ward_officer).get(reverse("org:unit_create"), {"parent": cast.ward.pk})
    assert response.status_code == 200
    assert f'<option value="{cast.ward.pk}" selected>' in response.content.decode()
