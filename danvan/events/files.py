"""Stored files of events: the presentations (tham luận) units send."""

from danvan.core.access import Cap
from danvan.core.files import FileKind, register
from danvan.events.models import Event, Presentation


def _presentation_rows(user):
    return Presentation.objects.filter(event__in=Event.objects.visible_to(user)).select_related(
        "event__organiser", "unit"
    )


def _event_units(presentation):
    event = presentation.event
    groups = event.groups.select_related("nominating_unit")
    return [event.organiser, presentation.unit, *(group.nominating_unit for group in groups)]


PRESENTATION = register(
    FileKind(
        name="presentation",
        model=Presentation,
        field="file",
        rows=_presentation_rows,
        capability=Cap.EVENT_VIEW,
        units=_event_units,
        original_name="file_name",
    )
)
