"""The home page: what the user sees of the organisation, their roles and the latest changes."""

from danvan.core import access
from danvan.org.models import Person, Unit
from danvan.org.selectors import top_units_for
from danvan.site.audit.selectors import recent_changes


def home_summary(user) -> dict:
    tops = list(top_units_for(user).current().select_related("kind").order_by("sort_key")[:10])
    summary = {"top_units": tops}
    if access.sees_everything(user):
        summary["unit_count"] = Unit.objects.count()
        summary["person_count"] = Person.objects.count()
    else:
        summary["unit_count"] = Unit.objects.visible_to(user).count()
        summary["person_count"] = Person.objects.visible_to(user).count()
    summary["recent_changes"] = recent_changes(user)[:8]
    summary["assignments"] = user.assignments.select_related("unit").order_by("role")
    return summary
