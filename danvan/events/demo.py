"""Demo of events: the seminar of the ward's demo plan (next month) as an event, with its composition
groups from the plan and the members of the ward's Tổ Dân vận invited, so the event pages have people."""

from django.db import transaction

from danvan.org.models import Person

from . import services
from .models import Event


@transaction.atomic
def load_demo_events(actor, units: dict, plan) -> int:
    """The event of ``plan`` (the ward seminar) if it has none yet; returns the number of invitations."""
    if plan is None or Event.objects.filter(plan=plan).exists():
        return 0
    event = services.event_from_plan(actor=actor, plan=plan)
    teams = [units[f"team{n}"] for n in range(1, 5) if f"team{n}" in units]
    people = list(Person.objects.filter(unit__in=teams).select_related("unit").order_by("unit__path", "id"))
    group = event.groups.order_by("-order").first()
    if group is None or not people:
        return 0
    return len(services.invite_people(actor=actor, event=event, group=group, people=people))
