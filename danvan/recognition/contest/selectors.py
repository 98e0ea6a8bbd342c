"""Reads of the press contest: who may judge, the rounds and the entries each judges, the ranking of a
round and the contest's results (computed from the marks, ties kept exact), and what the pages list."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Count, Q, Sum

from danvan.accounts.models import RoleAssignment, User
from danvan.core import access
from danvan.core.access import ROLE_CAPS, Cap
from danvan.lib import vntext
from danvan.org.models import Unit

from ..files import CONTEST_ENTRY
from ..models import Contest, ContestEntry, ContestRound, EntryScore, Exemplar
from ..registry.selectors import own_unit_with

TWO_PLACES = Decimal("0.01")


def judge_candidates(contest: Contest):
    """Accounts that may judge: a role with Cap.CONTEST_JUDGE held on the whole system, on a unit under
    the organiser or on one above it."""
    roles = [role for role, caps in ROLE_CAPS.items() if Cap.CONTEST_JUDGE in caps]
    owner = contest.owner
    assignments = RoleAssignment.objects.filter(role__in=roles).filter(
        access.subtree_q("unit__path", [owner.path])
        | Q(unit__isnull=True)
        | Q(unit__path__in=owner.ancestor_paths())
    )
    return User.objects.filter(pk__in=assignments.values("user_id"), is_active=True).order_by(
        "full_name", "username"
    )


def rounds_of(contest: Contest) -> list[ContestRound]:
    return list(contest.rounds.all())


def round_index(round_: ContestRound) -> int:
    """The position of the round among the contest's rounds (0 for the first)."""
    return sum(1 for r in rounds_of(round_.contest) if (r.order, r.pk) < (round_.order, round_.pk))


def round_entries(round_: ContestRound):
    """The entries judged in this round: all entries in the first, those chosen to go on after."""
    return round_.contest.entries.filter(stage__gte=round_index(round_)).select_related("submitted_by")


def format_points(value) -> str:
    if value is None:
        return "—"
    text = f"{Decimal(value).quantize(TWO_PLACES):f}"
    return text.rstrip("0").rstrip(".").replace(".", ",") if "." in text else text


@dataclass
class ResultRow:
    entry: ContestEntry
    rank: int | None = None
    tied: bool = False
    average: Decimal | None = None  # in the last round the entry reached, rounded for display
    judged_by: int = 0
    round_name: str = ""
    reached_final: bool = False
    prize: str = ""
    averages: dict = field(default_factory=dict)  # round pk -> Decimal, every round

    @property
    def average_text(self) -> str:
        return format_points(self.average)


def round_averages(round_: ContestRound) -> dict[int, tuple[Fraction, int]]:
    """entry pk -> (exact average, number of marks) for the round; one query."""
    rows = (
        EntryScore.objects.filter(round=round_)
        .values("entry_id")
        .annotate(total=Sum("points"), n=Count("id"))
    )
    return {row["entry_id"]: (Fraction(Decimal(row["total"])) / row["n"], row["n"]) for row in rows}


def _assign_ranks(rows: list[ResultRow], keys: dict) -> None:
    """Standard competition ranking (1, 2, 2, 4) over rows already sorted best first: rows with equal keys
    (exact averages, never rounded ones) share a rank and are marked tied; rows without a key get none."""
    previous, rank = None, 0
    for position, row in enumerate(rows, start=1):
        key = keys.get(row.entry.pk)
        if key is None:
            continue
        if key != previous:
            rank, previous = position, key
        row.rank = rank
    counts: dict[int, int] = {}
    for row in rows:
        if row.rank is not None:
            counts[row.rank] = counts.get(row.rank, 0) + 1
    for row in rows:
        row.tied = row.rank is not None and counts[row.rank] > 1


