"""Which units a regime asks: the units below its root, to a number of levels, of the chosen kinds."""

from datetime import date

from django.db.models import Q

from danvan.org.models import Unit

from .models import Regime


def unit_condition(regime: Regime, kind_ids: list[int]) -> Q:
    root = regime.root
    condition = Q(path__startswith=root.path, depth__gt=root.depth)
    if regime.max_levels:
        condition &= Q(depth__lte=root.depth + regime.max_levels)
    if kind_ids:
        condition &= Q(kind_id__in=kind_ids)
    return condition


def reporting_units(regime: Regime, on_day: date):
    """The units that report under `regime` on `on_day` (the root itself reports to no one here)."""
    kind_ids = [k.pk for k in regime.unit_kinds.all()]
    return Unit.objects.valid_on(on_day).filter(unit_condition(regime, kind_ids)).order_by("path")


def units_by_regime(regimes: list[Regime], on_day: date) -> dict[int, list[int]]:
    """Every regime's reporting unit ids, read in one query whatever the number of regimes."""
    if not regimes:
        return {}
    kinds = {r.pk: [k.pk for k in r.unit_kinds.all()] for r in regimes}
    condition = Q(pk__in=[])
    for regime in regimes:
        condition |= unit_condition(regime, kinds[regime.pk])
    rows = Unit.objects.valid_on(on_day).filter(condition).values_list("pk", "path", "depth", "kind_id")
    found: dict[int, list[int]] = {r.pk: [] for r in regimes}
    for pk, path, depth, kind_id in rows.order_by("path"):
        for regime in regimes:
            root = regime.root
            if not path.startswith(root.path) or depth <= root.depth:
                continue
            if regime.max_levels and depth > root.depth + regime.max_levels:
                continue
            if kinds[regime.pk] and kind_id not in kinds[regime.pk]:
                continue
            found[regime.pk].append(pk)
    return found
