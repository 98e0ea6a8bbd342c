"""Double-clicked creates racing on PostgreSQL: a contest entry and a medal dossier file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.recognition.contest import services as contest_services
from danvan.recognition.medals import services as medal_services
from danvan.recognition.models import ContestEntry, MedalDossierFile
from danvan.testing.concurrency import client_for, race

from .test_contest import docx_bytes

pytestmark = pytest.mark.postgres

GROUP = "Cán bộ chuyên trách công tác dân vận"


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_contest_entry_makes_one_entry(cast):
    from danvan.recognition.contest.forms import EntryForm
    from danvan.recognition.models import Exemplar

    contest = contest_services.contest_save(actor=cast.ward_officer, owner=cast.ward, name="Cuộc thi 2026")
    url = reverse("recognition:contest_entry_new", args=[contest.pk])
    data = {
        "form_token": EntryForm(exemplars=Exemplar.objects.none()).initial["form_token"],
        "submitted_by": cast.team.pk,
        "title": "Vận động hiến đất mở đường",
        "author": "Lê Minh",
        "outlet": "Báo tỉnh",
    }
    payload = docx_bytes()

    def post(i):
        upload = SimpleUploadedFile("bai.docx", payload)
        return client_for(cast.team_leader).post(url, {**data, "file": upload})

    responses = race(4, post)
    assert ContestEntry.objects.filter(contest=contest).count() == 1, responses
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 302]
    assert all("bấm hai lần" in r.content.decode() for r in responses if r.status_code == 200)


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_dossier_file_is_stored_once(cast):
    from danvan.recognition.medals.forms import DossierForm

    medal_services.rule_save(actor=cast.admin, name="Số năm", group=GROUP, min_years=10)
    nomination = medal_services.nomination_propose(
        actor=cast.team_leader, unit=cast.team, person=cast.team_person, group=GROUP, achievements="Hiến đất"
    )
    url = reverse("recognition:medal_file_upload", args=[nomination.pk])
    token = DossierForm().initial["form_token"]
    payload = docx_bytes()

    def post(i):
        upload = SimpleUploadedFile("tom-tat.docx", payload)
        return client_for(cast.team_leader).post(url, {"form_token": token, "file": upload})

    responses = race(4, post)
    assert all(r.status_code == 302 for r in responses), responses
    assert MedalDossierFile.objects.filter(nomination=nomination).count() == 1
