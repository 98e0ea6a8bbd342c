"""Writes of the programme: linking an object (a plan, a task, a call, an event, a round) to the programme
item it carries out. The object's own create or edit service checks the right to write it; this checks the
item (a visible programme's item, not the object itself) and records the change."""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError

from ..models import Plan, Task
from .selectors import programmes_for

MSG_NOT_AN_ITEM = _("Mục được chọn không thuộc một Chương trình công tác mà bạn được xem.")
MSG_OWN_ITEM = _("Một mục của Chương trình không thể thực hiện chính Chương trình đó.")

# Where each carrying model keeps the unit it belongs to (for the audit log's scope).
_UNIT_OF = {"plan": "issuing_unit", "task": "plan.issuing_unit", "call": "owner", "event": "organiser"}


def _unit_path(obj) -> str:
    chain = _UNIT_OF.get(obj._meta.model_name, "owner")
    unit = obj
    for attr in chain.split("."):
        unit = getattr(unit, attr, None)
    return getattr(unit, "path", "")


def check_item(*, actor, obj: models.Model | None, item: Task | None) -> None:
    if item is None:
        return
    if not programmes_for(actor).filter(pk=item.plan_id).exists():
        raise ServiceError(MSG_NOT_AN_ITEM, field="programme_item")
    own_plan = (
        obj.pk if isinstance(obj, Plan) else getattr(obj, "plan_id", None) if isinstance(obj, Task) else None
    )
    if own_plan is not None and own_plan == item.plan_id:
        raise ServiceError(MSG_OWN_ITEM, field="programme_item")


@transaction.atomic
def link_item(*, actor, obj: models.Model, item: Task | None) -> models.Model:
    """Set (or clear, with None) the programme item ``obj`` carries out; nothing is written when unchanged."""
    if obj.programme_item_id == (item.pk if item else None):
        return obj
    check_item(actor=actor, obj=obj, item=item)
    before = str(obj.programme_item) if obj.programme_item_id else ""
    obj.programme_item = item
    obj.save(update_fields=["programme_item"])
    audit.record(
        actor=actor,
        verb="update",
        obj=obj,
        summary=_("Gắn với mục Chương trình công tác") if item else _("Bỏ gắn với Chương trình công tác"),
        changes={"programme_item": [before, str(item) if item else ""]},
        unit_path=_unit_path(obj),
    )
    return obj


def save_carrying(*, actor, data: dict, save):
    """Run an object's own save (create or edit) and link it to ``data["programme_item"]`` in one
    transaction: a refused link leaves nothing half-saved."""
    own = {name: value for name, value in data.items() if name != "programme_item"}
    with transaction.atomic():
        obj = save(own)  # the object's own service never sees the picker
        if "programme_item" in data:
            link_item(actor=actor, obj=obj, item=data["programme_item"])
    return obj
