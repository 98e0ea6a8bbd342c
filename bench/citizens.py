"""Listening to the people at a province's scale: one province for a year — 50,000 petitions, 5,000 dialogues,
20,000 propaganda entries — and the pages that read them.

Setup (once, kept in the benchmark database; found by the marker dialogue): rows written with ``bulk_create``
(batches of 2,000), each petition's derived columns (paths, open flag, folded text, word set) computed by the
model's own ``refresh_derived``. The province is the dataset's Bắc Ninh, the commune the dataset's ward with
the most people (the ``bench.tinh`` and ``bench.phuong`` users, committee officers there). Petitions are
spread over the province's wards over the last 365 days, given to the ward itself or to one of the province's
agencies, with a deadline of 10 days; about 70% answered (most on time), the rest in progress, assigned,
received or escalated, so that a few thousand are overdue.

Measured, beside the trivial page ``/about/`` of the same user in the same run (median of --repeat GETs):

* ``overdue.commune`` / ``overdue.province``: ``/dan-nguyen/kien-nghi/qua-han/?unit=<id>`` (page 1);
* ``duplicates``: ``/dan-nguyen/kien-nghi/trung/?title=…&received_unit=<ward>`` (the new-petition form's
  suggestions), and the selector alone;
* ``report.month``: ``/dan-nguyen/bao-cao/`` for the province and the last full month; ``report.figures``
  (the selector alone) beside ``floor.sql_aggregate``, the bare SQL that counts the same month by field.

Targets: at most 20 SQL queries per page (PASS/MISS); times are reported with their ratio to the floor.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from bench.measure import Context, row, time_call, time_get

MARKER = "[bench.citizens]"
SEED = "danvan-bench-citizens-v1"
PETITIONS = 50_000
DIALOGUES = 5_000
PROPAGANDA = 20_000
BATCH = 2000
MAX_QUERIES = 20
DUPLICATE_TITLE = "Rác thải tồn đọng gây ô nhiễm môi trường cạnh kênh tiêu"

SUBJECTS = [
    "Đường giao thông xuống cấp, nhiều ổ gà",
    "Rác thải tồn đọng gây ô nhiễm môi trường",
    "Chậm cấp giấy chứng nhận quyền sử dụng đất",
    "Đèn chiếu sáng công cộng bị hỏng",
    "Thủ tục hành chính phải đi lại nhiều lần",
    "Hỗ trợ hộ nghèo sửa chữa nhà ở",
    "Tiếng ồn từ cơ sở sản xuất ban đêm",
    "Ngập úng khi mưa lớn",
    "Xe tải trọng lớn chạy qua khu dân cư",
    "Giá đền bù giải phóng mặt bằng chưa thỏa đáng",
    "Thiếu nước sạch sinh hoạt",
    "Chế độ chính sách cho người có công chậm chi trả",
]
PLACES = [
    "cạnh kênh tiêu",
    "đầu ngõ",
    "gần chợ",
    "trước trường học",
    "khu tái định cư",
    "cuối làng",
    "ven đê",
]


def _setup(context: Context) -> dict:
    from danvan.citizens.models import Dialogue, Petition, PetitionField, PropagandaEntry
    from danvan.citizens.models.catalog import ensure_defaults
    from danvan.citizens.models.petitions import new_lookup_code
    from danvan.org.models import Unit

    province = Unit.objects.get(pk=context.dataset["refs"]["province"])
    ward = Unit.objects.get(pk=context.dataset["refs"]["ward"])
    found = Dialogue.objects.filter(topic=MARKER).first()
    info = {"province": province, "ward": ward}
    if found is not None:
        return {**info, "setup_s": 0.0}
    started = time.perf_counter()
    ensure_defaults()
    rng = random.Random(SEED)
    fields = list(PetitionField.objects.all())
    wards = list(
        Unit.objects.filter(
            path__startswith=province.path, kind__code__in=["ward", "commune", "special_zone"]
        )
        .only("id", "path")
        .order_by("path")
    )
    agencies = list(
        Unit.objects.filter(parent=province, kind__is_admin_area=False).only("id", "path").order_by("path")
    )
    if ward not in wards:
        wards.append(ward)
    today = timezone.localdate()
    admin_id = context.dataset["refs"]["users"]["admin"]
    S = Petition.Status
    rows = []
    with transaction.atomic():
        for n in range(PETITIONS):
            # The reference ward gets 5% of the province's petitions (a busy commune), the rest spread evenly.
            received = ward if rng.random() < 0.05 else rng.choice(wards)
            received_on = today - timedelta(days=rng.randrange(365))
            title = f"{rng.choice(SUBJECTS)} {rng.choice(PLACES)}"
            roll = rng.random()
            petition = Petition(
                kind="recommendation",
                title=title,
                content=f"Nhân dân phản ánh: {title.lower()}.",
                field=rng.choice(fields),
                source="dialogue" if n % 4 == 0 else "reception",
                received_unit=received,
                locality=received,
                received_on=received_on,
                lookup_code=new_lookup_code(),
                created_by_id=admin_id,
            )
            if roll >= 0.05:
                petition.responsible_unit = received if rng.random() < 0.6 else rng.choice(agencies)
                petition.deadline = received_on + timedelta(days=10)
                petition.status = S.ASSIGNED
            if roll >= 0.30:
                late = rng.random() < 0.15
                answered = received_on + timedelta(
                    days=rng.randrange(11, 25) if late else rng.randrange(0, 11)
                )
                if answered <= today:
                    petition.answer, petition.answered_on = (
                        "Đã kiểm tra, giải quyết và trả lời công dân.",
                        answered,
                    )
                    petition.status = rng.choice([S.ANSWERED, S.INFORMED, S.CLOSED, S.CLOSED])
            elif roll >= 0.25:
                petition.status = S.ESCALATED
            elif roll >= 0.15:
                petition.status = S.IN_PROGRESS
            petition.refresh_derived()
            rows.append(petition)
            if len(rows) == BATCH:
                Petition.objects.bulk_create(rows)
                rows = []
        Petition.objects.bulk_create(rows)
        dialogues = []
        for _ in range(DIALOGUES):
            organiser = rng.choice(wards)
            held = today - timedelta(days=rng.randrange(365))
            dialogue = Dialogue(
                organiser=organiser,
                topic=f"Đối thoại với Nhân dân về {rng.choice(SUBJECTS).lower()}",
                form=rng.choice(["subject", "group", "in_depth", "regular"]),
                place="Hội trường",
                participants=rng.randrange(20, 200),
                status="held",
                time_start=held,
                time_end=held,
                time_text=f"{held:%d/%m/%Y}",
                time_kind="day",
            )
            dialogue.refresh_derived()
            dialogues.append(dialogue)
        Dialogue.objects.bulk_create(dialogues, batch_size=BATCH)
        entries = []
        for n in range(PROPAGANDA):
            entry = PropagandaEntry(
                unit=rng.choice(wards),
                kind=rng.choice(["article", "social", "broadcast", "website", "leaflet"]),
                title=f"Tuyên truyền {rng.choice(SUBJECTS).lower()} số {n}",
                campaign="Tháng Dân vận",
                published_on=today - timedelta(days=rng.randrange(365)),
                outlet="Fanpage",
                views=rng.randrange(100, 20000),
            )
            entry.refresh_derived()
            entries.append(entry)
        PropagandaEntry.objects.bulk_create(entries, batch_size=BATCH)
        Dialogue.objects.create(organiser=province, topic=MARKER)  # the marker: the data is complete
    return {**info, "setup_s": round(time.perf_counter() - started, 1)}


def bare_aggregate(province, start: date, end: date) -> list:
    """The floor of the report: one hand-written GROUP BY over the same rows, nothing else."""
    from danvan.core.access import prefix_upper_bound

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT field_id, COUNT(*), SUM(CASE WHEN answered_on <= deadline THEN 1 ELSE 0 END) "
            "FROM citizens_petition WHERE received_path >= %s AND received_path < %s "
            "AND received_on >= %s AND received_on <= %s AND status <> 'merged' GROUP BY field_id",
            [province.path, prefix_upper_bound(province.path), start, end],
        )
        return cursor.fetchall()


def measure(context: Context) -> list[dict]:
    from danvan.citizens.models import Petition
    from danvan.citizens.petitions import selectors as petition_selectors
    from danvan.citizens.reports import selectors as report_selectors
    from danvan.citizens.reports.selectors import Period

    data = _setup(context)
    province, ward = data["province"], data["ward"]
    tinh, phuong = context.user("province"), context.user("ward")
    province_client, ward_client = context.client(tinh), context.client(phuong)
    floor = time_get(province_client, reverse("core:about"), context.repeat)
    today = timezone.localdate()
    last_month_end = today.replace(day=1) - timedelta(days=1)
    month = Period.month(last_month_end.year, last_month_end.month)
    overdue = reverse("citizens:petition_overdue")
    pages = {
        "overdue.commune": (ward_client, f"{overdue}?unit={ward.pk}"),
        "overdue.province": (province_client, f"{overdue}?unit={province.pk}"),
        "duplicates": (
            ward_client,
            reverse("citizens:petition_similar") + f"?title={DUPLICATE_TITLE}&received_unit={ward.pk}",
        ),
        "report.month": (
            province_client,
            reverse("citizens:report") + f"?unit={province.pk}&kind=month&year={month.start.year}"
            f"&month={month.start.month}",
        ),
    }
    results = {name: time_get(client, url, context.repeat) for name, (client, url) in pages.items()}
    figures = time_call(lambda: report_selectors.report_figures(province, month), context.repeat)
    sql = time_call(lambda: bare_aggregate(province, month.start, month.end), context.repeat)
    similar = time_call(
        lambda: petition_selectors.similar_petitions(phuong, title=DUPLICATE_TITLE, received_unit=ward),
        context.repeat,
    )
    counts = {
        "petitions": Petition.objects.count(),
        "overdue_in_province": petition_selectors.overdue_for(tinh, province).count(),
        "overdue_of_commune": petition_selectors.overdue_for(phuong, ward).count(),
        "suggested": len(
            petition_selectors.similar_petitions(phuong, title=DUPLICATE_TITLE, received_unit=ward)
        ),
        "month_received": report_selectors.report_figures(province, month).total.received,
    }
    context.details["citizens"] = {
        "setup_s": data["setup_s"],
        "counts": counts,
        "month": month.label,
        "pages": {
            name: {
                "url": pages[name][1],
                **{k: v for k, v in r.items() if k != "query_log"},
                "slowest": sorted(r["query_log"], key=lambda q: -q["ms"])[:3],
            }
            for name, r in results.items()
        },
    }
    print(f"citizens: {counts}")
    f, fq = floor["median_ms"], floor["queries"]
    out = [
        row("floor.about.province.median_ms", f, "ms", f),
        row("floor.about.province.queries", fq, "queries", fq),
    ]
    for name, r in results.items():
        out.append(row(f"{name}.median_ms", r["median_ms"], "ms", f))
        out.append(row(f"{name}.queries", r["queries"], "queries", fq))
    out += [
        row("floor.sql_aggregate.median_ms", sql["median_ms"], "ms", sql["median_ms"]),
        row("report.figures.median_ms", figures["median_ms"], "ms", sql["median_ms"]),
        row("duplicates.selector.median_ms", similar["median_ms"], "ms", f),
    ]
    return out


def verdict(result: dict) -> str:
    metric = result["metric"]
    if metric.startswith("floor."):
        return ""
    if metric.endswith(".queries"):
        return "PASS" if result["value"] <= MAX_QUERIES else "MISS"
    return ""
