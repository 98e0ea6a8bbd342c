"""A superior's lead deep in the lower unit's tree (a team under a residential area under the ward) is
suggested as it is: the select offers it, named with its parent, set to it, and the draft gives it the
task."""

import datetime
import re

import pytest
from django.urls import reverse

from danvan.plans import services
from danvan.plans.cascade import selectors
from danvan.plans.models import Plan
from danvan.plans.selectors import tasks_without_lead

from .conftest import superior_document


@pytest.fixture
def deep_superior(cast, committee):
    draft = services.plan_create(actor=cast.province_officer, issuing_unit=committee, doc=superior_document())
    first = draft.tasks.order_by("order").first()
    services.task_update(
        task=first, actor=cast.province_officer, expected_version=first.version, lead_units=[cast.team]
    )
    for task in tasks_without_lead(draft):
        services.task_update(
            task=task, actor=cast.province_officer, expected_version=task.version, lead_units=[committee]
        )
    return services.plan_issue(
        plan=draft, actor=cast.province_officer, issued_on=datetime.date(2023, 9, 4), place="Thử Nghiệm"
    )


def test_the_options_hold_a_deeper_suggestion_after_the_unit_and_its_children(cast, deep_superior):
    choices = selectors.lead_choices(deep_superior, cast.ward)
    assert cast.team in [c.suggestion for c in choices]
    options = selectors.lead_options(cast.ward, choices)
    assert options[0] == cast.ward and cast.area in options and options[-1] == cast.team
    assert cast.team not in selectors.lead_options(cast.ward)  # without the choices: the unit and children


def test_the_select_is_set_to_the_deeper_unit_named_with_its_parent_and_the_draft_uses_it(
    cast, login, deep_superior
):
    client = login(cast.ward_officer)
    url = reverse("plans:cascade_new", args=[deep_superior.pk])
    page = client.get(url, {"unit": cast.ward.pk}).content.decode()
    chosen = re.findall(r'<option value="(\d+)" selected>([^<]*)</option>', page)
    assert (str(cast.team.pk), f"{cast.team.name} ({cast.area.name})") in chosen
    assert f">{cast.area.name}</option>" in page  # a direct subordinate: its name alone
    form = client.get(url, {"unit": cast.ward.pk}).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"unit": cast.ward.pk, "shift_mode": "working", "days": 5, "title": ""})
    response = client.post(url + f"?unit={cast.ward.pk}", data)
    assert response.status_code == 302
    plan = Plan.objects.get(implements=deep_superior)
    assert plan.tasks.order_by("order").first().lead_unit == cast.team
