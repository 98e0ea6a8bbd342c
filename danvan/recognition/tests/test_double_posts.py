"""A create sent twice with one form token makes one object; the repeat lands on it or is told so.
Edit forms carry the version they were loaded with, so a stale one is refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from danvan.recognition.appraisal import services as appraisal_services
from danvan.recognition.appraisal.forms import RoundForm as AppraisalRoundForm
from danvan.recognition.contest import services as contest_services
from danvan.recognition.contest.forms import ContestForm, EntryForm, PrizeForm, RoundForm
from danvan.recognition.medals import services as medal_services
from danvan.recognition.medals.forms import DossierForm, MedalRuleForm, NominationForm
from danvan.recognition.models import (
    AppraisalRound,
    Attachment,
    Award,
    Contest,
    ContestEntry,
    ContestRound,
    Exemplar,
    Field,
    MedalDossierFile,
    MedalNomination,
    MedalRule,
    Prize,
    PrizeAward,
    ProgressUpdate,
)
from danvan.recognition.registry import services as registry_services
from danvan.recognition.registry.forms import AttachForm, AwardForm, ExemplarForm, ProgressForm

from .test_contest import docx_bytes, judge_user
from .test_registry import PNG

REPEAT = "bấm hai lần"  # in the one-time token's refusal (danvan.core.once.AlreadyDone)
STALE = "người khác sửa"  # in StaleEdit's message
GROUP = "Cán bộ chuyên trách công tác dân vận"


def token(form_class, **kwargs) -> str:
    return form_class(**kwargs).initial["form_token"]


@pytest.fixture
def field(db):
    return Field.objects.get(name="Kinh tế")


@pytest.fixture
def exemplar(cast, field):
    return registry_services.exemplar_save(
        actor=cast.ward_officer,
        unit=cast.ward,
        year=2026,
        kind="initiative",
        field=field,
        title="Tổ rau sạch",
    )


@pytest.fixture
def contest(cast):
    return contest_services.contest_save(
        actor=cast.ward_officer, owner=cast.ward, name="Cuộc thi báo chí 2026"
    )


@pytest.fixture
def rule(cast):
    return medal_services.rule_save(actor=cast.admin, name="Số năm", group=GROUP, min_years=10)


@pytest.fixture
def nomination(cast, rule):
    return medal_services.nomination_propose(
        actor=cast.team_leader, unit=cast.team, person=cast.team_person, group=GROUP, achievements="Hiến đất"
    )


# --- contest ---------------------------------------------------------------------------------------------


def test_a_contest_entry_sent_twice_is_made_once(cast, login, contest):
    client = login(cast.team_leader)
    url = reverse("recognition:contest_entry_new", args=[contest.pk])
    assert 'name="form_token"' in client.get(url).content.decode()
    data = {
        "form_token": token(EntryForm, exemplars=Exemplar.objects.none()),
        "submitted_by": cast.team.pk,
        "title": "Vận động hiến đất mở đường",
        "author": "Lê Minh",
        "outlet": "Báo tỉnh",
    }
    first = client.post(url, {**data, "file": SimpleUploadedFile("bai.docx", docx_bytes())})
    again = client.post(url, {**data, "file": SimpleUploadedFile("bai.docx", docx_bytes())})
    assert first.status_code == 302
    assert again.status_code == 200 and REPEAT in again.content.decode()
    assert ContestEntry.objects.filter(contest=contest).count() == 1


def test_a_contest_sent_twice_is_made_once_and_the_repeat_lands_on_it(cast, login):
    client = login(cast.ward_officer)
    url = reverse("recognition:contest_new")
    assert 'name="form_token"' in client.get(url).content.decode()
    data = {"form_token": token(ContestForm), "owner": cast.ward.pk, "name": "Cuộc thi 2027"}
    first = client.post(url, data)
    again = client.post(url, data, follow=True)
    contest = Contest.objects.get(name="Cuộc thi 2027")
    assert first["Location"] == again.redirect_chain[-1][0] == contest.get_absolute_url()
    assert REPEAT in again.content.decode()


def test_a_judging_round_and_a_prize_sent_twice_are_made_once(cast, login, contest):
    judge = judge_user(cast, "giam_khao_b")
    client = login(cast.ward_officer)
    url = reverse("recognition:contest_round_new", args=[contest.pk])
    assert 'name="form_token"' in client.get(url).content.decode()
    data = {
        "form_token": token(RoundForm, candidates=None),
        "name": "Sơ khảo",
        "order": 1,
        "max_points": "100",
        "judges": [judge.pk],
    }
    client.post(url, data)
    again = client.post(url, data)
    assert again.status_code == 200 and REPEAT in again.content.decode()
    assert ContestRound.objects.filter(contest=contest).count() == 1

    url = reverse("recognition:contest_prize_new", args=[contest.pk])
    data = {"form_token": token(PrizeForm), "name": "Giải A", "rank_order": 1, "quota": 2}
    client.post(url, data)
    again = client.post(url, data)
    assert again.status_code == 200 and REPEAT in again.content.decode()
    assert Prize.objects.filter(contest=contest).count() == 1


def test_a_prize_awarded_twice_is_given_once(cast, login, contest):
    """The contest's award form keeps its natural key: an entry holds one prize (a one-to-one)."""
    entry = contest_services.entry_save(
        actor=cast.team_leader,
        contest=contest,
        submitted_by=cast.team,
        title="Bài A",
        author="Lê Minh",
        outlet="Báo tỉnh",
        link="https://baotinh.vn/a",
    )
    prize = contest_services.prize_save(
        actor=cast.ward_officer, contest=contest, name="Giải A", rank_order=1, quota=1
    )
    client = login(cast.ward_officer)
    url = reverse("recognition:contest_award", args=[contest.pk, "add"])
    client.post(url, {"prize": prize.pk, "entry": entry.pk})
    again = client.post(url, {"prize": prize.pk, "entry": entry.pk}, follow=True)
    assert "chưa có giải" in again.content.decode()
    assert PrizeAward.objects.filter(entry=entry).count() == 1


