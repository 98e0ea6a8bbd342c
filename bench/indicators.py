"""Indicators: rolling up one indicator for the nation for one period, beside the bare SQL aggregate.

Setup (once, kept in the benchmark database; reused when complete): the built-in indicator "dialogues
held"; for every one of the 3,321 wards a value for each of the 24 months of 2024-2025 (about 80,000
values), written with ``bulk_create``; 10 of the 34 provinces (the first by id) also report their own
monthly total (their wards' sum plus a few dialogues of their own), so their wards are covered
(``covered_at = 0``) and the roll-up must count the province's figure instead of its wards'.

Timed (median of ``--repeat`` calls, and the SQL queries of one more), for June 2025:

* ``rollup.nation``: ``selectors.rollup(indicator, None, period)`` (the whole tree), against the floor
  ``SELECT SUM(value) ... WHERE indicator, period AND covered_at IS NULL`` (the same answer, bare SQL);
* ``rollup_by_child.nation``: ``selectors.rollup_by_child(indicator, None, period)`` (one figure per
  province), against ``SELECT substr(path, 1, 6), SUM(value) ... GROUP BY 1`` plus reading the provinces;
* ``rollup.province`` and ``rollup_by_child.province``: the same for the largest uncovered province (its
  subtree by path range), against the same bare aggregates with the path range;
* ``series.nation``: ``selectors.series(indicator, None, "quarter", 2025)`` (four quarters made from the
  months, one query), against ``SELECT period_start, SUM(value) ... GROUP BY 1`` over the year's months;
* every selector's result is checked against its floor's (a wrong roll-up stops the run).

Targets (PASS/MISS): one query for rollup and series, two for rollup_by_child; the median of each within 3x
of its floor.
"""

from __future__ import annotations

import random
import time
from datetime import date
from decimal import Decimal

from django.db import connection, transaction

from bench.measure import Context, row, time_call

SEED = "danvan-bench-indicators-v1"
MONTHS = [(year, month) for year in (2024, 2025) for month in range(1, 13)]
REPORTING_PROVINCES = 10
BATCH = 5000
MAX_RATIO = 3.0
MAX_QUERIES = {"rollup": 1, "series": 1, "rollup_by_child": 2}


def ensure_values(context: Context) -> dict:
    from django.db.models import Count

    from danvan.org.models import Unit
    from danvan.reporting.indicators.catalogue import ensure_builtin_indicators
    from danvan.reporting.indicators.models import Indicator, IndicatorValue

    started = time.perf_counter()
    ensure_builtin_indicators(Indicator)
    indicator = Indicator.objects.get(code="doi-thoai")
    wards = list(Unit.objects.filter(code__startswith="HC-W").values_list("pk", "parent_id").order_by("id"))
    provinces = list(Unit.objects.filter(code__startswith="HC-P").order_by("id").values_list("pk", flat=True))
    reporting = set(provinces[:REPORTING_PROVINCES])
    expected = len(MONTHS) * (len(wards) + len(reporting))
    values = IndicatorValue.objects.filter(indicator=indicator)
    created = values.count() != expected
    if created:
        with transaction.atomic():
            values.delete()
            rng = random.Random(SEED)
            rows = []
            for year, month in MONTHS:
                start = date(year, month, 1)
                totals: dict[int, int] = {}
                for ward, province in wards:
                    value = rng.randint(0, 12)
                    totals[province] = totals.get(province, 0) + value
                    rows.append(
                        IndicatorValue(
                            indicator=indicator,
                            unit_id=ward,
                            period_kind="month",
                            period_start=start,
                            value=Decimal(value),
                            covered_at=0 if province in reporting else None,
                        )
                    )
                for province in reporting:
                    rows.append(
                        IndicatorValue(
                            indicator=indicator,
                            unit_id=province,
                            period_kind="month",
                            period_start=start,
                            value=Decimal(totals[province] + rng.randint(0, 5)),
                        )
                    )
            IndicatorValue.objects.bulk_create(rows, batch_size=BATCH)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    province = (  # the uncovered province with the most wards
        Unit.objects.filter(pk__in=set(provinces) - reporting)
        .annotate(wards=Count("children"))
        .order_by("-wards", "id")
        .first()
    )
    return {
        "created": created,
        "setup_seconds": round(time.perf_counter() - started, 2),
        "values": values.count(),
        "indicator": indicator.pk,
        "province": province.pk,
        "reporting_provinces": len(reporting),
    }


def _bare(sql: str, params: list) -> list:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _queries(function) -> int:
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured.captured_queries)


