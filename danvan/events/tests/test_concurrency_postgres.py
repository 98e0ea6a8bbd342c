"""Simultaneous edits of one event with one version, double-clicked creates (PostgreSQL only)."""

import pytest
from django.urls import reverse

from danvan.events import services
from danvan.events.models import DelegateGroup, Event, Invitation, Presentation
from danvan.testing.concurrency import client_for, one_wins_the_rest_are_stale, race

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_simultaneous_event_edits_with_one_version(cast, event):
    read_at = event.version

    def edit(i):
        mine = Event.objects.get(pk=event.pk)
        return services.event_save(
            actor=cast.province_officer,
            event=mine,
            organiser=mine.organiser,
            title=f"Hội nghị sửa lần {i}",
            expected_version=read_at,
        )

    one_wins_the_rest_are_stale(race(6, edit))
    assert Event.objects.get(pk=event.pk).version == read_at + 1


@pytest.mark.django_db(transaction=True)
def test_fifty_simultaneous_edits_through_the_page_save_one(cast, event):
    """The issue's measurement: 50 edits posted at once with the same version; about 20 used to win."""
    url = reverse("events:event_edit", args=[event.pk])
    data = {
        "kind": event.kind,
        "time_text": "ngày 15/12/2099",
        "venue": event.venue,
        "version": event.version,
    }
    responses = race(
        50, lambda i: client_for(cast.province_officer).post(url, {**data, "title": f"Hội nghị lần {i}"})
    )
    assert sorted(r.status_code for r in responses) == [200] * 49 + [302]
    assert Event.objects.get(pk=event.pk).version == event.version + 1


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_new_event_makes_one_event(cast):
    from danvan.events.forms import EventForm

    data = {
        "form_token": EventForm().initial["form_token"],
        "organiser": cast.province.pk,
        "kind": "meeting",
        "title": "Gặp mặt đầu xuân 2099",
        "time_text": "tháng 2/2099",
    }
    responses = race(4, lambda i: client_for(cast.province_officer).post(reverse("events:event_new"), data))
    events = Event.objects.filter(title="Gặp mặt đầu xuân 2099")
    assert events.count() == 1, [(r.status_code, r.content[:200]) for r in responses]
    assert {r["Location"] for r in responses} == {events.get().get_absolute_url()}


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_group_and_nomination_make_one_each(cast, event):
    from danvan.events.forms import GroupForm, NominationForm

    add = {"form_token": GroupForm().initial["form_token"], "label": "Đại biểu khối phường", "quota": 3}
    url = reverse("events:group_add", args=[event.pk])
    race(4, lambda i: client_for(cast.province_officer).post(url, add))
    assert DelegateGroup.objects.filter(event=event, label="Đại biểu khối phường").count() == 1

    group = services.group_save(
        actor=cast.province_officer, event=event, label="Phường cử", quota=5, nominating_unit=cast.ward
    )
    nominate = {"form_token": NominationForm().initial["form_token"], "name": "Ngô Thị Hoa"}
    url = reverse("events:group_nominate", args=[event.pk, group.pk])
    race(4, lambda i: client_for(cast.ward_officer).post(url, nominate))
    assert Invitation.objects.filter(group=group, name="Ngô Thị Hoa").count() == 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_presentation_requests_ask_each_unit_once(cast, event):
    url = reverse("events:presentation_request", args=[event.pk])
    responses = race(4, lambda i: client_for(cast.province_officer).post(url, {"unit": cast.ward.pk}))
    assert all(r.status_code == 302 for r in responses)
    assert Presentation.objects.filter(event=event, unit=cast.ward).count() == 1
