"""Uploads: reading a unit's filled-in registration form, a 500-row .xlsx and a 200-row .docx.

The files are made in memory (``NEEDS_DATASET = False``: no database is read): the product's blank forms
(``lib.tables.blank.blank_xlsx`` / ``blank_docx``) for the registration form of seed 003, whose columns are
built from ``reporting.services.templates.REGISTRATION`` (the same 7 labels, kinds and required flags as the
built-in template's ``column_specs``), then filled as a unit would fill them:

* .xlsx: openpyxl opens the blank workbook and writes 500 rows under the header (Stt numbered), then saves;
* .docx: python-docx fills the 5 numbered sample rows of the blank table, drops the "..." row and adds
  195 more rows copied from a sample row (as Word's "insert row below" does), then saves.

Cell texts are Vietnamese (the activities, time windows, scopes, targets and goals of seed 003's form;
some goals over several lines, some notes empty, one note a pasted ``=HYPERLINK(...)``). One row in 40 is
typed in TCVN3 in the ".VnTime" font (a cell font in Excel, a run font in Word), as old machines still do.

Measured (median of ``max(--repeat, 5)`` runs), each beside its floor in the same run:

* ``parse_upload.xlsx500.median_ms``: ``tables.parse_upload`` of the .xlsx bytes (vetting the upload,
  reading the workbook, finding the header, cleaning every value). Floor
  ``floor.openpyxl_read.xlsx500.median_ms``: bare ``openpyxl.load_workbook`` of the same bytes (the mode
  ``parse_upload`` uses for files under 5 MB) and reading every cell value of every sheet.
* ``parse_upload.docx200.median_ms``: the same for the .docx. Floor ``floor.python_docx_read.docx200``:
  bare ``docx.Document`` of the same bytes and reading the text of every cell of every table.

The caches of ``vntext`` (folded words, known syllables) are emptied before each timed parse: every run
is a first reading, as for a new file. No target is given by the issue: the ratio is printed.
The details file has the parts of each parse (vetting, reading into grids) and a check of what was read.
"""

from __future__ import annotations

import copy
import io

from bench.measure import Context, row, time_call

NEEDS_DATASET = False
XLSX_ROWS = 500
DOCX_ROWS = 200
MIN_REPEAT = 5
LEGACY_EVERY = 40  # one row in 40 typed in TCVN3 (.VnTime)
LEGACY_FONT = ".VnTime"
UNIT_NAME = "Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Liễu"
MAX_BYTES = 20 * 1024 * 1024
GOAL_LINES = (
    "- 100% cán bộ, đảng viên được quán triệt",
    "- Xây dựng ít nhất 01 mô hình “Dân vận khéo”",
    "- Không để phát sinh khiếu kiện đông người",
)


def columns():
    """The registration form's columns, as ``selectors.column_specs`` gives them (keys: field order)."""
    from danvan.lib.tables.values import ColumnSpec
    from danvan.reporting.services.templates import REGISTRATION

    return [
        ColumnSpec(key=f"f{order}", label=label, kind=str(kind), required=required)
        for order, (label, kind, required) in enumerate(REGISTRATION["fields"])
    ]


def cell_values(number: int) -> tuple[str, ...]:
    """The six values of row ``number`` (after Stt), Vietnamese, deterministic."""
    from bench.reporting import values

    name, when, scope, target, goal, note = values(number % 97, number)
    if number % 5 == 0:
        goal = "\n".join([goal, *GOAL_LINES[: 1 + number % 3]])
    return name, when, scope, target, goal, note


def is_legacy(number: int) -> bool:
    return number % LEGACY_EVERY == 7


# ---------------------------------------------------------------------------------------------
# The files
# ---------------------------------------------------------------------------------------------


