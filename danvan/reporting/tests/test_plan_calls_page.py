"""Opening a plan's calls: the default recipients are the issuer's whole area (state side included), the page
shows who they are before anything is created, and a reviewed plan's registration call has the 7 columns."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from danvan.plans import editor
from danvan.plans import services as plan_services
from danvan.plans.models import Plan
from danvan.reporting.models import Call, FormTemplate
from danvan.reporting.services.templates import outline_heading
from danvan.testing.factories import UnitFactory, kind

SEED_003 = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures" / "seed_003.txt"


@pytest.fixture
def province_committee(cast):
    """Tỉnh ủy → Ban Dân vận under the province; the Front sits beside the Tỉnh ủy, under the province."""
    party = UnitFactory(name="Tỉnh ủy Thử Nghiệm", kind=kind("party_committee"), parent=cast.province)
    committee = UnitFactory(
        name="Ban Dân vận Tỉnh ủy Thử Nghiệm",
        kind=kind("mobilization_committee"),
        parent=party,
        abbreviation="BDVTU",
    )
    front = UnitFactory(
        name="Ủy ban MTTQ tỉnh Thử Nghiệm", kind=kind("fatherland_front"), parent=cast.province
    )
    return party, committee, front


@pytest.fixture
def reviewed_plan(cast, login, province_committee):
    """Seed 003 pasted, its review saved unchanged, every task led, issued on 15/9/2023."""
    _party, committee, _front = province_committee
    client = login(cast.province_officer)
    client.post(
        reverse("plans:plan_import"),
        {"issuing_unit": committee.pk, "text": SEED_003.read_text(encoding="utf-8")},
    )
    plan = Plan.objects.get()
    data = {k: v for k, v in editor.form_initial(plan).items() if v is not None}
    assert client.post(reverse("plans:plan_review", args=[plan.pk]), data).status_code == 302
    for task in plan.tasks.filter(lead_unit__isnull=True):
        plan_services.task_update(
            task=task, actor=cast.province_officer, expected_version=task.version, lead_unit=cast.agency
        )
    client.post(reverse("plans:plan_issue", args=[plan.pk]), {"issued_on": "15/09/2023"})
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ISSUED
    return plan


def test_the_default_recipients_are_the_whole_province_but_the_issuer_and_above(
    cast, login, reviewed_plan, province_committee
):
    party, committee, front = province_committee
    page = login(cast.province_officer).get(reverse("reporting:calls_from_plan", args=[reviewed_plan.pk]))
    body = page.content.decode()
    assert f'value="{cast.province.pk}" selected' in body  # the province, not the Tỉnh ủy
    preview = page.context["recipients"]
    assert front in preview and cast.agency in preview and cast.ward in preview
    assert committee not in preview and party not in preview and cast.province not in preview
    assert 'data-testid="recipients-preview"' in body and "Tạo yêu cầu" in body and "data-confirm" in body
    assert not Call.objects.exists()  # looking creates nothing


def test_the_preview_follows_the_choice_as_an_htmx_partial(cast, login, reviewed_plan):
    response = login(cast.province_officer).get(
        reverse("reporting:calls_from_plan", args=[reviewed_plan.pk]),
        {"root": cast.province.pk, "kinds": [cast.ward.kind_id]},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "<html" not in body and 'id="recipients"' in body
    assert "2 đơn vị nhận" in body and "Phường An Bình" in body and "Sở Nội vụ" not in body


def test_the_unit_kind_choices_are_checkboxes(cast, login, reviewed_plan):
    body = (
        login(cast.province_officer)
        .get(reverse("reporting:calls_from_plan", args=[reviewed_plan.pk]))
        .content.decode()
    )
    assert 'type="checkbox" name="kinds"' in body and 'class="form-check-input"' in body


def test_a_reviewed_plans_registration_call_has_the_seven_column_table(cast, login, reviewed_plan):
    client = login(cast.province_officer)
    response = client.post(
        reverse("reporting:calls_from_plan", args=[reviewed_plan.pk]), {"root": cast.province.pk}
    )
    assert response.status_code == 302
    registration, result = reviewed_plan.calls.order_by("due_end")
    assert registration.template.layout == FormTemplate.Layout.TABLE
    assert registration.template.fields.count() == 7
    assert result.template.layout == FormTemplate.Layout.OUTLINE
    assert registration.targets.count() == result.targets.count() >= 4


def test_a_past_plan_asks_the_units_of_its_time(cast, login, reviewed_plan):
    dissolved = UnitFactory(
        name="Phường Cũ", kind=kind("ward"), parent=cast.province, valid_to=datetime.date(2024, 12, 31)
    )
    preview = (
        login(cast.province_officer)
        .get(reverse("reporting:calls_from_plan", args=[reviewed_plan.pk]))
        .context["recipients"]
    )
    assert dissolved in preview


@pytest.mark.parametrize(
    "text",
    [
        "Tập trung tuyên truyền về chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và tư "
        "tưởng của Chủ tịch Hồ Chí Minh về công tác dân vận, nhất là Bài báo “Dân vận”; Quyết định số "
        "279-QĐ/TU ngày 28/10/2021 ban hành Quy chế công tác dân vận của hệ thống chính trị tỉnh, tới cán "
        "bộ, đảng viên và Nhân dân.",
        " ".join(["chăm lo đời sống"] * 40),
    ],
)
def test_an_outline_heading_never_ends_inside_a_word(text):
    heading = outline_heading(text)
    assert len(heading) <= 201 and heading.endswith("…")
    assert text.startswith(heading[:-1].rstrip(" ,;:"))
    cut = len(heading[:-1].rstrip(" ,;:"))
    assert text[cut] in " ,;:"


def test_a_short_first_sentence_is_the_whole_heading():
    assert outline_heading("Tổ chức tọa đàm. Mời đại biểu 15/10/2023.") == "Tổ chức tọa đàm"
