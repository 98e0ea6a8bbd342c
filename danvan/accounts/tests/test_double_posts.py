"""An account created twice from one form (a double click) is created once, and the repeat says why."""

from django.urls import reverse

from danvan.accounts.forms import UserCreateForm
from danvan.accounts.models import User


def test_a_user_created_twice_from_one_form_is_created_once(cast, login):
    client = login(cast.admin)
    assert 'name="form_token"' in client.get(reverse("accounts:user_create")).content.decode()
    data = {
        "form_token": UserCreateForm().initial["form_token"],
        "username": "can.bo.moi",
        "full_name": "Cán bộ mới",
        "password": "mot-mat-khau-dai",
    }
    assert client.post(reverse("accounts:user_create"), data).status_code == 302
    again = client.post(reverse("accounts:user_create"), data, follow=True)
    assert "bấm hai lần" in again.content.decode()
    assert User.objects.filter(username="can.bo.moi").count() == 1
