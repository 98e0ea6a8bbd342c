"""The task board, one task's page and editor, and the calendar feed of a unit's deadlines."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page
from danvan.org.models import Unit

from .. import ical, selectors, services
from ..forms import TaskForm, TaskProgressForm
from ..models import CalendarFeed, Task
from ..programme.forms import add_item_picker
from ..programme.services import save_carrying
from ..programme.shown import with_programme_item


def _leads(task: Task) -> list:
    """Every lead unit, the primary one first."""
    others = [u for u in task.lead_units.all() if u.pk != task.lead_unit_id]
    return ([task.lead_unit] if task.lead_unit_id else []) + others


@login_required
def task_board(request):
    access.require(request.user, Cap.PLAN_VIEW)
    unit = None
    if unit_id := request.GET.get("unit"):
        unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_id)
    status, due = request.GET.get("status", ""), request.GET.get("due", "")
    tasks = selectors.tasks_for(request.user, unit=unit, status=status, due=due)
    context = {
        "page": paginate(request, tasks),
        "counts": selectors.board_counts(tasks),
        "unit": unit,
        "status": status,
        "due": due,
        "statuses": Task.Status.choices,
        "query": query_without_page(request),
    }
    return render_page(request, "plans/task_board.html", context, partial="board")


def _task_or_404(request, pk) -> Task:
    tasks = Task.objects.visible_to(request.user).select_related("plan__issuing_unit", "lead_unit")
    return get_object_or_404(with_programme_item(tasks, request.user), pk=pk)


@login_required
def task_detail(request, pk):
    task = _task_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    form = TaskProgressForm(
        request.POST or None,
        request.FILES or None,
        initial={"status": task.status, "progress": task.progress, "version": task.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.task_report(
                task=task,
                actor=request.user,
                expected_version=data["version"],
                status=data["status"],
                text=data["text"],
                progress=data["progress"],
                evidence=data["evidence"],
            )
            messages.success(request, _("Đã cập nhật tiến độ."))
            return redirect(task)
        except ServiceError as error:
            apply_service_error(form, error)
    context = {
        "task": task,
        "form": form,
        "notes": task.notes.select_related("author"),
        "partners": task.partner_units.all(),
        "leads": _leads(task),
    }
    return render(request, "plans/task_detail.html", context)


@login_required
def task_edit(request, pk):
    task = _task_or_404(request, pk)
    access.require(request.user, Cap.PLAN_EDIT, task.plan.issuing_unit)
    if not task.plan.is_editable:
        raise Http404
    form = TaskForm(
        request.POST or None,
        instance=task,
        visible_units=Unit.objects.visible_to(request.user),
        initial={"due_text": task.due_text},
        on=selectors.plan_date(task.plan),
    )
    add_item_picker(form, request, current=task.programme_item, plan=task.plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        day = selectors.plan_date(task.plan)
        year = day.year if day else None
        try:
            due = services.parse_due(data["due_text"], default_year=year)
            save_carrying(
                actor=request.user,
                data=data,
                save=lambda data: services.task_update(
                    task=task,
                    actor=request.user,
                    expected_version=data.get("version"),
                    label=data["label"],
                    title=data["title"],
                    lead_unit=data["lead_unit"],
                    lead_units=list(data["lead_units"]),
                    due=due,
                ),
            )
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect(task.plan)
        except ServiceError as error:
            apply_service_error(form, error)
    return render(request, "plans/task_form.html", {"task": task, "form": form})


@login_required
def unit_calendar_link(request, unit_pk):
    """The user's own address of the unit's calendar; POST: a new one (every earlier address stops)."""
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_pk)
    access.require(request.user, Cap.PLAN_VIEW, unit)
    if request.method == "POST":
        ical.calendar_feed_rotate(unit=unit, actor=request.user)
        messages.success(request, _("Đã đổi địa chỉ lịch. Các địa chỉ cũ không còn dùng được."))
        return redirect("plans:unit_calendar_link", unit_pk=unit.pk)
    feed, _created = CalendarFeed.objects.get_or_create(unit=unit)
    token = ical.feed_address_token(feed, request.user)
    url = request.build_absolute_uri(reverse("plans:calendar_feed", args=[token]))
    return render(request, "plans/calendar_link.html", {"unit": unit, "url": url})


def calendar_feed(request, token):
    """No login: the signed token is the credential; it reveals only one unit's task titles and dates, and
    only while the user it was given to may still read them."""
    feed = ical.feed_for_token(token)
    if feed is None:
        raise Http404
    body = ical.unit_calendar(feed.unit, selectors.unit_deadlines(feed.unit), site=request.get_host())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
