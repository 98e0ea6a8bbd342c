"""Who may see and do what: every read starts from visible_to(user); every write checks a capability.

A role is held on a unit and covers that unit's subtree (unit paths are materialized, fixed-width base-36
segments, so a subtree is a contiguous range of paths and a range query uses the index on any database).
Out of scope is 404 (the object is not in the user's queryset); in scope without the capability is 403.
"""

from dataclasses import dataclass

from django.db import models

from .paths import subtree_q


@dataclass(frozen=True)
class Grant:
    role: str
    path: str | None  # None: the whole system


def grants_of(user) -> tuple[Grant, ...]:
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
    return any(g.path is None for g in grants_of(user))


def scope_paths(user) -> list[str]:
    """The minimal set of subtree roots the user may see (a root inside another is dropped)."""
    paths = sorted({g.path for g in grants_of(user) if g.path is not None})
    minimal: list[str] = []
    for path in paths:
        if not any(path.startswith(kept) for kept in minimal):
            minimal.append(path)
    return minimal


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
