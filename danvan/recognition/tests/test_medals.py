"""Medal “Vì sự nghiệp Dân vận”: an editable rule set, the automatic check, the approval chain, the export."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.lib.uploads import UploadRejected
from danvan.recognition.medals import documents, eligibility, services
from danvan.recognition.models import MedalNomination

GROUP = "Cán bộ chuyên trách công tác dân vận"
YEAR = 2025

# --- fixtures --------------------------------------------------------------------------------------------


@pytest.fixture
def rule(cast):
    """The thresholds are data an administrator types in: here a made-up 10 years, for the tests only."""
    return services.rule_save(
        actor=cast.admin,
        name="Thời gian làm công tác dân vận",
        group=GROUP,
        min_years=10,
        note="Số liệu thử nghiệm",
    )


@pytest.fixture
def discipline_rule(cast):
    return services.rule_save(
        actor=cast.admin, name="Không bị kỷ luật", group=GROUP, requires_no_discipline=True
    )


def nominate(cast, *, person=None, unit=None, actor=None, **facts):
    return services.nomination_propose(
        actor=actor or cast.team_leader,
        unit=unit or cast.team,
        person=person or cast.team_person,
        group=facts.pop("group", GROUP),
        achievements="Nhiều năm vận động nhân dân hiến đất làm đường",
        **facts,
    )


def draft(**facts) -> MedalNomination:
    """An unsaved nomination, to run the check on facts alone."""
    return MedalNomination(group=GROUP, **facts)


def docx_bytes() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Bản tóm tắt thành tích")
    document.save(buffer)
    return buffer.getvalue()


# --- rules -----------------------------------------------------------------------------------------------


def test_medal_rules_are_editable_only_by_an_administrator(cast, login, rule):
    for officer in [cast.province_officer, cast.ward_officer, cast.team_leader]:
        with pytest.raises(PermissionDenied):
            services.rule_save(actor=officer, name="Tiêu chí khác", group=GROUP, min_years=1)
    new = reverse("recognition:medal_rule_new")
    edit = reverse("recognition:medal_rule_edit", args=[rule.pk])
    assert login(cast.province_officer).get(new).status_code == 403
    assert (
        login(cast.province_officer).post(edit, {"name": "x", "group": GROUP, "min_years": 1}).status_code
        == 403
    )
    assert (
        login(cast.province_officer).get(reverse("recognition:medal_rule_list")).status_code == 200
    )  # reads
    assert login(cast.ward_council_member).get(reverse("recognition:medal_rule_list")).status_code == 403
    admin = login(cast.admin)
    assert admin.get(new).status_code == 200
    response = admin.post(
        edit,
        {
            "name": rule.name,
            "group": GROUP,
            "min_years": "15",
            "requires_no_discipline": "on",
            "active": "on",
            "version": rule.version,
        },
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.min_years, rule.requires_no_discipline, rule.version) == (15, True, 2)
    assert rule.history.count() == 2
    stale = admin.post(
        edit, {"name": rule.name, "group": GROUP, "min_years": "12", "active": "on", "version": 1}
    )
    assert stale.status_code == 200 and "người khác sửa" in stale.content.decode()


def test_a_rule_asks_for_years_or_no_discipline(cast):
    with pytest.raises(ServiceError):
        services.rule_save(actor=cast.admin, name="Trống", group=GROUP)


# --- the automatic check ---------------------------------------------------------------------------------


def test_the_check_with_a_rule_of_ten_years_passes_twelve_and_fails_eight_with_the_reason(rule):
    passed = eligibility.evaluate(draft(years_in_work=12), year=YEAR)
    assert passed["overall"] == "pass"
    assert passed["rules"][0]["result"] == "pass"
    assert "12 năm" in passed["rules"][0]["details"][0]["reason"]
    failed = eligibility.evaluate(draft(years_in_work=8), year=YEAR)
    assert failed["overall"] == "fail"
    reason = failed["rules"][0]["details"][0]["reason"]
    assert "8 năm" in reason and "chưa đủ mức tối thiểu 10 năm" in reason and "thiếu 2 năm" in reason


def test_the_check_is_unknown_when_the_years_are_missing(rule):
    unknown = eligibility.evaluate(draft(), year=YEAR)
    assert unknown["overall"] == "unknown"
    assert "Chưa có số năm" in unknown["rules"][0]["details"][0]["reason"]
    # 13 years counted from the start year
    from_start = eligibility.evaluate(draft(start_year=2012), year=YEAR)
    assert from_start["overall"] == "pass"
    assert "năm bắt đầu 2012" in from_start["rules"][0]["details"][0]["reason"]


def test_discipline_excludes_a_nomination_when_a_rule_requires_it(rule, discipline_rule):
    clean = eligibility.evaluate(draft(years_in_work=12, has_discipline=False), year=YEAR)
    assert clean["overall"] == "pass"
    punished = eligibility.evaluate(
        draft(years_in_work=12, has_discipline=True, discipline_note="Khiển trách năm 2020"), year=YEAR
    )
    assert punished["overall"] == "fail"
    by_rule = {r["rule"]: r for r in punished["rules"]}
    assert by_rule["Thời gian làm công tác dân vận"]["result"] == "pass"
    assert by_rule["Không bị kỷ luật"]["result"] == "fail"
    assert "Khiển trách năm 2020" in by_rule["Không bị kỷ luật"]["details"][0]["reason"]
    assert (
        eligibility.evaluate(draft(years_in_work=12), year=YEAR)["overall"] == "unknown"
    )  # discipline not known


def test_only_active_rules_of_the_nominations_group_count(cast, rule):
    services.rule_save(actor=cast.admin, name="Nhóm khác", group="Người có uy tín", min_years=30)
    assert eligibility.evaluate(draft(years_in_work=12), year=YEAR)["overall"] == "pass"
    services.rule_save(
        actor=cast.admin,
        name=rule.name,
        group=GROUP,
        min_years=10,
        active=False,
        rule=rule,
        expected_version=1,
    )
    none = eligibility.evaluate(draft(years_in_work=12), year=YEAR)
    assert none["overall"] == "unknown" and "Chưa có tiêu chí" in none["summary"]


def test_editing_a_rule_changes_the_outcome_of_the_next_check(cast, rule):
    nomination = nominate(cast, years_in_work=12)
    assert nomination.overall == "pass"
    services.rule_save(
        actor=cast.admin, name=rule.name, group=GROUP, min_years=15, rule=rule, expected_version=rule.version
    )
    nomination = services.nomination_check(actor=cast.ward_officer, nomination=nomination)
    assert nomination.overall == "fail" and nomination.checks["rules"][0]["min_years"] == 15


# --- the approval chain ----------------------------------------------------------------------------------


def test_the_approval_chain_goes_proposed_checked_sent_and_never_skips_the_check(cast, rule):
    nomination = nominate(cast, years_in_work=12)
    assert nomination.status == MedalNomination.Status.PROPOSED and nomination.created_by == cast.team_leader
    with pytest.raises(ServiceError) as error:
        services.nomination_send_up(actor=cast.ward_officer, nomination=nomination)
    assert "kiểm tra trước khi gửi" in error.value.message
    with pytest.raises(PermissionDenied):  # the proposing unit does not check itself
        services.nomination_check(actor=cast.team_leader, nomination=nomination)
    with pytest.raises(PermissionDenied):  # nor does another ward's committee
        services.nomination_check(actor=cast.outsider, nomination=nomination)
    nomination = services.nomination_check(actor=cast.ward_officer, nomination=nomination)
    assert nomination.status == MedalNomination.Status.CHECKED and nomination.checked_by == cast.ward_officer
    with pytest.raises(ServiceError):
        services.nomination_check(actor=cast.ward_officer, nomination=nomination)
    with pytest.raises(ServiceError):
        services.nomination_update(
            actor=cast.team_leader,
            nomination=nomination,
            person=cast.team_person,
            group=GROUP,
            years_in_work=13,
        )
    nomination = services.nomination_send_up(actor=cast.province_officer, nomination=nomination)
    assert nomination.status == MedalNomination.Status.SENT and nomination.sent_at is not None
    with pytest.raises(ServiceError):
        services.nomination_return(actor=cast.ward_officer, nomination=nomination, comment="Muộn")
    events = AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(MedalNomination), object_id=str(nomination.pk)
    )
    verbs = list(events.order_by("at", "id").values_list("verb", flat=True))
    assert verbs == ["propose", "check", "send"]


def test_a_returned_nomination_is_corrected_and_proposed_again(cast, rule):
    nomination = nominate(cast)
    with pytest.raises(ServiceError):
        services.nomination_return(actor=cast.ward_officer, nomination=nomination, comment="  ")
    nomination = services.nomination_return(
        actor=cast.ward_officer, nomination=nomination, comment="Bổ sung số năm làm công tác dân vận"
    )
    assert nomination.status == MedalNomination.Status.RETURNED
    nomination = services.nomination_update(
        actor=cast.team_leader,
        nomination=nomination,
        person=cast.team_person,
        group=GROUP,
        years_in_work=11,
        has_discipline=False,
        expected_version=nomination.version,
    )
    assert nomination.status == MedalNomination.Status.PROPOSED and nomination.overall == "pass"


def test_a_nomination_that_fails_a_rule_is_not_sent_up(cast, rule):
    nomination = nominate(cast, years_in_work=8)
    nomination = services.nomination_check(actor=cast.ward_officer, nomination=nomination)
    with pytest.raises(ServiceError) as error:
        services.nomination_send_up(actor=cast.ward_officer, nomination=nomination)
    assert "không đạt" in error.value.message and "chưa đủ" in error.value.message
    assert MedalNomination.objects.get(pk=nomination.pk).status == MedalNomination.Status.CHECKED


def test_a_unit_proposes_only_its_own_people(cast, rule):
    with pytest.raises(ServiceError):
        nominate(cast, person=cast.other_person)
    with pytest.raises(PermissionDenied):
        nominate(cast, actor=cast.focal_point)
    nominate(cast)
    with pytest.raises(ServiceError):  # one nomination per person
        nominate(cast)


def test_the_dossier_takes_word_and_excel_files_only(cast, rule):
    nomination = nominate(cast)
    item = services.dossier_add(
        actor=cast.team_leader,
        nomination=nomination,
        upload=SimpleUploadedFile("tom-tat-thanh-tich.docx", docx_bytes()),
        max_bytes=1_000_000,
    )
    assert item.name == "tom-tat-thanh-tich.docx" and nomination.files.count() == 1
    with pytest.raises(UploadRejected):
        services.dossier_add(
            actor=cast.team_leader,
            nomination=nomination,
            upload=SimpleUploadedFile("ban-scan.pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"),
            max_bytes=1_000_000,
        )


def test_a_removed_dossier_file_leaves_the_storage_only_when_the_removal_commits(
    cast, rule, django_capture_on_commit_callbacks
):
    nomination = nominate(cast)
    item = services.dossier_add(
        actor=cast.team_leader,
        nomination=nomination,
        upload=SimpleUploadedFile("tom-tat.docx", docx_bytes()),
        max_bytes=1_000_000,
    )
    storage, name, pk = item.file.storage, item.file.name, item.pk
    # rolled back (a later error): the row stays, and so does its file
    with pytest.raises(RuntimeError), transaction.atomic():
        services.dossier_remove(actor=cast.team_leader, item=item)
        raise RuntimeError
    assert nomination.files.filter(pk=pk).exists() and storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_withdraw(actor=cast.team_leader, nomination=nomination)
    assert not storage.exists(name)


# --- pages and export ------------------------------------------------------------------------------------


def test_the_nomination_page_scope_trio(cast, login, rule):
    nomination = nominate(cast, years_in_work=8)
    url = reverse("recognition:medal_detail", args=[nomination.pk])
    page = login(cast.ward_officer).get(url)
    assert page.status_code == 200 and "chưa đủ mức tối thiểu 10 năm" in page.content.decode()
    assert login(cast.team_leader).get(url).status_code == 200
    assert login(cast.outsider).get(url).status_code == 404
    assert login(cast.ward_council_member).get(url).status_code == 403
    assert login(cast.ward_council_member).get(reverse("recognition:medal_list")).status_code == 403


def test_the_committee_works_the_chain_through_the_page(cast, login, rule):
    nomination = nominate(cast, years_in_work=12)
    client = login(cast.ward_officer)
    send = reverse("recognition:medal_action", args=[nomination.pk, "send"])
    assert "kiểm tra trước khi gửi" in client.post(send, follow=True).content.decode()
    assert (
        login(cast.team_leader)
        .post(reverse("recognition:medal_action", args=[nomination.pk, "check"]))
        .status_code
        == 403
    )
    client.post(reverse("recognition:medal_action", args=[nomination.pk, "check"]))
    client.post(send)
    assert MedalNomination.objects.get(pk=nomination.pk).status == MedalNomination.Status.SENT


def test_proposing_through_the_form(cast, login, rule):
    client = login(cast.team_leader)
    url = reverse("recognition:medal_new")
    page = client.get(url)
    assert page.status_code == 200 and cast.team_person.full_name in page.content.decode()
    response = client.post(
        url,
        {
            "unit": cast.team.pk,
            "person": cast.team_person.pk,
            "group": GROUP,
            "years_in_work": "",
            "start_year": "2010",
            "discipline": "no",
            "achievements": "Vận động hiến đất",
        },
    )
    assert response.status_code == 302
    nomination = MedalNomination.objects.get()
    assert nomination.has_discipline is False and nomination.start_year == 2010
    assert nomination.overall == "pass"


def test_the_export_lists_the_visible_nominations_with_their_columns(cast, login, rule):
    from openpyxl import load_workbook

    nominate(cast, years_in_work=12, has_discipline=False)
    services.nomination_propose(
        actor=cast.outsider, unit=cast.other_ward, person=cast.other_person, group=GROUP, years_in_work=20
    )
    response = login(cast.ward_officer).get(reverse("recognition:medal_export"))
    assert response.status_code == 200
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]
    header_at = next(i for i, row in enumerate(rows) if row[0] == "STT")
    assert rows[header_at] == documents.EXPORT_HEADERS
    assert rows[header_at][:8] == [
        "STT",
        "Họ và tên",
        "Năm sinh",
        "Chức vụ",
        "Đơn vị công tác",
        "Đơn vị đề nghị",
        "Nhóm đối tượng",
        "Số năm làm công tác dân vận",
    ]
    body = rows[header_at + 1 :]
    assert len(body) == 1  # the other ward's nomination is out of scope
    row = dict(zip(rows[header_at], body[0], strict=True))
    assert row["Họ và tên"] == cast.team_person.full_name and row["Đơn vị đề nghị"] == cast.team.name
    assert row["Số năm làm công tác dân vận"] == 12 and row["Kỷ luật"] == "Không"
    assert row["Kết quả đối chiếu tiêu chí"] == "Đạt" and row["Trạng thái"] == "Đơn vị đề nghị"
    assert login(cast.ward_council_member).get(reverse("recognition:medal_export")).status_code == 403


def test_the_nomination_list_uses_a_bounded_number_of_queries(
    cast, login, rule, django_assert_max_num_queries
):
    from danvan.testing.factories import PersonFactory

    for n in range(8):
        nominate(cast, person=PersonFactory(full_name=f"Cán bộ {n}", unit=cast.team), years_in_work=n + 5)
    client = login(cast.ward_officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("recognition:medal_list"), {"overall": "fail"})
    assert response.status_code == 200
    assert response.content.decode().count("Không đạt") >= 5


def test_every_medal_page_opens(cast, login, rule):
    nomination = nominate(cast, years_in_work=12)
    services.dossier_add(
        actor=cast.team_leader,
        nomination=nomination,
        upload=SimpleUploadedFile("ho-so.docx", docx_bytes()),
        max_bytes=1_000_000,
    )
    item = nomination.files.get()
    unit_client = login(cast.team_leader)
    for name, args in [
        ("medal_list", []),
        ("medal_new", []),
        ("medal_rule_list", []),
        ("medal_detail", [nomination.pk]),
        ("medal_edit", [nomination.pk]),
        ("medal_file_download", [nomination.pk, item.pk]),
    ]:
        assert unit_client.get(reverse(f"recognition:{name}", args=args)).status_code == 200, name
    committee = login(cast.ward_officer).get(reverse("recognition:medal_detail", args=[nomination.pk]))
    assert "Xác nhận đã kiểm tra" in committee.content.decode()
    assert login(cast.admin).get(reverse("recognition:medal_rule_edit", args=[rule.pk])).status_code == 200
