"""Per-object rules of petitions: the state machine, who handles a petition, who may see who raised it.

The handling units of a petition are the unit that received it and the unit responsible for resolving it; a
role held on a superior covers them (roles cover subtrees)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError

from ..models import Petition

S = Petition.Status

# from -> the statuses it may move to (transfers between units keep a petition ASSIGNED or IN_PROGRESS and
# are checked by the transfer service, not here).
TRANSITIONS: dict[str, frozenset[str]] = {
    S.RECEIVED: frozenset({S.ASSIGNED, S.ESCALATED, S.MERGED}),
    S.ASSIGNED: frozenset({S.IN_PROGRESS, S.ANSWERED, S.ESCALATED, S.MERGED}),
    S.IN_PROGRESS: frozenset({S.ANSWERED, S.ESCALATED, S.MERGED}),
    S.ESCALATED: frozenset({S.ASSIGNED, S.MERGED}),
    S.ANSWERED: frozenset({S.INFORMED, S.CLOSED}),
    S.INFORMED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.MERGED: frozenset(),
}


def allowed(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def require_transition(petition: Petition, to_status: str) -> None:
    if allowed(petition.status, to_status):
        return
    if to_status == S.CLOSED and petition.status in Petition.OPEN:
        raise ServiceError(_("Không thể kết thúc kiến nghị khi chưa có câu trả lời."))
    raise ServiceError(
        _("Không thể chuyển kiến nghị từ trạng thái «%(a)s» sang «%(b)s».")
        % {"a": S(petition.status).label, "b": S(to_status).label}
    )


def handling_units(petition: Petition) -> list:
    return [u for u in (petition.received_unit, petition.responsible_unit) if u is not None]


def can_handle(user, petition: Petition) -> bool:
    return any(access.has_cap(user, Cap.PETITION_HANDLE, unit) for unit in handling_units(petition))


def require_handle(user, petition: Petition) -> None:
    if not can_handle(user, petition):
        raise PermissionDenied


def can_answer(user, petition: Petition) -> bool:
    """The responsible unit answers (a superior of it too: roles cover subtrees)."""
    return petition.responsible_unit is not None and access.has_cap(
        user, Cap.PETITION_HANDLE, petition.responsible_unit
    )


def require_answer(user, petition: Petition) -> None:
    if not can_answer(user, petition):
        raise PermissionDenied


def can_see_personal(user, petition: Petition) -> bool:
    return any(access.has_cap(user, Cap.PETITION_PERSONAL_VIEW, unit) for unit in handling_units(petition))


def same_tree(unit, other) -> bool:
    """Both units lie under the same top-level unit (a province's tree)."""
    return bool(unit.path) and unit.path[: access.SEGMENT_WIDTH] == other.path[: access.SEGMENT_WIDTH]
