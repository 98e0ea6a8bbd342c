"""A nation's reporting year on top of the benchmark dataset: periodic calls, answers, tasks and events.

Not an area (the runner skips it): areas call `ensure_nation(context)` and read what it returns.

On the dataset of `bench/datagen.py` (34 provinces, 3,321 wards, 30 agencies a province), for the 24 months
before the current one:

* each province's committee asks all its wards for the monthly report: 34 x 24 calls, 79,704 (call, ward)
  pairs, period kind "month", the figures' period the calendar month, due on the 5th of the next month;
* each province asks its 30 agencies for the quarterly report of the 8 quarters that ended in that span
  (8,160 pairs);
* answers: each ward and agency has a habit drawn once (most answer on time, some are often late, a few
  often miss), and each pair is drawn from it: on time, late (1 to 9 days after the last day), a draft never
  sent, or nothing; a period whose last day is still ahead has fewer answers (the rest are pending);
* per province, an issued plan for the current year with 60 tasks led by its wards and agencies, due over
  the year, done / under way / not started (those past due and not done are overdue), and 12 events over the
  months around today.

Rows are written with `bulk_create` (calls through `refresh_derived` first, as the product's services fill
search text). The calls' instructions start with MARKER, which is how a later run finds them: a complete set
is reused, an incomplete one is removed and made again. The random generator is seeded.
"""

from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

MARKER = "[bench.nation]"
SEED = "danvan-bench-nation-v1"
MONTHS = 24
BATCH = 2000
DUE_AFTER_DAYS = 5
TASKS_PER_PROVINCE = 60
EVENTS_PER_PROVINCE = 12
# A unit's habit: (weight, chance of on time, of late, of a draft never sent); the rest is nothing at all.
HABITS = [(70, 0.93, 0.04, 0.01), (20, 0.70, 0.22, 0.03), (10, 0.45, 0.15, 0.10)]
PENDING_SENT_SHARE = 0.4  # a period still open: this share has already answered


def months_before(today: date, count: int) -> list[tuple[int, int]]:
    """The `count` calendar months before the one holding `today`, oldest first."""
    year, month = today.year, today.month
    out = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append((year, month))
    return out[::-1]


def ensure_nation(context=None, *, log=print) -> dict:
    """The nation's periodic calls, answers, tasks and events: reused when complete, else (re)made."""
    from danvan.reporting.models import Call

    started = time.perf_counter()
    today = timezone.localdate()
    provinces = _provinces()
    months = months_before(today, MONTHS)
    quarters = _quarters(months)
    expected = len(provinces) * (len(months) + len(quarters))
    calls = Call.objects.filter(instructions__startswith=MARKER)
    monthly = calls.filter(period_kind="month").order_by("period_start")
    first = monthly.values_list("period_start", flat=True).first()
    complete = calls.count() == expected and first == date(*months[0], 1)
    if not complete:
        with transaction.atomic():
            _remove()
            counts = _make(provinces, months, quarters, today, log=log)
    else:
        counts = _counts()
    return {
        "created": not complete,
        "setup_seconds": round(time.perf_counter() - started, 2),
        "first_month": f"{months[0][1]:02d}/{months[0][0]}",
        "last_month": f"{months[-1][1]:02d}/{months[-1][0]}",
        **counts,
    }


def _provinces():
    from danvan.org.models import Unit

    return list(Unit.objects.filter(code__startswith="HC-P").order_by("id"))


