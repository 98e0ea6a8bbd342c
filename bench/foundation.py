"""Foundation: the pages every user opens first, as three kinds of user, and loading the divisions.

Targets (from the issue): no page above 20 SQL queries whatever the data size, and each page's median within
3× of the floor (the median of the trivial page /about/ for the same user, measured the same way in the
same run; /healthz and the login page are reported beside it).
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse

from bench.measure import Context, row, time_call, time_get

MAX_QUERIES = 20
MAX_RATIO = 3.0
USERS = ("admin", "province", "ward")
LOAD_REPEAT_CAP = 10  # load_divisions takes seconds: at most this many runs whatever --repeat says


def pages(context: Context) -> list[tuple[str, str]]:
    refs = context.dataset["refs"]
    common, rare = context.dataset["common_word"], context.dataset["rare_word"]
    return [
        ("home", "/"),
        ("unit_province", reverse("org:unit_detail", args=[refs["province"]])),
        ("unit_ward", reverse("org:unit_detail", args=[refs["ward"]])),
        ("people_p1", reverse("org:person_list")),
        ("people_p50", reverse("org:person_list") + "?page=50"),
        ("search_common", reverse("core:search") + f"?q={common}"),
        ("search_rare", reverse("core:search") + f"?q={rare}"),
    ]


def measure(context: Context) -> list[dict]:
    from danvan.org.models import Unit

    healthz = context.page_floor("healthz")
    login = context.page_floor("login")
    rows = [
        row("floor.healthz.median_ms", healthz["median_ms"], "ms", healthz["median_ms"]),
        row("floor.healthz.p95_ms", healthz["p95_ms"], "ms", healthz["p95_ms"]),
        row("floor.healthz.queries", healthz["queries"], "queries", healthz["queries"]),
        row("floor.login.median_ms", login["median_ms"], "ms", healthz["median_ms"]),
        row("floor.login.p95_ms", login["p95_ms"], "ms", healthz["p95_ms"]),
        row("floor.login.queries", login["queries"], "queries", healthz["queries"]),
    ]
    details = {}
    for place in USERS:
        user = context.user(place)
        client = context.client(user)
        refs = context.dataset["refs"]
        visible = set(
            Unit.objects.visible_to(user)
            .filter(pk__in=[refs["province"], refs["ward"]])
            .values_list("pk", flat=True)
        )
        # The floor of a page is the app's trivial page (/about/: the base layout, the session, the user and
        # their roles) for the same user in the same run: the work every page does before its own.
        floor = time_get(client, reverse("core:about"), context.repeat)
        rows += [
            row(f"floor.about.{place}.median_ms", floor["median_ms"], "ms", floor["median_ms"]),
            row(f"floor.about.{place}.queries", floor["queries"], "queries", floor["queries"]),
        ]
        for page, url in pages(context):
            if page.startswith("unit_") and refs[page.removeprefix("unit_")] not in visible:
                continue  # out of the user's scope: a 404, not a page to time
            result = time_get(client, url, context.repeat)
            name = f"{page}.{place}"
            rows += [
                row(f"{name}.median_ms", result["median_ms"], "ms", floor["median_ms"]),
                row(f"{name}.p95_ms", result["p95_ms"], "ms", floor["p95_ms"]),
                row(f"{name}.queries", result["queries"], "queries", floor["queries"]),
            ]
            slowest = sorted(result["query_log"], key=lambda q: q["ms"], reverse=True)[:3]
            if slowest:
                slowest[0]["plan"] = explain(slowest[0]["sql"])
            details[name] = {"url": url, "queries": result["queries"], "slowest": slowest}
    rows += measure_load_divisions(context)
    context.details["foundation"] = details
    return rows


def explain(sql: str) -> list[str]:
    """The database's plan for a captured query (its parameters are already inlined), one line per step."""
    if not sql.lstrip().upper().startswith("SELECT"):
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            return [f"{row[0]}<{row[1]} {row[3]}" for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN {sql}")
        return [row[0] for row in cursor.fetchall()]


def verdict(result: dict) -> str:
    """PASS or MISS against the issue's targets; "" for rows without a target (floors, p95, loading)."""
    metric = result["metric"]
    if metric.startswith(("floor.", "load_divisions")):
        return ""
    if metric.endswith(".queries"):
        return "PASS" if result["value"] <= MAX_QUERIES else "MISS"
    if metric.endswith(".median_ms"):
        return "PASS" if result["ratio"] <= MAX_RATIO else "MISS"
    return ""


# ---------------------------------------------------------------------------------------------
# Loading the divisions on an empty database
# ---------------------------------------------------------------------------------------------


def measure_load_divisions(context: Context) -> list[dict]:
    from danvan.org.divisions import load_divisions, read_divisions

    provinces = read_divisions()
    repeat = min(context.repeat, LOAD_REPEAT_CAP)
    with _empty_database() as empty:
        value = time_call(lambda _state: load_divisions(), repeat, setup=empty.enter, teardown=empty.leave)
        floor = time_call(
            lambda _state: _bare_bulk_create(provinces), repeat, setup=empty.enter, teardown=empty.leave
        )
    rows = sum(1 + len(p["wards"]) for p in provinces)
    return [
        row(f"load_divisions.{rows}_units.median_ms", value["median_ms"], "ms", floor["median_ms"]),
        row(f"floor.bulk_create.{rows}_units.median_ms", floor["median_ms"], "ms", floor["median_ms"]),
    ]


@transaction.atomic
def _bare_bulk_create(provinces: list[dict]) -> None:
    """The same rows without paths, search text, sort keys or the audit event: plain inserts."""
    from danvan.org.divisions import PROVINCE_KINDS, REFORM_DATE, WARD_KINDS, province_code, ward_code
    from danvan.org.models import Unit, UnitKind

    kinds = {k.code: k for k in UnitKind.objects.all()}
    parents = Unit.objects.bulk_create(
        [
            Unit(
                code=province_code(p["code"]),
                name=p["name"],
                kind=kinds[PROVINCE_KINDS[p["division_type"]]],
                admin_code=f"{p['code']:02d}",
                valid_from=REFORM_DATE,
            )
            for p in provinces
        ],
        batch_size=500,
    )
    Unit.objects.bulk_create(
        [
            Unit(
                code=ward_code(w["code"]),
                name=w["name"],
                kind=kinds[WARD_KINDS[w["division_type"]]],
                admin_code=f"{w['code']:05d}",
                valid_from=REFORM_DATE,
                parent=parent,
            )
            for parent, p in zip(parents, provinces, strict=True)
            for w in p["wards"]
        ],
        batch_size=500,
    )


class _EmptySqlite:
    """A freshly migrated SQLite file (a copy of a template migrated once) as the default database."""

    def __init__(self, data_dir: Path):
        self.template = data_dir / "empty-template.sqlite3"
        self.scratch = data_dir / "empty-scratch.sqlite3"
        self.saved = connection.settings_dict["NAME"]
        self._switch(self.template)
        call_command("migrate", interactive=False, verbosity=0)  # a no-op once the template is up to date
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._switch(self.saved)

    def _switch(self, name) -> None:
        connection.close()
        connection.settings_dict["NAME"] = str(name)

    def _remove_scratch(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.scratch}{suffix}").unlink(missing_ok=True)

    def enter(self):
        self._switch(self.saved)
        self._remove_scratch()
        shutil.copyfile(self.template, self.scratch)
        self._switch(self.scratch)
        connection.ensure_connection()

    def leave(self, _state) -> None:
        self._switch(self.saved)
        self._remove_scratch()


class _EmptyPostgres:
    """The benchmark database emptied inside a transaction that is rolled back afterwards."""

    def enter(self):
        atomic = transaction.atomic()
        atomic.__enter__()
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE org_unit CASCADE")
        return atomic

    def leave(self, atomic) -> None:
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@contextmanager
def _empty_database():
    if connection.vendor == "sqlite":
        empty = _EmptySqlite(Path(connection.settings_dict["NAME"]).parent)
        try:
            yield empty
        finally:
            empty.leave(None)
    else:
        yield _EmptyPostgres()
