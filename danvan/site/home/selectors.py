"""Cross-app reads for the home page, the search box and the change history."""

from django.apps import apps
from django.db.models import Q

from danvan.core import access
from danvan.org.models import Person, Unit
from danvan.org.selectors import search_filter, top_units_for

from .models import AuditEvent

SEARCH_LIMIT = 20


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
    return summary


def recent_changes(user):
    events = AuditEvent.objects.select_related("actor")
    if access.sees_everything(user):
        return events
    paths = access.scope_paths(user)
    return events.filter(access.subtree_q("unit_path", paths) | Q(actor=user))


def search_everything(user, query: str) -> dict:
    """The first matches of each kind; one query per kind whatever the data size (no full counts)."""
    if not query.strip():
        return {"units": [], "people": []}
    condition = search_filter(query)
    units = Unit.objects.visible_to(user).filter(condition).select_related("kind", "parent")
    people = Person.objects.visible_to(user).filter(condition).select_related("unit")
    return {
        "units": list(units.order_by("depth", "sort_key")[: SEARCH_LIMIT + 1]),
        "people": list(people.order_by("sort_key")[: SEARCH_LIMIT + 1]),
    }


HIDDEN_HISTORY_FIELDS = {"version", "password", "last_login"}
HISTORY_MODELS = {
    "unit": "org.Unit",
    "person": "org.Person",
    "user": "accounts.User",
    "exemplar": "recognition.Exemplar",
}


def history_model(name: str):
    label = HISTORY_MODELS.get(name)
    return apps.get_model(label) if label else None


def history_entries(obj) -> list[dict]:
    """Each recorded version with who, when, and the fields that changed against the one before."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                if change.field in HIDDEN_HISTORY_FIELDS:
                    continue
                field = obj._meta.get_field(change.field)
                changes.append({"label": field.verbose_name, "old": change.old, "new": change.new})
        entries.append({"record": record, "changes": changes, "is_creation": previous is None})
    return entries
