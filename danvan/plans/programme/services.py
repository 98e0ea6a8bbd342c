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
from dataclasses import dataclass

from django.db import models, transaction
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ..models import Plan, Task
from .carriers import CARRIERS
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


def write_link(locked, *, actor, item: Task | None, note: str, unit_path: str, expected_version=None):
    """The common write of every carrier's linker (plans, tasks, calls, events, rounds): ``locked`` is the
    row its own service locked and checked; the link is saved with its version and audited."""
    before = str(locked.programme_item) if locked.programme_item_id else ""
    locked.programme_item = item
    locked.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="update",
        obj=locked,
        summary=summary_for(item, note),
        changes={"programme_item": [before, str(item) if item else ""]},
        unit_path=unit_path,
    )
    return locked


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


# --- an amended programme: the carriers follow its items ------------------------------------------------


@dataclass(frozen=True)
class Followed:
    """What issuing an amended programme did to the objects carrying out the items of the one it replaces."""

    relinked: int = 0
    unlinked: int = 0

    def __bool__(self) -> bool:
        return bool(self.relinked or self.unlinked)


def _title(task: Task) -> str:
    return vntext.clean_text(task.title).casefold()


def _period(task: Task) -> tuple:
    return (task.due_start, task.due_end)


def successors(old: Plan, new: Plan) -> dict[int, Task | None]:
    """Each item of ``old`` -> the item of its amendment ``new`` that continues it, None when it is gone.

    ``plan_amend`` copies every item into the draft keeping its ``order`` (nothing renumbers items after;
    an item added gets the next number). So the copy at the same place continues the item, as long as it
    still reads as the same item (its title or its period unchanged: an officer may correct one of them).
    An item whose copy was removed or rewritten is looked for among the rest by the same title and period;
    found exactly once, that item continues it, otherwise it is gone."""
    old_items = list(Task.objects.filter(plan=old).order_by("order", "id"))
    new_items = list(Task.objects.filter(plan=new).order_by("order", "id"))
    at = {item.order: item for item in new_items}
    found: dict[int, Task | None] = {}
    taken: set[int] = set()
    for item in old_items:
        copy = at.get(item.order)
        if copy is not None and (_title(copy) == _title(item) or _period(copy) == _period(item)):
            found[item.pk] = copy
            taken.add(copy.pk)
    for item in old_items:
        if item.pk in found:
            continue
        same = [
            other
            for other in new_items
            if other.pk not in taken and _title(other) == _title(item) and _period(other) == _period(item)
        ]
        found[item.pk] = same[0] if len(same) == 1 else None
        if len(same) == 1:
            taken.add(same[0].pk)
    return found


def _own_plan_id(obj: models.Model) -> int | None:
    if isinstance(obj, Plan):
        return obj.pk
    return getattr(obj, "plan_id", None) if isinstance(obj, Task) else None


def follow_amendment(*, actor, old: Plan, new: Plan) -> Followed:
    """Issuing ``new``, the amendment of programme ``old``: every object carrying out an item of ``old``
    is moved to the item of ``new`` that continues it (``successors``), or unlinked with a note in its audit
    log when the item is gone. Each write goes through the carrier's own app (``link_item``), without asking
    the issuer's rights on the carrier: the link only follows the item it was made to. Call inside the
    issue's transaction."""
    following = successors(old, new)
    if not following:
        return Followed()
    symbol = new.symbol or str(new)
    relinked = unlinked = 0
    for carrier in CARRIERS:
        model = carrier.model()
        if model is None:
            continue
        for obj in model.objects.filter(programme_item_id__in=list(following)).order_by("pk"):
            old_item = Task.objects.get(pk=obj.programme_item_id)
            item = following[obj.programme_item_id]
            if item is not None and _own_plan_id(obj) == item.plan_id:
                item = None  # a part of the amendment itself cannot carry out one of its own items
            if item is not None:
                note = _(
                    "Chuyển sang mục «%(item)s» của bản sửa đổi %(symbol)s của Chương trình công tác"
                ) % {
                    "item": vntext.clean_text(str(item))[:120],
                    "symbol": symbol,
                }
                relinked += 1
            else:
                note = _(
                    "Bỏ gắn: mục «%(item)s» không còn trong bản sửa đổi %(symbol)s của Chương trình công tác"
                ) % {"item": vntext.clean_text(str(old_item))[:120], "symbol": symbol}
                unlinked += 1
            link_item(actor=actor, obj=obj, item=item, note=note, checked=False)
    return Followed(relinked=relinked, unlinked=unlinked)


_FOLLOWED = "_programme_followed"  # where plan_issue leaves the result on the plan it returns


def note_followed(plan: Plan, followed: Followed) -> None:
    setattr(plan, _FOLLOWED, followed)


def followed_of(plan: Plan) -> Followed:
    """What issuing ``plan`` (an amended programme) did to the carriers of the programme it replaced."""
    return getattr(plan, _FOLLOWED, Followed())


def followed_message(plan: Plan) -> str:
    """What the issuer is told (empty when nothing was linked to the replaced programme's items)."""
    followed = followed_of(plan)
    if not followed:
        return ""
    return _(
        "Các việc đang thực hiện Chương trình cũ: %(r)s được chuyển sang mục tương ứng của bản sửa đổi, "
        "%(u)s được bỏ gắn vì mục không còn (ghi trong nhật ký của từng việc)."
    ) % {"r": followed.relinked, "u": followed.unlinked}
