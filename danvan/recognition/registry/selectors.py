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
