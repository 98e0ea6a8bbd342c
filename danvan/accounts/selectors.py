"""Reads of accounts that depend on the user."""

from django.db.models import Q

from danvan.core import access

from .models import RoleAssignment, User


def managed_users(user):
    """Users with a role somewhere the manager sees (every user for a system administrator)."""

    def holds_a_role_inside(paths):
        inside = RoleAssignment.objects.filter(access.subtree_q("unit__path", paths))
        return Q(pk__in=inside.values("user_id"))

    return access.scoped(User.objects.order_by("username"), user, holds_a_role_inside)
