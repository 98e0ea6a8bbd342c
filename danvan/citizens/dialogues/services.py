"""Dialogues with citizens: planned (from a plan's task or by hand), held, and what was raised there."""

from dataclasses import replace

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.vndates import DateParseError, DateWindow, parse_window

from ..models import Dialogue
from ..petitions import services as petition_services

FIELDS = (
    "form",
    "topic",
    "target_group",
    "place",
    "participants",
    "participant_groups",
    "minutes",
    "answered_on_spot",
    "chair",
    "chair_name",
    "status",
)


def _window(text: str) -> DateWindow | None:
    text = vntext.clean_text(text)[:255]
    if not text:
        return None
    try:
        return replace(parse_window(text), text=text)
    except DateParseError as error:
        if "không tồn tại" in error.message:
            raise ServiceError(error.message, field="time_text") from error
        return DateWindow.unparsed(text)


@transaction.atomic
def dialogue_save(
    *,
    actor,
    organiser,
    topic: str,
    time_text: str = "",
    dialogue: Dialogue | None = None,
    expected_version: int | None = None,
    task=None,
    **fields,
) -> Dialogue:
    access.require(actor, Cap.DIALOGUE_MANAGE, organiser if dialogue is None else dialogue.organiser)
    topic = vntext.clean_text(topic)[:500]
    if not topic:
        raise ServiceError(_("Hãy ghi chủ đề cuộc tiếp xúc, đối thoại."), field="topic")
    creating = dialogue is None
    dialogue = dialogue or Dialogue(organiser=organiser, created_by=actor, task=task)
    before = audit.snapshot(dialogue, list(FIELDS)) if not creating else {}
    dialogue.topic = topic
    for name, value in fields.items():
        if name not in FIELDS:
            raise TypeError(name)
        setattr(
            dialogue,
            name,
            vntext.clean_text(value) if isinstance(value, str) and name != "minutes" else value,
        )
    dialogue.set_time(_window(time_text))
    if dialogue.status == Dialogue.Status.HELD and dialogue.time_start is None:
        raise ServiceError(_("Cuộc đã tổ chức cần có ngày tổ chức (dd/mm/yyyy)."), field="time_text")
    dialogue.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=dialogue,
        summary=_("Lưu cuộc tiếp xúc, đối thoại"),
        changes=audit.field_changes(before, audit.snapshot(dialogue, list(FIELDS))) if not creating else None,
        unit_path=dialogue.organiser.path,
    )
    return dialogue


def dialogue_from_task(*, actor, task) -> Dialogue:
    """A dialogue planned from a plan's task: the task's words and due window, its lead unit organises."""
    return dialogue_save(
        actor=actor,
        organiser=task.lead_unit,
        topic=task.title,
        time_text=task.due_text,
        task=task,
    )


@transaction.atomic
def dialogue_add_petitions(*, actor, dialogue: Dialogue, items: list[dict]):
    """What citizens raised at the dialogue, each as a petition received by the organiser on its day."""
    made = []
    for item in items:
        made.append(
            petition_services.petition_record(
                actor=actor,
                received_unit=dialogue.organiser,
                dialogue=dialogue,
                received_on=dialogue.time_start or None,
                place=dialogue.place,
                **item,
            )
        )
    return made
