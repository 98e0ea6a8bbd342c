"""Reads of the appraisal rounds."""

from django.db.models import Case, CharField, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ..models import AppraisalRound, RoundEntry

RECOGNISING_DECISIONS = (RoundEntry.Decision.RECOGNISED, RoundEntry.Decision.PROPOSED)
NO_LEVEL = ""


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
