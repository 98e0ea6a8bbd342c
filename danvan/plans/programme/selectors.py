"""Reads of work programmes: the state of each item, a programme's page, and the dashboard's progress.

An item is a plans.Task of a programme plan. Its state, computed here and never stored:

- ``done``: the item itself is marked done, or it has carrying objects and every one of them is done (a plan
  issued with all its tasks done, a task done, a call closed, an event held and closed, a round closed);
- ``late``: its window ended (``due_end`` before today) and it is not done;
- ``under_way``: the item is in progress, or something linked to it has started (a plan drafted, a task in
  progress, a call opened, an event being prepared, a round scoring);
- ``not_started``: none of the above. Cancelled items are shown as ``cancelled`` and left out of the counts.

Queries: one for the items, one per kind of carrying object (five), whatever the number of items.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.lib.periods import ROMAN

from ..models import Plan, PlanKind, Task
from .carriers import CARRIERS


class ItemState(models.TextChoices):
    DONE = "done", _("Hoàn thành")
    UNDER_WAY = "under_way", _("Đang thực hiện")
    LATE = "late", _("Chậm tiến độ")
    NOT_STARTED = "not_started", _("Chưa triển khai")
    CANCELLED = "cancelled", _("Đã hủy")


COUNTED_STATES = (ItemState.DONE, ItemState.UNDER_WAY, ItemState.LATE, ItemState.NOT_STARTED)


@dataclass
class Link:
    kind: str
    kind_label: str
    pk: int
    title: str
    started: bool
    done: bool
    status_label: str
    url: str = ""


@dataclass
class ItemView:
    item: Task
    state: str = ItemState.NOT_STARTED
    links: list[Link] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return ItemState(self.state).label

    @property
    def period(self) -> tuple[tuple, str]:
        return item_period(self.item.due_start, self.item.due_end)


@dataclass
class Progress:
    """What the dashboard shows of the year's programmes: counts per state and the late items."""

    year: int
    programmes: list[Plan]
    counts: dict[str, int]
    total: int
    late_items: list[ItemView]

    @property
    def percent_done(self) -> int:
        return round(100 * self.counts[ItemState.DONE] / self.total) if self.total else 0


def item_state(item: Task, links: list[Link], today: date) -> str:
    if item.status == Task.Status.CANCELLED:
        return ItemState.CANCELLED
    if item.status == Task.Status.DONE or (links and all(link.done for link in links)):
        return ItemState.DONE
    if item.due_end is not None and item.due_end < today:
        return ItemState.LATE
    if item.status == Task.Status.IN_PROGRESS or item.progress > 0 or any(link.started for link in links):
        return ItemState.UNDER_WAY
    return ItemState.NOT_STARTED