# --- medals ----------------------------------------------------------------------------------------------


def test_a_dossier_file_sent_twice_is_stored_once(cast, login, nomination):
    client = login(cast.team_leader)
    assert 'name="form_token"' in client.get(nomination.get_absolute_url()).content.decode()
    url = reverse("recognition:medal_file_upload", args=[nomination.pk])
    sent = token(DossierForm)
    for _ in range(2):
        response = client.post(
            url, {"form_token": sent, "file": SimpleUploadedFile("tom-tat.docx", docx_bytes())}, follow=True
        )
    assert REPEAT in response.content.decode()
    assert MedalDossierFile.objects.filter(nomination=nomination).count() == 1
    # A new form (a new token) adds the next file.
    client.post(url, {"form_token": token(DossierForm), "file": SimpleUploadedFile("b.docx", docx_bytes())})
    assert MedalDossierFile.objects.filter(nomination=nomination).count() == 2


def test_a_medal_proposal_sent_twice_is_made_once_and_the_repeat_lands_on_it(cast, login, rule):
    client = login(cast.team_leader)
    url = reverse("recognition:medal_new")
    assert 'name="form_token"' in client.get(url).content.decode()
    data = {
        "form_token": token(NominationForm, user=cast.team_leader),
        "unit": cast.team.pk,
        "person": cast.team_person.pk,
        "group": GROUP,
        "start_year": "2010",
        "discipline": "no",
        "achievements": "Vận động hiến đất",
    }
    first = client.post(url, data)
    again = client.post(url, data, follow=True)
    nomination = MedalNomination.objects.get()
    assert first["Location"] == again.redirect_chain[-1][0] == nomination.get_absolute_url()
    assert REPEAT in again.content.decode()


def test_a_medal_rule_sent_twice_is_made_once(cast, login):
    client = login(cast.admin)
    url = reverse("recognition:medal_rule_new")
    data = {
        "form_token": token(MedalRuleForm),
        "name": "Số năm",
        "group": GROUP,
        "min_years": 10,
        "active": "on",
    }
    client.post(url, data)
    client.post(url, data)
    assert MedalRule.objects.filter(name="Số năm").count() == 1


# --- registry --------------------------------------------------------------------------------------------


def test_an_exemplar_sent_twice_is_registered_once_and_the_repeat_lands_on_it(cast, login, field):
    client = login(cast.ward_officer)
    url = reverse("recognition:exemplar_new")
    assert 'name="form_token"' in client.get(url).content.decode()
    data = {
        "form_token": token(ExemplarForm),
        "unit": cast.area.pk,
        "year": 2026,
        "kind": "initiative",
        "field": field.pk,
        "title": "Camera an ninh khu phố",
    }
    first = client.post(url, data)
    again = client.post(url, data, follow=True)
    exemplar = Exemplar.objects.get(title="Camera an ninh khu phố")
    assert first["Location"] == again.redirect_chain[-1][0] == exemplar.get_absolute_url()
    assert REPEAT in again.content.decode()


def test_an_attachment_and_a_progress_note_sent_twice_are_added_once(cast, login, exemplar):
    client = login(cast.ward_officer)
    page = client.get(exemplar.get_absolute_url()).content.decode()
    assert page.count('name="form_token"') == 2  # the progress form and the attach form, each its own
    url = reverse("recognition:exemplar_attach", args=[exemplar.pk])
    sent = token(AttachForm)
    for _ in range(2):
        response = client.post(
            url,
            {"form_token": sent, "file": SimpleUploadedFile("anh.png", PNG), "caption": "Ảnh"},
            follow=True,
        )
    assert REPEAT in response.content.decode()
    assert Attachment.objects.filter(exemplar=exemplar).count() == 1

    data = {"form_token": token(ProgressForm), "on": "15/06/2026", "text": "Đã có 20 hộ tham gia"}
    client.post(exemplar.get_absolute_url(), data)
    again = client.post(exemplar.get_absolute_url(), data)
    assert again.status_code == 200 and REPEAT in again.content.decode()
    assert ProgressUpdate.objects.filter(exemplar=exemplar).count() == 1


