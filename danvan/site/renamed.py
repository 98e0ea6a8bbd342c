"""Date columns the domain restructurings rename, resolved from the models themselves.

This branch was cut before reporting and events moved their dates onto DateWindowFields: a call's last day
`due_date` becomes `due_end`, an event's `window_end` becomes `time_end`, a presentation's `due_date`
becomes `due_end`. The site's filters and orderings use whichever column the model has, so they work on
both sides of that merge; once merged, these names can be written out and this module dropped.
"""

from danvan.events.models import Event, Presentation
from danvan.reporting.models import Call


def _column(model, *names: str) -> str:
    fields = {field.name for field in model._meta.get_fields()}
    return next(name for name in names if name in fields)


CALL_DUE = _column(Call, "due_end", "due_date")
EVENT_END = _column(Event, "time_end", "window_end")
PRESENTATION_DUE = _column(Presentation, "due_end", "due_date")
