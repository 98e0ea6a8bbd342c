"""The "Dân vận khéo" movement at scale: 5,000 registrations, one round of 400 entries × 7 council members
× 10 criteria (28,000 scores). Measured: computing the ranking, the query count of a member's scoring page
and of the public showcase, and the showcase search — each beside the trivial page /about/ in the same run.

Uses the nation dataset (its wards and admin user); the movement data is added once and found by a marker.
"""

from __future__ import annotations

import random
import time
from decimal import Decimal

from django.db import transaction
from django.test import Client
from django.urls import reverse

from bench.measure import Context, row, summary, time_get

MARKER = "[bench.recognition]"
REGISTRATIONS = 5000
ENTRIES = 400
MEMBERS = 7
CRITERIA = 10
MAX_QUERIES = 20
WORDS = ["Tổ hợp tác", "Câu lạc bộ", "Dòng họ", "Khu dân cư", "Chi hội", "Mô hình", "Tổ tự quản", "Nhóm"]
TOPICS = [
    "trồng rau an toàn",
    "hiến đất làm đường",
    "tự quản an ninh trật tự",
    "phụ nữ giúp nhau làm kinh tế",
    "xóa nhà tạm",
    "khuyến học",
    "thu gom rác thải",
    "dân vận khéo trong cải cách hành chính",
    "đoàn kết dân tộc",
    "nông thôn mới kiểu mẫu",
    "chuyển đổi số",
    "chăm sóc người cao tuổi",
]


def _setup(context: Context) -> dict:
    from danvan.accounts.models import RoleAssignment, User
    from danvan.org.models import Unit
    from danvan.recognition.models import (
        AppraisalRound,
        CouncilMember,
        Criterion,
        Exemplar,
        Field,
        RoundEntry,
        Score,
        ScoreSheet,
    )

    existing = AppraisalRound.objects.filter(name__startswith=MARKER).first()
    if existing is not None:
        return {"round": existing}
    rng = random.Random(2026)
    wards = list(
        Unit.objects.filter(kind__code__in=["ward", "commune"])
        .order_by("path")
        .only("pk", "path", "name")[:3321]
    )
    fields = list(Field.objects.all())
    admin = User.objects.get(pk=context.dataset["refs"]["users"]["admin"])
    province = Unit.objects.filter(depth=0, code__startswith="HC-P").order_by("path").first()
    with transaction.atomic():
        exemplars = []
        for n in range(REGISTRATIONS):
            unit = wards[n % len(wards)]
            title = f"{rng.choice(WORDS)} {rng.choice(TOPICS)} số {n}"
            status = Exemplar.Status.RECOGNISED if n % 5 == 0 else Exemplar.Status.REGISTERED
            exemplar = Exemplar(
                unit=unit,
                year=2025,
                kind="initiative",
                field=fields[n % len(fields)],
                title=title,
                description="Huy động Nhân dân cùng làm, cùng hưởng lợi.",
                story="Câu chuyện của mô hình.",
                status=status,
            )
            exemplar.refresh_derived()  # bulk_create skips save(): the derived columns are filled here
            exemplars.append(exemplar)
        Exemplar.objects.bulk_create(exemplars, batch_size=1000)
        round_ = AppraisalRound.objects.create(
            owner=province,
            name=f"{MARKER} Thẩm định cấp tỉnh 2025",
            year=2025,
            level="province",
            threshold=Decimal("70"),
        )
        criteria = Criterion.objects.bulk_create(
            Criterion(round=round_, order=i, name=f"Tiêu chí {i + 1}", max_points=Decimal("10"))
            for i in range(CRITERIA)
        )
        members = []
        for m in range(MEMBERS):
            user, _ = User.objects.get_or_create(
                username=f"bench.council{m}", defaults={"full_name": f"Hội đồng {m}"}
            )
            RoleAssignment.objects.get_or_create(user=user, role="council_member", unit=province)
            members.append(CouncilMember(round=round_, user=user, is_chair=m == 0))
        members = CouncilMember.objects.bulk_create(members)
        chosen = Exemplar.objects.filter(year=2025, unit__path__startswith=province.path).order_by("id")[
            :ENTRIES
        ]
        if chosen.count() < ENTRIES:
            chosen = Exemplar.objects.filter(year=2025).order_by("id")[:ENTRIES]
        entries = RoundEntry.objects.bulk_create(RoundEntry(round=round_, exemplar=e) for e in chosen)
        sheets = []
        for entry in entries:
            for member in members:
                sheets.append(ScoreSheet(entry=entry, member=member, submitted_at=round_.created_at, total=0))
        sheets = ScoreSheet.objects.bulk_create(sheets, batch_size=1000)
        scores = []
        for sheet in sheets:
            points = [Decimal(rng.randint(4, 10)) for _ in criteria]
            sheet.total = sum(points)
            scores += [
                Score(sheet=sheet, criterion=c, points=p) for c, p in zip(criteria, points, strict=True)
            ]
        ScoreSheet.objects.bulk_update(sheets, ["total"], batch_size=1000)
        Score.objects.bulk_create(scores, batch_size=2000)
        # The member whose scoring page is measured has one entry left to score.
        ScoreSheet.objects.filter(entry=entries[-1], member=members[1]).delete()
        del admin
    return {"round": round_}


