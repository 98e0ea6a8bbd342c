"""The demo's plans are our own texts, parsed by the importer, and dated from today so the demo is alive."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from danvan.plans.demo import PROVINCE_SOURCE, WARD_SOURCE, demo_texts
from danvan.plans.parsing import parse_text


@pytest.mark.parametrize("today", [datetime.date(2026, 12, 3), datetime.date(2027, 2, 27)])
def test_the_demo_texts_parse_with_deadlines_around_today_and_a_seminar_next_month(today):
    texts = demo_texts(today)
    province, ward = parse_text(texts[PROVINCE_SOURCE]), parse_text(texts[WARD_SOURCE])
    registration, report = province.deadlines
    assert registration.form_index == 0 and registration.due.end < today
    assert today < report.due.end <= today + datetime.timedelta(days=7)
    assert len(province.tasks()) == 6 and province.forms[0].columns[1].label == "Hoạt động"
    seminar = ward.event.time.start
    assert (seminar.year * 12 + seminar.month) - (today.year * 12 + today.month) == 1
    assert ward.event.participants_total == 60 and len(ward.event.groups) == 5


def test_the_loaded_demo_has_overdue_and_coming_calls_and_an_event_next_month(db):
    call_command("load_demo", stdout=io.StringIO())
    from danvan.events.models import Event
    from danvan.reporting.models import Call, Submission

    today = timezone.localdate()
    calls = {c.title.split()[0]: c for c in Call.objects.filter(regime__isnull=True)}  # not a regime's
    assert calls["Đăng"].due_date < today < calls["Báo"].due_date <= today + datetime.timedelta(days=7)
    states = sorted(Submission.objects.filter(call=calls["Đăng"]).values_list("status", flat=True))
    assert states == ["accepted", "draft", "returned", "submitted", "submitted"]
    event = Event.objects.get(plan__isnull=False)  # the seminar; the briefings (issue 14) have no plan
    assert event.plan.source_name == WARD_SOURCE and event.invitations.count() == 20
    assert event.groups.count() == 5
    start = event.time_start
    assert (start.year * 12 + start.month) - (today.year * 12 + today.month) == 1
