"""Who may see and do what: every read starts from visible_to(user); every write checks a capability.

A role is held on a unit and covers that unit's subtree (unit paths are materialized, fixed-width base-36
segments, so a subtree is a contiguous range of paths and a range query uses the index on any database).
Out of scope is 404 (the object is not in the user's queryset); in scope without the capability is 403.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q

from danvan.accounts.roles import ROLE_CAPS, Cap

PATH_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
SEGMENT_WIDTH = 6


def encode_segment(number: int) -> str:
    digits = []
    while number:
        number, rest = divmod(number, 36)
        digits.append(PATH_ALPHABET[rest])
    segment = "".join(reversed(digits)) or "0"
    if len(segment) > SEGMENT_WIDTH:
        raise ValueError("unit id too large for a path segment")
    return segment.rjust(SEGMENT_WIDTH, "0")


def prefix_upper_bound(prefix: str) -> str:
    """The smallest path that sorts after every path starting with prefix (alphabet is [0-9a-z])."""
    chars = list(prefix)
    for i in range(len(chars) - 1, -1, -1):
        position = PATH_ALPHABET.index(chars[i])
        if position + 1 < len(PATH_ALPHABET):
            chars[i] = PATH_ALPHABET[position + 1]
            return "".join(chars[: i + 1])
    return prefix + "{"  # all 'z': unreachable with real ids


def subtree_q(field: str, paths) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__gte": path, f"{field}__lt": prefix_upper_bound(path)})
    return query


@dataclass(frozen=True)
class Grant:
    role: str
    path: str | None  # None: the whole system


def _grants(user) -> tuple[Grant, ...]:
    if not getattr(user, "is_authenticated", False):
        return ()
    cached = getattr(user, "_danvan_grants", None)
    if cached is None:
        rows = user.assignments.select_related("unit").only("role", "user_id", "unit__path")
        cached = tuple(Grant(a.role, a.unit.path if a.unit_id else None) for a in rows)
        if user.is_superuser:
            cached += (Grant("admin", None),)
        user._danvan_grants = cached
    return cached


def forget(user) -> None:
    """Drop the per-request cache after the user's assignments change."""
    if hasattr(user, "_danvan_grants"):
        del user._danvan_grants


def sees_everything(user) -> bool:
    return any(g.path is None for g in _grants(user))


def scope_paths(user) -> list[str]:
    """The minimal set of subtree roots the user may see (a root inside another is dropped)."""
    paths = sorted({g.path for g in _grants(user) if g.path is not None})
    minimal: list[str] = []
    for path in paths:
        if not any(path.startswith(kept) for kept in minimal):
            minimal.append(path)
    return minimal


def caps_at(user, unit_path: str | None = None) -> set[Cap]:
    """Capabilities the user holds at a unit (by its path); with no unit, those held anywhere."""
    caps: set[Cap] = set()
    for grant in _grants(user):
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


def scoped(queryset, user, condition):
    """The frame of every visible_to: nothing for an anonymous user or one without roles, everything for a
    system administrator, else the rows that `condition(paths)` keeps for the user's subtree roots."""
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    if sees_everything(user):
        return queryset.all()
    paths = scope_paths(user)
    if not paths:
        return queryset.none()
    return queryset.filter(condition(paths))


class ScopedQuerySet(models.QuerySet):
    """visible_to(user) keeps the rows whose unit lies in the user's subtrees."""

    scope_field = "unit__path"

    def visible_to(self, user):
        return scoped(self, user, lambda paths: subtree_q(self.scope_field, paths))
