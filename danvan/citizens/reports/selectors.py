"""The citizen-reception and petition report of any period and subtree, counted by the database.

The petitions counted are those received in the period by a unit of the subtree (a merged duplicate is counted
once, in the petition it joined). Their state is taken as at the end of the period, or today while the period
runs: resolved on time (answered by the deadline), resolved late, overdue (unanswered, deadline passed) and
pending (unanswered, still in time). No personal data is read here.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, F, IntegerField, Q, Sum, Value
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from danvan.core import access
from danvan.org.models import Unit

from ..models import Dialogue, Petition, PetitionField

W = access.SEGMENT_WIDTH


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # "tháng 10/2026", "quý III/2026", "từ 01/10/2026 đến 15/10/2026"

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        start = date(year, month, 1)
        end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        return cls(start, end, f"tháng {month:02d}/{year}")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        start = date(year, 3 * quarter - 2, 1)
        last = 3 * quarter
        end = date(year + (last == 12), last % 12 + 1, 1) - timedelta(days=1)
        return cls(start, end, f"quý {('I', 'II', 'III', 'IV')[quarter - 1]}/{year}")

    @classmethod
    def between(cls, start: date, end: date) -> "Period":
        return cls(start, end, f"từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")


@dataclass
class Counts:
    label: str
    received: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    pending: int = 0

    @property
    def resolved(self) -> int:
        return self.on_time + self.late


@dataclass
class ReportFigures:
    unit_name: str
    period: Period
    as_of: date
    total: Counts
    by_field: list[Counts]
    by_locality: list[Counts]
    dialogues: int
    participants: int
    petitions_from_dialogues: int
    overdue_rows: list = field(default_factory=list)  # (id, title, field, locality, responsible, deadline)


def _conditions(as_of: date) -> dict:
    answered = Q(answered_on__isnull=False, answered_on__lte=as_of)
    on_time = answered & (Q(deadline__isnull=True) | Q(answered_on__lte=F("deadline")))
    late = answered & Q(deadline__isnull=False, answered_on__gt=F("deadline"))
    unanswered = ~answered
    return {
        "received": Count("id"),
        "on_time": Count("id", filter=on_time),
        "late": Count("id", filter=late),
        "overdue": Count("id", filter=unanswered & Q(deadline__lt=as_of)),
        "pending": Count("id", filter=unanswered & (Q(deadline__isnull=True) | Q(deadline__gte=as_of))),
    }


def petitions_in(unit: Unit, period: Period):
    return (
        Petition.objects.counted()
        .filter(access.subtree_q("received_path", [unit.path]))
        .filter(received_on__gte=period.start, received_on__lte=period.end)
    )


def report_figures(
    unit: Unit, period: Period, *, today: date | None = None, overdue_limit: int = 200
) -> ReportFigures:
    today = today or timezone.localdate()
    as_of = min(period.end, today)
    rows = petitions_in(unit, period)
    # One GROUP BY (field, locality): the totals, the fields and the localities are folded from it in Python
    # (at most fields x localities rows), so the database scans the period's petitions a single time.
    prefix = (unit.depth + 2) * W
    grouped = list(
        rows.order_by()
        .annotate(area_path=Substr("received_path", 1, prefix))
        .values("field_id", "area_path")
        .annotate(**_conditions(as_of), from_dialogues=Count("id", filter=Q(dialogue__isnull=False)))
    )
    keys = ("received", "on_time", "late", "overdue", "pending")
    fields = {f.pk: f for f in PetitionField.objects.filter(pk__in={r["field_id"] for r in grouped})}
    names = dict(Unit.objects.filter(path__in={r["area_path"] for r in grouped}).values_list("path", "name"))
    total = Counts("Tổng cộng")
    by_field: dict[int, Counts] = {}
    by_area: dict[str, Counts] = {}
    for r in grouped:
        area = r["area_path"]
        label = f"{unit.name} (trực tiếp)" if area == unit.path else names.get(area, unit.name)
        targets = (
            total,
            by_field.setdefault(r["field_id"], Counts(fields[r["field_id"]].name)),
            by_area.setdefault(area, Counts(label)),
        )
        for target in targets:
            for key in keys:
                setattr(target, key, getattr(target, key) + r[key])
    from_dialogues = sum(r["from_dialogues"] for r in grouped)
    field_order = sorted(by_field, key=lambda pk: (fields[pk].order, fields[pk].name))
    by_locality = sorted(by_area.values(), key=lambda c: (-c.received, c.label))
    held = (
        Dialogue.objects.filter(access.subtree_q("organiser__path", [unit.path]))
        .filter(time_start__gte=period.start, time_start__lte=period.end, status=Dialogue.Status.HELD)
        .aggregate(n=Count("id"), people=Coalesce(Sum("participants"), Value(0), output_field=IntegerField()))
    )
    overdue_rows = list(
        rows.filter(Q(answered_on__isnull=True) | Q(answered_on__gt=as_of), deadline__lt=as_of)
        .order_by("deadline", "id")
        .values_list(
            "id", "title", "field__name", "received_unit__name", "responsible_unit__name", "deadline"
        )[:overdue_limit]
    )
    return ReportFigures(
        unit_name=unit.name,
        period=period,
        as_of=as_of,
        total=total,
        by_field=[by_field[pk] for pk in field_order],
        by_locality=by_locality,
        dialogues=held["n"],
        participants=held["people"],
        petitions_from_dialogues=from_dialogues,
        overdue_rows=overdue_rows,
    )
