"""The one way services record what a person did."""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEvent


def field_changes(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value differs; values made JSON-safe as text."""
    changed = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old != new:
            changed[name] = [_jsonable(old), _jsonable(new)]
    return changed


def _jsonable(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, models.Model):
        return str(value)
    return str(value)


def snapshot(obj: models.Model, fields: list[str]) -> dict:
    return {name: getattr(obj, name) for name in fields}


def record(
    *, actor, verb: str, obj: models.Model | None = None, summary: str = "", changes=None, unit_path: str = ""
) -> AuditEvent:
    event = AuditEvent(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        summary=summary,
        changes=changes or {},
        unit_path=unit_path,
    )
    if obj is not None:
        event.content_type = ContentType.objects.get_for_model(type(obj))
        event.object_id = str(obj.pk)
        event.object_repr = str(obj)[:255]
    event.save()
    return event
