"""The demo programme: our own text read by the importer into about fifteen items, every state shown, some
items carried out by the demo's plans, calls, event and round."""

import datetime
import io

import pytest
from django.core.management import call_command

from danvan.plans.models import Plan
from danvan.plans.parsing import parse_text
from danvan.plans.programme.demo import SOURCE, programme_text
from danvan.plans.programme.selectors import ItemState, programme_items


@pytest.mark.parametrize("today", [datetime.date(2026, 12, 3), datetime.date(2027, 6, 10)])
def test_the_demo_programme_text_reads_into_items_with_periods(today):
    text, roles = programme_text(today)
    doc = parse_text(text)
    items = doc.tasks()
    assert doc.type_code == "CTr" and len(items) >= 15
    assert all(item.due is not None for item in items[: len(roles)])
    assert items[len(roles) - 1].due.end == datetime.date(today.year, 12, 31)  # the whole-year item


def test_the_loaded_demo_programme_shows_every_state_and_its_links(db):
    call_command("load_demo", stdout=io.StringIO())
    programme = Plan.objects.get(source_name=SOURCE)
    assert programme.kind == "programme" and programme.status == "issued"
    views = programme_items(programme)
    states = {v.state for v in views}
    assert {ItemState.DONE, ItemState.LATE, ItemState.UNDER_WAY, ItemState.NOT_STARTED} <= states
    kinds = {link.kind for v in views for link in v.links}
    assert {"plan", "call", "event", "round"} <= kinds
    call_command("load_demo", stdout=io.StringIO())  # loading again adds nothing
    assert Plan.objects.filter(source_name=SOURCE).count() == 1
