"""Capability checks: a role held on a unit covers the unit's subtree."""

from django.core.exceptions import PermissionDenied

from .caps import ROLE_CAPS, Cap
from .scope import grants_of


def caps_at(user, unit_path: str | None = None) -> set[Cap]:
    """Capabilities the user holds at a unit (by its path); with no unit, those held anywhere."""
    caps: set[Cap] = set()
    for grant in grants_of(user):
        applies = unit_path is None or grant.path is None or unit_path.startswith(grant.path)
        if applies:
            caps |= ROLE_CAPS.get(grant.role, frozenset())
    return caps


def has_cap(user, cap: Cap, unit=None) -> bool:
    path = getattr(unit, "path", unit) if unit is not None else None
    return cap in caps_at(user, path)


def require(user, cap: Cap, unit=None) -> None:
    if not has_cap(user, cap, unit):
        raise PermissionDenied
