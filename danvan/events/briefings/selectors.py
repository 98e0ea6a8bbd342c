"""What a briefing page reads: the briefings a user sees, the briefing held before this one by the same
unit, and each conclusion (its task) with its state, its last note and whether it is late."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from danvan.events.models import Event
from danvan.plans.models import Task, TaskNote

from .notices import notice_in_force
from .services import meeting_day


def briefings_for(user, *, kind: str = ""):
    briefings = Event.objects.visible_to(user).exclude(briefing_kind="").select_related("organiser")
    if kind:
        briefings = briefings.filter(briefing_kind=kind)
    return briefings.order_by("-time_end", "-id")


def previous_briefing(event: Event) -> Event | None:
    """The briefing the same unit held last before this one (of any kind: a sơ kết follows a giao ban)."""
    day = meeting_day(event)
    if day is None:
        return None
    return (
        Event.objects.filter(organiser_id=event.organiser_id, time_end__lt=day)
        .exclude(briefing_kind="")
        .exclude(pk=event.pk)
        .select_related("conclusions_notice")
        .order_by("-time_end", "-id")
        .first()
    )


@dataclass
class ConclusionRow:
    task: Task
    leads: list
    last_note: TaskNote | None

    @property
    def overdue(self) -> bool:
        return self.task.is_overdue


def conclusion_rows(event: Event | None, user) -> list[ConclusionRow]:
    """The briefing's conclusions the user may see, in order, each with its leads and latest note: the tasks
    of the notice in force (an amended notice's latest issued version, not the one it replaced)."""
    if event is None or event.conclusions_notice_id is None:
        return []
    notice = notice_in_force(event.conclusions_notice)
    if notice is None:
        return []
    tasks = (
        Task.objects.visible_to(user)
        .filter(plan_id=notice.pk)
        .select_related("lead_unit")
        .prefetch_related(
            "lead_units", Prefetch("notes", queryset=TaskNote.objects.order_by("-created_at", "-id"))
        )
        .order_by("order", "id")
    )
    rows = []
    for task in tasks:
        leads = list(task.lead_units.all()) or ([task.lead_unit] if task.lead_unit_id else [])
        notes = list(task.notes.all())
        rows.append(ConclusionRow(task=task, leads=leads, last_note=notes[0] if notes else None))
    return rows


def tally(rows: list[ConclusionRow]) -> dict[str, int]:
    return {
        "total": len(rows),
        "done": sum(1 for r in rows if r.task.status == Task.Status.DONE),
        "overdue": sum(1 for r in rows if r.overdue),
    }