def contest_results(contest: Contest) -> list[ResultRow]:
    """Every entry, ranked: first those of the final round by their final-round average (ties share a rank
    and are shown as such), then those who stopped earlier, by the average of the last round they reached,
    then entries not marked at all."""
    rounds = rounds_of(contest)
    entries = list(contest.entries.select_related("submitted_by", "exemplar", "award__prize"))
    averages = {r.pk: round_averages(r) for r in rounds}
    rows = []
    for entry in entries:
        row = ResultRow(entry=entry)
        award = getattr(entry, "award", None)
        row.prize = award.prize.name if award else ""
        for r in rounds:
            if entry.pk in averages[r.pk]:
                row.averages[r.pk] = _display(averages[r.pk][entry.pk][0])
        rows.append(row)
    if not rounds:
        return rows
    reached = {row.entry.pk: min(row.entry.stage, len(rounds) - 1) for row in rows}
    exact: dict[int, Fraction] = {}
    for row in rows:
        last = rounds[reached[row.entry.pk]]
        row.round_name = last.name
        row.reached_final = reached[row.entry.pk] == len(rounds) - 1
        mark = averages[last.pk].get(row.entry.pk)
        if mark is not None:
            exact[row.entry.pk] = mark[0]
            row.judged_by = mark[1]
            row.average = _display(mark[0])

    def order(row: ResultRow):
        mark = exact.get(row.entry.pk)
        return (-reached[row.entry.pk], mark is None, -(mark or 0), vntext.sort_key(row.entry.title))

    rows.sort(key=order)
    # Ranks run on through the stages: the final round's entries first, then each earlier stage.
    _assign_ranks(rows, {pk: (-reached[pk], -value) for pk, value in exact.items()})
    return rows


def _display(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        TWO_PLACES, rounding=ROUND_HALF_UP
    )


def round_table(round_: ContestRound) -> list[ResultRow]:
    """The entries of one round ranked by their average in it (for the organiser's choice of who goes on)."""
    marks = round_averages(round_)
    rows = []
    for entry in round_entries(round_):
        row = ResultRow(entry=entry, round_name=round_.name)
        if entry.pk in marks:
            row.average = _display(marks[entry.pk][0])
            row.judged_by = marks[entry.pk][1]
        rows.append(row)
    exact = {pk: mark[0] for pk, mark in marks.items()}
    rows.sort(key=lambda r: (exact.get(r.entry.pk) is None, -(exact.get(r.entry.pk) or 0), r.entry.pk))
    _assign_ranks(rows, {pk: -value for pk, value in exact.items()})
    return rows


def contest_list(user):
    return (
        Contest.objects.visible_to(user)
        .select_related("owner")
        .annotate(entry_count=Count("entries", distinct=True))
        .order_by("-created_at", "-id")
    )


def units_under(user, contest: Contest):
    """The units the user sees under the organiser: those an entry may come from."""
    return Unit.objects.visible_to(user).filter(access.subtree_q("path", [contest.owner.path]))


def default_unit(user, units) -> Unit | None:
    """The unit an entry is sent from unless the user picks another."""
    return own_unit_with(user, units, Cap.CONTEST_ENTER)


def exemplars_for(user, contest: Contest):
    """Exemplars an entry may be about: recognised ones in the contest's scope, and those the user sees."""
    public = [Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED]
    mine = Exemplar.objects.visible_to(user).values("pk")
    return (
        Exemplar.objects.filter(access.subtree_q("unit__path", [contest.owner.path]))
        .filter(Q(status__in=public) | Q(pk__in=mine))
        .select_related("unit")
        .order_by("-year", "title")
    )


def rounds_with_counts(contest: Contest) -> list[ContestRound]:
    return list(
        contest.rounds.annotate(
            judge_count=Count("judges", distinct=True), score_count=Count("scores", distinct=True)
        ).order_by("order", "id")
    )


def judge_progress(round_: ContestRound) -> list:
    """The round's judges, each with the number of marks they have given in it."""
    return list(round_.judges.annotate(done=Count("contest_scores", filter=Q(contest_scores__round=round_))))


def my_marks(user, round_: ContestRound) -> dict[int, EntryScore]:
    return {s.entry_id: s for s in EntryScore.objects.filter(round=round_, judge=user)}


def readable_entry_ids(user, contest: Contest) -> set[int]:
    """The entries of `contest` whose files `user` may download, by the file door's own rule (a competing
    unit reads only its own entries until the results are published): the page links only those."""
    rows = CONTEST_ENTRY.rows(user).filter(contest=contest).exclude(file="")
    return {entry.pk for entry in rows if CONTEST_ENTRY.allowed(user, entry)}


def recent_entries(contest: Contest) -> list[ContestEntry]:
    return list(
        contest.entries.select_related("submitted_by", "exemplar", "award__prize").order_by(
            "-created_at", "-id"
        )
    )
