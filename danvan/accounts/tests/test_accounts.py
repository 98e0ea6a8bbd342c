import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from danvan.accounts import services
from danvan.accounts.models import RoleAssignment, User
from danvan.core import access
from danvan.core.access import ROLE_CAPS, Cap, Role
from danvan.core.errors import ServiceError
from danvan.testing.cast import PASSWORD


def test_every_role_maps_to_known_capabilities_and_admin_has_all():
    assert set(ROLE_CAPS) == set(Role.values)
    assert ROLE_CAPS[Role.ADMIN] == frozenset(Cap)


def test_a_role_on_a_unit_covers_its_subtree_only(cast):
    assert access.has_cap(cast.ward_officer, Cap.UNIT_MANAGE, cast.team)
    assert not access.has_cap(cast.ward_officer, Cap.UNIT_MANAGE, cast.other_ward)
    assert not access.has_cap(cast.ward_officer, Cap.UNIT_MANAGE, cast.province)


def test_the_login_page_is_vietnamese_and_a_wrong_password_says_so(cast):
    client = Client()
    assert "Đăng nhập" in client.get(reverse("accounts:login")).content.decode()
    response = client.post(reverse("accounts:login"), {"username": "ward_officer", "password": "sai"})
    assert "không đúng" in response.content.decode()


def test_a_good_login_lands_on_the_home_page(cast):
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "ward_officer", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("core:home")


def test_repeated_failures_lock_the_login_with_a_vietnamese_message(cast):
    client = Client()
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "ward_officer", "password": "sai-mat-khau"})
    response = client.post(reverse("accounts:login"), {"username": "ward_officer", "password": PASSWORD})
    body = response.content.decode()
    assert response.status_code == 429 and "tạm thời bị khóa" in body


def test_passwords_must_follow_the_rules(cast):
    with pytest.raises(ServiceError) as error:
        services.user_create(actor=cast.admin, username="moi", password="12345")
    assert error.value.field == "password"


def test_an_admin_creates_a_user_and_assigns_a_role_in_the_product(cast, login):
    client = login(cast.admin)
    response = client.post(
        reverse("accounts:user_create"),
        {"username": "Can.Bo.Moi", "full_name": "Cán bộ mới", "password": "mot-mat-khau-dai"},
    )
    user = User.objects.get(username="can.bo.moi")
    assert response.status_code == 302
    client.post(
        reverse("accounts:user_detail", args=[user.pk]),
        {"action": "assign", "assign-role": Role.FOCAL_POINT, "assign-unit": cast.agency.pk},
    )
    assert RoleAssignment.objects.filter(user=user, role=Role.FOCAL_POINT, unit=cast.agency).exists()


def test_a_duplicate_username_is_refused(cast):
    with pytest.raises(ServiceError):
        services.user_create(actor=cast.admin, username="WARD_OFFICER", password="mot-mat-khau-dai")


def test_only_user_managers_reach_the_user_pages(cast, login):
    assert login(cast.ward_officer).get(reverse("accounts:user_list")).status_code == 403
    assert login(cast.admin).get(reverse("accounts:user_list")).status_code == 200


def test_a_non_admin_cannot_grant_system_wide_roles(cast):
    with pytest.raises((ServiceError, PermissionDenied)):
        services.role_assign(actor=cast.province_officer, user=cast.outsider, role=Role.ADMIN, unit=None)


def test_an_admin_cannot_lock_themselves_out(cast):
    with pytest.raises(ServiceError):
        services.user_update(user=cast.admin, actor=cast.admin, is_active=False)


def test_revoking_a_role_removes_access_at_once(cast, login):
    assignment = RoleAssignment.objects.get(user=cast.outsider)
    services.role_revoke(actor=cast.admin, assignment=assignment)
    assert login(cast.outsider).get(reverse("org:unit_detail", args=[cast.other_ward.pk])).status_code == 404


def test_the_user_page_shows_a_refused_edit_on_its_own_form_and_sets_a_password_as_typed(cast, login):
    client = login(cast.admin)
    url = reverse("accounts:user_detail", args=[cast.admin.pk])
    response = client.post(url, {"action": "edit", "edit-full_name": "Quản trị", "edit-is_active": ""})
    assert response.status_code == 200
    assert "không thể tự khóa" in response.content.decode()
    cast.admin.refresh_from_db()
    assert cast.admin.is_active
    user_url = reverse("accounts:user_detail", args=[cast.outsider.pk])
    response = client.post(user_url, {"action": "password", "pw-password": " mot-mat-khau-dai "})
    assert response.status_code == 302
    cast.outsider.refresh_from_db()
    assert cast.outsider.check_password(" mot-mat-khau-dai ")


def test_a_manager_sees_only_the_accounts_holding_a_role_inside_their_scope(cast, login):
    manager = services.user_create(actor=cast.admin, username="quantri.phuong", password="mot-mat-khau-dai")
    services.role_assign(actor=cast.admin, user=manager, role=Role.ADMIN, unit=cast.ward)
    client = login(manager)
    page = client.get(reverse("accounts:user_list")).content.decode()
    assert cast.ward_officer.username in page
    assert cast.outsider.username not in page
    assert client.get(reverse("accounts:user_detail", args=[cast.outsider.pk])).status_code == 404
