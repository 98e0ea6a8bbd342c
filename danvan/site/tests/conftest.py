"""Rows of the domain apps, made directly through their models (the site reads them; it never writes)."""

import datetime

import pytest
from django.utils import timezone

from danvan.events.models import Event, Presentation
from danvan.lib import vntext
from danvan.plans.models import Plan, Task
from danvan.recognition.models import AppraisalRound, CouncilMember, Exemplar, Field, RoundEntry
from danvan.reporting.models import Call, CallTarget, FormTemplate, Submission


def today():
    return timezone.localdate()


def days(n):
    return today() + datetime.timedelta(days=n)


def make_call(owner, title, due, targets, *, plan=None, status=Call.Status.OPEN):
    template, _ = FormTemplate.objects.get_or_create(name="Mẫu thử trang chung", owner=None)
    call = Call.objects.create(
        owner=owner,
        template=template,
        title=title,
        due_end=due,
        plan=plan,
        status=status,
        search_text=vntext.fold(title),  # as call_open fills it
    )
    for unit in targets:
        CallTarget.objects.create(call=call, unit=unit)
    return call


def make_submission(call, unit, status):
    now = timezone.now()
    sent = status != Submission.Status.DRAFT
    return Submission.objects.create(
        call=call, unit=unit, status=status, submitted_at=now if sent else None, revision=1 if sent else 0
    )


def make_plan(issuer, title, symbol="", *, status=Plan.Status.ISSUED):
    return Plan.objects.create(
        issuing_unit=issuer,
        title=title,
        symbol=symbol,
        status=status,
        search_text=vntext.fold(f"{symbol} {title} KẾ HOẠCH"),  # as plans.services.plan_search_text
    )


def make_task(plan, title, lead, due_end, *, status=Task.Status.TODO):
    return Task.objects.create(plan=plan, title=title, lead_unit=lead, due_end=due_end, status=status)


def make_event(organiser, title, *, kind=Event.Kind.CONFERENCE, venue=""):
    return Event.objects.create(organiser=organiser, title=title, kind=kind, venue=venue, time_end=days(20))


def make_presentation(event, unit, due):
    return Presentation.objects.create(event=event, unit=unit, due_end=due)


def make_exemplar(unit, title, year=2025):
    return Exemplar.objects.create(
        unit=unit,
        year=year,
        field=Field.objects.order_by("order").first(),
        title=title,
        search_text=vntext.fold(f"{title} {unit.name}"),  # as the registration service fills it
    )


def make_round(owner, members, exemplars, *, status=AppraisalRound.Status.OPEN):
    round_ = AppraisalRound.objects.create(
        owner=owner,
        name="Thẩm định Dân vận khéo 2025",
        year=2025,
        level=AppraisalRound.Level.WARD,
        status=status,
    )
    seats = [CouncilMember.objects.create(round=round_, user=user) for user in members]
    entries = [RoundEntry.objects.create(round=round_, exemplar=exemplar) for exemplar in exemplars]
    return round_, seats, entries


@pytest.fixture
def a_member(cast):
    """A second council member seated at the ward, like cast.ward_council_member."""
    from danvan.core.access import Role
    from danvan.testing.factories import UserFactory, grant

    user = UserFactory(username="thanh_vien_b", full_name="Thành viên B")
    grant(user, Role.COUNCIL_MEMBER, cast.ward)
    return user
