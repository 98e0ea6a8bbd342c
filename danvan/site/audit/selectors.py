"""The audit log as the user may read it: changes inside their subtrees, and their own."""

from django.db.models import Q

from danvan.core import access
from danvan.core.models import AuditEvent


def recent_changes(user):
    events = AuditEvent.objects.select_related("actor")
    if access.sees_everything(user):
        return events
    paths = access.scope_paths(user)
    return events.filter(access.subtree_q("unit_path", paths) | Q(actor=user))