def measure(context: Context) -> list[dict]:
    from danvan.core.access import prefix_upper_bound
    from danvan.lib.periods import Period, PeriodKind
    from danvan.org.models import Unit
    from danvan.reporting.indicators import selectors
    from danvan.reporting.indicators.models import Indicator, IndicatorValue

    setup = ensure_values(context)
    indicator = Indicator.objects.get(pk=setup["indicator"])
    province = Unit.objects.get(pk=setup["province"])
    period = Period(PeriodKind.MONTH, 2025, 6)
    table = IndicatorValue._meta.db_table
    units = Unit._meta.db_table
    base = f"FROM {table} v WHERE v.indicator_id = %s AND v.period_kind = 'month' AND v.period_start = %s"
    params = [indicator.pk, period.start]
    joined = (
        f"FROM {table} v JOIN {units} u ON u.id = v.unit_id WHERE v.indicator_id = %s "
        "AND v.period_kind = 'month' AND v.period_start = %s"
    )
    low, high = province.path, prefix_upper_bound(province.path)
    width = len(province.path) + 6

    cases = {
        "rollup.nation": (
            lambda: selectors.rollup(indicator, None, period),
            lambda: _bare(f"SELECT SUM(v.value) {base} AND v.covered_at IS NULL", params),
        ),
        "rollup_by_child.nation": (
            lambda: selectors.rollup_by_child(indicator, None, period),
            lambda: (
                _bare(
                    f"SELECT substr(u.path, 1, 6), SUM(v.value) {joined} AND v.covered_at IS NULL GROUP BY 1",
                    params,
                ),
                list(Unit.objects.filter(parent__isnull=True)),
            ),
        ),
        "rollup.province": (
            lambda: selectors.rollup(indicator, province, period),
            lambda: _bare(
                f"SELECT SUM(v.value) {joined} AND u.path >= %s AND u.path < %s "
                "AND (v.covered_at IS NULL OR v.covered_at < %s)",
                [*params, low, high, province.depth],
            ),
        ),
        "rollup_by_child.province": (
            lambda: selectors.rollup_by_child(indicator, province, period),
            lambda: (
                _bare(
                    f"SELECT substr(u.path, 1, {width}), SUM(v.value) {joined} "
                    "AND u.path > %s AND u.path < %s "
                    "AND (v.covered_at IS NULL OR v.covered_at < %s) GROUP BY 1",
                    [*params, low, high, province.depth + 1],
                ),
                list(Unit.objects.filter(parent=province)),
            ),
        ),
        "series.nation": (
            lambda: selectors.series(indicator, None, "quarter", 2025),
            lambda: _bare(
                f"SELECT v.period_start, SUM(v.value) FROM {table} v WHERE v.indicator_id = %s "
                "AND v.period_kind = 'month' AND v.period_start >= %s AND v.period_start <= %s "
                "AND v.covered_at IS NULL GROUP BY 1",
                [indicator.pk, date(2025, 1, 1), date(2025, 12, 31)],
            ),
        ),
    }
    # The selectors must give the bare aggregates' answers before anything is timed.
    nation = _bare(f"SELECT SUM(v.value) {base} AND v.covered_at IS NULL", params)[0][0]
    assert selectors.rollup(indicator, None, period) == Decimal(str(nation)), "rollup.nation is wrong"
    by_child = sum(v for _u, v in selectors.rollup_by_child(indicator, None, period) if v is not None)
    assert by_child == Decimal(str(nation)), "rollup_by_child.nation does not add up to the nation"
    in_province = cases["rollup.province"][1]()[0][0]
    assert selectors.rollup(indicator, province, period) == Decimal(str(in_province)), "rollup.province"

    rows: list[dict] = []
    details: dict = {"setup": setup, "period": period.label, "cases": {}}
    floors: dict[str, dict] = {}
    for name, (function, bare) in cases.items():
        if bare is not None:
            floors[name] = time_call(bare, context.repeat)  # every case has its bare floor
        floor = floors[name]
        result = time_call(function, context.repeat)
        queries = _queries(function)
        rows += [
            row(f"{name}.median_ms", result["median_ms"], "ms", floor["median_ms"]),
            row(f"{name}.p95_ms", result["p95_ms"], "ms", floor["p95_ms"]),
            row(f"{name}.queries", queries, "queries", 1),
        ]
        details["cases"][name] = {"result": result, "floor": floor, "queries": queries}
    context.details["indicators"] = details
    return rows


def verdict(result: dict) -> str:
    metric = result["metric"]
    if metric.endswith(".queries"):
        kind = metric.split(".")[0]
        return "PASS" if result["value"] <= MAX_QUERIES[kind] else "MISS"
    if metric.endswith(".median_ms"):
        return "PASS" if result["ratio"] <= MAX_RATIO else "MISS"
    return ""
