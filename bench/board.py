"""Board: the "who is late" page (/reporting/board/) with 3,321 units x 10 calls, and a call's page.

Setup (once, kept in the benchmark database; reused when complete): 10 calls on the built-in registration
form of seed 003, owned by the first province (by id), opened by the admin user, each asking all 3,321 wards
of the country; submissions for about 60% of the (call, ward) pairs in mixed states (draft, sent on time,
sent late, returned, accepted). Calls are written with ``Call.objects.create``, their targets and the
submissions with ``bulk_create`` (``call_open`` per call would be the product's path, but the benchmark
measures reading the board, not opening calls).

Pages, as the admin (sees everything: 3,321 units, 67 pages) and as the province officer (Bắc Ninh: the
calls ask its 99 wards, so its board has 2 pages and ``page=30`` answers the last one):

* ``board.p1``: ``/reporting/board/?call=<id>`` x 10, page 1;
* ``board.p30``: the same, ``page=30``;
* ``board.late``: the same, ``state=late`` (units late for at least one of the calls), page 1;
* ``call_detail``: ``/reporting/calls/<id>/`` of the first call (its counts by state).

Targets (from the issue): at most 20 SQL queries per page; the median within 3x of the floor, the median
of /about/ for the same user in the same run (as in ``foundation``).
"""

from __future__ import annotations

import random
import time
from datetime import date, datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from bench.foundation import explain
from bench.measure import Context, row, time_get

MAX_QUERIES = 20
MAX_RATIO = 3.0
USERS = ("admin", "province")
CALLS = 10
SUBMITTED_SHARE = 0.6
MARKER = "[bench.board]"  # starts the instructions of the calls this area made
SEED = "danvan-bench-board-v1"
BATCH = 2000
FIRST_DUE = date(2025, 9, 30)
# Share of each state among the pairs that have a submission (the rest of the pairs: not started).
STATE_WEIGHTS = {
    "draft": 15,
    "draft_empty": 3,  # opened, nothing written yet: the board shows it as not started
    "on_time": 37,
    "late": 15,
    "returned": 8,
    "accepted": 22,
}
SMALL_ROW = (
    "Tổ chức gặp mặt kỷ niệm Ngày truyền thống công tác dân vận của Đảng",
    "tháng 10/2025",
    "Cấp xã",
    "Cán bộ, công chức và Nhân dân trên địa bàn",
    "Củng cố mối quan hệ mật thiết giữa Đảng với Nhân dân",
    "",
)


# ---------------------------------------------------------------------------------------------
# Setup
# ---------------------------------------------------------------------------------------------


def ensure_board_data(context: Context) -> dict:
    """The 10 calls, their targets and submissions: reused when complete, else (re)made. Returns info."""
    from danvan.org.models import Unit
    from danvan.reporting.models import Call, CallTarget, Submission

    started = time.perf_counter()
    wards = list(Unit.objects.filter(code__startswith="HC-W").order_by("id").values_list("pk", flat=True))
    expected_wards = context.dataset["counts"]["wards"]
    if len(wards) != expected_wards:
        raise RuntimeError(f"the dataset has {len(wards)} wards, its marker says {expected_wards}")
    calls = list(Call.objects.filter(instructions__startswith=MARKER).order_by("id"))
    complete = (
        len(calls) == CALLS
        and CallTarget.objects.filter(call__in=calls).count() == CALLS * len(wards)
        and Submission.objects.filter(call__in=calls).exists()
    )
    if not complete:
        with transaction.atomic():
            if calls:
                Call.objects.filter(pk__in=[c.pk for c in calls]).delete()
            calls = _make(context, wards)
    submissions = Submission.objects.filter(call__in=calls).count()
    return {
        "created": not complete,
        "setup_seconds": round(time.perf_counter() - started, 2),
        "calls": [c.pk for c in calls],
        "owner": calls[0].owner_id,
        "targets": CALLS * len(wards),
        "submissions": submissions,
    }


