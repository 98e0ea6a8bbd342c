"""Reads of the registry.

A unit's locality is its province-level ancestor (or itself): the deepest unit of a locality kind whose
path is a prefix of the unit's path. Unit paths are fixed-width segments, so "the ancestor at depth d" is
the first (d + 1) * SEGMENT_WIDTH characters of the path, and the locality of every row comes out of one
CASE expression in the same query: no per-row lookups.
"""

from collections import defaultdict

from django.db.models import Case, CharField, Value, When
from django.db.models.functions import Substr
from django.db.models.lookups import In

from danvan.core.access import SEGMENT_WIDTH
from danvan.org.models import Unit

from ..models import Award, Exemplar
from ..models.registry import title_words

NEAR_IDENTICAL = 0.8  # shared words / all words of the two titles
LOCALITY_KINDS = ("province", "central_city")
NO_LOCALITY = ""


def locality_units() -> list[Unit]:
    """Every province-level unit (today's and past ones: a 2023 entry keeps its 2023 province)."""
    return list(
        Unit.objects.filter(kind__code__in=LOCALITY_KINDS)
        .only("id", "name", "path", "depth", "sort_key")
        .order_by("sort_key", "id")
    )


def locality_path(localities, field: str = "unit__path"):
    """SQL expression: the path of the deepest locality containing the row's unit, or '' if none."""
    by_depth: dict[int, list[str]] = defaultdict(list)
    for unit in localities:
        by_depth[unit.depth].append(unit.path)
    if not by_depth:
        return Value(NO_LOCALITY, output_field=CharField())
    whens = []
    for depth in sorted(by_depth, reverse=True):
        prefix = Substr(field, 1, (depth + 1) * SEGMENT_WIDTH)
        whens.append(When(In(prefix, sorted(by_depth[depth])), then=prefix))
    return Case(*whens, default=Value(NO_LOCALITY), output_field=CharField())


def locality_of(unit: Unit) -> Unit | None:
    """The unit's province-level ancestor, or the unit itself if it is one; one query."""
    return (
        Unit.objects.filter(path__in=[*unit.ancestor_paths(), unit.path], kind__code__in=LOCALITY_KINDS)
        .only("id", "name", "path")
        .order_by("-depth")
        .first()
    )


PLACE_SEPARATOR = " — "


def place_names(units) -> dict[int, str]:
    """Each unit's place read in full, from the unit up to its province-level locality, no level skipped:
    "Khu phố Đông — Phường An Bình — Tỉnh Thử Nghiệm". One query for all the units' ancestors."""
    units = list(units)
    paths = {p for unit in units for p in unit.ancestor_paths()}
    ancestors = {
        u.path: u
        for u in Unit.objects.filter(path__in=paths)
        .select_related("kind")
        .only("id", "name", "path", "kind__code")
    }
    names = {}
    for unit in units:
        chain = [unit.name]
        for path in reversed(unit.ancestor_paths()):  # nearest first
            ancestor = ancestors.get(path)
            if ancestor is None:
                break
            chain.append(ancestor.name)
            if ancestor.kind.code in LOCALITY_KINDS:
                break  # the province: nothing above it belongs in a place
        names[unit.pk] = PLACE_SEPARATOR.join(chain)
    return names


def find_near_duplicate(*, unit: Unit, year: int, title: str, exclude: int | None = None) -> Exemplar | None:
    """An exemplar of the unit or its parent, the same year, whose title shares most distinctive words."""
    words = title_words(title)
    if not words:
        return None
    units = [unit.pk] + ([unit.parent_id] if unit.parent_id else [])
    candidates = Exemplar.objects.filter(unit_id__in=units, year=year).select_related("unit")
    if exclude:
        candidates = candidates.exclude(pk=exclude)
    for other in candidates:
        theirs = set(other.title_key.split())
        union = words | theirs
        if union and len(words & theirs) / len(union) >= NEAR_IDENTICAL:
            return other
    return None


def exemplar_list(user, *, q: str = "", year: str = "", field: str = "", status: str = ""):
    """The exemplars the user sees, filtered by the list's search box and choices."""
    from danvan.org.selectors import search_filter

    exemplars = Exemplar.objects.visible_to(user).select_related("unit", "field")
    if q:
        exemplars = exemplars.filter(search_filter(q))
    if year.isdigit():
        exemplars = exemplars.filter(year=int(year))
    if field.isdigit():
        exemplars = exemplars.filter(field_id=int(field))
    if status:
        exemplars = exemplars.filter(status=status)
    return exemplars


def award_lines(award: Award) -> list[Award]:
    """The awards of the same decision by the same issuer (the list attached to the decision)."""
    return list(Award.objects.filter(decision_number=award.decision_number, issuer=award.issuer))


def own_unit_with(user, units, cap) -> Unit | None:
    """The first of the user's own units (the roots of their scope, among `units`) where they hold `cap`: the
    unit a form proposes by default."""
    from danvan.core import access

    for unit_path in access.scope_paths(user):
        unit = units.filter(path=unit_path).first()
        if unit is not None and access.has_cap(user, cap, unit):
            return unit
    return None
