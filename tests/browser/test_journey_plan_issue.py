"""Journey 1 of issue 13, plan side, on a desktop and on a phone: seed 003 pasted under its real 2023 issuer
(a unit dissolved since), reviewed and saved, issued with a signing date, both calls opened after seeing who
receives them, the registration call with the plan's 7 columns; axe on every page, screenshots kept."""

import datetime

import pytest

from .conftest import ISSUER_2023 as ISSUER
from .conftest import log_in
from .journey_steps_plan import import_and_issue_seed_003, seed_003_text

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("tag, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_an_officer_imports_seed_003_issues_it_and_opens_its_calls(
    cast, units_of_2023, page, live_server, screenshot, accessible, tag, viewport
):
    if seed_003_text() is None:
        pytest.skip("the shared seeds are not beside the project")
    _issuer, front = units_of_2023
    page.set_viewport_size(viewport)
    log_in(page, live_server, "province_officer")
    plan_id, call_ids = import_and_issue_seed_003(
        page,
        live_server,
        issuer_name=ISSUER,
        must_receive=(front.name, "Sở Nội vụ", "Phường An Bình"),
        screenshot=screenshot,
        accessible=accessible,
        tag=tag,
    )
    from danvan.plans.models import Plan

    plan = Plan.objects.get(pk=plan_id)
    assert plan.issuing_unit.name == ISSUER and plan.issued_on == datetime.date(2023, 9, 15)
    assert plan.calls.count() == len(call_ids) == 2
    if tag == "phone":  # nothing scrolls sideways on a phone
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1, width
