from django.db.models import Count, Q
from django.utils import timezone

from danvan.core import access

from .models import Plan, Task


def plans_for(user, *, status: str = "", year: str = "", query: str = ""):
    plans = Plan.objects.visible_to(user).select_related("issuing_unit")
    if status:
        plans = plans.filter(status=status)
    if year.isdigit():
        plans = plans.filter(
            Q(issued_on__year=int(year)) | Q(issued_on__isnull=True, created_at__year=int(year))
        )
    if query:
        from danvan.org.selectors import search_filter

        plans = plans.filter(search_filter(query))
    return plans.annotate(task_count=Count("tasks")).order_by("-issued_on", "-created_at", "-id")


def tasks_for(user, *, unit=None, status: str = "", due: str = "", plan=None):
    """The tasks board: tasks the user can see, filtered by unit subtree, status and due period."""
    tasks = (
        Task.objects.visible_to(user)
        .select_related("plan", "lead_unit")
        .exclude(plan__status=Plan.Status.SUPERSEDED)
    )
    if plan is not None:
        tasks = tasks.filter(plan=plan)
    if unit is not None:
        tasks = tasks.filter(access.subtree_q("lead_unit__path", [unit.path]))
    if status == "overdue":
        tasks = tasks.overdue()
    elif status == "open":
        tasks = tasks.exclude(status__in=[Task.Status.DONE, Task.Status.CANCELLED])
    elif status:
        tasks = tasks.filter(status=status)
    today = timezone.localdate()
    if due == "week":
        tasks = tasks.filter(due_end__gte=today, due_end__lte=today + timezone.timedelta(days=7))
    elif due == "month":
        tasks = tasks.filter(due_end__year=today.year, due_end__month=today.month)
    elif due == "none":
        tasks = tasks.filter(due_end__isnull=True)
    return tasks.order_by("due_end", "plan_id", "order", "id")


def board_counts(tasks) -> dict:
    today = timezone.localdate()
    open_tasks = ~Q(status__in=[Task.Status.DONE, Task.Status.CANCELLED])
    return tasks.aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(status=Task.Status.DONE)),
        open=Count("id", filter=open_tasks),
        overdue=Count("id", filter=open_tasks & Q(due_end__lt=today)),
    )


def unit_deadlines(unit):
    """What the iCal feed of a unit lists: open tasks it leads or partners in, in issued plans."""
    return (
        Task.objects.filter(
            Q(lead_unit=unit) | Q(partner_units=unit), plan__status=Plan.Status.ISSUED, due_end__isnull=False
        )
        .select_related("plan")
        .distinct()
        .order_by("due_end")
    )


def tasks_without_lead(plan) -> list[Task]:
    """The plan's tasks nobody is answerable for (no lead unit, primary or co-lead), in order."""
    return list(
        plan.tasks.filter(lead_unit__isnull=True, lead_units__isnull=True).distinct().order_by("order", "id")
    )


def plan_date(plan):
    """The day a plan speaks of: its signing date, else the one written in its draft (None when neither)."""
    return plan.issued_on or plan.document().issued_on


# "Tỉnh Bắc Giang" -> "Bắc Giang": the date line names the place without its kind.
AREA_PREFIXES = ("Thành phố", "Tỉnh", "Huyện", "Thị xã", "Quận", "Phường", "Xã", "Thị trấn", "Đặc khu")


def default_place(unit) -> str:
    """The place a unit's documents are dated at: the name of the area it belongs to ("Bắc Giang")."""
    ancestors = [*unit.ancestors().select_related("kind"), unit]
    area = next((u for u in reversed(ancestors) if u.kind.is_admin_area), None)
    if area is None:
        return ""
    for prefix in AREA_PREFIXES:
        if area.name.startswith(prefix + " "):
            return area.name[len(prefix) + 1 :].strip()
    return area.name
