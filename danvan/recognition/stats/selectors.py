"""Reads for the movement's statistics: registrations and recognitions by field, year, locality and level,
scoped to what the user sees (Exemplar.objects.visible_to); one aggregate query per breakdown."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from danvan.lib import vntext

from ..appraisal.selectors import NO_LEVEL, appraisal_level, level_label
from ..models import AppraisalRound, Exemplar
from ..registry.selectors import locality_path, locality_units

__all__ = [
    "Row",
    "by_field",
    "by_level",
    "by_locality",
    "by_year",
    "locality_units",
    "stats_base",
    "stats_totals",
    "stats_years",
]

RECOGNISED_STATUSES = (Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED)
RECOGNISED = Q(status__in=RECOGNISED_STATUSES)


@dataclass(frozen=True)
class Row:
    label: str
    registered: int
    recognised: int

    @property
    def rate(self) -> int:
        """Recognised as a whole percentage of registered."""
        return round(100 * self.recognised / self.registered) if self.registered else 0

    def as_tuple(self) -> tuple[str, int, int]:
        return (self.label, self.registered, self.recognised)


def _counted(entries):
    return entries.annotate(registered=Count("pk"), recognised=Count("pk", filter=RECOGNISED))


def stats_base(user, *, year=None):
    entries = Exemplar.objects.visible_to(user)
    if year:
        entries = entries.filter(year=year)
    return entries


def stats_years(user) -> list[int]:
    return list(Exemplar.objects.visible_to(user).order_by("-year").values_list("year", flat=True).distinct())


def stats_totals(entries) -> dict:
    return entries.aggregate(
        registered=Count("pk"),
        recognised=Count("pk", filter=RECOGNISED),
        initiatives=Count("pk", filter=Q(kind=Exemplar.Kind.INITIATIVE)),
        exemplars=Count("pk", filter=Q(kind=Exemplar.Kind.EXEMPLAR)),
        initiatives_recognised=Count("pk", filter=RECOGNISED & Q(kind=Exemplar.Kind.INITIATIVE)),
        exemplars_recognised=Count("pk", filter=RECOGNISED & Q(kind=Exemplar.Kind.EXEMPLAR)),
    )


def by_field(entries) -> list[Row]:
    rows = _counted(entries.order_by().values("field_id", "field__name", "field__order")).order_by(
        "field__order", "field__name"
    )
    return [Row(r["field__name"], r["registered"], r["recognised"]) for r in rows]


def by_year(entries) -> list[Row]:
    rows = _counted(entries.order_by().values("year")).order_by("year")
    return [Row(str(r["year"]), r["registered"], r["recognised"]) for r in rows]


def by_locality(entries, localities) -> list[Row]:
    names = {unit.path: unit.name for unit in localities}
    rows = _counted(entries.order_by().annotate(locality=locality_path(localities)).values("locality"))
    result = [
        Row(
            names.get(r["locality"]) or _("Khác (không thuộc tỉnh, thành phố)"),
            r["registered"],
            r["recognised"],
        )
        for r in rows
    ]
    return sorted(result, key=lambda row: (-row.registered, vntext.sort_key(row.label)))


def by_level(entries) -> list[Row]:
    rows = {
        r["level"]: r for r in _counted(entries.order_by().annotate(level=appraisal_level()).values("level"))
    }
    order = [*reversed(AppraisalRound.Level.values), NO_LEVEL]
    ordered = [key for key in order if key in rows] + [key for key in rows if key not in order]
    return [Row(level_label(key), rows[key]["registered"], rows[key]["recognised"]) for key in ordered]
