"""Reads for the public showcase (/mo-hinh/) and the movement's statistics.

A unit's locality is its province-level ancestor (or itself): the deepest unit of a locality kind whose
path is a prefix of the unit's path. Unit paths are fixed-width segments, so "the ancestor at depth d" is
the first (d + 1) * SEGMENT_WIDTH characters of the path, and the locality of every row comes out of one
CASE expression in the same query: no per-row lookups.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, CharField, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Substr
from django.db.models.lookups import In
from django.utils.translation import gettext as _

from danvan.core.access import SEGMENT_WIDTH, subtree_q
from danvan.lib import vntext
from danvan.org.models import Unit
from danvan.org.selectors import search_filter

from .models import AppraisalRound, Attachment, Exemplar, Field, RoundEntry

LOCALITY_KINDS = ("province", "central_city")
SHOWCASE_PER_PAGE = 24
RECOGNISED_STATUSES = (Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED)
RECOGNISING_DECISIONS = (RoundEntry.Decision.RECOGNISED, RoundEntry.Decision.PROPOSED)
NO_LEVEL = ""

# What a public page may read of an exemplar: never contact_name, contact_phone or the person's contacts.
PUBLIC_FIELDS = (
    "id",
    "year",
    "kind",
    "status",
    "title",
    "description",
    "beneficiaries",
    "started_on",
    "expected_results",
    "story",
    "field__id",
    "field__name",
    "unit__id",
    "unit__name",
    "unit__path",
    "unit__depth",
)
CARD_FIELDS = ("id", "year", "kind", "status", "title", "field__id", "field__name", "unit__id", "unit__name")


# ---------------------------------------------------------------------------------------------
# Localities
# ---------------------------------------------------------------------------------------------


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
        return Value(NO_LEVEL, output_field=CharField())
    whens = []
    for depth in sorted(by_depth, reverse=True):
        prefix = Substr(field, 1, (depth + 1) * SEGMENT_WIDTH)
        whens.append(When(In(prefix, sorted(by_depth[depth])), then=prefix))
    return Case(*whens, default=Value(""), output_field=CharField())


def locality_of(unit: Unit) -> Unit | None:
    """The unit's province-level ancestor, or the unit itself if it is one; one query."""
    return (
        Unit.objects.filter(path__in=[*unit.ancestor_paths(), unit.path], kind__code__in=LOCALITY_KINDS)
        .only("id", "name", "path")
        .order_by("-depth")
        .first()
    )


# ---------------------------------------------------------------------------------------------
# Appraisal levels
# ---------------------------------------------------------------------------------------------


def _level_rank(field: str = "round__level"):
    """Levels rank in the order AppraisalRound.Level lists them (ward before province)."""
    return Case(
        *[When(**{field: value}, then=Value(rank)) for rank, value in enumerate(AppraisalRound.Level.values)],
        default=Value(-1),
        output_field=IntegerField(),
    )


def _highest_level(entries):
    ranked = entries.annotate(level_rank=_level_rank()).order_by("-level_rank", "-round__year", "-id")
    return Subquery(ranked.values("round__level")[:1], output_field=CharField())


def recognised_level():
    """The highest level of a round entry that recognised the exemplar (NULL if none)."""
    return _highest_level(
        RoundEntry.objects.filter(exemplar=OuterRef("pk"), decision__in=RECOGNISING_DECISIONS)
    )


def appraisal_level():
    """The level an exemplar reached: where it was recognised, else the highest round it entered, else ''."""
    entered = _highest_level(RoundEntry.objects.filter(exemplar=OuterRef("pk")))
    return Coalesce(recognised_level(), entered, Value(NO_LEVEL), output_field=CharField())


def level_label(level: str | None) -> str:
    if not level:
        return _("Chưa thẩm định")
    return dict(AppraisalRound.Level.choices).get(level, level)


# ---------------------------------------------------------------------------------------------
# Showcase
# ---------------------------------------------------------------------------------------------


def showcase(*, query: str = "", field_id=None, year=None, locality: Unit | None = None):
    """The public entries matching the filters (no ordering, no loading: see showcase_cards)."""
    entries = Exemplar.objects.public()
    if query:
        entries = entries.filter(search_filter(query))
    if field_id:
        entries = entries.filter(field_id=field_id)
    if year:
        entries = entries.filter(year=year)
    if locality is not None:
        entries = entries.filter(subtree_q("unit__path", [locality.path]))
    return entries


def showcase_cards(entries, localities):
    """What a card shows, in one query: first public photo, locality path, recognition level."""
    first_photo = (
        Attachment.objects.filter(exemplar=OuterRef("pk"), kind=Attachment.Kind.PHOTO, is_public=True)
        .order_by("id")
        .values("id")[:1]
    )
    return (
        entries.select_related("field", "unit")
        .only(*CARD_FIELDS)
        .annotate(
            photo_id=Subquery(first_photo, output_field=IntegerField()),
            locality_path=locality_path(localities),
            level=recognised_level(),
        )
        .order_by("-year", "title_key", "id")
    )


def showcase_localities(localities) -> list[Unit]:
    """The localities that have at least one public entry (one query over the public entries)."""
    if not localities:
        return []
    used = set(
        Exemplar.objects.public()
        .annotate(locality=locality_path(localities))
        .order_by()
        .values_list("locality", flat=True)
        .distinct()
    )
    return [unit for unit in localities if unit.path in used]


def showcase_years() -> list[int]:
    return list(Exemplar.objects.public().order_by("-year").values_list("year", flat=True).distinct())


def showcase_fields() -> list[Field]:
    return list(Field.objects.only("id", "name"))


def public_entry(pk):
    """One public entry with what its page shows, or None."""
    return (
        Exemplar.objects.public()
        .select_related("field", "unit", "person")
        .only(*PUBLIC_FIELDS, "person__id", "person__full_name", "person__title")
        .annotate(level=recognised_level())
        .filter(pk=pk)
        .first()
    )


def public_photos(entry: Exemplar):
    return list(
        entry.attachments.filter(kind=Attachment.Kind.PHOTO, is_public=True).only(
            "id", "exemplar", "caption", "name"
        )
    )


def public_updates(entry: Exemplar):
    """Progress updates: dates, text and figures; never the author."""
    return list(entry.updates.only("id", "exemplar", "on", "text", "figures"))


def public_photo(pk):
    """A photo the public may see: public itself, of a public entry; else None."""
    return (
        Attachment.objects.filter(
            pk=pk,
            kind=Attachment.Kind.PHOTO,
            is_public=True,
            exemplar__in=Exemplar.objects.public().values("pk"),
        )
        .only("id", "file", "name")
        .first()
    )


# ---------------------------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------------------------

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
