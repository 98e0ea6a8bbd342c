"""Per-object rules of the appraisal rounds: who organises a round, who sits on its council, who chairs it,
and which entries a member may not score (their own unit's)."""

from danvan.accounts.models import RoleAssignment
from danvan.core import access
from danvan.core.access import Cap, Role
from danvan.org.models import Person

from ..models import AppraisalRound, CouncilMember


def can_manage(user, round_: AppraisalRound) -> bool:
    """The organiser: APPRAISAL_MANAGE at the round's owner unit."""
    return access.has_cap(user, Cap.APPRAISAL_MANAGE, round_.owner)


def require_manage(user, round_: AppraisalRound) -> None:
    access.require(user, Cap.APPRAISAL_MANAGE, round_.owner)


def seat_of(user, round_: AppraisalRound) -> CouncilMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return CouncilMember.objects.filter(round=round_, user=user).first()


def is_chair(user, round_: AppraisalRound) -> bool:
    return CouncilMember.objects.filter(round=round_, user_id=user.pk, is_chair=True).exists()


def may_close(user, round_: AppraisalRound) -> bool:
    """The council's chair or an organiser closes the round."""
    return is_chair(user, round_) or can_manage(user, round_)


def may_enter(user) -> bool:
    """The rounds' pages are for organisers, scorers and anyone holding a seat."""
    return (
        access.has_cap(user, Cap.APPRAISAL_MANAGE)
        or access.has_cap(user, Cap.APPRAISAL_SCORE)
        or CouncilMember.objects.filter(user=user).exists()
    )


def own_unit_paths(user) -> list[str]:
    """The units a council member belongs to: where they hold a role (the council-member role itself is
    held where the council sits, over what it scores, so it does not count) and their person record's unit.
    """
    paths = set(
        RoleAssignment.objects.filter(user=user, unit__isnull=False)
        .exclude(role=Role.COUNCIL_MEMBER)
        .values_list("unit__path", flat=True)
    )
    if user.person_id:
        person_path = Person.objects.filter(pk=user.person_id).values_list("unit__path", flat=True).first()
        if person_path:
            paths.add(person_path)
    return sorted(paths)


def is_own_unit(unit_path: str, own_paths: list[str]) -> bool:
    """A member does not score an entry of their own unit (or of a unit under it)."""
    return any(unit_path.startswith(p) for p in own_paths)