def filled_xlsx(rows: int) -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    from danvan.lib.tables.blank import SHEET_NAME, blank_xlsx
    from danvan.lib.vntext import unicode_to_tcvn3
    from danvan.reporting.services.templates import REGISTRATION

    specs = columns()
    blank = blank_xlsx(
        title=REGISTRATION["title"], subtitle=REGISTRATION["subtitle"], columns=specs, unit_name=UNIT_NAME
    )
    workbook = openpyxl.load_workbook(io.BytesIO(blank))
    sheet = workbook[SHEET_NAME]
    header = _header_row(sheet, specs[1].label)
    legacy_font = Font(name=LEGACY_FONT, size=12)
    for number in range(1, rows + 1):
        line = header + number
        sheet.cell(line, 1, number)
        legacy = is_legacy(number)
        for col, value in enumerate(cell_values(number), start=2):
            if not value:
                continue
            cell = sheet.cell(line, col, unicode_to_tcvn3(value) if legacy else value)
            if legacy:
                cell.font = legacy_font
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header_row(sheet, label: str) -> int:
    for (line, _col), cell in sheet._cells.items():
        if isinstance(cell.value, str) and cell.value.startswith(label):
            return line
    raise RuntimeError("the blank form has no header row")


def filled_docx(rows: int) -> bytes:
    import docx

    from danvan.lib.tables.blank import MORE_ROWS, blank_docx
    from danvan.reporting.services.templates import REGISTRATION

    specs = columns()
    blank = blank_docx(
        title=REGISTRATION["title"],
        subtitle=REGISTRATION["subtitle"],
        label=REGISTRATION["label"],
        columns=specs,
        unit_name=UNIT_NAME,
        footer=REGISTRATION["footer"],
    )
    document = docx.Document(io.BytesIO(blank))
    table = next(t for t in document.tables if t.rows[0].cells[1].text.startswith(specs[1].label))
    tbl = table._tbl
    trs = list(tbl.tr_lst)
    samples = [tr for tr in trs[1:] if not _tr_texts(tr)[0].startswith(MORE_ROWS)]
    for tr in trs[1:]:
        if tr not in samples:
            tbl.remove(tr)  # the "..." row
    spare = copy.deepcopy(samples[-1])
    while len(samples) < rows:
        tr = copy.deepcopy(spare)
        tbl.append(tr)
        samples.append(tr)
    for number, table_row in enumerate(table.rows[1 : rows + 1], start=1):
        legacy = is_legacy(number)
        cells = table_row.cells
        _write(cells[0], str(number), legacy=False)
        for cell, value in zip(cells[1:], cell_values(number), strict=True):
            _write(cell, value, legacy=legacy)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _tr_texts(tr) -> list[str]:
    from docx.oxml.ns import qn

    return ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.iter(qn("w:tc"))]


def _write(cell, text: str, *, legacy: bool) -> None:
    """The cell's text, one paragraph per line, in the cell's first paragraph's format."""
    from docx.shared import Pt

    from danvan.lib.vntext import unicode_to_tcvn3

    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for run in first.runs:
        run._r.getparent().remove(run._r)
    paragraph = first
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph = cell.add_paragraph(style=first.style)
            paragraph.paragraph_format.alignment = first.paragraph_format.alignment
        run = paragraph.add_run(unicode_to_tcvn3(line) if legacy else line)
        run.font.size = Pt(13)
        if legacy:
            run.font.name = LEGACY_FONT


# ---------------------------------------------------------------------------------------------
# Floors: the bare libraries reading the same bytes
# ---------------------------------------------------------------------------------------------


def openpyxl_read(data: bytes) -> int:
    import openpyxl

    workbook = openpyxl.load_workbook(
        io.BytesIO(data), read_only=False, data_only=False, rich_text=False, keep_links=False
    )
    found = 0
    for sheet in workbook.worksheets:
        for values in sheet.iter_rows(values_only=True):
            found += sum(value is not None for value in values)
    workbook.close()
    return found


def openpyxl_load(data: bytes) -> None:
    import openpyxl

    openpyxl.load_workbook(
        io.BytesIO(data), read_only=False, data_only=False, rich_text=False, keep_links=False
    ).close()


def python_docx_load(data: bytes) -> None:
    import docx

    docx.Document(io.BytesIO(data))


def python_docx_read(data: bytes) -> int:
    import docx

    document = docx.Document(io.BytesIO(data))
    found = 0
    for table in document.tables:
        for table_row in table.rows:
            for cell in table_row.cells:
                found += bool(cell.text)
    return found


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def clear_caches() -> None:
    from danvan.lib import vntext

    vntext.fold.cache_clear()
    vntext._known_syllable.cache_clear()


