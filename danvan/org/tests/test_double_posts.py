"""A person or unit added twice from one form is added once; the edit forms carry their version."""

from django.urls import reverse

from danvan.org.forms import PersonForm, UnitForm
from danvan.org.models import Person, Unit


def test_a_person_added_twice_from_one_form_is_added_once(cast, login):
    client = login(cast.ward_officer)
    assert 'name="form_token"' in client.get(reverse("org:person_create")).content.decode()
    data = {
        "form_token": PersonForm().initial["form_token"],
        "full_name": "Hoàng Văn Thụ",
        "unit": cast.ward.pk,
        "gender": "",
    }
    first = client.post(reverse("org:person_create"), data)
    again = client.post(reverse("org:person_create"), data)
    person = Person.objects.get(full_name="Hoàng Văn Thụ")
    assert first["Location"] == again["Location"] == person.get_absolute_url()


def test_a_unit_added_twice_from_one_form_is_added_once(cast, login):
    client = login(cast.province_officer)
    data = {
        "form_token": UnitForm().initial["form_token"],
        "name": "Tổ Dân vận số 9",
        "kind": cast.team.kind_id,
        "parent": cast.ward.pk,
    }
    first = client.post(reverse("org:unit_create"), data)
    again = client.post(reverse("org:unit_create"), data)
    unit = Unit.objects.get(name="Tổ Dân vận số 9")
    assert first["Location"] == again["Location"] == unit.get_absolute_url()


def test_the_edit_forms_carry_the_version_they_were_loaded_with(cast, login):
    client = login(cast.province_officer)
    person = cast.ward_person
    page = client.get(reverse("org:person_edit", args=[person.pk])).content.decode()
    assert f'name="version" value="{person.version}"' in page
    page = client.get(reverse("org:unit_edit", args=[cast.ward.pk])).content.decode()
    assert f'name="version" value="{cast.ward.version}"' in page
