"""Reads of the organisation tree that depend on the user."""

from datetime import date, timedelta

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import ROLE_CAPS, Cap
from danvan.core.access.scope import grants_of
from danvan.lib import vntext

from .models import Person, Unit


def top_units_for(user):
    """The roots of what the user sees: the whole forest for a system admin, else their assigned units."""
    if access.sees_everything(user):
        return Unit.objects.filter(parent__isnull=True)
    return Unit.objects.filter(path__in=access.scope_paths(user))


def with_child_counts(units):
    return units.select_related("kind").annotate(child_count=Count("children", distinct=True))


def children_of(unit: Unit, *, include_past: bool):
    children = unit.children.all()
    if not include_past:
        children = children.current()
    return with_child_counts(children).order_by("kind__order", "sort_key", "id")


def visible_breadcrumbs(unit: Unit, user) -> list[Unit]:
    return list(Unit.objects.visible_to(user).filter(path__in=unit.ancestor_paths()).order_by("depth"))


def search_filter(query: str) -> Q:
    """Every word of the query, folded, must appear in the row's folded search text."""
    condition = Q()
    for word in vntext.fold(query).split():
        condition &= Q(search_text__contains=word)
    return condition


def cap_paths(user, cap: Cap) -> list[str] | None:
    """The subtree roots where the user holds `cap`; None when they hold it over the whole system."""
    paths = [g.path for g in grants_of(user) if cap in ROLE_CAPS.get(g.role, frozenset())]
    return None if None in paths else paths


def with_cap(queryset, user, cap: Cap, path_field: str):
    """The rows of a scoped queryset whose unit (by `path_field`) lies where the user holds `cap`."""
    paths = cap_paths(user, cap)
    return queryset if paths is None else queryset.filter(access.subtree_q(path_field, paths))


def people_visible_to(user):
    """The people the user may read: in their subtrees AND where they hold the person capability there.

    visible_to alone is the scope; a role without PERSON_VIEW (a council member) sees the units of its subtree
    but not the names, phones and notes of the people in them.
    """
    return with_cap(Person.objects.visible_to(user), user, Cap.PERSON_VIEW, "unit__path")


def people_for(user, *, query: str = "", unit: Unit | None = None):
    people = people_visible_to(user).select_related("unit")
    if unit is not None:
        people = people.filter(access.subtree_q("unit__path", [unit.path]))
    if query:
        people = people.filter(search_filter(query))
    return people.order_by("sort_key", "id")


def subtree_counts(unit: Unit) -> dict:
    inside = access.subtree_q("path", [unit.path])
    return {
        "units": Unit.objects.filter(inside).exclude(pk=unit.pk).count(),
        "people": Person.objects.filter(access.subtree_q("unit__path", [unit.path])).count(),
    }


# --- the unit picker ---------------------------------------------------------------------------------------

PICKER_RESULTS = 20


def validity_note(unit: Unit, today: date | None = None) -> str:
    """ "(đã giải thể/hết hiệu lực từ 01/07/2025)" for a unit no longer in force, "" for a current one."""
    today = today or timezone.localdate()
    if unit.valid_to is not None and unit.valid_to < today:
        ended = (unit.valid_to + timedelta(days=1)).strftime("%d/%m/%Y")
        return _("(đã giải thể/hết hiệu lực từ %(day)s)") % {"day": ended}
    if unit.valid_from is not None and unit.valid_from > today:
        return _("(có hiệu lực từ %(day)s)") % {"day": unit.valid_from.strftime("%d/%m/%Y")}
    return ""


def unit_label(unit: Unit) -> str:
    note = validity_note(unit)
    return f"{unit.name} {note}" if note else unit.name


def picker_units(user, query: str, *, on: date | None = None, include_past: bool = False):
    """The unit picker's matches among the units the user sees: today's units; with `on`, those in force
    that day (a past document's units); with `include_past`, every unit. A unit whose short name or
    abbreviation is the query comes first ("BDVTU"), then units in force today, then the nearer the root."""
    units = Unit.objects.visible_to(user).select_related("parent")
    if on is not None:
        units = units.valid_on(on)
    elif not include_past:
        units = units.current()
    if query:
        units = units.filter(search_filter(query))
    folded = vntext.fold(query).strip()
    today = timezone.localdate()
    exact = Q(abbreviation__iexact=query.strip()) | Q(short_name__iexact=query.strip())
    ranked = units.annotate(
        exact_rank=Case(When(exact, then=Value(0)), default=Value(1), output_field=IntegerField()),
        past_rank=Case(
            When(valid_to__lt=today, then=Value(1)), default=Value(0), output_field=IntegerField()
        ),
    )
    order = ["exact_rank", "past_rank", "depth", "sort_key"] if folded else ["past_rank", "depth", "sort_key"]
    return ranked.order_by(*order)[:PICKER_RESULTS]
