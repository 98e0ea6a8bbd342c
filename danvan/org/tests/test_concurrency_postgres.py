"""Simultaneous edits of one person with one version, and a double-clicked "add person" (PostgreSQL only)."""

import pytest
from django.urls import reverse

from danvan.org import services
from danvan.org.models import Person
from danvan.testing.concurrency import client_for, one_wins_the_rest_are_stale, race

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_simultaneous_person_edits_with_one_version(cast):
    person = cast.ward_person
    read_at = person.version
    outcomes = race(
        4,
        lambda i: services.person_update(
            person=Person.objects.get(pk=person.pk),
            actor=cast.ward_officer,
            expected_version=read_at,
            title=f"Chức vụ {i}",
        ),
    )
    one_wins_the_rest_are_stale(outcomes)
    stored = Person.objects.get(pk=person.pk)
    winner = next(o for o in outcomes if isinstance(o, Person))
    assert (stored.version, stored.title) == (read_at + 1, winner.title)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_edits_through_the_page_save_one(cast):
    person = cast.ward_person
    url = reverse("org:person_edit", args=[person.pk])
    data = {"version": person.version, "full_name": person.full_name, "unit": person.unit_id, "gender": ""}
    responses = race(4, lambda i: client_for(cast.ward_officer).post(url, {**data, "title": f"Chức vụ {i}"}))
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 302]
    assert all("người khác sửa" in r.content.decode() for r in responses if r.status_code == 200)
    assert Person.objects.get(pk=person.pk).version == person.version + 1


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_add_person_makes_one_person(cast):
    from danvan.org.forms import PersonForm

    data = {
        "form_token": PersonForm().initial["form_token"],
        "full_name": "Hoàng Văn Thụ",
        "title": "Cán bộ",
        "unit": cast.ward.pk,
        "gender": "",
    }
    responses = race(4, lambda i: client_for(cast.ward_officer).post(reverse("org:person_create"), data))
    people = Person.objects.filter(full_name="Hoàng Văn Thụ")
    assert people.count() == 1, [(r.status_code, r.content[:200]) for r in responses]
    assert {r["Location"] for r in responses} == {people.get().get_absolute_url()}