def parse(data: bytes, name: str):
    from danvan.lib.tables.read import parse_upload

    return parse_upload(io.BytesIO(data), name=name, columns=columns(), max_bytes=MAX_BYTES)


def check(parsed, rows: int) -> dict:
    """What the parse found, against what was written: rows, problems, the TCVN3 rows read back."""
    if len(parsed.rows) != rows:
        raise RuntimeError(f"parse_upload read {len(parsed.rows)} rows, {rows} were written")
    legacy = [n for n in range(1, rows + 1) if is_legacy(n)]
    legacy_ok = sum(
        parsed.rows[n - 1]["f1"].lower() == cell_values(n)[0].lower()
        and parsed.rows[n - 1]["f3"].lower() == cell_values(n)[2].lower()
        for n in legacy
    )
    return {
        "rows": len(parsed.rows),
        "problems": [f"{p.line} {p.column}: {p.message}" for p in parsed.problems][:20],
        "missing": parsed.missing,
        "extra": parsed.extra,
        "legacy_rows": len(legacy),
        "legacy_rows_read_back": legacy_ok,
    }


def parts(data: bytes, name: str, kind: str, repeat: int) -> dict:
    """Medians of the parts of a parse: vetting the upload, and reading it into grids."""
    from danvan.lib.tables.grids import docx_tables, xlsx_sheets
    from danvan.lib.uploads import inspect_upload

    def vet():
        inspect_upload(io.BytesIO(data), name=name, allowed=("xlsx", "docx"), max_bytes=MAX_BYTES)

    def grids(_state=None):
        if kind == "xlsx":
            sheets, workbook = xlsx_sheets(data)
            for sheet in sheets:
                for _line in sheet:
                    pass
            workbook.close()
        else:
            docx_tables(data)

    return {
        "inspect_upload_ms": round(time_call(vet, repeat)["median_ms"], 3),
        "read_grids_ms": round(time_call(grids, repeat, setup=clear_caches)["median_ms"], 3),
    }


def measure(context: Context) -> list[dict]:
    repeat = max(context.repeat, MIN_REPEAT)
    cases = [
        ("xlsx500", "dang-ky.xlsx", filled_xlsx(XLSX_ROWS), XLSX_ROWS, "openpyxl_read", openpyxl_read),
        ("docx200", "dang-ky.docx", filled_docx(DOCX_ROWS), DOCX_ROWS, "python_docx_read", python_docx_read),
    ]
    loads = {"openpyxl_read": openpyxl_load, "python_docx_read": python_docx_load}
    rows: list[dict] = []
    details: dict = {"repeat": repeat}
    for label, name, data, written, floor_name, floor_read in cases:
        kind = name.rsplit(".", 1)[1]
        found = check(parse(data, name), written)
        floor = time_call(lambda data=data, read=floor_read: read(data), repeat)
        value = time_call(lambda _state, data=data, name=name: parse(data, name), repeat, setup=clear_caches)
        rows += [
            row(f"floor.{floor_name}.{label}.median_ms", floor["median_ms"], "ms", floor["median_ms"]),
            row(f"parse_upload.{label}.median_ms", value["median_ms"], "ms", floor["median_ms"]),
        ]
        details[label] = {
            "file_bytes": len(data),
            "parse_upload": value,
            "floor": {
                "reader": floor_name,
                **floor,
                "non_empty_cells": floor_read(data),
                # Opening the file only, without reading the cells: python-docx's cell API is slow.
                "load_only_ms": round(
                    time_call(lambda d=data, load=loads[floor_name]: load(d), repeat)["median_ms"], 3
                ),
            },
            "parts": parts(data, name, kind, repeat),
            "read": found,
        }
        ratio = value["median_ms"] / floor["median_ms"]
        print(
            f"parse_upload.{label}: {value['median_ms']:.1f} ms, {ratio:.2f}x "
            f"the bare {floor_name.replace('_read', '')} read ({floor['median_ms']:.1f} ms), "
            f"{len(data) / 1024:.0f} KB, {found['rows']} rows, {len(found['problems'])} problems"
        )
    context.details["uploads"] = details
    return rows
