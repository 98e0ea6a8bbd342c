"""The movement's models, one module per subdomain; every model is re-exported here, so
`recognition.models.X` (and the migrations) keep working."""

from .appraisal import AppraisalRound, CouncilMember, Criterion, RoundEntry, Score, ScoreSheet
from .contest import Contest, ContestEntry, ContestRound, EntryScore, Prize, PrizeAward
from .medals import MedalDossierFile, MedalNomination, MedalRule
from .registry import Attachment, Award, Exemplar, ExemplarQuerySet, Field, ProgressUpdate

__all__ = [
    "AppraisalRound",
    "Attachment",
    "Award",
    "Contest",
    "ContestEntry",
    "ContestRound",
    "CouncilMember",
    "Criterion",
    "EntryScore",
    "Exemplar",
    "ExemplarQuerySet",
    "Field",
    "MedalDossierFile",
    "MedalNomination",
    "MedalRule",
    "Prize",
    "PrizeAward",
    "ProgressUpdate",
    "RoundEntry",
    "Score",
    "ScoreSheet",
]