def _quarters(months: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(year, quarter) of every quarter whose last month is in `months`."""
    return [(y, m // 3) for y, m in months if m % 3 == 0]


def _counts() -> dict:
    from danvan.events.models import Event
    from danvan.plans.models import Task
    from danvan.reporting.models import Call, CallTarget, Submission

    calls = Call.objects.filter(instructions__startswith=MARKER)
    return {
        "calls": calls.count(),
        "targets": CallTarget.objects.filter(call__in=calls).count(),
        "submissions": Submission.objects.filter(call__in=calls).count(),
        "tasks": Task.objects.filter(plan__title__startswith=MARKER).count(),
        "events": Event.objects.filter(venue__startswith=MARKER).count(),
    }


def _remove() -> None:
    from danvan.events.models import Event
    from danvan.plans.models import Plan
    from danvan.reporting.models import Call

    Call.objects.filter(instructions__startswith=MARKER).delete()
    Plan.objects.filter(title__startswith=MARKER).delete()
    Event.objects.filter(venue__startswith=MARKER).delete()


def _make(provinces, months, quarters, today: date, *, log) -> dict:
    from danvan.lib.periods import Period, PeriodKind
    from danvan.org.models import Unit
    from danvan.reporting.models import Call, CallTarget, Submission
    from danvan.reporting.services import ensure_builtin_templates

    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size=-262144")
    rng = random.Random(SEED)
    template = ensure_builtin_templates()["result_report"]
    children = Unit.objects.filter(parent__in=provinces).values_list("id", "parent_id", "code")
    wards: dict[int, list[int]] = {p.pk: [] for p in provinces}
    agencies: dict[int, list[int]] = {p.pk: [] for p in provinces}
    for unit_id, parent_id, code in children.order_by("id"):
        (wards if (code or "").startswith("HC-W") else agencies)[parent_id].append(unit_id)
    habit_weights = [h[0] for h in HABITS]
    habits = {
        unit: rng.choices(HABITS, weights=habit_weights)[0]
        for group in (wards, agencies)
        for units in group.values()
        for unit in units
    }

    step = time.perf_counter()
    periods = [Period(PeriodKind.MONTH, y, m) for y, m in months]
    periods += [Period(PeriodKind.QUARTER, y, q) for y, q in quarters]
    calls = []
    for province in provinces:
        for period in periods:
            monthly = period.kind == PeriodKind.MONTH
            title = f"Báo cáo {'tháng' if monthly else 'quý'} — {period.label} ({province.short_name})"
            call = Call(
                owner=province,
                template=template,
                title=title,
                instructions=f"{MARKER} Báo cáo kết quả công tác dân vận trong kỳ, gửi đúng hạn.",
                due_end=period.end + timedelta(days=DUE_AFTER_DAYS),
                period_kind=period.kind,
                period_start=period.start,
                period_end=period.end,
                status=Call.Status.OPEN if period.end >= today - timedelta(days=40) else Call.Status.CLOSED,
            )
            call.refresh_derived()
            calls.append(call)
    calls = Call.objects.bulk_create(calls, batch_size=BATCH)
    log(f"  nation: {len(calls)} periodic calls ({time.perf_counter() - step:.1f} s)")

    step = time.perf_counter()
    tz = timezone.get_current_timezone()

    def pairs():
        for call in calls:
            asked = wards if call.period_kind == PeriodKind.MONTH else agencies
            yield from ((call, unit) for unit in asked[call.owner_id])

    CallTarget.objects.bulk_create(
        (CallTarget(call=call, unit_id=unit) for call, unit in pairs()), batch_size=BATCH
    )
    log(f"  nation: targets ({time.perf_counter() - step:.1f} s)")

    step = time.perf_counter()

    def answers():
        for call, unit in pairs():
            _weight, on_time, late, draft = habits[unit]
            due = datetime.combine(call.due_end, datetime.min.time(), tzinfo=tz) + timedelta(hours=17)
            roll = rng.random()
            if call.due_end >= today:  # still open: some answered already, the rest pending
                if roll < PENDING_SENT_SHARE:
                    yield _sent(call, unit, due - timedelta(hours=rng.randint(2, 96)), False)
                continue
            if roll < on_time:
                yield _sent(call, unit, due - timedelta(hours=rng.randint(1, 24 * 6)), False)
            elif roll < on_time + late:
                yield _sent(call, unit, due + timedelta(hours=rng.randint(20, 24 * 9)), True)
            elif roll < on_time + late + draft:
                yield Submission(call=call, unit_id=unit, answers={"1": "Đang tổng hợp"}, has_content=True)

    def _sent(call, unit, at, is_late):
        return Submission(
            call=call,
            unit_id=unit,
            status=Submission.Status.ACCEPTED if rng.random() < 0.6 else Submission.Status.SUBMITTED,
            answers={"1": "Kết quả công tác dân vận trong kỳ."},
            has_content=True,
            submitted_at=at,
            is_late=is_late,
            revision=1,
        )

    Submission.objects.bulk_create(answers(), batch_size=BATCH)
    log(f"  nation: answers ({time.perf_counter() - step:.1f} s)")

    step = time.perf_counter()
    _tasks_and_events(rng, provinces, wards, agencies, today)
    log(f"  nation: tasks and events ({time.perf_counter() - step:.1f} s)")
    return _counts()


def _tasks_and_events(rng, provinces, wards, agencies, today: date) -> None:
    from danvan.events.models import Event
    from danvan.plans.models import Plan, Task

    plans = Plan.objects.bulk_create(
        Plan(
            issuing_unit=province,
            title=f"{MARKER} Kế hoạch thực hiện nhiệm vụ công tác dân vận năm {today.year}",
            status=Plan.Status.ISSUED,
            issued_on=date(today.year, 1, 10),
            search_text="",
        )
        for province in provinces
    )
    tasks, events = [], []
    start = date(today.year, 1, 15)
    for plan, province in zip(plans, provinces, strict=True):
        leads = wards[province.pk] + agencies[province.pk]
        for number in range(TASKS_PER_PROVINCE):
            due = start + timedelta(days=rng.randint(0, 345))
            roll = rng.random()
            status = (
                Task.Status.DONE
                if roll < 0.55
                else Task.Status.IN_PROGRESS
                if roll < 0.8
                else Task.Status.TODO
            )
            tasks.append(
                Task(
                    plan=plan,
                    order=number,
                    label=str(number + 1),
                    title=f"Triển khai nội dung {number + 1} của kế hoạch tại cơ sở",
                    lead_unit_id=rng.choice(leads),
                    due_end=due,
                    due_text=due.strftime("trước ngày %d/%m/%Y"),
                    status=status,
                    progress=100 if status == Task.Status.DONE else rng.randint(0, 90),
                )
            )
        for number in range(EVENTS_PER_PROVINCE):
            day = today + timedelta(days=rng.randint(-150, 120))
            events.append(
                Event(
                    organiser_id=rng.choice([province.pk, *agencies[province.pk][:3]]),
                    title=f"Hội nghị chuyên đề công tác dân vận số {number + 1}",
                    venue=f"{MARKER} Hội trường {province.short_name}",
                    time_start=day,
                    time_end=day,
                    time_text=day.strftime("ngày %d/%m/%Y"),
                    status=Event.Status.PLANNED if day >= today else Event.Status.CLOSED,
                )
            )
    Task.objects.bulk_create(tasks, batch_size=BATCH)
    Event.objects.bulk_create(events, batch_size=BATCH)
