"""The objects that carry out a programme item, read through their reverse links on plans.Task.

Plans sits in the same layer as reporting, events and recognition and must not import them; each of those
apps declares a ``programme_item`` foreign key to plans.Task, so their models are reached here through the
relation (``Task._meta``) instead of an import. An app that is not installed is simply skipped."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ..models import Plan, Task

OPEN_TASK = ~Q(tasks__status__in=[Task.Status.DONE, Task.Status.CANCELLED])


@dataclass(frozen=True)
class Carrier:
    kind: str  # "plan" | "task" | "call" | "event" | "round"
    accessor: str  # the reverse name on Task
    label: str
    title_field: str
    url_name: str

    def model(self):
        try:
            return Task._meta.get_field(self.accessor).related_model
        except FieldDoesNotExist:
            return None

    def rows(self, item_ids, *, user=None):
        """(pk, programme_item_id, title, started, done, status label) of every object linked to the items;
        only those the user may see when a user is given."""
        model = self.model()
        if model is None:
            return []
        manager = model.objects
        queryset = manager.visible_to(user) if user is not None else manager.all()
        queryset = queryset.filter(programme_item_id__in=item_ids)
        status_labels = dict(model._meta.get_field("status").choices)
        if self.kind == "plan":
            queryset = queryset.exclude(status=Plan.Status.SUPERSEDED).annotate(
                open_tasks=Count("tasks", filter=OPEN_TASK)
            )
            values = queryset.values_list("pk", "programme_item_id", self.title_field, "status", "open_tasks")
            issued = Plan.Status.ISSUED
            return [
                (pk, item, title, True, status == issued and not open_tasks, status_labels[status])
                for pk, item, title, status, open_tasks in values
            ]
        if self.kind == "task":
            queryset = queryset.exclude(status=Task.Status.CANCELLED)
            values = queryset.values_list("pk", "programme_item_id", self.title_field, "status", "progress")
            return [
                (
                    pk,
                    item,
                    title,
                    status != Task.Status.TODO or progress > 0,
                    status == Task.Status.DONE,
                    status_labels[status],
                )
                for pk, item, title, status, progress in values
            ]
        values = queryset.values_list("pk", "programme_item_id", self.title_field, "status")
        # a call, an event or a round that exists has started; it is done when closed (held, judged)
        return [
            (pk, item, title, True, status == "closed", status_labels.get(status, status))
            for pk, item, title, status in values
        ]

    def url(self, pk: int) -> str:
        try:
            return reverse(self.url_name, args=[pk])
        except NoReverseMatch:
            return ""


CARRIERS = (
    Carrier("plan", "carrying_plans", _("Kế hoạch"), "title", "plans:plan_detail"),
    Carrier("task", "carrying_tasks", _("Nhiệm vụ"), "title", "plans:task_detail"),
    Carrier("call", "carrying_calls", _("Yêu cầu báo cáo"), "title", "reporting:call_detail"),
    Carrier("event", "carrying_events", _("Sự kiện"), "title", "events:event_detail"),
    Carrier("round", "carrying_rounds", _("Đợt thẩm định"), "name", "recognition:round_detail"),
)
