"""Hostile uploads: the time and peak memory of every file of the hostile corpus on every upload path.

The corpus is ``danvan.testing.hostile.corpus()`` (zip bombs, XXE, billion laughs, macros, encrypted and
renamed files, truncated zips, merged-range and dimension bombs, huge cells, bidi names, polyglots,
decompression-bomb images, 1,000-character names, a 5 MB text). Each file goes through what each upload
endpoint runs before it writes anything (``NEEDS_DATASET = False``: no database is read):

* plan import: ``plans.views.documents.parse_source`` (vetting .docx/.txt, then the plan parser);
* submission upload: ``lib.tables.parse_upload`` with the registration form's columns;
* people import: ``inspect_upload`` then ``org.transfer.reading.read_rows`` (the streaming reader);
* presentation upload: ``inspect_upload`` (.docx, opened by python-docx) then its paragraphs;
* task evidence, exemplar attachment: ``core.files.vetting.vet`` with their kinds (images re-encoded);
* contest entry, medal dossier: ``inspect_upload`` with their kinds.

Each call is timed with ``time.perf_counter``, then made again under ``tracemalloc`` for its peak Python
memory (memory that C libraries allocate themselves, lxml's trees, is not seen: a floor for those).
Beside the corpus, the cases of the issue: a 5 KB workbook with the merged range A1:Z40000 on the
submission upload (54 s and 476 MB before), a sheet declaring A1:XFD1048576 on the people import (32 s),
4,000 real people rows on the people import (595 MB peak before), a 5 MB plan text (did not finish in 90 s).

Rows: the worst time and the worst peak of any single upload, the corpus size, the outcome counts
(refused with a Vietnamese message / read into a preview that lists problems and cannot be applied /
accepted / any other exception, which would be a server error), and
the issue's cases; the floor of a time is the same path on a sound one-page .docx.
"""

from __future__ import annotations

import io
import time
import tracemalloc

from bench.measure import Context, row

NEEDS_DATASET = False
MAX_BYTES = 20 * 1024 * 1024
PEOPLE_ROWS = 4000


