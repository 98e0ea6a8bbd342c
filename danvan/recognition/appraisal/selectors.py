"""Reads of the appraisal rounds: the council's candidates, admissible exemplars, the ranking, the sheets a
member may see, a member's pending entries, and the level an exemplar reached.

Independence of the council: a member sees only their own sheet of an entry until they have submitted it;
organisers (APPRAISAL_MANAGE at the owner) see totals and averages at any time.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from danvan.accounts.models import User
from danvan.core import access
from danvan.lib import vntext

from ..models import AppraisalRound, CouncilMember, Exemplar, RoundEntry, Score, ScoreSheet
from . import policy

CENT = Decimal("0.01")

# Exemplars a round may admit: registered this year, or proposed up by a lower level's round.
ADMISSIBLE = (Exemplar.Status.REGISTERED, Exemplar.Status.PROPOSED)

RECOGNISING_DECISIONS = (RoundEntry.Decision.RECOGNISED, RoundEntry.Decision.PROPOSED)
NO_LEVEL = ""


def _level_rank(field: str = "round__level"):
    """Levels rank in the order AppraisalRound.Level lists them (ward before province)."""
    return Case(
        *[When(**{field: value}, then=Value(rank)) for rank, value in enumerate(AppraisalRound.Level.values)],
        default=Value(-1),
        output_field=IntegerField(),
    )


def _highest_level(entries):
    ranked = entries.annotate(level_rank=_level_rank()).order_by("-level_rank", "-round__year", "-id")
    return Subquery(ranked.values("round__level")[:1], output_field=CharField())


def recognised_level():
    """The highest level of a round entry that recognised the exemplar (NULL if none)."""
    return _highest_level(
        RoundEntry.objects.filter(exemplar=OuterRef("pk"), decision__in=RECOGNISING_DECISIONS)
    )


def appraisal_level():
    """The level an exemplar reached: where it was recognised, else the highest round it entered, else ''."""
    entered = _highest_level(RoundEntry.objects.filter(exemplar=OuterRef("pk")))
    return Coalesce(recognised_level(), entered, Value(NO_LEVEL), output_field=CharField())


def level_label(level: str | None) -> str:
    if not level:
        return _("Chưa thẩm định")
    return dict(AppraisalRound.Level.choices).get(level, level)


# --- rounds, council and scoring -------------------------------------------------------------------


def member_candidates(round_: AppraisalRound):
    """Who may sit on the council: users holding a role in the owner's subtree or on one of its ancestors."""
    path = round_.owner.path
    ancestors = [path[:i] for i in range(access.SEGMENT_WIDTH, len(path) + 1, access.SEGMENT_WIDTH)]
    units = Q(assignments__unit__path__in=ancestors) | access.subtree_q("assignments__unit__path", [path])
    return User.objects.filter(is_active=True).filter(units).distinct().order_by("full_name", "username")


def admissible_exemplars(*, actor, round_: AppraisalRound):
    """Exemplars the actor sees, registered in the round's year in the owner's subtree, not yet admitted."""
    return (
        Exemplar.objects.visible_to(actor)
        .filter(access.subtree_q("unit__path", [round_.owner.path]))
        .filter(year=round_.year, status__in=ADMISSIBLE)
        .exclude(round_entries__round=round_)
    )


@dataclass
class RankingRow:
    entry: RoundEntry
    sheets_submitted: int
    total_sum: Decimal | None
    average: Decimal | None
    rank: int | None
    meets_threshold: bool


def ranking(round_: AppraisalRound) -> list[RankingRow]:
    """Entries by average of the submitted sheets' totals, best first; equal averages share a rank and the
    next rank skips ("1, 2, 2, 4"). Entries without a submitted sheet come last, unranked. One query."""
    submitted = Q(sheets__submitted_at__isnull=False)
    entries = (
        RoundEntry.objects.filter(round=round_)
        .select_related("exemplar__unit")
        .annotate(
            n_sheets=Count("sheets", filter=submitted), sum_total=Sum("sheets__total", filter=submitted)
        )
    )
    rows = []
    for entry in entries:
        average = None
        if entry.n_sheets:
            average = (Decimal(str(entry.sum_total)) / entry.n_sheets).quantize(CENT, rounding=ROUND_HALF_UP)
        total = Decimal(str(entry.sum_total)).quantize(CENT) if entry.sum_total is not None else None
        rows.append(
            RankingRow(
                entry=entry,
                sheets_submitted=entry.n_sheets,
                total_sum=total,
                average=average,
                rank=None,
                meets_threshold=average is not None and average >= round_.threshold,
            )
        )
    rows.sort(
        key=lambda r: (
            r.average is None,
            -(r.average or 0),
            vntext.sort_key(r.entry.exemplar.title),
            r.entry.pk,
        )
    )
    previous = None
    for position, row in enumerate(rows, start=1):
        if row.average is None:
            break
        row.rank = previous.rank if previous is not None and previous.average == row.average else position
        previous = row
    return rows


