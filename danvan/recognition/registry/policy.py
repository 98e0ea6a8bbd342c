"""Per-object rules of the registry: the registering unit edits its exemplar; the issuing committee its
awards."""

from danvan.core import access
from danvan.core.access import Cap


def can_edit_exemplar(user, exemplar) -> bool:
    """The registering unit (or a committee above it) edits the exemplar and adds progress and files."""
    return access.has_cap(user, Cap.EXEMPLAR_REGISTER, exemplar.unit)


def require_award_issuer(user, award) -> None:
    """An award's documents are made by the committee of the unit that proposed it."""
    access.require(user, Cap.AWARD_MANAGE, award.issuer)


def can_publish(user, exemplar) -> bool:
    """A manager of the movement's recognitions over the entry's unit puts it on the public showcase."""
    return access.has_cap(user, Cap.AWARD_MANAGE, exemplar.unit)
