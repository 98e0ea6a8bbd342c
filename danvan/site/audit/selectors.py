"""The audit log as the user may read it: changes inside their subtrees, and their own wherever made."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from danvan.core import access
from danvan.core.models import AuditEvent
from danvan.recognition.models import AppraisalRound, ContestRound, CouncilMember
from danvan.site.history.registry import FEED_SOURCES

# The verbs recognition writes when a council member sends a score sheet or a judge scores a contest entry:
# their summaries carry the points ("Gửi phiếu chấm «…»: 85 điểm").
SCORING_VERBS = ("score",)
FEED_WINDOW = 60  # the latest entries the feed filters: a bounded read whatever the log's size


def _others_scores(user) -> Q:
    return Q(verb__in=SCORING_VERBS) & ~Q(actor=user)


def _scores_still_secret(user) -> bool:
    """A council member or judge of an open round must not read another's score before the round ends."""
    seated = CouncilMember.objects.filter(user=user, round__status=AppraisalRound.Status.OPEN).exists()
    return seated or ContestRound.objects.filter(judges=user, status=ContestRound.Status.OPEN).exists()


def recent_changes(user):
    events = AuditEvent.objects.select_related("actor")
    inside = access.scoped(events, user, lambda paths: access.subtree_q("unit_path", paths))
    # One's own actions (a password change, an action on a unit since left) stay visible outside the scope.
    return inside | events.filter(actor=user)


def audit_log(user):
    """The audit log page: recent changes, without other people's scores while the user still scores."""
    events = recent_changes(user)
    if _scores_still_secret(user):
        events = events.exclude(_others_scores(user))
    return events


def feed(user, *, limit: int = 8) -> list[AuditEvent]:
    """The home page's "recent changes": only entries about objects whose fields the user may read (the
    registry in site.history), and never another person's score. The user's own actions always show.

    Queries: one for the window, one per kind of object in it (bounded by the registry's size).
    """
    window = list(recent_changes(user).exclude(_others_scores(user))[:FEED_WINDOW])
    wanted: dict[int, set[str]] = defaultdict(set)
    for event in window:
        if event.actor_id != user.pk and event.content_type_id:
            wanted[event.content_type_id].add(event.object_id)
    readable: set[tuple[int, str]] = set()
    for type_id, ids in wanted.items():
        source = FEED_SOURCES.get(ContentType.objects.get_for_id(type_id).model_class())
        keys = [int(i) for i in ids if i.isdigit()]
        if source is None or not keys:
            continue  # no rule for this kind of object: not shown to others
        found = source.readable(user).filter(pk__in=keys).values_list("pk", flat=True)
        readable |= {(type_id, str(pk)) for pk in found}
    shown = [e for e in window if e.actor_id == user.pk or (e.content_type_id, e.object_id) in readable]
    return shown[:limit]