def visible_sheets(*, user, entry: RoundEntry) -> tuple[ScoreSheet | None, list[ScoreSheet]]:
    """(the user's own sheet, the other members' submitted sheets the user may see now).

    A member sees the others only after submitting their own; after the round closes, its organisers and
    members see them all."""
    round_ = entry.round
    sheets = (
        ScoreSheet.objects.filter(entry=entry)
        .select_related("member__user")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("submitted_at", "id")
    )
    own = next((s for s in sheets if s.member.user_id == user.pk), None)
    closed = round_.status == AppraisalRound.Status.CLOSED
    may_see = (own is not None and own.submitted_at is not None) or (
        closed
        and (own is not None or policy.can_manage(user, round_) or policy.seat_of(user, round_) is not None)
    )
    others = [s for s in sheets if s is not own and s.submitted_at is not None] if may_see else []
    return own, others


def my_pending(user):
    """Entries of open rounds where the user sits, not yet scored by the user, with a flag for own units."""
    done = ScoreSheet.objects.filter(member__user=user, entry=OuterRef("pk"), submitted_at__isnull=False)
    entries = (
        RoundEntry.objects.filter(round__members__user=user, round__status=AppraisalRound.Status.OPEN)
        .exclude(Exists(done))
        .select_related("round", "exemplar__unit")
        .order_by("round__year", "round_id", "exemplar__title")
    )
    own_paths = policy.own_unit_paths(user)
    return [(entry, policy.is_own_unit(entry.exemplar.unit.path, own_paths)) for entry in entries]


def round_list(user):
    """The rounds the user sees, with their counts and whether the user sits on each."""
    return (
        AppraisalRound.objects.visible_to(user)
        .select_related("owner")
        .annotate(
            n_entries=Count("entries", distinct=True),
            n_members=Count("members", distinct=True),
            seated=Exists(CouncilMember.objects.filter(round=OuterRef("pk"), user=user)),
        )
        .order_by("-year", "-id")
    )


def members_with_counts(round_: AppraisalRound) -> list[CouncilMember]:
    """The council, chair first, each with the number of sheets they have sent."""
    return list(
        round_.members.select_related("user")
        .annotate(n_sent=Count("sheets", filter=Q(sheets__submitted_at__isnull=False)))
        .order_by("-is_chair", "user__full_name", "user__username")
    )


def sent_sheets(seat: CouncilMember) -> dict:
    """entry id -> when the member sent their sheet for it."""
    return dict(
        ScoreSheet.objects.filter(member=seat, submitted_at__isnull=False).values_list(
            "entry_id", "submitted_at"
        )
    )


def my_seats(user):
    """The user's seats, latest rounds first, with sheets sent and entries to score."""
    return (
        CouncilMember.objects.filter(user=user)
        .select_related("round__owner")
        .annotate(
            n_sent=Count("sheets", filter=Q(sheets__submitted_at__isnull=False), distinct=True),
            n_entries=Count("round__entries", distinct=True),
        )
        .order_by("-round__year", "-round_id")
    )


def next_to_score(round_: AppraisalRound, seat: CouncilMember, current: RoundEntry) -> int | None:
    """The next entry the member has not scored yet (None when none is left or the round is closed)."""
    if round_.status != AppraisalRound.Status.OPEN:
        return None
    done = ScoreSheet.objects.filter(member=seat, entry=OuterRef("pk"), submitted_at__isnull=False)
    following = (
        RoundEntry.objects.filter(round=round_)
        .exclude(pk=current.pk)
        .exclude(Exists(done))
        .order_by("exemplar__title", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    return following


def admissible_page(candidates, q: str = ""):
    """The admissible exemplars as the admission page lists them, filtered by its search box."""
    shown = candidates.select_related("unit", "field").order_by("unit__path", "title")
    if q:
        shown = shown.filter(Q(search_text__contains=vntext.fold(q)) | Q(title__icontains=q))
    return shown


def round_result(round_: AppraisalRound):
    """The closed round as its result document prints it (documents.RoundResult)."""
    from danvan.plans.services import header_texts

    from ..registry.selectors import place_names
    from .documents import ResultRow, RoundResult

    entries = list(
        round_.entries.select_related("exemplar__unit").order_by(F("rank").asc(nulls_last=True), "id")
    )
    places = place_names({e.exemplar.unit for e in entries})
    superior, issuing = header_texts(round_.owner)
    if round_.minutes_file:
        note = "biên bản kèm theo: " + (round_.minutes_file_name or "tệp biên bản")
    else:
        note = "theo biên bản họp hội đồng"
    return RoundResult(
        round_name=round_.name,
        year=round_.year,
        superior_body=superior,
        issuing_body=issuing,
        number=round_.decision_number,
        place=round_.place_name,
        day=round_.decision_date,
        threshold=_points(round_.threshold),
        minutes_note=note,
        rows=[
            ResultRow(
                title=e.exemplar.title,
                unit=places.get(e.exemplar.unit_id, e.exemplar.unit.name),
                average=_points(e.average) if e.average is not None else "—",
                decision=e.get_decision_display(),
            )
            for e in entries
        ],
        signer_authority=[t for t in (round_.signer_authority, round_.signer_title) if t],
        signer_name=round_.signer_name,
        recipients=[line for line in round_.recipients.splitlines() if line.strip()],
    )


def _points(value) -> str:
    """ "86,5" (Vietnamese decimal comma, no trailing zeros)."""
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    return text.replace(".", ",")
