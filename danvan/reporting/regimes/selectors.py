"""Reads for regimes: their pages and each unit's punctuality across periods (reused by the dashboard)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy

from danvan.lib import periods

from ..models import Call, CallTarget, Submission
from .models import Regime

# One cell of the on-time grid: a unit in a period.
ON_TIME, LATE, MISSING, PENDING, NOT_ASKED = "on_time", "late", "missing", "pending", "not_asked"
CELL_LABELS = {
    ON_TIME: gettext_lazy("Đúng hạn"),
    LATE: gettext_lazy("Muộn"),
    MISSING: gettext_lazy("Chưa gửi, đã quá hạn"),
    PENDING: gettext_lazy("Chưa đến hạn"),
    NOT_ASKED: gettext_lazy("Không phải gửi"),
}


@dataclass
class Tally:
    """Counts over the periods already due (a pending period is not counted against a unit)."""

    on_time: int = 0
    late: int = 0
    missing: int = 0
    pending: int = 0

    @property
    def due(self) -> int:
        return self.on_time + self.late + self.missing

    @property
    def rate(self) -> int | None:
        """Percent sent on time among the periods due; None when nothing was due yet."""
        return round(100 * self.on_time / self.due) if self.due else None

    @property
    def sent_rate(self) -> int | None:
        return round(100 * (self.on_time + self.late) / self.due) if self.due else None

    def add(self, state: str) -> None:
        if state in (ON_TIME, LATE, MISSING, PENDING):
            setattr(self, state, getattr(self, state) + 1)


@dataclass
class Punctuality:
    """Units × periods: `states[(unit_id, period)]`, with tallies per unit, per period and overall."""

    periods: list[periods.Period]
    calls: dict[periods.Period, Call]
    states: dict[tuple[int, periods.Period], str] = field(default_factory=dict)
    per_unit: dict[int, Tally] = field(default_factory=dict)
    per_period: dict[periods.Period, Tally] = field(default_factory=dict)
    overall: Tally = field(default_factory=Tally)

    def state(self, unit_id: int, period: periods.Period) -> str:
        return self.states.get((unit_id, period), NOT_ASKED)


def cell_state(submission: Submission | None, call: Call, today: date) -> str:
    """On time or late by the first sending's mark (a returned answer was still sent); else missing once the
    due day has passed."""
    if submission is not None and submission.revision:
        return LATE if submission.is_late else ON_TIME
    return MISSING if today > call.due_end else PENDING


def punctuality(regime_or_calls: Regime | Iterable[Call], units, *, today: date | None = None) -> Punctuality:
    """Each unit's state in each period of a regime (or of the given period calls): three queries for a
    regime, two for a list of calls, whatever the number of units and periods."""
    today = today or timezone.localdate()
    if isinstance(regime_or_calls, Regime):
        calls = list(regime_or_calls.calls.exclude(period_start=None))
    else:
        calls = [c for c in regime_or_calls if c.period is not None]
    calls.sort(
        key=lambda c: (c.period_start, list(periods.PeriodKind).index(periods.PeriodKind(c.period_kind)))
    )
    by_period = {c.period: c for c in calls}
    unit_ids = [u if isinstance(u, int) else u.pk for u in units]
    result = Punctuality(periods=list(by_period), calls=by_period)
    if not calls or not unit_ids:
        return result
    targets = set(
        CallTarget.objects.filter(call__in=calls, unit_id__in=unit_ids).values_list("call_id", "unit_id")
    )
    submissions = {
        (s.call_id, s.unit_id): s
        for s in Submission.objects.filter(call__in=calls, unit_id__in=unit_ids).only(
            "id", "call_id", "unit_id", "revision", "is_late"
        )
    }
    for unit_id in unit_ids:
        tally = result.per_unit.setdefault(unit_id, Tally())
        for period, call in by_period.items():
            if (call.pk, unit_id) not in targets:
                continue
            state = cell_state(submissions.get((call.pk, unit_id)), call, today)
            result.states[(unit_id, period)] = state
            tally.add(state)
            result.per_period.setdefault(period, Tally()).add(state)
            result.overall.add(state)
    return result


def regimes_for(user):
    return Regime.objects.visible_to(user).select_related("owner", "root", "template")


def regime_calls(regime: Regime, *, kind: str | None = None):
    calls = regime.calls.all()
    if kind:
        calls = calls.filter(period_kind=kind)
    return calls.order_by("-period_start", "period_kind")


def upcoming(regime: Regime, today: date, count: int = 3) -> list[periods.Schedule]:
    """The next periods to open, for the page: what the daily job will do and when."""
    found = []
    for kind in regime.kinds:
        period = periods.Period.containing(kind, max(today, regime.start_date))
        if period.start < regime.start_date:
            period = period.next()
        for _i in range(count):
            planned = regime.schedule(period)
            if planned.opens_on > today:
                found.append(planned)
            period = period.next()
    return sorted(found, key=lambda s: s.opens_on)[:count]