def _paths():
    """name -> function(name, data) doing what the endpoint does before it writes anything."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from bench.uploads import columns
    from danvan.core.files.vetting import vet
    from danvan.lib.tables.read import parse_upload
    from danvan.lib.uploads import inspect_upload
    from danvan.org.transfer import reading
    from danvan.plans.files import EVIDENCE_KINDS
    from danvan.plans.views.documents import parse_source
    from danvan.recognition.contest.services.running import ENTRY_FILE_KINDS
    from danvan.recognition.medals.services import DOSSIER_KINDS
    from danvan.recognition.registry.services import MAX_PHOTO_BYTES

    specs = columns()

    def upload(name, data):
        return SimpleUploadedFile(name, data)

    def presentation(name, data):
        from docx import Document

        inspected = inspect_upload(upload(name, data), name=name, allowed=("docx",), max_bytes=MAX_BYTES)
        return [p.text for p in Document(io.BytesIO(inspected.data)).paragraphs]

    def people(name, data):
        inspected = inspect_upload(data, name=name, allowed=("xlsx",), max_bytes=MAX_BYTES, check_opens=False)
        return reading.read_rows(inspected.data, "people", inspected.name)

    return {
        "plan_import": lambda name, data: parse_source(text="", upload=upload(name, data)),
        "submission_upload": lambda name, data: parse_upload(
            data, name=name, columns=specs, max_bytes=MAX_BYTES
        ),
        "org_import": people,
        "presentation_upload": presentation,
        "task_evidence": lambda name, data: vet(upload(name, data), allowed=EVIDENCE_KINDS),
        "exemplar_attachment": lambda name, data: vet(
            upload(name, data), allowed=("image", "docx", "xlsx"), max_image_bytes=MAX_PHOTO_BYTES
        ),
        "contest_entry": lambda name, data: inspect_upload(
            upload(name, data), name=name, allowed=ENTRY_FILE_KINDS, max_bytes=MAX_BYTES
        ),
        "medal_dossier": lambda name, data: inspect_upload(
            upload(name, data), name=name, allowed=DOSSIER_KINDS, max_bytes=MAX_BYTES
        ),
    }


def _run(function, name, data) -> tuple[str, float, float, str]:
    """(outcome, seconds, peak MB, message) of one call: timed in a first call, its peak Python memory
    taken in a second one (tracemalloc slows allocation several times: the two are never mixed)."""
    from danvan.core.errors import ServiceError
    from danvan.lib.uploads import UploadRejected
    from danvan.plans.parsing import PlanParseError

    def call() -> tuple[str, str]:
        try:
            result = function(name, data)
        except (UploadRejected, ServiceError, PlanParseError) as error:
            return "refused", getattr(error, "message", str(error))
        except Exception as error:  # what a view would turn into a server error
            return "server_error", f"{type(error).__name__}: {error}"
        # The two-step imports refuse by listing problems in their preview (which cannot be applied).
        problems = getattr(result, "problems", None)
        if (
            problems is None
            and isinstance(result, tuple)
            and len(result) == 2
            and isinstance(result[1], list)
        ):
            problems = result[1]
        if problems:
            first = problems[0]
            return "refused_in_preview", getattr(first, "message", None) or str(first.get("message", first))
        return "accepted", ""

    started = time.perf_counter()
    outcome, message = call()
    seconds = time.perf_counter() - started
    tracemalloc.start()
    call()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return outcome, seconds, peak, message[:200]


def _people_workbook(rows: int) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Họ và tên", "Chức vụ", "Mã đơn vị", "Điện thoại", "Thư điện tử", "Năm sinh", "Giới tính"])
    for n in range(rows):
        sheet.append(
            [
                f"Nguyễn Văn Thành {n}",
                "Tổ trưởng Tổ Dân vận",
                f"KP-{n % 300:03d}",
                f"09{n:08d}",
                f"can.bo{n}@example.vn",
                1960 + n % 40,
                "Nam" if n % 2 else "Nữ",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def measure(context: Context) -> list[dict]:
    import docx

    from danvan.testing import hostile

    files = hostile.corpus()
    paths = _paths()
    sound = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Tham luận")
    document.save(sound)
    for function in paths.values():  # imports and caches, before any clock
        _run(function, "a.docx", sound.getvalue())

    outcomes = {"refused": 0, "refused_in_preview": 0, "accepted": 0, "server_error": 0}
    worst = {"seconds": (0.0, ""), "peak_mb": (0.0, "")}
    attempts = []
    for item in files:
        for endpoint, function in paths.items():
            outcome, seconds, peak, message = _run(function, item.name, item.data)
            outcomes[outcome] += 1
            where = f"{endpoint} × {item.name[:40]} ({item.label})"
            if seconds > worst["seconds"][0]:
                worst["seconds"] = (seconds, where)
            if peak > worst["peak_mb"][0]:
                worst["peak_mb"] = (peak, where)
            attempts.append(
                {
                    "endpoint": endpoint,
                    "file": item.name[:60],
                    "label": item.label,
                    "outcome": outcome,
                    "seconds": round(seconds, 3),
                    "peak_mb": round(peak, 1),
                    "message": message,
                }
            )
            if outcome == "server_error":
                print(f"SERVER ERROR {where}: {message}")

    floor_seconds = min(_run(f, "a.docx", sound.getvalue())[1] for f in paths.values())
    cases = {
        "merged_A1_Z40000.submission_upload": (paths["submission_upload"], "gop-o.xlsx"),
        "dimension_XFD1048576.org_import": (paths["org_import"], "kich-thuoc.xlsx"),
        "text_5MB.plan_import": (paths["plan_import"], "ke-hoach.txt"),
    }
    by_name = {item.name: item for item in files}
    rows = [
        row("worst_upload.ms", worst["seconds"][0] * 1000, "ms", floor_seconds * 1000),
        row("worst_upload.peak_mb", worst["peak_mb"][0], "MB", 0),
        row("corpus.files", len(files), "files", 0),
        row("corpus.attempts", len(attempts), "uploads", 0),
        row("corpus.megabytes", sum(len(item.data) for item in files) / 1e6, "MB", 0),
        *(row(f"outcome.{name}", count, "uploads", 0) for name, count in outcomes.items()),
    ]
    details = {"worst": {key: {"value": round(v, 3), "at": at} for key, (v, at) in worst.items()}}
    for label, (function, name) in cases.items():
        _outcome, seconds, peak, message = _run(function, name, by_name[name].data)
        rows += [
            row(f"{label}.ms", seconds * 1000, "ms", floor_seconds * 1000),
            row(f"{label}.peak_mb", peak, "MB", 0),
        ]
        details[label] = {"bytes": len(by_name[name].data), "outcome": _outcome, "message": message}
    people = _people_workbook(PEOPLE_ROWS)
    outcome, seconds, peak, message = _run(paths["org_import"], "can-bo.xlsx", people)
    rows += [
        row(f"people{PEOPLE_ROWS}.org_import.ms", seconds * 1000, "ms", floor_seconds * 1000),
        row(f"people{PEOPLE_ROWS}.org_import.peak_mb", peak, "MB", 0),
    ]
    details[f"people{PEOPLE_ROWS}"] = {"bytes": len(people), "outcome": outcome, "message": message}
    details["attempts"] = attempts
    print(
        f"hostile: {len(files)} files × {len(paths)} paths = {len(attempts)} uploads; {outcomes}; worst "
        f"{worst['seconds'][0]:.2f} s at {worst['seconds'][1]}, peak {worst['peak_mb'][0]:.1f} MB at "
        f"{worst['peak_mb'][1]}"
    )
    context.details["hostile"] = details
    return rows
