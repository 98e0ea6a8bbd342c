from .catalog import DeadlineRule, PetitionField, PetitionKind
from .dialogues import Dialogue
from .petitions import Petition, PetitionAttachment, PetitionCitizen, PetitionStep
from .propaganda import PropagandaEntry, Slogan
from .situations import SituationNote, SituationReport
from .supervision import Recommendation, SupervisionActivity

__all__ = [
    "DeadlineRule",
    "Dialogue",
    "Petition",
    "PetitionAttachment",
    "PetitionCitizen",
    "PetitionField",
    "PetitionKind",
    "PetitionStep",
    "PropagandaEntry",
    "Recommendation",
    "SituationNote",
    "SituationReport",
    "Slogan",
    "SupervisionActivity",
]