def _make(context: Context, wards: list[int]) -> list:
    from danvan.lib import vntext
    from danvan.org.models import Unit
    from danvan.reporting.models import Call, CallTarget, FieldKind, Submission
    from danvan.reporting.services import ensure_builtin_templates

    admin = context.user("admin")
    owner = Unit.objects.filter(code__startswith="HC-P").order_by("id").first()
    template = ensure_builtin_templates()["registration"]
    keys = [str(f.pk) for f in template.fields.all() if f.kind != FieldKind.INDEX]
    small_row = dict(zip(keys, SMALL_ROW, strict=True))
    rng = random.Random(SEED)
    tz = timezone.get_current_timezone()
    states = list(STATE_WEIGHTS)
    cum, total = [], 0
    for state in states:
        total += STATE_WEIGHTS[state]
        cum.append(total)

    calls = []
    for number in range(1, CALLS + 1):
        title = f"Đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2025 (đợt {number})"
        calls.append(
            Call.objects.create(
                owner=owner,
                template=template,
                title=title,
                instructions=f"{MARKER} Các xã, phường, đặc khu đăng ký theo mẫu, gửi về trước hạn.",
                due_end=FIRST_DUE + timedelta(days=7 * (number - 1)),
                created_by=admin,
                search_text=vntext.fold(title),
            )
        )
    CallTarget.objects.bulk_create(
        (CallTarget(call=call, unit_id=unit) for call in calls for unit in wards), batch_size=BATCH
    )

    def submission(call, unit: int, state: str) -> Submission:
        due = datetime.combine(call.due_end, datetime.min.time(), tzinfo=tz)
        sent = (
            due + timedelta(hours=rng.randint(24, 24 * 5))
            if state == "late"
            else due - timedelta(hours=rng.randint(1, 24 * 10))
        )
        status = {
            "draft": Submission.Status.DRAFT,
            "draft_empty": Submission.Status.DRAFT,
            "on_time": Submission.Status.SUBMITTED,
            "late": Submission.Status.SUBMITTED,
            "returned": Submission.Status.RETURNED,
            "accepted": Submission.Status.ACCEPTED,
        }[state]
        was_sent = not state.startswith("draft")
        return Submission(
            call=call,
            unit_id=unit,
            status=status,
            rows=[] if state == "draft_empty" else [small_row],
            submitted_at=sent if was_sent else None,
            is_late=state == "late",
            revision=1 if was_sent else 0,
            review_comment="Bổ sung thời gian tổ chức cụ thể." if state == "returned" else "",
            reviewed_at=sent + timedelta(days=2) if state in ("returned", "accepted") else None,
        )

    def submissions():
        for call in calls:
            for unit in wards:
                if rng.random() < SUBMITTED_SHARE:
                    yield submission(call, unit, rng.choices(states, cum_weights=cum)[0])

    Submission.objects.bulk_create(submissions(), batch_size=BATCH)
    return calls


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def pages(calls: list[int]) -> list[tuple[str, str]]:
    board = reverse("reporting:board") + "?" + "&".join(f"call={pk}" for pk in calls)
    return [
        ("board.p1", board),
        ("board.p30", f"{board}&page=30"),
        ("board.late", f"{board}&state=late"),
        ("call_detail", reverse("reporting:call_detail", args=[calls[0]])),
    ]


def measure(context: Context) -> list[dict]:
    setup = ensure_board_data(context)
    details: dict = {"setup": setup, "pages": {}, "units_on_board": {}}
    rows: list[dict] = []
    for place in USERS:
        user = context.user(place)
        client = context.client(user)
        details["units_on_board"][place] = _units_on_board(user, setup["calls"])
        floor = time_get(client, reverse("core:about"), context.repeat)
        rows += [
            row(f"floor.about.{place}.median_ms", floor["median_ms"], "ms", floor["median_ms"]),
            row(f"floor.about.{place}.p95_ms", floor["p95_ms"], "ms", floor["p95_ms"]),
            row(f"floor.about.{place}.queries", floor["queries"], "queries", floor["queries"]),
        ]
        for page, url in pages(setup["calls"]):
            result = time_get(client, url, context.repeat)
            name = f"{page}.{place}"
            rows += [
                row(f"{name}.median_ms", result["median_ms"], "ms", floor["median_ms"]),
                row(f"{name}.p95_ms", result["p95_ms"], "ms", floor["p95_ms"]),
                row(f"{name}.queries", result["queries"], "queries", floor["queries"]),
            ]
            slowest = sorted(result["query_log"], key=lambda q: q["ms"], reverse=True)[:3]
            for query in slowest:
                query["plan"] = explain(query["sql"])
            details["pages"][name] = {
                "url": url,
                "queries": result["queries"],
                "sql_ms": round(sum(q["ms"] for q in result["query_log"]), 3),
                "slowest": slowest,
            }
    context.details["board"] = details
    return rows


def _units_on_board(user, call_ids: list[int]) -> dict:
    """How many units the user's board lists (all states, and late for at least one call)."""
    from danvan.reporting import selectors
    from danvan.reporting.models import Call

    calls = list(Call.objects.filter(pk__in=call_ids).select_related("owner").order_by("due_end", "id"))
    units = selectors.board_units(calls, user=user)
    return {"all": units.count(), "late": selectors.filter_units_by_state(units, calls, "late").count()}


def verdict(result: dict) -> str:
    """PASS or MISS against the issue's targets; "" for floors and p95 rows."""
    metric = result["metric"]
    if metric.startswith("floor."):
        return ""
    if metric.endswith(".queries"):
        return "PASS" if result["value"] <= MAX_QUERIES else "MISS"
    if metric.endswith(".median_ms"):
        return "PASS" if result["ratio"] <= MAX_RATIO else "MISS"
    return ""
