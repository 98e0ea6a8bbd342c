"""Reporting: consolidating every unit's answer to a call into one table, "with one click".

The issue's case: all 3,321 wards answer the registration form of seed 003 (Tháng Dân vận) with 30 rows
each, about 100,000 rows, consolidated to .xlsx by ``reporting.documents.consolidated.write_xlsx`` fed by a
generator of ``UnitRows`` (as the consolidation job feeds it from the database). The rows are made in
memory here (``NEEDS_DATASET = False``: the runner builds no dataset for this area alone).

At 10k rows (333 units x 30) and 100k rows (3,321 x 30), in the same run:

* time (median of ``min(--repeat, 3)`` runs, each writing a new file in a temporary directory) of
  ``write_xlsx``, against the floor: bare xlsxwriter in ``constant_memory`` mode writing the same cells
  (no formats, no merges, no cleaning) from a list built before timing;
* peak memory of each, in a forked process: the tracemalloc peak (Python allocations while writing;
  the floor's list is built before tracing starts) and, in a run without tracemalloc, how far the
  resident set rises above its level before the write (VmHWM after resetting it; else ru_maxrss).

Targets (PASS/MISS): ``write_xlsx`` within 1.5x of the floor's time at each size; its peak memory at 100k
at most 1.5x its peak at 10k + 2 MB (memory must not grow with the row count).
Also timed, without a target: ``write_docx`` (the landscape annex) for 200 units x 5 rows against
python-docx filling a bare table of the same cells.
"""

from __future__ import annotations

import gc
import io
import multiprocessing
import os
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.measure import Context, row, time_call

NEEDS_DATASET = False
ROWS_PER_UNIT = 30
SIZES = {"10k": 333, "100k": 3321}  # units; x 30 rows
DOCX_UNITS, DOCX_ROWS = 200, 5
TIME_RATIO = 1.5
MEMORY_RATIO = 1.5
MEMORY_SLACK_MB = 2.0
MAX_RUNS = 3
MB = 1024 * 1024
PROC_STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")

TITLE = "DANH SÁCH"
SUBTITLE = "Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận” năm 2023"
ACTIVITIES = (
    "Tổ chức gặp mặt kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng",
    "Ra quân vệ sinh môi trường, trồng cây xanh tại khu dân cư",
    "Tuyên truyền Bài báo “Dân vận” của Chủ tịch Hồ Chí Minh trên trang thông tin điện tử",
    "Đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
    "Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo",
    "Ngày Chủ Nhật tình nguyện giải quyết thủ tục hành chính",
    "Tập huấn nghiệp vụ công tác dân vận cho Tổ Dân vận cộng đồng",
)
WINDOWS = (
    "15/10/2023",
    "tháng 10/2023",
    "từ 01/10 đến 31/10/2023",
    "thượng tuần tháng 10/2023",
    "quý IV/2023",
)
SCOPES = ("Cấp tỉnh", "Cấp huyện", "Cấp xã", "Toàn xã", "Các thôn, tổ dân phố")
TARGETS = (
    "Cán bộ, công chức, viên chức",
    "Nhân dân trên địa bàn",
    "Hộ nghèo, hộ cận nghèo",
    "Đoàn viên, hội viên",
)
GOALS = (
    "Nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên và Nhân dân về công tác dân vận; củng cố mối quan "
    "hệ mật thiết giữa Đảng với Nhân dân",
    "100% hộ gia đình được tuyên truyền; phấn đấu xây dựng ít nhất 01 mô hình “Dân vận khéo” mới",
    "Giải quyết dứt điểm các kiến nghị của Nhân dân; không để phát sinh điểm nóng",
)
NOTES = ("", "", "Phối hợp với Ủy ban MTTQ xã", "Dự kiến", '=HYPERLINK("http://example.com","xem")')
PLACES = ("Tân Liễu", "Đồng Việt", "Yên Lư", "Nham Sơn", "Thắng Cương", "Lãng Sơn", "Tiền Phong", "Đức Giang")


def columns():
    from danvan.reporting.documents.consolidated import Column

    return [
        Column("stt", "Stt", "index"),
        Column("name", "Tên nội dung, hoạt động", "text"),
        Column("when", "Thời gian tổ chức, triển khai", "window"),
        Column("scope", "Quy mô, phạm vi triển khai", "text"),
        Column("target", "Đối tượng thực hiện hoặc đối tượng thụ hưởng", "text"),
        Column("goal", "Mục tiêu hướng đến hoặc dự kiến kết quả đạt được", "long_text"),
        Column("note", "Ghi chú", "text"),
    ]


