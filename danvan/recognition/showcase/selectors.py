"""Reads for the public showcase (/mo-hinh/): recognised entries only, and only their public fields."""

from django.db.models import IntegerField, OuterRef, Subquery

from danvan.core.access import subtree_q
from danvan.org.models import Unit
from danvan.org.selectors import search_filter

from ..appraisal.selectors import recognised_level
from ..models import Attachment, Exemplar, Field
from ..registry.selectors import locality_path

SHOWCASE_PER_PAGE = 24

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
CARD_FIELDS = (
    "id",
    "year",
    "kind",
    "status",
    "title",
    "field__id",
    "field__name",
    "unit__id",
    "unit__name",
    "unit__path",
)


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
