"""Every write to events, atomic, validated and audited, split by what it is about. Callers use
`from danvan.events import services` and the names below."""

from .closing import event_close
from .desk import check_in, walk_in
from .documents import document_request
from .events import (
    event_from_plan,
    event_link_programme_item,
    event_save,
    kind_from_words,
    notify_time_changed,
)
from .groups import group_save, invite_people, invite_unit, nominate
from .invitations import invitations_send, remind_delegates, respond, schedule_reminder
from .presentations import (
    presentation_move,
    presentation_review,
    presentation_upload,
    presentations_reorder,
    presentations_request,
)

__all__ = [
    "check_in",
    "document_request",
    "event_close",
    "event_from_plan",
    "event_link_programme_item",
    "event_save",
    "group_save",
    "invitations_send",
    "invite_people",
    "invite_unit",
    "kind_from_words",
    "nominate",
    "notify_time_changed",
    "presentation_move",
    "presentation_review",
    "presentation_upload",
    "presentations_reorder",
    "presentations_request",
    "remind_delegates",
    "respond",
    "schedule_reminder",
    "walk_in",
]