def item_period(start: date | None, end: date | None) -> tuple[tuple, str]:
    """(sort key, label) of the month or quarter an item falls in: "Tháng 3/2026", "Quý II/2026", "6 tháng
    đầu năm 2026", "Cả năm 2026", or "Tháng 3–4/2026" for a window over several months."""
    if end is None:
        return (9999, 99, 99), str(_("Chưa xác định thời gian"))
    start = start or end
    months = (start.year, start.month), (end.year, end.month)
    if months[0] == months[1]:
        return (end.year, end.month, 0), str(_("Tháng %(m)d/%(y)d") % {"m": end.month, "y": end.year})
    if start.year == end.year and start.day == 1:
        if start.month == 1 and end.month == 12:
            return (end.year, 12, 9), str(_("Cả năm %(y)d") % {"y": end.year})
        if start.month == 1 and end.month == 6:
            return (end.year, 6, 5), str(_("6 tháng đầu năm %(y)d") % {"y": end.year})
        if start.month % 3 == 1 and end.month == start.month + 2:
            quarter = ROMAN[(start.month - 1) // 3]
            return (end.year, end.month, 1), str(_("Quý %(q)s/%(y)d") % {"q": quarter, "y": end.year})
    if start.year == end.year:
        label = _("Tháng %(a)d–%(b)d/%(y)d") % {"a": start.month, "b": end.month, "y": end.year}
        return (end.year, end.month, 2), str(label)
    return (end.year, end.month, 3), f"{start:%m/%Y}–{end:%m/%Y}"


def attach_states(items: list[Task], *, user=None, today: date | None = None) -> list[ItemView]:
    """The state and the carrying objects of every item. States count every linked object; the links listed
    are those ``user`` may see (all when no user is given)."""
    today = today or timezone.localdate()
    views = {item.pk: ItemView(item=item) for item in items}
    if not views:
        return []
    for carrier in CARRIERS:
        visible = None
        rows = carrier.rows(list(views))
        if user is not None and rows:
            visible = {pk for pk, *_rest in carrier.rows(list(views), user=user)}
        for pk, item_id, title, started, done, status_label in rows:
            link = Link(carrier.kind, str(carrier.label), pk, title, started, done, str(status_label))
            if visible is not None and pk not in visible:
                link.url, link.title = "", ""  # counted for the state, not shown
            else:
                link.url = carrier.url(pk)
            views[item_id].links.append(link)
    for view in views.values():
        view.state = item_state(view.item, view.links, today)
    return list(views.values())


def programmes_for(user, *, year: int | None = None, root_unit=None):
    """Programmes the user may see (not superseded), the current year's first, then the newest."""
    programmes = (
        Plan.objects.visible_to(user)
        .filter(kind=PlanKind.PROGRAMME)
        .exclude(status=Plan.Status.SUPERSEDED)
        .select_related("issuing_unit")
    )
    if year is not None:
        programmes = programmes.filter(year=year)
    if root_unit is not None:
        programmes = programmes.filter(access.subtree_q("issuing_unit__path", [root_unit.path]))
    current = models.Case(
        models.When(year=timezone.localdate().year, then=0), default=1, output_field=models.IntegerField()
    )
    return programmes.annotate(is_current=current).order_by("is_current", "-year", "-issued_on", "-id")


def programme_items(plan: Plan, *, user=None, state: str = "", lead_unit=None, today: date | None = None):
    """The items of one programme with their states, in the order of their periods, filtered by state and by
    lead unit (its subtree)."""
    items = (
        Task.objects.filter(plan=plan)
        .select_related("lead_unit")
        .prefetch_related("lead_units", "partner_units")
        .order_by("due_end", "order", "id")
    )
    if lead_unit is not None:
        paths = [lead_unit.path]
        items = items.filter(
            access.subtree_q("lead_unit__path", paths) | access.subtree_q("lead_units__path", paths)
        ).distinct()
    views = attach_states(list(items), user=user, today=today)
    views.sort(key=lambda v: (v.period[0], v.item.order, v.item.pk))
    if state:
        views = [v for v in views if v.state == state]
    return views


def state_counts(views: list[ItemView]) -> dict[str, int]:
    counted = Counter(v.state for v in views)
    return {state: counted.get(state, 0) for state in COUNTED_STATES}


def group_by_period(views: list[ItemView]) -> list[tuple[str, list[ItemView]]]:
    groups: dict[str, list[ItemView]] = {}
    for view in views:
        groups.setdefault(view.period[1], []).append(view)
    return list(groups.items())


def programme_progress(user, year: int, root_unit=None, *, today: date | None = None) -> Progress:
    """The year's programmes at a glance for the dashboard.

    ``user``: whose view (programmes visible to them); ``year``: the year the programmes cover;
    ``root_unit``: only programmes issued in this unit's subtree (a province, a commune), else all visible.
    Returns Progress(year, programmes, counts={"done", "under_way", "late", "not_started"}, total,
    late_items = the late ItemViews, the longest overdue first, each with ``.item`` (a Task with its plan and
    lead unit) and ``.links``). Cancelled items are not counted. Seven queries whatever the size.
    """
    programmes = list(programmes_for(user, year=year, root_unit=root_unit))
    items = list(
        Task.objects.filter(plan__in=programmes)
        .exclude(status=Task.Status.CANCELLED)
        .select_related("plan", "lead_unit")
    )
    views = attach_states(items, today=today)
    late = sorted((v for v in views if v.state == ItemState.LATE), key=lambda v: (v.item.due_end, v.item.pk))
    counts = state_counts(views)
    total = sum(counts.values())
    return Progress(year=year, programmes=programmes, counts=counts, total=total, late_items=late)


def item_choices(user, *, exclude_plan=None):
    """Programme items a form may link to: items of programmes the user can see, the current year's
    programmes first. Returns a Task queryset with the programme selected."""
    programmes = programmes_for(user)
    if exclude_plan is not None and exclude_plan.pk:
        programmes = programmes.exclude(pk=exclude_plan.pk)
    current = timezone.localdate().year
    return (
        Task.objects.filter(plan__in=programmes.values("pk"))
        .exclude(status=Task.Status.CANCELLED)
        .select_related("plan")
        .annotate(
            is_current=models.Case(
                models.When(plan__year=current, then=0), default=1, output_field=models.IntegerField()
            )
        )
        .order_by("is_current", "-plan__year", "plan_id", "due_end", "order", "id")
    )


def programmes_counts(programmes: list[Plan]) -> dict[int, dict]:
    """Per programme of a page: the counts per state and the share done, in seven queries for the page."""
    items = list(Task.objects.filter(plan__in=programmes).exclude(status=Task.Status.CANCELLED))
    views = attach_states(items)
    out = {}
    for programme in programmes:
        counts = state_counts([v for v in views if v.item.plan_id == programme.pk])
        total = sum(counts.values())
        out[programme.pk] = {
            **counts,
            "total": total,
            "percent_done": round(100 * counts[ItemState.DONE] / total) if total else 0,
        }
    return out
