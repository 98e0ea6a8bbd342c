"""The check-in desk: marking delegates present and adding those who come without a letter."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.errors import ServiceError
from danvan.events import policy
from danvan.events.models import DelegateGroup, Event, Invitation
from danvan.lib import vntext

from .groups import new_invitation


def check_in(*, actor, invitation: Invitation) -> tuple[Invitation, bool]:
    """Mark a delegate present; (invitation, False) when they already were — never counted twice."""
    policy.require_desk(actor, invitation.event)
    policy.require_open(invitation.event)
    marked = Invitation.objects.filter(pk=invitation.pk, checked_in_at__isnull=True).update(
        checked_in_at=timezone.now(), checked_in_by=actor
    )
    invitation.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
    return invitation, bool(marked)


@transaction.atomic
def walk_in(
    *,
    actor,
    event: Event,
    name: str,
    title: str = "",
    unit_name: str = "",
    group: DelegateGroup | None = None,
) -> Invitation:
    policy.require_desk(actor, event)
    policy.require_open(event)
    if not vntext.clean_text(name):
        raise ServiceError(_("Hãy ghi họ và tên người đến dự."), field="name")
    invitation = new_invitation(
        event,
        group,
        name=name,
        title=vntext.clean_text(title),
        unit_name=vntext.clean_text(unit_name),
        is_walk_in=True,
        status=Invitation.Status.ACCEPTED,
        checked_in_at=timezone.now(),
        checked_in_by=actor,
    )
    invitation.save()
    return invitation
