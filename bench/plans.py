"""Plans: import (text and DOCX), official DOCX rendering and PDF conversion of the two seeds and of a
generated 30-page plan; and the parser's accuracy on the seeds.

The floor of every timing is python-docx opening the same DOCX and reading its paragraphs, in the same run.
Targets: import within 3× of that floor; rendering a 30-page plan under 1 s.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.conf import settings

from bench.measure import Context, row, time_call

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"
FIXTURES = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures"
SEED_FILES = {"seed002": "002_07807a34c7006974.txt", "seed003": "003_130769708af1ac22.txt"}
IMPORT_RATIO = 3.0
RENDER_LIMIT_MS = 1000.0


def read_paragraphs(data: bytes) -> list[str]:
    from docx import Document

    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def documents() -> dict[str, tuple[str, bytes, object]]:
    """name -> (plain text, DOCX bytes, PlanDocument) for each seed and the generated 30-page plan."""
    from danvan.lib.officialdoc import render_plan
    from danvan.lib.tests.plan_samples import long_plan
    from danvan.plans.parsing import parse_text

    found = {}
    for name, file_name in SEED_FILES.items():
        text = (SEEDS / file_name).read_text(encoding="utf-8")
        doc = parse_text(text)
        found[name] = (text, render_plan(doc), doc)
    long_doc = long_plan(30)
    long_docx = render_plan(long_doc)
    found["generated30"] = ("\n".join(read_paragraphs(long_docx)), long_docx, long_doc)
    return found


def measure(context: Context) -> list[dict]:
    from danvan.lib.officialdoc import libreoffice_available, render_plan
    from danvan.lib.officialdoc.pdf import convert_to_pdf
    from danvan.plans.parsing import parse_docx, parse_text

    rows = []
    pages = {}
    for name, (text, docx, doc) in documents().items():
        floor = time_call(lambda docx=docx: read_paragraphs(docx), context.repeat)["median_ms"]
        # Caches are emptied before each timed import, so repeats measure a first reading, not a replay.
        text_ms = time_call(lambda _s, text=text: parse_text(text), context.repeat, setup=clear_caches)[
            "median_ms"
        ]
        docx_ms = time_call(lambda _s, docx=docx: parse_docx(docx), context.repeat, setup=clear_caches)[
            "median_ms"
        ]
        render_ms = time_call(lambda doc=doc: render_plan(doc), context.repeat)["median_ms"]
        rows += [
            row(f"floor.read_docx.{name}.median_ms", floor, "ms", floor),
            row(f"import_text.{name}.median_ms", text_ms, "ms", floor),
            row(f"import_docx.{name}.median_ms", docx_ms, "ms", floor),
            row(f"render_docx.{name}.median_ms", render_ms, "ms", floor),
        ]
        if libreoffice_available():
            pdf_runs = min(context.repeat, 3)
            pdf = time_call(lambda docx=docx: convert_to_pdf(docx), pdf_runs)["median_ms"]
            rows.append(row(f"render_pdf.{name}.median_ms", pdf, "ms", floor))
            pages[name] = _page_count(convert_to_pdf(docx))
    context.details["plans"] = {"pdf_pages": pages, "accuracy": accuracy_tables()}
    for name, table in context.details["plans"]["accuracy"].items():
        expected = sum(r["expected"] for r in table)
        correct = sum(r["found_correct"] for r in table)
        invented = sum(r["invented"] for r in table)
        rows.append(row(f"accuracy.{name}.found_correct", correct, "elements", expected))
        rows.append(row(f"accuracy.{name}.invented", invented, "elements", expected))
    print(format_accuracy(context.details["plans"]["accuracy"]))
    return rows


def clear_caches() -> bool:
    from danvan.lib import vntext
    from danvan.plans.parsing import lines

    vntext.fold.cache_clear()
    vntext._known_syllable.cache_clear()
    lines.key.cache_clear()
    return True


def _page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def accuracy_tables() -> dict[str, list[dict]]:
    from danvan.lib.plandoc import PlanDocument
    from danvan.plans.parsing import parse_text
    from danvan.plans.parsing.accuracy import compare

    tables = {}
    for name, file_name in SEED_FILES.items():
        fixture = FIXTURES / f"seed_{name.removeprefix('seed')}_expected.json"
        expected = PlanDocument.from_dict(json.loads(fixture.read_text(encoding="utf-8")))
        actual = parse_text((SEEDS / file_name).read_text(encoding="utf-8"))
        tables[name] = [
            {
                "element": r.element,
                "expected": r.expected_count,
                "found_correct": r.found_correct,
                "invented": r.invented,
            }
            for r in compare(expected, actual)
        ]
    return tables


def format_accuracy(tables: dict[str, list[dict]]) -> str:
    lines = ["parser accuracy (expected / found correctly / invented):"]
    for name, table in tables.items():
        lines.append(f"  {name}")
        for r in table:
            lines.append(
                f"    {r['element']:<22} {r['expected']:>4} {r['found_correct']:>4} {r['invented']:>4}"
            )
    return "\n".join(lines)


def verdict(result: dict) -> str:
    metric = result["metric"]
    if metric.startswith("import_"):
        return "PASS" if result["ratio"] <= IMPORT_RATIO else "MISS"
    if metric == "render_docx.generated30.median_ms":
        return "PASS" if result["value"] < RENDER_LIMIT_MS else "MISS"
    if metric.startswith("accuracy.") and metric.endswith(".found_correct"):
        return "PASS" if result["value"] == result["floor"] else "MISS"
    if metric.startswith("accuracy.") and metric.endswith(".invented"):
        return "PASS" if result["value"] == 0 else "MISS"
    return ""
