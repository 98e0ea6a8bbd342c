"""Per-object rules of the press contest: the organiser (CONTEST_MANAGE at the owner unit), a round's
judges (CONTEST_JUDGE and named on the round) and the units that send entries (CONTEST_ENTER there)."""

from django.core.exceptions import PermissionDenied

from danvan.core import access
from danvan.core.access import Cap

from ..models import Contest, ContestEntry, ContestRound


def can_manage(user, contest: Contest) -> bool:
    return access.has_cap(user, Cap.CONTEST_MANAGE, contest.owner)


def require_manage(user, contest: Contest) -> None:
    access.require(user, Cap.CONTEST_MANAGE, contest.owner)


def is_judge(user, round_: ContestRound) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and access.has_cap(user, Cap.CONTEST_JUDGE)
        and round_.judges.filter(pk=user.pk).exists()
    )


def is_any_judge(user, contest: Contest) -> bool:
    return access.has_cap(user, Cap.CONTEST_JUDGE) and contest.rounds.filter(judges=user).exists()


def require_view(user, contest: Contest) -> None:
    """Organisers, the units that may send (they read the movement) and the contest's judges."""
    if not (access.has_cap(user, Cap.MOVEMENT_VIEW) or is_any_judge(user, contest)):
        raise PermissionDenied


def require_results(user, contest: Contest) -> None:
    """The results are the organiser's until the contest is finished, then everyone's who sees it."""
    require_view(user, contest)
    if contest.status != Contest.Status.FINISHED and not can_manage(user, contest):
        raise PermissionDenied


def can_send_for(user, unit) -> bool:
    """A unit sends (and corrects) its entries."""
    return access.has_cap(user, Cap.CONTEST_ENTER, unit)


def can_withdraw(user, entry: ContestEntry, contest: Contest) -> bool:
    return can_send_for(user, entry.submitted_by) or can_manage(user, contest)
