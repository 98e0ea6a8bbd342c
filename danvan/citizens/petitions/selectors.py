"""Reads of petitions: the filtered list, the overdue list of a unit and its subtree, duplicates."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from danvan.core import access
from danvan.lib import vntext

from ..models import Petition
from ..models.petitions import word_set

DUPLICATE_WINDOW_DAYS = 365
DUPLICATE_CANDIDATES = 2000  # the most recent petitions of the same place that are compared
DUPLICATE_THRESHOLD = 0.4


def petition_list(
    user,
    *,
    status: str = "",
    field_id: int | None = None,
    query: str = "",
    overdue: bool = False,
    unit=None,
    today: date | None = None,
):
    today = today or timezone.localdate()
    petitions = Petition.objects.visible_to(user).select_related("field", "received_unit", "responsible_unit")
    if unit is not None:
        paths = [unit.path]
        petitions = petitions.filter(
            access.subtree_q("received_path", paths) | access.subtree_q("responsible_path", paths)
        )
    if status:
        petitions = petitions.filter(status=status)
    if field_id:
        petitions = petitions.filter(field_id=field_id)
    if overdue:
        petitions = petitions.filter(is_open=True, deadline__lt=today)
    folded = vntext.fold(query)
    if folded.isdigit():
        petitions = petitions.filter(pk=int(folded))
    elif folded:
        for word in folded.split():
            petitions = petitions.filter(search_text__contains=word)
    return petitions


def overdue_for(user, unit, *, today: date | None = None):
    """Open petitions past their deadline that the unit or a unit under it must resolve: red for the
    responsible unit and its superiors. Scoped like every read, but as one range on responsible_path (the
    unit's subtree, kept only when it lies inside the user's scope) so the database walks one index."""
    from django.db.models import Q

    today = today or timezone.localdate()

    def condition(paths):
        inside = any(unit.path.startswith(path) for path in paths)
        return access.subtree_q("responsible_path", [unit.path]) if inside else Q(pk__in=[])

    return (
        access.scoped(Petition.objects.all(), user, condition)
        .filter(is_open=True, deadline__lt=today)
        .select_related("field", "received_unit", "responsible_unit")
        .order_by("deadline", "id")
    )


@dataclass(frozen=True)
class Similar:
    petition_id: int
    title: str
    status: str
    received_on: date
    score: float

    @property
    def status_label(self) -> str:
        return Petition.Status(self.status).label

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def jaccard(left: set[str], right: set[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def similar_petitions(
    user,
    *,
    title: str,
    content: str = "",
    locality=None,
    received_unit=None,
    exclude_id: int | None = None,
    limit: int = 5,
    threshold: float = DUPLICATE_THRESHOLD,
    today: date | None = None,
) -> list[Similar]:
    """Petitions of the same place (the same locality, else the same receiving unit) from the last year whose
    words, without diacritics, overlap most (Jaccard on the word sets). The place and the date narrow the rows
    through an index; only the most recent candidates are compared in Python."""
    words = word_set(f"{title} {content}")
    if not words or (locality is None and received_unit is None):
        return []
    today = today or timezone.localdate()
    candidates = (
        Petition.objects.visible_to(user)
        .counted()
        .filter(received_on__gte=today - timedelta(days=DUPLICATE_WINDOW_DAYS))
    )
    # A petition's locality defaults to its receiving unit (see petition_record): one column, one index.
    candidates = candidates.filter(locality=locality or received_unit)
    if exclude_id:
        candidates = candidates.exclude(pk=exclude_id)
    rows = candidates.order_by("-received_on").values_list(
        "id", "title", "status", "received_on", "word_key"
    )[:DUPLICATE_CANDIDATES]
    found = []
    for pk, row_title, status, received_on, key in rows:
        score = jaccard(words, set(key.split()))
        if score >= threshold:
            found.append(Similar(pk, row_title, status, received_on, score))
    found.sort(key=lambda s: (-s.score, -s.petition_id))
    return found[:limit]


def timeline(petition: Petition):
    return petition.steps.select_related("actor", "from_unit", "to_unit")


def by_lookup_code(code: str) -> Petition | None:
    """The public page's only read: by the exact code, nothing else."""
    code = (code or "").strip().upper()
    if not code or len(code) > 16:
        return None
    return (
        Petition.objects.filter(lookup_code=code)
        .only(
            "id",
            "status",
            "received_on",
            "answered_on",
            "informed_on",
            "closed_on",
            "deadline",
            "lookup_code",
            "merged_into",
        )
        .first()
    )


def assignable_units(petition: Petition):
    """The units a petition may be given to, for a plain list: the top unit of its tree, the units right under
    it (wards, agencies, organisations), the departments of those that are not localities, and the units
    right under the receiving unit. The service accepts any current unit of the tree."""
    from django.db.models import Q

    from danvan.org.models import Unit

    root_path = petition.received_unit.path[: access.SEGMENT_WIDTH]
    root_depth = 0
    in_tree = access.subtree_q("path", [root_path])
    return (
        Unit.objects.current()
        .filter(in_tree)
        .filter(
            Q(depth__lte=root_depth + 1)
            | Q(depth=root_depth + 2, kind__is_admin_area=False, parent__kind__is_admin_area=False)
            | Q(parent_id=petition.received_unit_id)
        )
        .order_by("path")
    )
