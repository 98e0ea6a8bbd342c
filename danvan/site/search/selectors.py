"""The search box: the first matches of each kind among what the user may see."""

from danvan.org.models import Person, Unit
from danvan.org.selectors import search_filter

SEARCH_LIMIT = 20


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
