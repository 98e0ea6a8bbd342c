"""Events: an event of 1,500 delegates in 12 groups — invitation letters, the check-in desk, the group panel.

The issue's case: a provincial conference ("Hội nghị biểu dương điển hình “Dân vận khéo”") of 1,500 delegates
in 12 composition groups (8 of them nominated by a unit). ``NEEDS_DATASET = False``: this area makes its own
data, in databases of its own.

1. Letters (no database): ``documents.write_invitation_docx`` of an ``EventInfo`` and the first 94, 375 and
   1,500 of the ``Delegate`` rows (Vietnamese names, titles and units, 12 group labels, RSVP links
   ``http://127.0.0.1:8000/e/<token>/``) into a temporary file, each count in a fresh process
   (``python -m bench.events letters OUT N REPEAT``): median of ``min(--repeat, 3)`` renders, the growth of
   the peak RSS over the first render, tracemalloc's peak over one more (untimed) render. Floor: python-docx
   writing a document of as many pages with the same text paragraphs as the letters (read from a one-letter
   render, names, details and links replaced) and a page break after each letter, no images, no tables, no
   formats, measured the same way. (tracemalloc sees Python's heap only, not lxml's trees: the floor's
   python-docx document shows in the RSS, hardly in tracemalloc.) Then ``convert_to_pdf`` of one 1,500-letter
   DOCX, once, when LibreOffice is installed; its floor is the DOCX render. The time of ``qr_png`` (one QR
   code per delegate) is estimated from 150 links: its share of the render is the row's ratio.
2. Check-in over HTTP, on SQLite (``bench/data/events-1500.sqlite3``, made anew by ``manage.py migrate``) and
   on PostgreSQL (database ``danvan_bench_events`` on 127.0.0.1 as ``postgres``, created and dropped here;
   skipped with a note when the server does not answer): the event, its 12 groups, 1,500 invitations and a
   desk officer (role ``committee_officer`` on the organiser) are written by ``python -m bench.events setup``
   (services for the units, event and groups; ``bulk_create`` for the invitations), then a real server is
   started for the run: ``gunicorn config.wsgi -w 2 --threads 4 --no-control-socket`` on a free port of
   127.0.0.1 (``DEBUG=0``). Eight client threads (``http.client``, keep-alive, one connection each) log in
   through ``POST /accounts/login/`` with the CSRF token, open the desk page, then post
   ``invitation=<id>`` to ``/events/<pk>/desk/check-in/`` with ``HX-Request: true`` (as the desk's htmx form
   does) for the 1,500 invitations, each exactly once, taken from a shared queue. Wall time from the start
   of the first request to the end of the last gives check-ins per second; per-request latency gives median
   and p95. Floor: the same client and threads against ``GET /healthz`` (1,500 requests) on the same server.
   Checked afterwards, in the database: exactly 1,500 invitations have ``checked_in_at`` (and every response
   said "checked in"); posting 100 of them again gets the "already checked in" answer and leaves the count
   at 1,500. The server is stopped at the end, whatever happened.
3. Group panel: ``python -m bench.events panel`` (``django.test.Client`` against the SQLite database, after
   the check-ins, logged in as the desk officer) counts the SQL queries of ``GET /events/<pk>/`` with
   ``HX-Request: true`` (the "panel" partial the page polls every 5 s) and of ``GET
   /events/<pk>/desk/?part=panel`` (the desk's counts, polled every 3 s); also, for the details, the whole
   pages and one check-in POST. Target: at most 20 queries (PASS/MISS).

Run by itself: ``python -m bench.run --area events --repeat 3`` (about 3 minutes, most of it LibreOffice).
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import os
import queue
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from bench.measure import Context, percentile, row, time_call

NEEDS_DATASET = False
DELEGATES = 1500
MAX_RUNS = 3
QR_SAMPLE = 150
CLIENT_THREADS = 8
REPEATED = 100
MAX_QUERIES = 20
PHASE_LIMIT_S = 120.0  # a load phase that takes longer is stopped and reported
SERVER_START_LIMIT_S = 30.0
SUBPROCESS_LIMIT_S = 180.0
PDF_TIMEOUT_S = 170.0

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "bench" / "data"
BIN = Path(sys.executable).parent
SITE = "http://127.0.0.1:8000"
SECRET_KEY = "bench-events-only-not-a-secret-0123456789abcdef-ghijklmnopqrstuvwxyz"
PG_DATABASE = "danvan_bench_events"
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
PG_URL = f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"
ADMIN_USER = "bench.events.admin"
DESK_USER = "bench.events.desk"
DESK_PASSWORD = "ban-diem-danh-2099"  # a throw-away benchmark account

PROVINCE = "Tỉnh Bắc Ninh"
ORGANISER = "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh"
EVENT_TITLE = "Hội nghị biểu dương điển hình “Dân vận khéo” tỉnh Bắc Ninh giai đoạn 2021 - 2025"
VENUE = "Hội trường Trung tâm Hội nghị tỉnh Bắc Ninh, số 1 đường Lý Thái Tổ, phường Kinh Bắc"
TIME_TEXT = "08 giờ 00, ngày 15/12/2099"
PLAN_REFERENCE = "Thực hiện Kế hoạch số 45-KH/BTGDVTU ngày 20/8/2099 của Ban Tuyên giáo và Dân vận Tỉnh ủy"
CONTENT = (
    "Báo cáo tổng kết phong trào thi đua “Dân vận khéo” giai đoạn 2021 - 2025",
    "Tham luận của các điển hình tiêu biểu",
    "Biểu dương, khen thưởng các tập thể, cá nhân",
)
# (label, delegates, the unit that nominates them or None, how their titles and units are drawn)
GROUPS = (
    ("Đại biểu Trung ương", 20, None, "central"),
    (
        "Thường trực Tỉnh ủy; lãnh đạo Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban MTTQ Việt Nam tỉnh",
        35,
        None,
        "province",
    ),
    ("Lãnh đạo các ban, sở, ngành, đoàn thể tỉnh", 60, None, "agency"),
    ("Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân các xã, phường", 120, None, "ward"),
    ("Trưởng Khối Dân vận các xã, phường", 150, ("mobilization_bloc", "Khối Dân vận tỉnh Bắc Ninh"), "bloc"),
    (
        "Tổ trưởng Tổ Dân vận thôn, khu phố tiêu biểu",
        180,
        ("fatherland_front", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh"),
        "area",
    ),
    (
        "Điển hình “Dân vận khéo” trong phát triển nông nghiệp, nông thôn",
        200,
        ("mass_organisation", "Hội Nông dân tỉnh Bắc Ninh"),
        "area",
    ),
    (
        "Điển hình “Dân vận khéo” của các cấp Hội Phụ nữ",
        210,
        ("mass_organisation", "Hội Liên hiệp Phụ nữ tỉnh Bắc Ninh"),
        "area",
    ),
    (
        "Đoàn viên, thanh niên tiêu biểu",
        180,
        ("mass_organisation", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Bắc Ninh"),
        "area",
    ),
    ("Cựu chiến binh tiêu biểu", 145, ("mass_organisation", "Hội Cựu chiến binh tỉnh Bắc Ninh"), "area"),
    (
        "Công nhân, người lao động tiêu biểu",
        120,
        ("mass_organisation", "Liên đoàn Lao động tỉnh Bắc Ninh"),
        "company",
    ),
    (
        "Người có uy tín trong đồng bào dân tộc thiểu số, chức sắc, chức việc tôn giáo",
        80,
        ("agency", "Sở Dân tộc và Tôn giáo tỉnh Bắc Ninh"),
        "area",
    ),
)
TITLES = {
    "central": ("Phó Trưởng Ban Dân vận Trung ương", "Vụ trưởng", "Phó Vụ trưởng", "Chuyên viên cao cấp"),
    "province": (
        "Phó Bí thư Thường trực Tỉnh ủy",
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Phó Chủ tịch Hội đồng nhân dân tỉnh",
        "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
    ),
    "agency": ("Giám đốc", "Phó Giám đốc", "Trưởng ban", "Phó Trưởng ban", "Chủ tịch", "Phó Chủ tịch"),
    "ward": ("Bí thư Đảng ủy", "Phó Bí thư Thường trực Đảng ủy", "Chủ tịch Ủy ban nhân dân"),
    "bloc": ("Trưởng Khối Dân vận", "Phó Trưởng Khối Dân vận"),
    "company": ("Công nhân", "Tổ trưởng sản xuất", "Kỹ sư", "Chủ tịch Công đoàn cơ sở"),
}
CENTRAL_UNITS = ("Ban Dân vận Trung ương", "Ủy ban Trung ương MTTQ Việt Nam", "Văn phòng Trung ương Đảng")
PROVINCE_UNITS = (
    "Tỉnh ủy Bắc Ninh",
    "Hội đồng nhân dân tỉnh Bắc Ninh",
    "Ủy ban nhân dân tỉnh Bắc Ninh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Bắc Ninh",
)
STATUSES = {"accepted": 80, "invited": 15, "substituted": 5}
WARDS = 99  # Bắc Ninh's wards and communes


# ----------------------------------------------------------------------------------------------
# The delegates (the same 1,500 for the letters and the databases)


def delegate_specs() -> list[dict]:
    """1,500 delegates, seeded: group index, name, title, unit, answer, token, e-mail, phone."""
    from bench.datagen import FAMILY, GIVEN, MIDDLE, PLACE_PAIRS, PLACE_WORDS, TOP_AGENCIES, Weighted
    from bench.datagen import TITLES as PERSON_TITLES
    from danvan.lib import vntext
    from danvan.org.models import Gender

    rng = random.Random("bench.events")
    family = Weighted(rng, FAMILY)
    middle = {gender: Weighted(rng, table) for gender, table in MIDDLE.items()}
    area_titles = Weighted(rng, PERSON_TITLES["area"])
    statuses = Weighted(rng, STATUSES)
    wards = [f"{'phường' if k % 3 == 0 else 'xã'} {PLACE_PAIRS[k * 7]}" for k in range(WARDS)]
    agencies = [name.format(party="Tỉnh ủy Bắc Ninh", where="tỉnh Bắc Ninh") for _, name, _ in TOP_AGENCIES]

    def person() -> str:
        gender = Gender.MALE if rng.random() < 0.55 else Gender.FEMALE
        parts = [family.pick(), middle[gender].pick()]
        if rng.random() < 0.1:
            parts.append(middle[gender].pick())
        parts.append(rng.choice(GIVEN[gender]))
        if parts[-2] == parts[-1]:
            parts.pop(-2)
        return " ".join(parts)

    def title_and_unit(style: str) -> tuple[str, str]:
        ward = rng.choice(wards)
        if style == "central":
            return rng.choice(TITLES[style]), rng.choice(CENTRAL_UNITS)
        if style == "province":
            return rng.choice(TITLES[style]), rng.choice(PROVINCE_UNITS)
        if style == "agency":
            return rng.choice(TITLES[style]), rng.choice(agencies)
        if style in ("ward", "bloc"):
            return f"{rng.choice(TITLES[style])} {ward}", ward[:1].upper() + ward[1:]
        if style == "company":
            park = f"Khu công nghiệp {rng.choice(PLACE_WORDS)} Phong"
            return rng.choice(TITLES[style]), f"Công ty TNHH {rng.choice(PLACE_PAIRS)}, {park}"
        prefix = rng.choice(("Thôn", "Thôn", "Khu phố", "Tổ dân phố"))
        return area_titles.pick() or "Đảng viên", f"{prefix} {rng.choice(PLACE_PAIRS)}, {ward}"

    specs = []
    for group, (_label, size, _nominator, style) in enumerate(GROUPS):
        for _ in range(size):
            name = person()
            title, unit_name = title_and_unit(style)
            status = statuses.pick()
            fold = vntext.fold(name).split()
            specs.append(
                {
                    "group": group,
                    "name": name,
                    "title": title,
                    "unit_name": unit_name,
                    "status": status,
                    "substitute_name": person() if status == "substituted" else "",
                    "substitute_title": title if status == "substituted" else "",
                    "token": base64.urlsafe_b64encode(rng.randbytes(24)).decode().rstrip("="),
                    "email": f"{fold[-1]}.{fold[0]}{rng.randrange(100, 1000)}@gmail.com"
                    if rng.random() < 0.3
                    else "",
                    "phone": f"09{rng.randrange(10**8):08d}" if rng.random() < 0.7 else "",
                }
            )
    assert len(specs) == DELEGATES
    return specs


def event_info():
    from danvan.events.documents import EventInfo

    return EventInfo(
        title=EVENT_TITLE,
        kind_label="Hội nghị",
        time_text=TIME_TEXT,
        venue=VENUE,
        organiser=ORGANISER,
        superior_body="TỈNH ỦY BẮC NINH",
        issuing_body="BAN TUYÊN GIÁO VÀ DÂN VẬN",
        body_code="BTGDVTU",
        place="Bắc Ninh",
        issued_on=None,
        signer_authority=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
        signer_name="Nguyễn Thị Thu Hà",
        plan_reference=PLAN_REFERENCE,
        content_lines=CONTENT,
    )


def delegates(specs: list[dict]) -> list:
    """As ``selectors.delegates`` makes them from the invitations."""
    from danvan.events.documents import Delegate

    labels = {"accepted": "Nhận lời", "invited": "Đã mời", "substituted": "Cử người thay"}
    return [
        Delegate(
            name=spec["substitute_name"] or spec["name"],
            title=spec["substitute_title"] or spec["title"],
            unit_name=spec["unit_name"],
            group_label=GROUPS[spec["group"]][0],
            link=f"{SITE}/e/{spec['token']}/",
            status_label=labels[spec["status"]],
        )
        for spec in specs
    ]


# ----------------------------------------------------------------------------------------------
# 1. Letters


def letter_paragraphs(info, people: list) -> list[list[str]]:
    """The text paragraphs of each letter (tables' paragraphs included), from a one-letter render."""
    from docx import Document
    from docx.oxml.ns import qn

    from danvan.events.documents import invitation_docx

    first = people[0]
    document = Document(io.BytesIO(invitation_docx(info, [first])))
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in document.element.body.iter(qn("w:p"))]
    texts = [text for text in texts if text.strip()]
    pages = []
    for delegate in people:
        page = []
        for text in texts:
            for old, new in ((first.link, delegate.link), (first.name, delegate.name)):
                text = text.replace(old, new)
            for old, new in ((first.title, delegate.title), (first.unit_name, delegate.unit_name)):
                if old:
                    text = text.replace(old, new)
            page.append(text)
        pages.append(page)
    return pages


