"""The committee's day with an event (issue 13): quotas edited after creation, a whole group invited at
once, the invited told when the date moves, the time said once, answers that are real radio buttons, and
letters that name their place and signer."""

from django.core import mail
from django.urls import reverse

from danvan.events import selectors, services
from danvan.events.models import DelegateGroup, Invitation
from danvan.notifications.models import Notice
from danvan.testing.factories import PersonFactory


def people(cast, n, **fields):
    return [PersonFactory(full_name=f"Trần Văn Mời {i}", unit=cast.area, **fields) for i in range(n)]


def test_a_quota_is_edited_after_creation_never_below_the_seats_taken(cast, login, event, group):
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=people(cast, 2))
    client = login(cast.province_officer)
    url = reverse("events:group_edit", args=[event.pk, group.pk])
    page = client.get(url).content.decode()
    assert 'value="2"' in page and "Tổ trưởng các Tổ Dân vận" in page  # the group's own values
    refused = client.post(url, {"label": group.label, "quota": "1"})
    assert refused.status_code == 200
    assert "số suất không thể ít hơn 2" in refused.content.decode()
    assert DelegateGroup.objects.get(pk=group.pk).quota == 2
    assert client.post(url, {"label": group.label, "quota": "5"}).status_code == 302
    assert DelegateGroup.objects.get(pk=group.pk).quota == 5
    # A declined seat is free again: the quota may go down to the seats still taken.
    first = Invitation.objects.filter(group=group).order_by("pk").first()
    first.status = Invitation.Status.DECLINED
    first.save()
    services.group_save(actor=cast.province_officer, event=event, group=group, label=group.label, quota=1)


def test_everyone_the_search_finds_is_invited_at_once_or_nobody(cast, login, event, group):
    people(cast, 3, title="Tổ trưởng Tổ Dân vận")
    client = login(cast.province_officer)
    url = reverse("events:group_invite", args=[event.pk, group.pk])
    page = client.get(url, {"q": "to truong to dan van"}).content.decode()
    assert "Mời cả 3 người tìm thấy" in page and 'data-check-all="person"' in page
    response = client.post(url, {"how": "all", "q": "to truong to dan van"}, follow=True)
    assert "chỉ có 2 suất" in response.content.decode()  # quota 2: refused as a whole
    assert group.invitations.count() == 0
    services.group_save(actor=cast.province_officer, event=event, group=group, label=group.label, quota=3)
    client.post(url, {"how": "all", "q": "to truong to dan van"})
    assert group.invitations.count() == 3


def test_a_whole_unit_is_invited_in_one_action(cast, login, event, group):
    mine = people(cast, 4)
    client = login(cast.province_officer)
    url = reverse("events:group_invite", args=[event.pk, group.pk])
    response = client.post(url, {"how": "unit", "unit": str(cast.area.pk)}, follow=True)
    assert "chỉ có 2 suất" in response.content.decode() and group.invitations.count() == 0
    services.group_save(actor=cast.province_officer, event=event, group=group, label=group.label, quota=None)
    client.post(url, {"how": "unit", "unit": str(cast.area.pk)})
    invited = set(group.invitations.values_list("person_id", flat=True))
    assert {p.pk for p in mine} <= invited
    assert client.post(url, {"how": "unit", "unit": "x"}).status_code == 302  # refused, not a crash


def test_moving_the_date_tells_those_invited_when_asked(
    cast, login, event, group, django_capture_on_commit_callbacks
):
    services.group_save(actor=cast.province_officer, event=event, group=group, label=group.label, quota=None)
    with_mail, without = people(cast, 2)
    with_mail.email = "moi@example.vn"
    with_mail.save()
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=[with_mail, without])
    client = login(cast.province_officer)
    url = reverse("events:event_edit", args=[event.pk])
    page = client.get(url).content.decode()
    assert 'name="notify_invited"' in page
    event.refresh_from_db()
    data = {
        "kind": event.kind,
        "title": event.title,
        "time_text": "ngày 20/12/2099",
        "venue": event.venue,
        "version": event.version,
        "notify_invited": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, data).status_code == 302
    assert len(mail.outbox) == 1 and "20/12/2099" in mail.outbox[0].body
    assert "/e/" in mail.outbox[0].body  # the delegate's personal link
    # Unticked: nothing is sent.
    event.refresh_from_db()
    data.update(time_text="ngày 21/12/2099", version=event.version)
    del data["notify_invited"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, data)
    assert len(mail.outbox) == 1


def test_the_time_change_notice_reaches_an_invited_persons_account(cast, event, group):
    from danvan.testing.factories import UserFactory

    services.group_save(actor=cast.province_officer, event=event, group=group, label=group.label, quota=None)
    person = people(cast, 1)[0]
    user = UserFactory(username="dai_bieu", person=person)
    services.invite_people(actor=cast.province_officer, event=event, group=group, people=[person])
    assert services.notify_time_changed(actor=cast.province_officer, event=event, previous_when="x", site="")
    assert Notice.objects.filter(user=user, title__startswith="Thay đổi thời gian").exists()


def test_a_tentative_time_is_said_once(cast, login, event):
    page = login(cast.province_officer).get(event.get_absolute_url()).content.decode()
    assert "dự kiến trung tuần tháng 12/2099" in page
    assert "(dự kiến)" not in page


def test_the_answers_are_radio_buttons_with_their_labels(cast, event, group, client):
    invitation = services.invite_people(
        actor=cast.province_officer, event=event, group=group, people=people(cast, 1)
    )[0]
    page = client.get(f"/e/{invitation.token}/").content.decode()
    assert page.count('type="radio"') == 3
    assert 'class="form-check-input" type="radio"' in page and 'form-control" type="radio"' not in page


def test_letters_name_the_events_place_and_signer(cast, event):
    event = services.event_save(
        actor=cast.province_officer,
        event=event,
        organiser=event.organiser,
        title=event.title,
        time_text="ngày 15/12/2099",
        place_name="Từ Sơn",
        signer_authority="K/T TRƯỞNG BAN",
        signer_title="PHÓ TRƯỞNG BAN",
        signer_name="Nguyễn Văn Ký",
        expected_version=event.version,
    )
    info = selectors.event_info(event)
    assert info.place == "Từ Sơn" and info.signer_name == "Nguyễn Văn Ký"
    assert list(info.signer_authority) == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    import io

    from docx import Document

    from danvan.events import documents

    report = Document(io.BytesIO(documents.event_report_docx(info, **selectors.report_figures(event))))
    text = "\n".join(p.text for p in report.paragraphs) + "".join(
        c.text for t in report.tables for r in t.rows for c in r.cells
    )
    assert "Từ Sơn" in text and "Nguyễn Văn Ký" in text and "PHÓ TRƯỞNG BAN" in text


def test_an_event_from_a_plan_is_signed_as_the_plan(cast):
    from pathlib import Path

    from django.conf import settings

    from danvan.plans import services as plan_services
    from danvan.plans.parsing import parse_text

    seed = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures" / "seed_002.txt"
    plan = plan_services.plan_create(
        actor=cast.province_officer, issuing_unit=cast.province, doc=parse_text(seed.read_text("utf-8"))
    )
    event = services.event_from_plan(actor=cast.province_officer, plan=plan)
    info = selectors.event_info(event)
    assert info.signer_name == "Đàm Thế Sử" and "TRƯỞNG BAN" in info.signer_authority
