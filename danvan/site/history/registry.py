"""Which objects the site shows the past of (history pages, the home feed), and who may read it.

A history shows every past value of every field, so it is shown only to those who may see the object's
fields today: the object must be in the model's `visible_to(user)` (else 404), and the user must hold the
capability that guards the object's own page (else 403), at the object's unit when `cap_path` names it,
anywhere otherwise (as the object's page checks it). A model not listed here has no history page (404).
"""

from dataclasses import dataclass

from django.db.models import Model, QuerySet

from danvan.accounts.models import User
from danvan.accounts.selectors import managed_users
from danvan.core import access
from danvan.core.access import Cap
from danvan.events.models import Event
from danvan.org.models import Person, Unit
from danvan.org.selectors import with_cap
from danvan.plans.models import Plan, Task
from danvan.recognition.models import Exemplar
from danvan.reporting.models import Call, Submission


@dataclass(frozen=True)
class Source:
    model: type[Model]
    cap: Cap
    cap_path: str | None = None  # the path of the object's unit, where the capability must be held

    def visible(self, user) -> QuerySet:
        """In scope: what the model's own visible_to keeps (users: those the user manages)."""
        if self.model is User:
            return managed_users(user)
        return self.model.objects.visible_to(user)

    def readable(self, user) -> QuerySet:
        """In scope and guarded by the capability: whose fields the user may read."""
        if self.cap_path is not None:
            return with_cap(self.visible(user), user, self.cap, self.cap_path)
        return self.visible(user) if access.has_cap(user, self.cap) else self.model.objects.none()


HISTORY_SOURCES: dict[str, Source] = {
    "unit": Source(Unit, Cap.UNIT_VIEW, "path"),
    "person": Source(Person, Cap.PERSON_VIEW, "unit__path"),
    "user": Source(User, Cap.USER_MANAGE),
    "exemplar": Source(Exemplar, Cap.MOVEMENT_VIEW, "unit__path"),
    "plan": Source(Plan, Cap.PLAN_VIEW),
    "task": Source(Task, Cap.PLAN_VIEW),
    "call": Source(Call, Cap.REPORT_VIEW),
    "event": Source(Event, Cap.EVENT_VIEW),
}

# The feed also names objects with no history page; same rule: only what the user may read.
FEED_SOURCES: dict[type[Model], Source] = {
    **{source.model: source for source in HISTORY_SOURCES.values()},
    Submission: Source(Submission, Cap.REPORT_VIEW),
}


def source_for(name: str) -> Source | None:
    return HISTORY_SOURCES.get(name)