def plain_pages_docx(pages: list[list[str]]) -> bytes:
    """python-docx writing the paragraphs, a page break after each letter, nothing else.

    Each paragraph goes straight before the final ``w:sectPr`` (as the letters do): ``Document.add_paragraph``
    looks for that ``w:sectPr`` among all the body's children each time, which makes a 1,500-page document
    quadratic (46 s measured) and no floor at all.
    """
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph

    document = Document()
    sect_pr, parent = document.element.body[-1], document._body

    def paragraph() -> Paragraph:
        p = OxmlElement("w:p")
        sect_pr.addprevious(p)
        return Paragraph(p, parent)

    for index, texts in enumerate(pages):
        for text in texts:
            paragraph().add_run(text)
        if index < len(pages) - 1:
            paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


LETTER_COUNTS = (94, 375, 1500)  # the seed's seminar (94 seats), a district's conference, the province's
LETTERS_LIMIT_S = 900.0  # one child process: the timed renders, then one more under tracemalloc


def _rss_kb() -> int:
    """The process's peak resident set so far (Linux: kB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def letters_step(n: int, repeat: int) -> dict:
    """In a fresh process (``python -m bench.events letters OUT N REPEAT``): the letters and the floor for the
    first ``n`` delegates, each written into a temporary file. Per writer: the median time of ``repeat``
    runs, the growth of the peak RSS over the first run (the process's peak before it: imports, the
    delegates, the one-letter render the floor's text comes from), and tracemalloc's peak over one more run
    (tracemalloc slows the code down, so that run is not timed)."""
    import tracemalloc

    from danvan.events.documents import write_invitation_docx

    info, people = event_info(), delegates(delegate_specs())[:n]
    pages = letter_paragraphs(info, people)
    writers = {
        "letters": lambda out: write_invitation_docx(out, info, people),
        "floor": lambda out: out.write(plain_pages_docx(pages)),
    }
    result: dict = {"n": n, "paragraphs_per_letter": len(pages[0])}
    for name, write in writers.items():
        seconds, size, rss_growth = [], 0, 0
        for run in range(repeat):
            with tempfile.TemporaryFile() as out:
                before = _rss_kb()
                started = time.perf_counter()
                write(out)
                seconds.append(time.perf_counter() - started)
                if run == 0:
                    rss_growth, size = _rss_kb() - before, out.tell()
        with tempfile.TemporaryFile() as out:
            tracemalloc.start()
            write(out)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        result[name] = {
            "median_ms": statistics.median(seconds) * 1000,
            "runs_ms": [round(x * 1000) for x in seconds],
            "rss_growth_mb": rss_growth / 1024,
            "tracemalloc_peak_mb": peak / 1e6,
            "bytes": size,
        }
    return result


def _letters_child(n: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-events-") as folder:
        out = Path(folder) / "out.json"
        done = subprocess.run(
            [sys.executable, "-m", "bench.events", "letters", str(out), str(n), str(repeat)],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
            capture_output=True,
            text=True,
            timeout=LETTERS_LIMIT_S,
        )
        if done.returncode:
            tail = "\n".join((done.stdout + done.stderr).splitlines()[-25:])
            raise RuntimeError(f"letters {n} failed ({done.returncode}):\n{tail}")
        return json.loads(out.read_text())


def measure_letters(repeat: int, details: dict) -> list[dict]:
    """The letters at 94, 375 and 1,500 delegates: time, peak RSS growth and tracemalloc peak, each against
    python-docx writing the same number of plain pages (the floor); then the QR codes' share and the PDF."""
    from danvan.events.documents import invitation_docx, qr_png
    from danvan.lib.officialdoc.pdf import convert_to_pdf, libreoffice_available

    rows: list[dict] = []
    details["letters"] = {"repeat": repeat, "by_count": {}}
    for n in LETTER_COUNTS:
        step = _letters_child(n, repeat)
        details["letters"]["by_count"][n] = step
        letters, floor = step["letters"], step["floor"]
        rows += [
            row(f"floor.python_docx_pages.{n}.median_ms", floor["median_ms"], "ms", floor["median_ms"]),
            row(f"letters.docx.{n}.median_ms", letters["median_ms"], "ms", floor["median_ms"]),
            row(
                f"letters.docx.{n}.tracemalloc_peak_mb",
                letters["tracemalloc_peak_mb"],
                "MB",
                floor["tracemalloc_peak_mb"],
            ),
            row(f"letters.docx.{n}.rss_growth_mb", letters["rss_growth_mb"], "MB", floor["rss_growth_mb"]),
        ]
        print(
            f"letters: {n} letters {letters['median_ms'] / 1000:.1f} s, tracemalloc peak "
            f"{letters['tracemalloc_peak_mb']:.1f} MB, RSS +{letters['rss_growth_mb']:.1f} MB "
            f"(floor {floor['median_ms'] / 1000:.1f} s, {floor['tracemalloc_peak_mb']:.1f} MB, "
            f"+{floor['rss_growth_mb']:.1f} MB)"
        )
    info, people = event_info(), delegates(delegate_specs())
    n = len(people)
    docx_ms = details["letters"]["by_count"][n]["letters"]["median_ms"]
    sample = [d.link for d in people[:QR_SAMPLE]]
    qr = time_call(lambda: [qr_png(link) for link in sample], 1)
    qr_ms = qr["median_ms"] * len(people) / len(sample)
    rows.append(row(f"letters.qr_png.{n}.est_ms", qr_ms, "ms", docx_ms))
    details["letters"]["qr_png"] = {
        "sample": len(sample),
        "sample_ms": round(qr["median_ms"], 3),
        "estimate_ms": round(qr_ms),
    }
    print(f"letters: the {n} QR codes take about {qr_ms / 1000:.1f} s of the render")
    if libreoffice_available():
        data = invitation_docx(info, people)
        started = time.perf_counter()
        pdf = convert_to_pdf(data, timeout=PDF_TIMEOUT_S)
        pdf_ms = (time.perf_counter() - started) * 1000
        rows.append(row(f"letters.pdf.{n}.ms", pdf_ms, "ms", docx_ms))
        details["letters"]["pdf"] = {"ms": round(pdf_ms), "bytes": len(pdf), "pages": pdf_pages(pdf)}
        print(f"letters: PDF {pdf_ms / 1000:.1f} s, {pdf_pages(pdf)} pages, {len(pdf) / 1e6:.1f} MB")
    else:
        details["letters"]["pdf"] = "LibreOffice is not installed: no PDF timing"
        print("letters: LibreOffice is not installed, no PDF timing")
    return rows


# ----------------------------------------------------------------------------------------------
# 2. Check-in over HTTP: databases, the server, the client


class Backend:
    def __init__(self, name: str, url: str, sqlite_path: Path | None = None):
        self.name, self.url, self.sqlite_path = name, url, sqlite_path

    def env(self, **extra: str) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DATABASE_URL=self.url,
            DEBUG="0",
            SECRET_KEY=SECRET_KEY,
            ALLOWED_HOSTS="127.0.0.1",
            LOG_LEVEL="WARNING",
            PYTHONPATH=str(ROOT),
        )
        env.update(extra)
        return env

    def checked_in(self, event: int) -> tuple[int, int]:
        """(invitations with checked_in_at, of them checked in by the desk officer), read directly."""
        sql = (
            "SELECT COUNT(*), SUM(CASE WHEN u.username = {p} THEN 1 ELSE 0 END) FROM events_invitation i "
            "LEFT JOIN accounts_user u ON u.id = i.checked_in_by_id "
            "WHERE i.event_id = {p} AND i.checked_in_at IS NOT NULL"
        )
        if self.sqlite_path is not None:
            import sqlite3

            with sqlite3.connect(self.sqlite_path) as db:
                count, by_desk = db.execute(sql.format(p="?"), (DESK_USER, event)).fetchone()
        else:
            import psycopg

            with psycopg.connect(f"host=127.0.0.1 port=5432 user=postgres dbname={PG_DATABASE}") as db:
                count, by_desk = db.execute(sql.format(p="%s"), (DESK_USER, event)).fetchone()
        return int(count), int(by_desk or 0)