def measure(context: Context) -> list[dict]:
    from danvan.recognition.appraisal.selectors import ranking
    from danvan.recognition.models import CouncilMember, RoundEntry

    started = time.perf_counter()
    round_ = _setup(context)["round"]
    setup_ms = (time.perf_counter() - started) * 1000
    admin = context.user("admin")
    admin_client = context.client(admin)
    floor = time_get(admin_client, reverse("core:about"), context.repeat)
    seconds = []
    for _ in range(max(3, context.repeat // 3)):
        t0 = time.perf_counter()
        rows = ranking(round_)
        seconds.append(time.perf_counter() - t0)
    ranking_ms = summary(seconds)["median_ms"]
    member = CouncilMember.objects.filter(round=round_).select_related("user").order_by("id")[1]
    entry = RoundEntry.objects.filter(round=round_).order_by("-id").first()
    member_client = context.client(member.user)
    scoring = time_get(
        member_client, reverse("recognition:round_score", args=[round_.pk, entry.pk]), context.repeat
    )
    detail = time_get(
        admin_client, reverse("recognition:round_detail", args=[round_.pk]), max(3, context.repeat // 3)
    )
    public = Client()
    showcase = time_get(public, reverse("showcase:list"), context.repeat)
    search = time_get(public, reverse("showcase:list") + "?q=hien+dat+lam+duong", context.repeat)
    search_rare = time_get(public, reverse("showcase:list") + "?q=chuyen+doi+so+4995", context.repeat)
    context.details["recognition"] = {"setup_ms": round(setup_ms), "ranked_entries": len(rows)}
    f = floor["median_ms"]
    return [
        row("floor.about.admin.median_ms", f, "ms", f),
        row("floor.about.admin.queries", floor["queries"], "queries", floor["queries"]),
        row("ranking.400x7x10.median_ms", ranking_ms, "ms", f),
        row("round_detail.with_ranking.median_ms", detail["median_ms"], "ms", f),
        row("round_detail.with_ranking.queries", detail["queries"], "queries", floor["queries"]),
        row("scoring_page.median_ms", scoring["median_ms"], "ms", f),
        row("scoring_page.queries", scoring["queries"], "queries", floor["queries"]),
        row("showcase.page1.median_ms", showcase["median_ms"], "ms", f),
        row("showcase.page1.queries", showcase["queries"], "queries", floor["queries"]),
        row("showcase.search_common.median_ms", search["median_ms"], "ms", f),
        row("showcase.search_rare.median_ms", search_rare["median_ms"], "ms", f),
        row("showcase.search.queries", search["queries"], "queries", floor["queries"]),
    ]


def verdict(result: dict) -> str:
    metric = result["metric"]
    if metric.startswith("floor."):
        return ""
    if metric.endswith(".queries"):
        return "PASS" if result["value"] <= MAX_QUERIES else "MISS"
    return ""
