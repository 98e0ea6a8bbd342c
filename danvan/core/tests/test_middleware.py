import unicodedata

from django.urls import reverse

from danvan.org.models import Person


def test_form_values_typed_in_decomposed_unicode_reach_the_database_composed(cast, login):
    name = unicodedata.normalize("NFD", "Hoàng Thị Thủy")
    login(cast.ward_officer).post(reverse("org:person_create"), {"full_name": name, "unit": cast.bloc.pk})
    stored = Person.objects.get(unit=cast.bloc, full_name__startswith="Ho").full_name
    assert stored == unicodedata.normalize("NFC", "Hoàng Thị Thủy")


def test_query_strings_are_normalised_before_the_view(cast, login):
    query = unicodedata.normalize("NFD", "Trần Thị Lan")
    response = login(cast.ward_officer).get(reverse("org:person_list"), {"q": query})
    assert response.context["q"] == unicodedata.normalize("NFC", "Trần Thị Lan")
