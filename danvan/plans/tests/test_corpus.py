"""Our own corpus (danvan/plans/tests/corpus): every kind of document and layout the importer meets, each
with what a reader expects. The whole corpus must stay at the issue's targets; a few layouts are pinned
exactly so that a regression shows where it happened."""

from __future__ import annotations

import io
from functools import cache

import pytest
from docx import Document

from danvan.plans.parsing import parse_docx, parse_text

from .corpus import documents, render
from .corpus.bases import BASES
from .corpus.score import KINDS, run, score


@cache
def _docs():
    return documents()


@cache
def _totals():
    return run(_docs())[0]


def test_the_corpus_holds_at_least_forty_documents_of_every_kind():
    docs = _docs()
    assert len(docs) >= 40
    kinds = {d.expected.doc_type for d in docs}
    assert kinds >= {
        "KẾ HOẠCH",
        "HƯỚNG DẪN",
        "CHƯƠNG TRÌNH",
        "THÔNG BÁO",
        "KẾT LUẬN",
        "QUYẾT ĐỊNH",
        "BÁO CÁO",
    }
    layouts = {d.name.split(".", 1)[1] for d in docs}
    assert layouts >= {
        "wrap40",
        "wrap60",
        "wrap80",
        "pdf",
        "markdown",
        "blankday",
        "footnotes",
        "truncated",
        "docx",
    }


@pytest.mark.parametrize(
    "kind", ["doc_type", "symbol", "issued_on", "signer", "recipients", "marks", "task_dues", "events"]
)
def test_the_elements_a_reader_sees_are_found_at_ninety_five_percent(kind):
    tally = _totals()[kind]
    assert tally.rate >= 0.95, (kind, vars(tally))


def test_the_tasks_are_found_with_the_right_lead_at_ninety_percent():
    tally = _totals()["tasks"]
    assert tally.rate >= 0.90, vars(tally)
    assert tally.invented <= 0.05 * tally.expected, vars(tally)


@pytest.mark.parametrize("facts", BASES, ids=lambda f: f.key)
def test_the_plain_layout_of_every_base_document_is_read_exactly(facts):
    segs = render.segments(facts, "plain")
    doc = parse_text(render.plain(segs))
    for kind, tally in score(render.expected(facts, segs, "plain"), doc).items():
        assert (tally.wrong, tally.missed, tally.invented) == (0, 0, 0), (kind, vars(tally))


@pytest.mark.parametrize("facts", BASES, ids=lambda f: f.key)
def test_a_word_file_with_a_work_item_table_gives_the_same_tasks(facts):
    segs = render.segments(facts, "plain", task_layout="table")
    data = render.docx_bytes(segs)
    assert any(len(t.rows) > 1 for t in Document(io.BytesIO(data)).tables)
    doc = parse_docx(data)
    tally = score(render.expected(facts, segs, "plain"), doc)["tasks"]
    assert tally.right == tally.expected, vars(tally)


def test_every_kind_is_scored():
    assert set(_totals()) == set(KINDS)
