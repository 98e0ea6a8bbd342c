"""The picker "Thực hiện mục nào trong Chương trình công tác", added to the create and edit forms of plans,
tasks, calls, events and appraisal rounds by their views (``add_item_picker``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Plan, Task
from .selectors import item_choices, item_period

PICKER_LABEL = _("Thực hiện mục nào trong Chương trình công tác")
PREFILL_PARAM = "programme_item"


class ProgrammeItemField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Task) -> str:
        period = item_period(obj.due_start, obj.due_end)[1] if obj.due_end else ""
        title = obj.title if len(obj.title) <= 90 else obj.title[:89] + "…"
        year = obj.plan.year or ""
        return " · ".join(str(part) for part in (year, f"{obj.label} {title}".strip(), period) if part)


def add_item_picker(
    form: forms.Form, request, *, current: Task | None = None, plan: Plan | None = None
) -> None:
    """Add the optional ``programme_item`` field: items of programmes the user can see, this year's first.
    A new object's form is prefilled from ``?programme_item=<id>`` (the programme page's "+" actions)."""
    field = ProgrammeItemField(
        label=PICKER_LABEL,
        queryset=item_choices(request.user, exclude_plan=plan),
        required=False,
        empty_label=_("— Không gắn —"),
        help_text=_("Chọn mục của Chương trình công tác năm mà việc này thực hiện."),
    )
    form.fields["programme_item"] = field
    if current is not None:
        form.initial["programme_item"] = current.pk
        return
    asked = request.GET.get(PREFILL_PARAM, "") if request.method == "GET" else ""
    if asked.isdigit() and field.queryset.filter(pk=int(asked)).exists():
        form.initial["programme_item"] = int(asked)
