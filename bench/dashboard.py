"""Dashboard: the leaders' year at a glance (/tong-quan/) for the whole country and for one province.

Data: the nation's reporting year of `bench/nation.py` on the benchmark dataset (34 x 24 monthly calls to
every ward, quarterly calls to the agencies, about 80,000 answers with some late and some missing, tasks,
events), made once and reused.

Pages (the current year, monthly reports), measured like `foundation`'s (3 warm-up requests, `--repeat`
timed ones, one more under CaptureQueriesContext for the query count):

| page               | user     | URL                                          |
|--------------------|----------|----------------------------------------------|
| `nation`           | admin    | `/tong-quan/` (the 34 provinces)             |
| `province`         | admin    | `/tong-quan/don-vi/<Bắc Ninh>/` (its wards and agencies) |
| `province`         | province | `/tong-quan/` (Bắc Ninh's officer lands on the province) |
| `ward`             | ward     | `/tong-quan/` (the ward's officer)           |
| `export.nation`    | admin    | `/tong-quan/xuat.xlsx` (no target)           |

Each page twice:
- `<page>` as a leader who opens it again finds it: the figures kept since the last change to the data
  (danvan/site/dashboard/kept.py);
- `<page>.after_write`: the first request after a write anywhere (the data stamp moved before each timed
  request), which computes and draws everything; in a month's busy days, when a report arrives every few
  seconds somewhere in the country, most requests for the whole country are of this kind.

Targets (from the issue): at most 20 queries; the median within 3x of the floor, /about/ for the same user in
the same run. Both kinds are judged.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from bench.foundation import explain
from bench.measure import Context, row, time_get
from bench.nation import ensure_nation

MAX_QUERIES = 20
MAX_RATIO = 3.0


def pages(context: Context) -> list[tuple[str, str, str]]:
    year = timezone.localdate().year
    query = f"?year={year}&kind=month"
    province = context.dataset["refs"]["province"]
    return [
        ("nation", "admin", reverse("core:dashboard") + query),
        ("province", "admin", reverse("core:dashboard_unit", args=[province]) + query),
        ("province", "province", reverse("core:dashboard") + query),
        ("ward", "ward", reverse("core:dashboard") + query),
        ("export.nation", "admin", reverse("core:dashboard_export") + query),
    ]


def measure(context: Context) -> list[dict]:
    setup = ensure_nation(context)
    _analyze()
    details: dict = {"setup": setup, "pages": {}}
    rows: list[dict] = []
    floors: dict[str, dict] = {}
    for page, place, url in pages(context):
        user = context.user(place)
        client = context.client(user)
        if place not in floors:
            floor = floors[place] = time_get(client, reverse("core:about"), context.repeat)
            rows += [
                row(f"floor.about.{place}.median_ms", floor["median_ms"], "ms", floor["median_ms"]),
                row(f"floor.about.{place}.p95_ms", floor["p95_ms"], "ms", floor["p95_ms"]),
                row(f"floor.about.{place}.queries", floor["queries"], "queries", floor["queries"]),
            ]
        floor = floors[place]
        for name, result in (
            (f"dashboard.{page}.{place}", time_get(client, url, context.repeat)),
            (f"dashboard.{page}.after_write.{place}", time_get(client, url, context.repeat, before=_write)),
        ):
            rows += _rows(name, result, floor)
            details["pages"][name] = _details(url, result)
    context.details["dashboard"] = details
    return rows


def _write() -> None:
    """What any committed write to the rows the dashboard reads does: move the data stamp on."""
    from danvan.core import stamps
    from danvan.site.dashboard.kept import STAMP

    stamps.move(STAMP)


def _rows(name: str, result: dict, floor: dict) -> list[dict]:
    return [
        row(f"{name}.median_ms", result["median_ms"], "ms", floor["median_ms"]),
        row(f"{name}.p95_ms", result["p95_ms"], "ms", floor["p95_ms"]),
        row(f"{name}.queries", result["queries"], "queries", floor["queries"]),
    ]


def _details(url: str, result: dict) -> dict:
    slowest = sorted(result["query_log"], key=lambda q: q["ms"], reverse=True)[:3]
    for query in slowest:
        query["plan"] = explain(query["sql"])
    return {
        "url": url,
        "queries": result["queries"],
        "sql_ms": round(sum(q["ms"] for q in result["query_log"]), 3),
        "slowest": slowest,
    }


def _analyze() -> None:
    """Fresh statistics for the planner after the bulk inserts (SQLite's ANALYZE, PostgreSQL's too)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def verdict(result: dict) -> str:
    metric = result["metric"]
    if metric.startswith("floor.") or ".export." in metric:
        return ""
    if metric.endswith(".queries"):
        return "PASS" if result["value"] <= MAX_QUERIES else "MISS"
    if metric.endswith(".median_ms"):
        return "PASS" if result["ratio"] <= MAX_RATIO else "MISS"
    return ""