def _run_python(args: list[str], backend: Backend, what: str, **env: str) -> None:
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=backend.env(**env),
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_LIMIT_S,
    )
    if done.returncode:
        tail = "\n".join((done.stdout + done.stderr).splitlines()[-25:])
        raise RuntimeError(f"{what} on {backend.name} failed ({done.returncode}):\n{tail}")


def _json_step(command: str, backend: Backend, *args: str, **env: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-events-") as folder:
        out = Path(folder) / "out.json"
        _run_python(["-m", "bench.events", command, str(out), *args], backend, command, **env)
        return json.loads(out.read_text())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn for the run, on a free port of 127.0.0.1; stopped on leaving, whatever happened."""

    def __init__(self, backend: Backend, log_dir: Path):
        self.backend, self.port = backend, _free_port()
        self.log_path = log_dir / f"gunicorn-{backend.name}.log"
        self.command = [
            str(BIN / "gunicorn"),
            "config.wsgi",
            "-w",
            "2",
            "--threads",
            "4",
            "-b",
            f"127.0.0.1:{self.port}",
            "--no-control-socket",
        ]
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.backend.env(), stdout=self._log, stderr=subprocess.STDOUT
        )
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_LIMIT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    connection.close()
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within {SERVER_START_LIMIT_S:.0f} s:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            self._close_log()
            return
        self.process.terminate()  # gunicorn's master stops its workers on SIGTERM
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self._close_log()

    def _close_log(self) -> None:
        log = getattr(self, "_log", None)
        if log is not None and not log.closed:
            log.close()

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class Browser:
    """One client: one keep-alive connection, its cookies, its CSRF token."""

    def __init__(self, port: int):
        self.port = port
        self.connection: http.client.HTTPConnection | None = None
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self.reconnects = 0

    def request(
        self, method: str, path: str, fields: dict | None = None, headers: dict | None = None
    ) -> tuple[int, str]:
        body = urlencode(fields) if fields is not None else None
        sent = dict(headers or {})
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=sent)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection before reading the request: send it again.
                self.close()
                self.reconnects += 1
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        if response.will_close:
            self.close()
        return response.status, data.decode("utf-8", "replace")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def log_in(browser: Browser, desk_url: str) -> None:
    """As a person would: the login page, the form with its CSRF token, then the desk page."""
    status, page = browser.request("GET", "/accounts/login/")
    found = CSRF_FIELD.search(page)
    if status != 200 or not found:
        raise RuntimeError(f"GET /accounts/login/ answered {status} without a CSRF token")
    fields = {"csrfmiddlewaretoken": found.group(1), "username": DESK_USER, "password": DESK_PASSWORD}
    status, _ = browser.request("POST", "/accounts/login/", fields)
    if status != 302 or "sessionid" not in browser.cookies:
        raise RuntimeError(f"POST /accounts/login/ answered {status}, no session")
    status, page = browser.request("GET", desk_url)
    found = CSRF_FIELD.search(page)
    if status != 200 or not found:
        raise RuntimeError(f"GET {desk_url} answered {status} without a CSRF token")
    browser.csrf = found.group(1)


def run_load(browsers: list[Browser], jobs: list, send) -> dict:
    """``send(browser, job) -> outcome`` for every job, the browsers in parallel threads taking jobs from one
    queue; the wall time from the start (all threads released at once) to the end of the last request."""
    work: queue.SimpleQueue = queue.SimpleQueue()
    for job in jobs:
        work.put(job)
    start = threading.Barrier(len(browsers) + 1)
    stop = threading.Event()
    latencies: list[list[float]] = [[] for _ in browsers]
    outcomes: list[Counter] = [Counter() for _ in browsers]
    errors: list[str] = []

    def client(index: int) -> None:
        browser = browsers[index]
        try:
            start.wait()
            while not stop.is_set():
                try:
                    job = work.get_nowait()
                except queue.Empty:
                    return
                began = time.perf_counter()
                outcome = send(browser, job)
                latencies[index].append(time.perf_counter() - began)
                outcomes[index][outcome] += 1
        except Exception as error:  # reported, and the phase stops
            errors.append(f"{type(error).__name__}: {error}")
            stop.set()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(len(browsers))]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    deadline = time.monotonic() + PHASE_LIMIT_S
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    if any(thread.is_alive() for thread in threads):
        stop.set()
        errors.append(f"stopped after {PHASE_LIMIT_S:.0f} s")
        for thread in threads:
            thread.join(65)
    wall = time.perf_counter() - began
    seconds = [s for per_thread in latencies for s in per_thread]
    total = Counter()
    for counter in outcomes:
        total.update(counter)
    return {
        "requests": len(seconds),
        "wall_s": round(wall, 3),
        "per_second": len(seconds) / wall if wall else 0.0,
        "median_ms": statistics.median(seconds) * 1000 if seconds else 0.0,
        "p95_ms": percentile(seconds, 0.95) * 1000 if seconds else 0.0,
        "max_ms": max(seconds) * 1000 if seconds else 0.0,
        "outcomes": dict(total),
        "errors": errors[:5],
    }


def get_healthz(browser: Browser, _job) -> str:
    status, body = browser.request("GET", "/healthz")
    return "ok" if status == 200 and '"ok"' in body else f"status {status}"


def check_in_poster(url: str):
    def post(browser: Browser, invitation: int) -> str:
        fields = {"csrfmiddlewaretoken": browser.csrf, "invitation": str(invitation)}
        status, body = browser.request("POST", url, fields, {"HX-Request": "true"})
        if status != 200:
            return f"status {status}"
        for level, outcome in (("success", "fresh"), ("warning", "already"), ("danger", "refused")):
            if f"alert-{level}" in body:
                return outcome
        return "unknown"

    return post


def in_parallel(browsers: list[Browser], action) -> None:
    errors: list[str] = []

    def run(browser: Browser) -> None:
        try:
            action(browser)
        except Exception as error:
            errors.append(f"{type(error).__name__}: {error}")

    threads = [threading.Thread(target=run, args=(b,), daemon=True) for b in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(PHASE_LIMIT_S)
    if errors or any(thread.is_alive() for thread in threads):
        raise RuntimeError("; ".join(errors) or "logging in took too long")


def prepare_sqlite() -> Backend:
    path = DATA_DIR / f"events-{DELEGATES}.sqlite3"
    DATA_DIR.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return Backend("sqlite", f"sqlite:///{path}", sqlite_path=path)


def prepare_postgres() -> tuple[Backend | None, str]:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{PG_DATABASE}"')
    except Exception as error:
        reason = f"{type(error).__name__}: {error}".strip()
        return None, f"PostgreSQL not reachable at 127.0.0.1:5432 as postgres ({reason})"
    return Backend("postgres", PG_URL), ""


def drop_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)')


def measure_backend(backend: Backend, log_dir: Path) -> dict:
    """Migrate, set up, serve, log in, hammer the desk, check the counts, stop the server."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    _run_python(["manage.py", "migrate", "--noinput"], backend, "manage.py migrate")
    timings["migrate_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    setup = _json_step("setup", backend)
    timings["setup_s"] = round(time.perf_counter() - started, 2)
    event, ids = setup["event"], setup["invitations"]
    desk_url, post_url = f"/events/{event}/desk/", f"/events/{event}/desk/check-in/"
    result: dict = {"setup": {k: v for k, v in setup.items() if k != "invitations"}, "timings": timings}
    with Server(backend, log_dir) as server:
        result["server"] = " ".join(server.command[1:])
        browsers = [Browser(server.port) for _ in range(CLIENT_THREADS)]
        started = time.perf_counter()
        in_parallel(browsers, lambda b: log_in(b, desk_url))
        timings["login_s"] = round(time.perf_counter() - started, 2)
        healthz = run_load(browsers, list(range(DELEGATES)), get_healthz)
        post = check_in_poster(post_url)
        checkin = run_load(browsers, ids, post)
        after = backend.checked_in(event)
        repeated_ids = ids[:: len(ids) // REPEATED][:REPEATED]
        repeat = run_load(browsers, repeated_ids, post)
        after_repeat = backend.checked_in(event)
        result["reconnects"] = sum(b.reconnects for b in browsers)
        for browser in browsers:
            browser.close()
        result["server_log_tail"] = server.log_tail(10)
    verified = (
        checkin["outcomes"] == {"fresh": len(ids)}
        and after == (len(ids), len(ids))
        and repeat["outcomes"] == {"already": len(repeated_ids)}
        and after_repeat == after
    )
    result.update(
        healthz=healthz,
        checkin=checkin,
        repeat=repeat,
        checked_in_after_run=after[0],
        checked_in_by_desk_officer=after[1],
        checked_in_after_repeat=after_repeat[0],
        verified=verified,
    )
    print(
        f"checkin.{backend.name}: {checkin['per_second']:.1f}/s (healthz {healthz['per_second']:.0f}/s), "
        f"median {checkin['median_ms']:.1f} ms, p95 {checkin['p95_ms']:.1f} ms; {after[0]} checked in, "
        f"{after_repeat[0]} after repeating {len(repeated_ids)}: {'verified' if verified else 'NOT VERIFIED'}"
    )
    if checkin["errors"] or healthz["errors"] or repeat["errors"]:
        print(f"checkin.{backend.name}: errors {checkin['errors'] + healthz['errors'] + repeat['errors']}")
    return result


def backend_rows(name: str, result: dict) -> list[dict]:
    healthz, checkin = result["healthz"], result["checkin"]
    verified = row(f"checkin.{name}.checked_in", result["checked_in_after_repeat"], "invitations", DELEGATES)
    verified["ok"] = result["verified"]
    return [
        row(f"floor.healthz_http.{name}.per_second", healthz["per_second"], "req/s", healthz["per_second"]),
        row(f"checkin.{name}.per_second", checkin["per_second"], "req/s", healthz["per_second"]),
        row(f"checkin.{name}.median_ms", checkin["median_ms"], "ms", healthz["median_ms"]),
        row(f"checkin.{name}.p95_ms", checkin["p95_ms"], "ms", healthz["p95_ms"]),
        verified,
    ]


# ----------------------------------------------------------------------------------------------
# The area


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def measure(context: Context) -> list[dict]:
    details: dict = {"delegates": DELEGATES, "groups": len(GROUPS), "client_threads": CLIENT_THREADS}
    # Everything here is CPU-bound: other work on the machine shows in the numbers (see the load averages).
    details["machine"] = {"cpus": os.cpu_count(), "load_average_before": _load()}
    print(f"events: {os.cpu_count()} CPUs, load average {_load()[0]:.2f} before the run")
    rows = measure_letters(min(context.repeat, MAX_RUNS), details)
    with tempfile.TemporaryDirectory(prefix="bench-events-logs-") as logs:
        sqlite = prepare_sqlite()
        result = measure_backend(sqlite, Path(logs))
        details["sqlite"] = result
        rows += backend_rows("sqlite", result)
        event = str(result["setup"]["event"])
        panel = _json_step("panel", sqlite, event, ALLOWED_HOSTS="127.0.0.1,testserver")
        details["panel"] = panel
        rows += [
            row("panel.queries", panel["panel"]["queries"], "queries", 0),
            row("desk_panel.queries", panel["desk_panel"]["queries"], "queries", 0),
            row("checkin.queries", panel["check_in"]["queries"], "queries", 0),
        ]
        print(
            "panel: "
            + ", ".join(f"{name} {p['queries']} queries" for name, p in panel.items() if "queries" in p)
        )
        postgres, note = prepare_postgres()
        if postgres is None:
            print(f"checkin.postgres: skipped. {note}")
            details["postgres"] = {"skipped": note}
        else:
            try:
                result = measure_backend(postgres, Path(logs))
                details["postgres"] = result
                rows += backend_rows("postgres", result)
            finally:
                drop_postgres()
    details["machine"]["load_average_after"] = _load()
    print(f"events: load average over the last 5 minutes {_load()[1]:.2f}")
    context.details["events"] = details
    return rows


def verdict(result: dict) -> str:
    if "ok" in result:
        return "PASS" if result["ok"] and result["value"] == result["floor"] else "MISS"
    if result["metric"] in ("panel.queries", "desk_panel.queries"):
        return "PASS" if result["value"] <= MAX_QUERIES else "MISS"
    return ""


# ----------------------------------------------------------------------------------------------
# Steps run in a subprocess with their own DATABASE_URL: `python -m bench.events setup|panel OUT [EVENT]`


def setup_database() -> dict:
    """The organiser and the nominating units, the desk officer, the event, its groups, 1,500 invitations."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.db import transaction

    from danvan.accounts.models import RoleAssignment, User
    from danvan.core.access import Role
    from danvan.events import services
    from danvan.events.models import Event, Invitation
    from danvan.lib import vntext
    from danvan.org.kinds import ensure_default_kinds
    from danvan.org.models import UnitKind
    from danvan.org.services import unit_create

    started = time.perf_counter()
    ensure_default_kinds(UnitKind)
    kinds = {kind.code: kind for kind in UnitKind.objects.all()}
    admin = User.objects.create_superuser(ADMIN_USER, email="", password=None)
    province = unit_create(actor=admin, name=PROVINCE, kind=kinds["province"], parent=None, admin_code="24")
    organiser = unit_create(
        actor=admin,
        name=ORGANISER,
        kind=kinds["mobilization_committee"],
        parent=province,
        abbreviation="BTGDVTU",
    )
    nominators = {}
    for _label, _size, nominator, _style in GROUPS:
        if nominator and nominator[1] not in nominators:
            kind, name = nominator
            nominators[name] = unit_create(actor=admin, name=name, kind=kinds[kind], parent=province)
    desk = User.objects.create_user(DESK_USER, password=DESK_PASSWORD, full_name="Trần Thị Minh Thư")
    RoleAssignment.objects.create(user=desk, role=Role.COMMITTEE_OFFICER, unit=organiser)
    event = services.event_save(
        actor=admin,
        organiser=organiser,
        title=EVENT_TITLE,
        kind=Event.Kind.CONFERENCE,
        venue=VENUE,
        starts_at=datetime(2099, 12, 15, 8, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        expected_attendance=DELEGATES,
    )
    groups = [
        services.group_save(
            actor=admin,
            event=event,
            label=label,
            quota=size,
            nominating_unit=nominators[nominator[1]] if nominator else None,
        )
        for label, size, nominator, _style in GROUPS
    ]
    invitations = []
    for spec in delegate_specs():
        name = vntext.clean_text(spec["name"])
        invitation = Invitation(
            event=event,
            group=groups[spec["group"]],
            name=name,
            title=spec["title"],
            unit_name=spec["unit_name"],
            email=spec["email"],
            phone=spec["phone"],
            token=spec["token"],
            status=spec["status"],
            substitute_name=spec["substitute_name"],
            substitute_title=spec["substitute_title"],
            nominated_by=nominators.get((GROUPS[spec["group"]][2] or ("", ""))[1]),
            sort_key=vntext.person_sort_key(name)[:255],
            search_text=vntext.fold(f"{name} {spec['title']} {spec['unit_name']}"),
        )
        invitations.append(invitation)
    with transaction.atomic():
        Invitation.objects.bulk_create(invitations, batch_size=500)
    ids = list(event.invitations.order_by("id").values_list("id", flat=True))
    return {
        "event": event.pk,
        "groups": len(groups),
        "nominated_groups": sum(g.nominating_unit_id is not None for g in groups),
        "invitations": ids,
        "desk_user": DESK_USER,
        "desk_role": f"{Role.COMMITTEE_OFFICER} on {ORGANISER}",
        "seconds": round(time.perf_counter() - started, 2),
    }


def _normalised(sql: str) -> str:
    return re.sub(r"\b\d+\b", "?", re.sub(r"'[^']*'", "?", sql))


def _captured(client, method: str, url: str, check: str, **extra) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call = getattr(client, method)
    call(url, **extra)  # warm-up: templates compiled, caches filled
    with CaptureQueriesContext(connection) as captured:
        response = call(url, **extra)
    body = response.content.decode()
    if response.status_code != 200 or check not in body:
        raise RuntimeError(f"{method.upper()} {url} answered {response.status_code} without {check!r}")
    queries = [{"sql": q["sql"][:400], "ms": round(float(q["time"]) * 1000, 3)} for q in captured]
    repeated = Counter(_normalised(q["sql"]) for q in captured)
    return {
        "url": url,
        "htmx": "HTTP_HX_REQUEST" in extra,
        "queries": len(queries),
        "sql_ms": round(sum(q["ms"] for q in queries), 3),
        "repeated": {sql[:300]: n for sql, n in repeated.items() if n > 1},
        "query_log": queries,
    }


def panel_queries(event: int) -> dict:
    """Query counts of the panel partials (and, for the details, the whole pages and one check-in)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.foundation import explain
    from danvan.accounts.models import User
    from danvan.events import selectors
    from danvan.events.models import Event, Invitation

    client = Client()
    desk_user = User.objects.get(username=DESK_USER)
    client.force_login(desk_user, backend="django.contrib.auth.backends.ModelBackend")
    detail, desk = f"/events/{event}/", f"/events/{event}/desk/"
    found = {
        "panel": _captured(client, "get", detail, 'data-testid="group-panel"', HTTP_HX_REQUEST="true"),
        "desk_panel": _captured(client, "get", f"{desk}?part=panel", "group-panel", HTTP_HX_REQUEST="true"),
        "event_detail": _captured(client, "get", detail, "group-panel"),
        "desk": _captured(client, "get", desk, "group-panel"),
    }
    # One fresh check-in through the view (the invitation is unmarked first: all 1,500 are checked in).
    target = Invitation.objects.filter(event_id=event).order_by("-id").first()
    Invitation.objects.filter(pk=target.pk).update(checked_in_at=None, checked_in_by=None)
    client.post(f"{desk}check-in/", {"invitation": "0"}, HTTP_HX_REQUEST="true")  # warm-up: "not found"
    with CaptureQueriesContext(connection) as captured:
        response = client.post(f"{desk}check-in/", {"invitation": str(target.pk)}, HTTP_HX_REQUEST="true")
    if response.status_code != 200 or "alert-success" not in response.content.decode():
        raise RuntimeError(f"the check-in POST answered {response.status_code}")
    found["check_in"] = {
        "url": f"{desk}check-in/",
        "queries": len(captured),
        "repeated": {
            sql[:300]: n for sql, n in Counter(_normalised(q["sql"]) for q in captured).items() if n > 1
        },
        "query_log": [{"sql": q["sql"][:400], "ms": round(float(q["time"]) * 1000, 3)} for q in captured],
    }
    with CaptureQueriesContext(connection) as captured:
        list(selectors.group_panel(Event.objects.get(pk=event)))
    panel_sql = captured.captured_queries[-1]["sql"]
    found["group_panel_query"] = {"sql": panel_sql, "plan": explain(panel_sql)}
    return found


def main(argv: list[str]) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    command, out = argv[0], Path(argv[1])
    if command == "setup":
        result = setup_database()
    elif command == "panel":
        result = panel_queries(int(argv[2]))
    elif command == "letters":
        result = letters_step(int(argv[2]), int(argv[3]))
    else:
        raise SystemExit(f"unknown step {command!r}")
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
