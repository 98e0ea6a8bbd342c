"""Per-object rules of the medal nominations: the nominating unit proposes, corrects and files the dossier
(MEDAL_PROPOSE there); the committee above it checks, returns and sends up (MEDAL_REVIEW on the parent
unit: a committee does not check its own proposals); an administrator keeps the rules."""

from django.core.exceptions import PermissionDenied

from danvan.core import access
from danvan.core.access import Cap

from ..models import MedalNomination


def can_edit_rules(user) -> bool:
    return access.has_cap(user, Cap.CATALOG_MANAGE)


def is_nominating_unit(user, nomination: MedalNomination) -> bool:
    return access.has_cap(user, Cap.MEDAL_PROPOSE, nomination.unit)


def can_check(user, nomination: MedalNomination) -> bool:
    """Cap.MEDAL_REVIEW at a unit above the nominating one (at the root: a system administrator)."""
    parent = nomination.unit.parent
    if parent is None:
        # caps_at("") keeps only the grants on the whole system: nobody else sits above a root unit.
        return Cap.MEDAL_REVIEW in access.caps_at(user, "")
    return access.has_cap(user, Cap.MEDAL_REVIEW, parent)


def require_committee(user, nomination: MedalNomination) -> None:
    if not can_check(user, nomination):
        raise PermissionDenied


def may_open(user, nomination: MedalNomination) -> bool:
    """A nomination's page: its unit (or one above that proposes) and the committees at or above it."""
    return is_nominating_unit(user, nomination) or access.has_cap(user, Cap.MEDAL_REVIEW, nomination.unit)


def require_medal_access(user) -> None:
    """Units that propose and committees that check; anyone else has nothing to do here."""
    if not (access.has_cap(user, Cap.MEDAL_PROPOSE) or access.has_cap(user, Cap.MEDAL_REVIEW)):
        raise PermissionDenied
