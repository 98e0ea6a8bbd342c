"""Issue 13, journey 1 (plan side): a reviewed plan keeps its attached form, issuing asks the signing date and
refuses a task nobody leads, a task takes several lead units, the PDF is asked for by POST."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from danvan.core.errors import ServiceError
from danvan.plans import editor, services
from danvan.plans.models import Plan

SEED_003 = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures" / "seed_003.txt"


def review_post(plan, **changes) -> dict:
    """The review form as the page shows it, sent back unchanged (or with `changes`)."""
    data = {k: v for k, v in editor.form_initial(plan).items() if v is not None}
    if isinstance(data.get("issued_on"), datetime.date):
        data["issued_on"] = data["issued_on"].strftime("%d/%m/%Y")
    return {**data, **changes}


@pytest.fixture
def imported(cast, committee, login):
    client = login(cast.province_officer)
    client.post(
        reverse("plans:plan_import"),
        {"issuing_unit": committee.pk, "text": SEED_003.read_text(encoding="utf-8")},
    )
    return Plan.objects.get()


def form_links(plan) -> list:
    return [d.form_index for d in plan.document().deadlines]


def test_saving_the_review_keeps_the_registration_deadlines_form(cast, login, imported):
    assert form_links(imported) == [0, None]
    client = login(cast.province_officer)
    response = client.post(reverse("plans:plan_review", args=[imported.pk]), review_post(imported))
    assert response.status_code == 302
    imported.refresh_from_db()
    assert form_links(imported) == [0, None]
    assert len(imported.document().forms[0].columns) == 7
    # a second save, with an edited body, still keeps it
    imported_again = Plan.objects.get(pk=imported.pk)
    body = review_post(imported_again)["body"].replace("Tăng cường đa dạng hóa", "Tăng cường, đa dạng hóa")
    client.post(reverse("plans:plan_review", args=[imported.pk]), review_post(imported_again, body=body))
    assert form_links(Plan.objects.get(pk=imported.pk)) == [0, None]


def test_a_form_link_survives_when_the_words_no_longer_say_so(imported):
    doc = imported.document()
    edited = review_post(imported)
    edited["body"] = edited["body"].replace("(Có mẫu đăng ký kèm theo Kế hoạch)", "")
    data = {**edited, "issued_on": None, "profile": imported.profile, "version": imported.version}
    assert [d.form_index for d in editor.document_from_form(data, doc).deadlines] == [0, None]


def test_issuing_asks_the_signing_date_and_refuses_a_task_without_lead(cast, login, imported):
    client = login(cast.province_officer)
    page = client.get(reverse("plans:plan_issue", args=[imported.pk])).content.decode()
    assert 'name="issued_on"' in page and 'data-testid="unled-tasks"' in page
    assert timezone.localdate().strftime("%d/%m/%Y") in page  # today by default
    assert 'value="Thử Nghiệm"' in page  # the place: the issuer's province, without "Tỉnh"
    refused = client.post(reverse("plans:plan_issue", args=[imported.pk]), {"issued_on": "15/09/2023"})
    body = refused.content.decode()
    assert refused.status_code == 200 and "chưa có đơn vị chủ trì" in body and "Đề nghị các sở" in body
    assert Plan.objects.get(pk=imported.pk).status == Plan.Status.DRAFT


@pytest.mark.parametrize(
    "typed, message",
    [("", "Hãy nhập ngày ký"), ("31/02/2023", "dd/mm/yyyy"), ("01/01/1900", "quá xa")],
)
def test_a_wrong_signing_date_is_refused_with_a_message(cast, login, draft, typed, message):
    response = login(cast.province_officer).post(
        reverse("plans:plan_issue", args=[draft.pk]), {"issued_on": typed}
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert Plan.objects.get(pk=draft.pk).status == Plan.Status.DRAFT


def test_a_signing_date_after_today_is_refused(cast, login, draft):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    response = login(cast.province_officer).post(
        reverse("plans:plan_issue", args=[draft.pk]), {"issued_on": tomorrow}
    )
    assert "không được sau ngày hôm nay" in response.content.decode()
    with pytest.raises(ServiceError):
        services.plan_issue(
            plan=draft,
            actor=cast.province_officer,
            issued_on=timezone.localdate() + datetime.timedelta(days=1),
        )


def test_several_lead_units_then_issue_with_the_date_and_no_stale_warning(cast, login, imported):
    client = login(cast.province_officer)
    task, *others = imported.tasks.filter(lead_unit__isnull=True).order_by("order")
    for other in others:
        services.task_update(
            task=other, actor=cast.province_officer, expected_version=other.version, lead_unit=cast.ward
        )
    response = client.post(
        reverse("plans:task_edit", args=[task.pk]),
        {
            "label": task.label,
            "title": task.title,
            "lead_unit": cast.agency.pk,
            "lead_units": [cast.ward.pk, cast.other_ward.pk],
            "due_text": task.due_text,
            "version": task.version,
        },
    )
    assert response.status_code == 302
    assert {u.pk for u in task.lead_units.all()} == {cast.agency.pk, cast.ward.pk, cast.other_ward.pk}
    issued = client.post(
        reverse("plans:plan_issue", args=[imported.pk]), {"issued_on": "15/09/2023", "place": "Bắc Giang"}
    )
    assert issued.status_code == 302
    plan = Plan.objects.get(pk=imported.pk)
    assert plan.status == Plan.Status.ISSUED and plan.issued_on == datetime.date(2023, 9, 15)
    assert plan.symbol == "01-KH/BDVTU" and plan.number_year == 2023 and plan.place == "Bắc Giang"
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Không thấy số, ký hiệu văn bản" not in page
    assert "Phường An Bình" in page and "Phường Bắc Hà" in page  # every lead shown
    assert not any("Không thấy số" in d.reason for d in plan.document().doubts)


def test_the_task_editor_looks_leads_up_among_the_units_of_the_plans_time(cast, login, draft):
    Plan.objects.filter(pk=draft.pk).update(content={**draft.content, "issued_on": "2023-09-10"})
    task = draft.tasks.first()
    page = login(cast.province_officer).get(reverse("plans:task_edit", args=[task.pk])).content.decode()
    assert 'name="lead_units"' in page and "multiple" in page
    assert page.count('data-lookup-on="2023-09-10"') == 2  # the lead and the co-leads


def test_the_pdf_is_asked_for_by_post_only(cast, login, draft):
    client = login(cast.province_officer)
    assert client.get(reverse("plans:plan_pdf", args=[draft.pk])).status_code == 405
    page = client.get(draft.get_absolute_url()).content.decode()
    action = f'action="{reverse("plans:plan_pdf", args=[draft.pk])}"'
    assert action in page and "csrfmiddlewaretoken" in page
