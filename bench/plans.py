"""Plans: import (text and DOCX), official DOCX rendering and PDF conversion of the two seeds and of a
generated 30-page plan; the parser's accuracy on the seeds and on our own corpus of real-shaped documents
(danvan/plans/tests/corpus: every kind and layout, each with what a reader expects); how import time grows
with the length of the text.

The floor of every timing is python-docx opening the same DOCX and reading its paragraphs, in the same run.
Targets: import within 3× of that floor; a 30-page plan imported under 0.2 s and rendered under 1 s;
8× the text costs about 8× the time; a 5 MB paste parsed or refused within a few seconds; on the corpus
≥ 95 % of the elements a reader sees and ≥ 90 % of the tasks with the right lead.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.conf import settings

from bench.measure import Context, row, time_call

FIXTURES = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures"
# The repository's copies of the two reference plans (nothing outside the repository is read).
SEED_FILES = {"seed002": "seed_002.txt", "seed003": "seed_003.txt"}
IMPORT_RATIO = 3.0
RENDER_LIMIT_MS = 1000.0
IMPORT_30_PAGES_MS = 200.0
SCALING_LIMIT = 12.0  # 8x the text: up to 12x the time still counts as linear (a quadratic parser is ~64x)
HUGE_LIMIT_MS = 5000.0
CORPUS_TARGETS = {"tasks": 0.90}
CORPUS_TARGET = 0.95
PAGES = {"generated30": 30}


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
        text = (FIXTURES / file_name).read_text(encoding="utf-8")
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
    rows += per_page_rows(rows)
    rows += scaling_rows(context)
    corpus_rows, corpus_details = corpus_accuracy()
    rows += corpus_rows
    context.details["plans"] = {"pdf_pages": pages, "accuracy": accuracy_tables(), "corpus": corpus_details}
    for name, table in context.details["plans"]["accuracy"].items():
        expected = sum(r["expected"] for r in table)
        correct = sum(r["found_correct"] for r in table)
        invented = sum(r["invented"] for r in table)
        rows.append(row(f"accuracy.{name}.found_correct", correct, "elements", expected))
        rows.append(row(f"accuracy.{name}.invented", invented, "elements", expected))
    print(format_accuracy(context.details["plans"]["accuracy"]))
    return rows


def per_page_rows(rows: list[dict]) -> list[dict]:
    """Import time per page of the generated plan beside the python-docx reading floor per page."""
    by_metric = {r["metric"]: r["value"] for r in rows}
    out = []
    for name, pages in PAGES.items():
        floor = by_metric[f"floor.read_docx.{name}.median_ms"] / pages
        for kind in ("import_text", "import_docx"):
            value = by_metric[f"{kind}.{name}.median_ms"] / pages
            out.append(row(f"{kind}.{name}.per_page_ms", round(value, 3), "ms", round(floor, 3)))
    return out


def scaling_rows(context: Context) -> list[dict]:
    """1x vs 8x the same plan's text (a 30-page and a 240-page plan), and a 5 MB paste."""
    from danvan.lib.officialdoc import render_plan
    from danvan.lib.tests.plan_samples import long_plan
    from danvan.plans.parsing import PlanParseError, parse_text

    one = "\n".join(read_paragraphs(render_plan(long_plan(30))))
    eight = "\n".join(read_paragraphs(render_plan(long_plan(240))))
    runs = max(3, min(context.repeat, 7))
    t1 = time_call(lambda _s: parse_text(one), runs, setup=clear_caches)["median_ms"]
    t8 = time_call(lambda _s: parse_text(eight), max(2, runs // 2), setup=clear_caches)["median_ms"]
    huge = (one * (5_000_000 // len(one) + 1))[:5_000_000]

    def refuse_or_parse():
        try:
            parse_text(huge)
        except PlanParseError:
            return "refused"
        return "parsed"

    huge_ms = time_call(lambda: refuse_or_parse(), 3)["median_ms"]
    context.details.setdefault("plans_scaling", {}).update(
        {"chars_1x": len(one), "chars_8x": len(eight), "ms_1x": t1, "ms_8x": t8, "huge": refuse_or_parse()}
    )
    return [
        row("import_text.scaling.ms_8x_over_1x", round(t8 / t1, 2), "ratio", round(len(eight) / len(one), 2)),
        row("import_text.5mb.median_ms", huge_ms, "ms", t1),
    ]


def corpus_accuracy() -> tuple[list[dict], dict]:
    """Per element kind over our corpus: found right / found wrong / missed / invented."""
    from danvan.plans.tests.corpus import documents
    from danvan.plans.tests.corpus.score import run, table

    docs = documents()
    totals, per_doc = run(docs)
    print(f"corpus: {len(docs)} documents")
    print(table(totals))
    rows = [row("corpus.documents", len(docs), "documents", len(docs))]
    for kind, tally in totals.items():
        for part in ("right", "wrong", "missed", "invented"):
            rows.append(row(f"corpus.{kind}.{part}", getattr(tally, part), "elements", tally.expected))
    return rows, {"totals": {k: vars(t) for k, t in totals.items()}, "documents": per_doc}


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
        actual = parse_text((FIXTURES / file_name).read_text(encoding="utf-8"))
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
    if metric == "import_text.generated30.median_ms":
        within = result["value"] < IMPORT_30_PAGES_MS and result["ratio"] <= IMPORT_RATIO
        return "PASS" if within else "MISS"
    if metric == "import_text.scaling.ms_8x_over_1x":
        return "PASS" if result["value"] <= SCALING_LIMIT else "MISS"
    if metric == "import_text.5mb.median_ms":
        return "PASS" if result["value"] <= HUGE_LIMIT_MS else "MISS"
    if metric.startswith("import_"):
        return "PASS" if result["ratio"] <= IMPORT_RATIO else "MISS"
    if metric == "render_docx.generated30.median_ms":
        return "PASS" if result["value"] < RENDER_LIMIT_MS else "MISS"
    if metric.startswith("accuracy.") and metric.endswith(".found_correct"):
        return "PASS" if result["value"] == result["floor"] else "MISS"
    if metric.startswith("accuracy.") and metric.endswith(".invented"):
        return "PASS" if result["value"] == 0 else "MISS"
    if metric.startswith("corpus.") and metric.endswith(".right"):
        kind = metric.split(".")[1]
        return "PASS" if result["ratio"] >= CORPUS_TARGETS.get(kind, CORPUS_TARGET) else "MISS"
    return ""