KEYS = ("name", "when", "scope", "target", "goal", "note")


def unit_name(unit: int) -> str:
    return f"Xã {PLACES[unit % len(PLACES)]} {unit + 1}"


def values(unit: int, number: int) -> tuple[str, ...]:
    """The six values of one row (deterministic, cheap: picked from the pools above)."""
    k = unit * 31 + number * 7
    return (
        f"{ACTIVITIES[k % len(ACTIVITIES)]} (đợt {number})",
        WINDOWS[k % len(WINDOWS)],
        SCOPES[(k // 3) % len(SCOPES)],
        TARGETS[(k // 5) % len(TARGETS)],
        GOALS[k % len(GOALS)],
        NOTES[(k // 7) % len(NOTES)],
    )


def unit_groups(units: int, rows_per_unit: int = ROWS_PER_UNIT) -> Iterator:
    """A generator of UnitRows whose rows are generators too: nothing is kept once written."""
    from danvan.reporting.documents.consolidated import UnitRows

    for unit in range(units):
        rows = (dict(zip(KEYS, values(unit, n), strict=True)) for n in range(1, rows_per_unit + 1))
        yield UnitRows(unit_name(unit), rows, status="Muộn" if unit % 10 == 0 else "Đúng hạn")


def floor_rows(units: int) -> list[tuple[str, list[tuple[str, ...]]]]:
    """The same cells as a list, built before the floor is timed."""
    return [(unit_name(u), [values(u, n) for n in range(1, ROWS_PER_UNIT + 1)]) for u in range(units)]


def write_consolidated(path: str, units: int) -> int:
    from danvan.reporting.documents.consolidated import write_xlsx

    return write_xlsx(
        path,
        title=TITLE,
        subtitle=SUBTITLE,
        columns=columns(),
        groups=unit_groups(units),
        progress=lambda _done: None,
        total_units=units,
    )


def write_floor(path: str, data: list) -> int:
    """Bare xlsxwriter, constant_memory: the same cells, no formats, no merges, no cleaning."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False})
    sheet = workbook.add_worksheet()
    sheet.write_string(0, 0, TITLE)
    sheet.write_string(1, 0, SUBTITLE)
    for col, column in enumerate(["Stt", "Đơn vị", *(c.label for c in columns()[1:])]):
        sheet.write_string(2, col, column)
    r = 3
    written = 0
    for ordinal, (name, rows) in enumerate(data, start=1):
        sheet.write_string(r, 0, f"{ordinal}. {name}")
        r += 1
        for number, cells in enumerate(rows, start=1):
            sheet.write_number(r, 0, number)
            sheet.write_string(r, 1, name)
            for col, value in enumerate(cells, start=2):
                if value:
                    sheet.write_string(r, col, value)
            r += 1
        written += len(rows)
    workbook.close()
    return written


# ----------------------------------------------------------------------------------------------
# Measuring


def _timed(write: Callable[[str], int], repeat: int, folder: str) -> float:
    def setup() -> str:
        gc.collect()
        return os.path.join(folder, f"t{time.perf_counter_ns()}.xlsx")

    return time_call(write, repeat, setup=setup, teardown=os.unlink)["median_ms"]


def _status_kb(name: str) -> int:
    for line in PROC_STATUS.read_text().splitlines():
        if line.startswith(f"{name}:"):
            return int(line.split()[1])
    raise OSError(name)


def _rss_growth_kb(run: Callable[[], object]) -> int:
    """How far the resident set rose above its level before ``run()``: the peak (VmHWM, reset first by
    writing 5 to /proc/self/clear_refs) minus the start. Elsewhere: the growth of ru_maxrss."""
    try:
        CLEAR_REFS.write_text("5")
        before = _status_kb("VmRSS")
    except OSError:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        run()
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    run()
    return _status_kb("VmHWM") - before


def _memory(write: Callable[..., int], folder: str, prepare: Callable[[], object] | None = None) -> dict:
    """Peak memory of ``write(path)`` in a forked process (the parent's heap is not counted): one run
    for the growth of the resident set, one under tracemalloc for the peak of Python allocations.
    ``prepare()`` (the floor's list) runs before either and its result is passed to ``write``."""

    def measure_here() -> dict:
        state = prepare() if prepare else None
        path = os.path.join(folder, f"m{time.perf_counter_ns()}.xlsx")

        def run() -> int:
            return write(path, state) if prepare else write(path)

        gc.collect()
        rss_kb = _rss_growth_kb(run)
        os.unlink(path)
        gc.collect()
        tracemalloc.start()
        written = run()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size = os.path.getsize(path)
        os.unlink(path)
        return {"peak_bytes": peak, "rss_growth_kb": rss_kb, "rows": written, "file_bytes": size}

    if "fork" not in multiprocessing.get_all_start_methods():
        return measure_here()
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        sender.send(measure_here())

    process = context.Process(target=child)
    process.start()
    result = receiver.recv()
    process.join()
    return result


def measure(context: Context) -> list[dict]:
    repeat = min(context.repeat, MAX_RUNS)
    rows: list[dict] = []
    details: dict = {"rows_per_unit": ROWS_PER_UNIT, "repeat": repeat, "sizes": {}}
    peaks: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-reporting-") as folder:
        for size, units in SIZES.items():
            data = floor_rows(units)
            floor_ms = _timed(lambda path, data=data: write_floor(path, data), repeat, folder)
            ms = _timed(lambda path, units=units: write_consolidated(path, units), repeat, folder)
            data = None
            floor_mem = _memory(
                lambda path, state: write_floor(path, state), folder, lambda u=units: floor_rows(u)
            )
            mem = _memory(lambda path, units=units: write_consolidated(path, units), folder)
            peak_mb, floor_peak_mb = mem["peak_bytes"] / MB, floor_mem["peak_bytes"] / MB
            peaks[size] = peak_mb
            peak_row = row(f"consolidate_xlsx.{size}.peak_mb", peak_mb, "MB", floor_peak_mb)
            if size != "10k" and "10k" in peaks:
                peak_row["limit"] = round(MEMORY_RATIO * peaks["10k"] + MEMORY_SLACK_MB, 3)
            rows += [
                row(f"floor.xlsxwriter.{size}.median_ms", floor_ms, "ms", floor_ms),
                row(f"consolidate_xlsx.{size}.median_ms", ms, "ms", floor_ms),
                row(f"floor.xlsxwriter.{size}.peak_mb", floor_peak_mb, "MB", floor_peak_mb),
                peak_row,
                row(
                    f"consolidate_xlsx.{size}.rss_growth_mb",
                    mem["rss_growth_kb"] / 1024,
                    "MB",
                    floor_mem["rss_growth_kb"] / 1024,
                ),
            ]
            details["sizes"][size] = {"units": units, "consolidate": mem, "floor": floor_mem}
    rows += _docx_rows(repeat)
    context.details["reporting"] = details
    return rows


def _docx_floor(data: list) -> bytes:
    """python-docx filling a bare table with the same cells (no format, no merges), saved."""
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=0, cols=1 + len(KEYS))
    for ordinal, (name, unit_rows) in enumerate(data, start=1):
        table.add_row().cells[0].text = f"{ordinal}. {name}"
        for number, cells in enumerate(unit_rows, start=1):
            row_cells = table.add_row().cells
            row_cells[0].text = str(number)
            for cell, value in zip(row_cells[1:], cells, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _docx_rows(repeat: int) -> list[dict]:
    from danvan.reporting.documents.annex import write_docx
    from danvan.reporting.documents.consolidated import UnitRows

    data = [(unit_name(u), [values(u, n) for n in range(1, DOCX_ROWS + 1)]) for u in range(DOCX_UNITS)]
    floor_ms = time_call(lambda: _docx_floor(data), repeat)["median_ms"]

    def annex() -> bytes:
        groups = (
            UnitRows(name, [dict(zip(KEYS, cells, strict=True)) for cells in unit_rows])
            for name, unit_rows in data
        )
        return write_docx(title=SUBTITLE, subtitle="", columns=columns(), groups=groups, issuer="Ban Dân vận")

    ms = time_call(annex, repeat)["median_ms"]
    label = f"{DOCX_UNITS}x{DOCX_ROWS}"
    return [
        row(f"floor.python_docx.{label}.median_ms", floor_ms, "ms", floor_ms),
        row(f"consolidate_docx.{label}.median_ms", ms, "ms", floor_ms),
    ]


def verdict(result: dict) -> str:
    metric = result["metric"]
    if "limit" in result:
        return "PASS" if result["value"] <= result["limit"] else "MISS"
    if metric.startswith("consolidate_xlsx.") and metric.endswith(".median_ms"):
        return "PASS" if result["value"] <= TIME_RATIO * result["floor"] else "MISS"
    return ""
