"""The base documents of the corpus: fictional units, numbers, dates and people, written by us in the
style of Party, state and Front documents. Each is laid out several ways by ``render``."""

from .front import FRONT_PLAN
from .party import PARTY_GUIDE, PARTY_PLAN
from .state import STATE_PLAN, STATE_PROGRAMME

BASES = [PARTY_PLAN, STATE_PLAN, FRONT_PLAN, PARTY_GUIDE, STATE_PROGRAMME]

__all__ = ["BASES", "FRONT_PLAN", "PARTY_GUIDE", "PARTY_PLAN", "STATE_PLAN", "STATE_PROGRAMME"]
