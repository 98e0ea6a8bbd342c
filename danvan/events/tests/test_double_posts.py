"""Event, group, nomination, walk-in and presentation requests sent twice make one of each."""

from django.urls import reverse

from danvan.events import services
from danvan.events.forms import EventForm, GroupForm, NominationForm, WalkInForm
from danvan.events.models import DelegateGroup, Event, Invitation, Presentation


def test_a_new_event_sent_twice_is_made_once(cast, login):
    client = login(cast.province_officer)
    assert 'name="form_token"' in client.get(reverse("events:event_new")).content.decode()
    data = {
        "form_token": EventForm().initial["form_token"],
        "organiser": cast.province.pk,
        "kind": "meeting",
        "title": "Gặp mặt đầu xuân 2099",
        "time_text": "tháng 2/2099",
    }
    first = client.post(reverse("events:event_new"), data)
    again = client.post(reverse("events:event_new"), data)
    event = Event.objects.get(title="Gặp mặt đầu xuân 2099")
    assert first["Location"] == again["Location"] == event.get_absolute_url()


def test_a_group_and_a_nomination_sent_twice_are_made_once(cast, login, event):
    client = login(cast.province_officer)
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'name="form_token"' in page
    data = {"form_token": GroupForm().initial["form_token"], "label": "Đại biểu khối phường", "quota": 3}
    for _ in range(2):
        client.post(reverse("events:group_add", args=[event.pk]), data)
    assert DelegateGroup.objects.filter(event=event, label="Đại biểu khối phường").count() == 1

    group = services.group_save(
        actor=cast.province_officer, event=event, label="Phường cử", quota=5, nominating_unit=cast.ward
    )
    data = {"form_token": NominationForm().initial["form_token"], "name": "Ngô Thị Hoa"}
    ward = login(cast.ward_officer)
    for _ in range(2):
        ward.post(reverse("events:group_nominate", args=[event.pk, group.pk]), data)
    assert Invitation.objects.filter(group=group, name="Ngô Thị Hoa").count() == 1


def test_a_walk_in_sent_twice_is_added_once(cast, login, event):
    client = login(cast.province_officer)
    data = {"form_token": WalkInForm().initial["form_token"], "name": "Đinh Văn Nam"}
    client.post(reverse("events:desk_walk_in", args=[event.pk]), data)
    again = client.post(reverse("events:desk_walk_in", args=[event.pk]), data)
    assert "bấm hai lần" in again.content.decode()
    assert Invitation.objects.filter(event=event, name="Đinh Văn Nam").count() == 1


def test_a_presentation_requested_twice_is_asked_once(cast, login, event):
    client = login(cast.province_officer)
    for _ in range(2):
        client.post(reverse("events:presentation_request", args=[event.pk]), {"unit": cast.ward.pk})
    assert Presentation.objects.filter(event=event, unit=cast.ward).count() == 1
