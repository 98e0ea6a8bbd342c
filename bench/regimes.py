"""Regimes: opening one month's calls for every commune of the country in one run of the daily job.

``NEEDS_DATASET = False``: this area makes its own organisation, with bulk inserts, in the benchmark database
(``manage.py migrate`` first, so it runs on a fresh file too), and removes it at the end (everything it made
carries the code prefix ``BENCH-RG-`` or the name marker ``[bench.regimes]``).

Setup: 34 provinces, each with its Ban Tuyên giáo và Dân vận, 10 provincial agencies and 100 communes (3,808
units, ``bulk_create`` then paths in one ``executemany``, as bench/datagen does); one outline form; 34 regimes
(one per province: the committee receives its communes' monthly citizen-reception report, figures to the
month end, due on the 5th of the next month), started 24 months before the measured month. The first 23
months are opened in one catch-up run of ``open_due_periods`` (782 calls, 78,200 targets: the two years of
history the issue asks for), timed once.

Measured, ``min(--repeat, 5)`` times each (median; the rows made are deleted between runs, not timed):

* ``open_month``: ``open_due_periods(day)`` on the measured month's last day: 34 calls with their history
  rows and audit events, 3,400 targets; time and SQL queries;
* ``rerun``: the same call again once the month is open (opens nothing): time and queries;
* floor: a bare ``bulk_create`` of the same 34 calls and 3,400 targets in one transaction.
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from bench.measure import Context, row

NEEDS_DATASET = False
PROVINCES = 34
COMMUNES = 100
AGENCIES = 10
CODE = "BENCH-RG-"
MARKER = "[bench.regimes]"
MONTH = date(2026, 10, 1)  # the measured month; the regimes start two years before it
START = date(2024, 11, 1)
MAX_RUNS = 5
BATCH = 2000


def measure(context: Context) -> list[dict]:
    if connection.vendor == "sqlite":  # a fresh checkout has no bench/data yet
        Path(connection.settings_dict["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    cleanup()
    try:
        info = build()
        catch_up = _catch_up()
        runs = max(1, min(context.repeat, MAX_RUNS))
        opening = _time_opening(runs)
        rerun = _time_rerun(runs)
        floor = _time_floor(runs)
    finally:
        cleanup()
    context.details["regimes"] = {
        **info,
        "catch_up": catch_up,
        "open_month": opening,
        "rerun": rerun,
        "floor": floor,
        "runs": runs,
    }
    return [
        row("regimes.open_month.median_ms", opening["median_ms"], "ms", floor["median_ms"]),
        row("regimes.open_month.queries", opening["queries"], "queries", floor["queries"]),
        row("regimes.open_month.targets", opening["targets"], "rows", floor["targets"]),
        row("regimes.rerun.median_ms", rerun["median_ms"], "ms", floor["median_ms"]),
        row("regimes.rerun.queries", rerun["queries"], "queries", floor["queries"]),
        row("regimes.catch_up_23_months.s", catch_up["seconds"], "s", catch_up["floor_seconds"]),
    ]


def verdict(result: dict) -> str:
    return ""


# --- setup -------------------------------------------------------------------------------------------------


def _units(specs: list[tuple[str, str, str]], parents: list) -> list:
    """Insert units in bulk and give them their paths (parent path + encoded id) in one executemany."""
    from danvan.core import access
    from danvan.org.models import Unit, UnitKind

    kinds = {k.code: k for k in UnitKind.objects.all()}
    made = []
    for (code, name, kind), _parent in zip(specs, parents, strict=True):
        unit = Unit(code=code, name=name, kind=kinds[kind], parent=_parent)
        unit.refresh_derived()
        made.append(unit)
    created = Unit.objects.bulk_create(made, batch_size=BATCH)
    rows = []
    for unit, parent in zip(created, parents, strict=True):
        unit.path = (parent.path if parent else "") + access.encode_segment(unit.pk)
        unit.depth = len(unit.path) // access.SEGMENT_WIDTH - 1
        rows.append((unit.path, unit.depth, unit.pk))
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(Unit._meta.db_table)} SET {quote('path')} = %s, {quote('depth')} = %s "
            f"WHERE {quote('id')} = %s",
            rows,
        )
    return created


@transaction.atomic
def build() -> dict:
    from danvan.org.models import UnitKind
    from danvan.reporting.models import FieldKind, FormField, FormTemplate, Regime

    started = time.perf_counter()
    if not UnitKind.objects.filter(code="commune").exists():
        from danvan.org.kinds import ensure_default_kinds

        ensure_default_kinds(UnitKind)
    provinces = _units(
        [(f"{CODE}P{p:02d}", f"Tỉnh Thử Nghiệm {p:02d}", "province") for p in range(PROVINCES)],
        [None] * PROVINCES,
    )
    specs, parents = [], []
    for p, province in enumerate(provinces):
        specs.append(
            (f"{CODE}P{p:02d}-BTGDV", f"Ban Tuyên giáo và Dân vận Tỉnh ủy {p:02d}", "mobilization_committee")
        )
        parents.append(province)
        for a in range(AGENCIES):
            specs.append((f"{CODE}P{p:02d}-A{a:02d}", f"Sở thử nghiệm {a:02d} tỉnh {p:02d}", "agency"))
            parents.append(province)
        for c in range(COMMUNES):
            specs.append((f"{CODE}P{p:02d}-C{c:03d}", f"Xã Thử Nghiệm {c:03d} tỉnh {p:02d}", "commune"))
            parents.append(province)
    below = _units(specs, parents)
    committees = {u.parent_id: u for u in below if u.code.endswith("-BTGDV")}
    template = FormTemplate.objects.create(name=f"{MARKER} Báo cáo tiếp công dân", layout="outline")
    FormField.objects.bulk_create(
        FormField(template=template, order=i, label=label, kind=FieldKind.NUMBER)
        for i, label in enumerate(["Số ngày tiếp công dân", "Số lượt công dân", "Số đơn tiếp nhận"])
    )
    regimes = Regime.objects.bulk_create(
        Regime(
            owner=committees[province.pk],
            name=f"{MARKER} Tiếp công dân hằng tháng {i:02d}",
            template=template,
            root=province,
            max_levels=1,
            period_kinds=["month"],
            cutoff_day=0,
            due_kind="day_of_month",
            due_value=5,
            due_month_offset=1,
            start_date=START,
        )
        for i, province in enumerate(provinces)
    )
    commune = UnitKind.objects.get(code="commune")
    Regime.unit_kinds.through.objects.bulk_create(
        Regime.unit_kinds.through(regime_id=r.pk, unitkind_id=commune.pk) for r in regimes
    )
    return {
        "units": len(provinces) + len(below),
        "communes": PROVINCES * COMMUNES,
        "regimes": len(regimes),
        "setup_seconds": round(time.perf_counter() - started, 2),
    }


def _catch_up() -> dict:
    """The two years before the measured month, opened in one run, and the same rows bulk-inserted bare."""
    from danvan.reporting.regimes.services import open_due_periods

    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        result = open_due_periods(date(MONTH.year, MONTH.month, 1))
    seconds = time.perf_counter() - started
    calls, targets = _bare_rows(month=None)
    floor = _timed_bare_insert(calls, targets)
    return {
        "seconds": round(seconds, 3),
        "queries": len(captured),
        "calls": len(result.calls),
        "targets": result.targets,
        "floor_seconds": round(floor["seconds"], 3),
    }


# --- the measured run --------------------------------------------------------------------------------------


def _month_end() -> date:
    from danvan.lib import periods

    return periods.Period(periods.PeriodKind.MONTH, MONTH.year, MONTH.month).end


def _delete_month() -> None:
    from danvan.core.models import AuditEvent
    from danvan.reporting.models import Call

    calls = Call.objects.filter(regime__name__startswith=MARKER, period_start=MONTH)
    ids = [str(pk) for pk in calls.values_list("pk", flat=True)]
    AuditEvent.objects.filter(verb="open", object_id__in=ids, actor__isnull=True).delete()
    calls.delete()
    Call.history.filter(regime__name__startswith=MARKER, period_start=MONTH).delete()


def _time_opening(runs: int) -> dict:
    from danvan.reporting.regimes.services import open_due_periods

    seconds, queries, targets = [], 0, 0
    for _run in range(runs):
        _delete_month()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            result = open_due_periods(_month_end())
        seconds.append(time.perf_counter() - started)
        queries, targets = len(captured), result.targets
        if len(result.calls) != PROVINCES or result.targets != PROVINCES * COMMUNES:
            raise RuntimeError(f"opened {len(result.calls)} calls, {result.targets} targets")
    return {"median_ms": statistics.median(seconds) * 1000, "queries": queries, "targets": targets}


def _time_rerun(runs: int) -> dict:
    from danvan.reporting.regimes.services import open_due_periods

    seconds, queries = [], 0
    for _run in range(runs):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            result = open_due_periods(_month_end())
        seconds.append(time.perf_counter() - started)
        queries = len(captured)
        if result.calls:
            raise RuntimeError("a second run opened calls again")
    return {"median_ms": statistics.median(seconds) * 1000, "queries": queries}


def _bare_rows(month: date | None):
    """The calls and targets the opening makes, as plain rows (no history, no audit, no rules)."""
    from danvan.org.models import Unit
    from danvan.reporting.models import Regime

    regimes = list(Regime.objects.filter(name__startswith=MARKER).select_related("root", "template", "owner"))
    communes = {}
    for pk, path in Unit.objects.filter(code__startswith=CODE, kind__code="commune").values_list(
        "pk", "path"
    ):
        communes.setdefault(path[:6], []).append(pk)
    if month is None:  # the catch-up's 23 months
        months = []
        day = START
        while day < MONTH:
            months.append(day)
            day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    else:
        months = [month]
    calls, targets = [], []
    for regime in regimes:
        for start in months:
            calls.append((regime, start))
            targets.append(communes[regime.root.path])
    return calls, targets


def _timed_bare_insert(calls, targets) -> dict:
    from danvan.reporting.models import Call, CallTarget

    def rows():
        made = []
        for regime, start in calls:
            made.append(
                Call(
                    owner_id=regime.owner_id,
                    template_id=regime.template_id,
                    title=f"{MARKER} bare",
                    due_end=start,
                    period_kind="month",
                    period_start=start,
                    period_end=start,
                    instructions=MARKER,
                )
            )
        return made

    prepared = rows()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured, transaction.atomic():
        made = Call.objects.bulk_create(prepared, batch_size=500)
        CallTarget.objects.bulk_create(
            [
                CallTarget(call_id=c.pk, unit_id=u)
                for c, units in zip(made, targets, strict=True)
                for u in units
            ],
            batch_size=BATCH,
        )
    seconds = time.perf_counter() - started
    Call.objects.filter(title=f"{MARKER} bare").delete()
    return {"seconds": seconds, "queries": len(captured), "targets": sum(len(t) for t in targets)}


def _time_floor(runs: int) -> dict:
    calls, targets = _bare_rows(month=MONTH)
    results = [_timed_bare_insert(calls, targets) for _run in range(runs)]
    return {
        "median_ms": statistics.median(r["seconds"] for r in results) * 1000,
        "queries": results[-1]["queries"],
        "targets": results[-1]["targets"],
    }


# --- cleanup -----------------------------------------------------------------------------------------------


@transaction.atomic
def cleanup() -> None:
    from danvan.core.models import AuditEvent
    from danvan.org.models import Unit
    from danvan.reporting.models import Call, FormTemplate, Regime

    calls = Call.objects.filter(regime__name__startswith=MARKER)
    ids = [str(pk) for pk in calls.values_list("pk", flat=True)]
    for chunk in range(0, len(ids), 5000):
        AuditEvent.objects.filter(verb="open", object_id__in=ids[chunk : chunk + 5000]).delete()
    calls.delete()
    Call.objects.filter(title=f"{MARKER} bare").delete()
    Call.history.filter(title__startswith=MARKER).delete()
    Call.history.filter(regime__name__startswith=MARKER).delete()
    Regime.objects.filter(name__startswith=MARKER).delete()
    Regime.history.filter(name__startswith=MARKER).delete()
    FormTemplate.objects.filter(name__startswith=MARKER).delete()
    FormTemplate.history.filter(name__startswith=MARKER).delete()
    units = Unit.objects.filter(code__startswith=CODE)
    for depth in sorted(set(units.values_list("depth", flat=True)), reverse=True):
        units.filter(depth=depth).delete()
    Unit.history.filter(code__startswith=CODE).delete()
