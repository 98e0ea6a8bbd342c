"""The audit log as the user may read it: changes inside their subtrees, and their own wherever made."""

from danvan.core import access
from danvan.core.models import AuditEvent


def recent_changes(user):
    events = AuditEvent.objects.select_related("actor")
    inside = access.scoped(events, user, lambda paths: access.subtree_q("unit_path", paths))
    # One's own actions (a password change, an action on a unit since left) stay visible outside the scope.
    return inside | events.filter(actor=user)