def test_an_award_sent_twice_is_recorded_once(cast, login):
    client = login(cast.province_officer)
    url = reverse("recognition:award_list")
    assert 'name="form_token"' in client.get(url).content.decode()
    data = {
        "form_token": token(AwardForm),
        "recipient_name": "Tổ rau sạch",
        "form": Award.Form.CERTIFICATE,
        "level": "Chủ tịch UBND phường",
        "decision_number": "12/QĐ-UBND",
        "decision_date": "20/12/2026",
        "reason": "xuất sắc",
        "issuer": cast.ward.pk,
    }
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 200 and REPEAT in again.content.decode()
    assert Award.objects.filter(recipient_name="Tổ rau sạch").count() == 1


# --- appraisal -------------------------------------------------------------------------------------------


def test_an_appraisal_round_sent_twice_is_made_once(cast, login):
    client = login(cast.ward_officer)
    url = reverse("recognition:round_new")
    assert 'name="form_token"' in client.get(url).content.decode()
    data = {
        "form_token": token(AppraisalRoundForm),
        "owner": cast.ward.pk,
        "name": "Thẩm định 2025",
        "year": 2025,
        "level": "ward",
        "threshold": "70",
        "c-TOTAL_FORMS": "1",
        "c-INITIAL_FORMS": "0",
        "c-0-name": "Hiệu quả",
        "c-0-max_points": "100",
    }
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 200 and REPEAT in again.content.decode()
    assert AppraisalRound.objects.filter(name="Thẩm định 2025").count() == 1


# --- edits carry their version ---------------------------------------------------------------------------


def test_a_stale_exemplar_edit_is_refused(cast, login, exemplar, field):
    client = login(cast.ward_officer)
    url = reverse("recognition:exemplar_edit", args=[exemplar.pk])
    assert f'name="version" value="{exemplar.version}"' in client.get(url).content.decode()
    shown = exemplar.version
    registry_services.exemplar_save(
        actor=cast.ward_officer,
        exemplar=Exemplar.objects.get(pk=exemplar.pk),
        unit=cast.ward,
        year=2026,
        kind="initiative",
        field=field,
        title="Tổ rau sạch (đã sửa)",
        expected_version=shown,
    )
    data = {
        "form_token": token(ExemplarForm),
        "version": shown,
        "unit": cast.ward.pk,
        "year": 2026,
        "kind": "initiative",
        "field": field.pk,
        "title": "Tổ rau sạch của tôi",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and STALE in response.content.decode()
    assert Exemplar.objects.get(pk=exemplar.pk).title == "Tổ rau sạch (đã sửa)"
    # The same form reloaded (the current version) saves.
    fresh = {
        **data,
        "form_token": token(ExemplarForm),
        "version": Exemplar.objects.get(pk=exemplar.pk).version,
    }
    assert client.post(url, fresh).status_code == 302
    assert Exemplar.objects.get(pk=exemplar.pk).title == "Tổ rau sạch của tôi"


def test_every_versioned_edit_page_carries_the_version_it_was_loaded_with(
    cast, login, contest, nomination, rule
):
    entry = contest_services.entry_save(
        actor=cast.team_leader,
        contest=contest,
        submitted_by=cast.team,
        title="Bài A",
        author="Lê Minh",
        outlet="Báo tỉnh",
        link="https://baotinh.vn/a",
    )
    round_ = appraisal_services.round_create(
        actor=cast.ward_officer,
        owner=cast.ward,
        name="Thẩm định 2025",
        year=2025,
        level="ward",
        threshold=70,
        criteria=[{"name": "Hiệu quả", "max_points": 100}],
    )
    for user, name, args, obj in [
        (cast.ward_officer, "contest_edit", [contest.pk], contest),
        (cast.team_leader, "contest_entry_edit", [contest.pk, entry.pk], entry),
        (cast.ward_officer, "round_edit", [round_.pk], round_),
        (cast.team_leader, "medal_edit", [nomination.pk], nomination),
        (cast.admin, "medal_rule_edit", [rule.pk], rule),
    ]:
        obj.refresh_from_db()
        page = login(user).get(reverse(f"recognition:{name}", args=args)).content.decode()
        assert f'name="version" value="{obj.version}"' in page, name


def test_a_stale_contest_edit_is_refused(cast, login, contest):
    client = login(cast.ward_officer)
    shown = contest.version
    contest_services.contest_save(
        actor=cast.ward_officer, owner=cast.ward, name="Tên mới", contest=contest, expected_version=shown
    )
    data = {"form_token": token(ContestForm), "version": shown, "owner": cast.ward.pk, "name": "Tên của tôi"}
    response = client.post(reverse("recognition:contest_edit", args=[contest.pk]), data)
    assert response.status_code == 200 and STALE in response.content.decode()
    assert Contest.objects.get(pk=contest.pk).name == "Tên mới"
