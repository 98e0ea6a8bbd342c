"""Writes of the programme: linking an object (a plan, a task, a call, an event, a round) to the programme
item it carries out, and carrying those links over when an amended programme is issued.

The link is a field of the carrying object, so it is written by the object's own app: each app owns a small
service (``call_link_programme_item`` in reporting, ``event_link_programme_item`` in events,
``round_link_programme_item`` in recognition, ``plan_/task_link_programme_item`` in plans) that checks the
right to change the object, locks and versions it (its history gets a row) and records the change.

Plans sits in the same layer as reporting, events and recognition and imports none of them (the layering
test forbids a cycle, and those apps already import plans). So plans keeps a registry: each owning app
registers its linker for its model in its ``AppConfig.ready`` (``register_linker``), and ``link_item``
dispatches on the object's model. The owning services call back into ``check_item`` below, which is an import
from those apps down to plans, the allowed direction."""

from __future__ import annotations

from collections.abc import Callable

from django.db import models, transaction
from django.utils.translation import gettext as _

from danvan.core.errors import ServiceError

from ..models import Plan, Task
from .selectors import programmes_for

MSG_NOT_AN_ITEM = _("Mục được chọn không thuộc một Chương trình công tác mà bạn được xem.")
MSG_OWN_ITEM = _("Một mục của Chương trình không thể thực hiện chính Chương trình đó.")

# A linker: (*, actor, obj, item, note="", checked=True) -> the saved object. ``checked=False`` is for the
# programme's own carry-over on issuing an amendment (below): the link only follows the item to its successor,
# so neither the issuer's rights on the carrier nor its sight of the item are asked again.
Linker = Callable[..., models.Model]
_LINKERS: dict[type[models.Model], Linker] = {}


def register_linker(model: type[models.Model], linker: Linker) -> None:
    """Called by the app owning ``model`` at ready(): the service that writes ``model.programme_item``."""
    _LINKERS[model] = linker


def linker_for(model: type[models.Model]) -> Linker:
    try:
        return _LINKERS[model]
    except KeyError:
        raise LookupError(f"no programme-item linker registered for {model._meta.label}") from None


def summary_for(item: Task | None, note: str = "") -> str:
    """The audit summary every linker writes (one wording across the apps)."""
    if note:
        return note
    return _("Gắn với mục Chương trình công tác") if item else _("Bỏ gắn với Chương trình công tác")


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


def link_item(
    *, actor, obj: models.Model, item: Task | None, note: str = "", checked: bool = True
) -> models.Model:
    """Set (or clear, with None) the programme item ``obj`` carries out, through the owning app's service;
    nothing is written when unchanged. Returns the object as saved."""
    return linker_for(type(obj))(actor=actor, obj=obj, item=item, note=note, checked=checked)


def save_carrying(*, actor, data: dict, save):
    """Run an object's own save (create or edit) and link it to ``data["programme_item"]`` in one
    transaction: a refused link leaves nothing half-saved."""
    own = {name: value for name, value in data.items() if name != "programme_item"}
    with transaction.atomic():
        obj = save(own)  # the object's own service never sees the picker
        if "programme_item" in data:
            linked = link_item(actor=actor, obj=obj, item=data["programme_item"])
            for name in ("programme_item", "version"):  # the caller's object as the linker saved it
                setattr(obj, name, getattr(linked, name))
    return obj
