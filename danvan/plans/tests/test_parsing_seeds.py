"""The two reference plans parse to their hand-written expected structures, element by element."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from danvan.lib import vntext
from danvan.lib.plandoc import PlanDocument
from danvan.plans.parsing import parse_text
from danvan.plans.parsing.accuracy import compare

FIXTURES = Path(__file__).parent / "fixtures"
# The seed plans are read from beside the repository: <repo>/../shared/seeds (the copies under fixtures/
# serve other apps' tests).
SEED_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SEEDS = ("002", "003")
FIRST_WORDS = 8


def seed_path(name: str) -> Path:
    found = sorted(SEED_DIR.glob(f"{name}_*.txt"))
    if not found:
        pytest.skip(f"{SEED_DIR} not found: seed tests skipped")
    return found[0]


def seed_text(name: str) -> str:
    return seed_path(name).read_text(encoding="utf-8")


@cache
def _expected_dict(name: str) -> str:
    return (FIXTURES / f"seed_{name}_expected.json").read_text(encoding="utf-8")


def expected(name: str) -> PlanDocument:
    """The hand-written expected structure (keys left out of a block take their defaults)."""
    return PlanDocument.from_dict(json.loads(_expected_dict(name)))


@cache
def _parsed(name: str) -> PlanDocument:
    return parse_text(seed_text(name))


def parsed(name: str) -> PlanDocument:
    return PlanDocument.from_dict(_parsed(name).to_dict())  # a fresh copy per test


def first_words(text: str, n: int = FIRST_WORDS) -> str:
    return " ".join(vntext.clean_text(text).split()[:n])


def all_blocks(doc: PlanDocument) -> list[tuple[str, str, object]]:
    """(section label, dotted path of labels, block) in document order."""
    out = []

    def walk(blocks, section, path):
        for block in blocks:
            here = f"{path}/{block.label or block.kind}"
            out.append((section, here, block))
            walk(block.children, section, here)

    for section in doc.sections:
        walk(section.blocks, section.label, "")
    return out


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_title_and_type_are_read(name):
    exp, got = expected(name), parsed(name)
    assert (got.doc_type, got.type_code) == (exp.doc_type, exp.type_code)
    assert got.title == exp.title, f"title: expected «{exp.title}», got «{got.title}»"


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_preamble_is_the_paragraph_before_section_one(name):
    exp, got = expected(name), parsed(name)
    assert got.preamble.startswith("Thực hiện Chương trình công tác")
    assert got.preamble == exp.preamble


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_basis_lists_the_documents_cited_in_the_preamble(name):
    exp, got = expected(name), parsed(name)

    def facts(refs):
        return [(r.doc_type, r.number, r.symbol, r.issued_on, r.issuer) for r in refs]

    assert facts(got.basis) == facts(exp.basis)
    for e, g in zip(exp.basis, got.basis, strict=True):
        assert g.subject == e.subject, f"subject of {e.symbol or e.text}"
        assert g.text == e.text


def test_seed_002_body_citation_is_not_basis():
    got = parsed("002")
    assert [r.symbol for r in got.basis] == [""]
    assert "599-KL/TU" in got.sections[1].blocks[0].text


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_sections_have_their_labels_titles_and_roles(name):
    exp, got = expected(name), parsed(name)
    assert [(s.label, s.title, s.role) for s in got.sections] == [
        (s.label, s.title, s.role) for s in exp.sections
    ]


@pytest.mark.parametrize("name", SEEDS)
def test_every_block_of_the_seed_is_found_with_its_label_and_first_words(name):
    exp, got = all_blocks(expected(name)), all_blocks(parsed(name))
    exp_keys = [(s, p, b.kind, first_words(b.text)) for s, p, b in exp]
    got_keys = [(s, p, b.kind, first_words(b.text)) for s, p, b in got]
    for k, (e, g) in enumerate(zip(exp_keys, got_keys, strict=False)):
        assert g == e, f"block #{k}: expected {e}, got {g}"
    assert len(got_keys) == len(exp_keys), f"{len(got_keys)} blocks found, {len(exp_keys)} expected"


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_block_texts_are_complete_with_markers_and_end_mark_removed(name):
    for (_, path, e), (_, _, g) in zip(all_blocks(expected(name)), all_blocks(parsed(name)), strict=True):
        assert g.text == e.text, f"text of {path}"
        assert "**" not in g.text and not g.text.endswith("./.")


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_tasks_have_their_lead_partners_and_due(name):
    def tasks(doc):
        return [(p, b.lead, b.partners, b.due) for _, p, b in all_blocks(doc) if b.is_task]

    exp, got = tasks(expected(name)), tasks(parsed(name))
    assert [t[0] for t in got] == [t[0] for t in exp]
    for e, g in zip(exp, got, strict=True):
        assert g == e, f"task {e[0]}"


def test_seed_003_task_dues_come_from_their_own_words():
    tasks = {p: b for _, p, b in all_blocks(parsed("003")) if b.is_task}
    assert tasks["/1./1.8."].due.end.isoformat() == "2023-11-05"
    assert tasks["/1./1.8."].due.kind == "deadline"
    assert tasks["/1./1.2."].due is None  # "giai đoạn 2022-2023" is not a due date
    assert tasks["/1./1.7."].partners == ["các cơ quan báo chí, truyền hình trong, ngoài tỉnh"]


def test_seed_002_event_has_time_venue_total_and_seven_groups():
    exp, got = expected("002").event, parsed("002").event
    assert got is not None
    assert (got.time.start.isoformat(), got.time.end.isoformat()) == ("2023-09-11", "2023-09-20")
    assert got.time.tentative is True
    assert got.venue == "Phòng họp A - Hội trường thành phố Từ Sơn"
    assert got.participants_text == "(Khoảng 112 đại biểu)"
    assert got.participants_total == 112
    assert [g.label for g in got.groups] == [g.label for g in exp.groups]
    assert len(got.groups) == 7
    assert got == exp


def test_seed_003_has_no_event():
    assert parsed("003").event is None


def test_seed_003_gives_exactly_the_two_deadlines_with_their_dates():
    exp, got = expected("003").deadlines, parsed("003").deadlines
    assert [(d.what, d.due.end.isoformat()) for d in got] == [
        ("Văn bản triển khai và đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2023", "2023-09-30"),
        ("Báo cáo kết quả hoạt động “Tháng Dân vận” năm 2023", "2023-10-30"),
    ]
    assert got[0].form_index == 0 and got[1].form_index is None
    assert got[0].note == "(Có mẫu đăng ký kèm theo Kế hoạch)"
    assert got == exp


def test_seed_002_has_no_deadlines():
    assert parsed("002").deadlines == []


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_recipients_have_names_and_purposes(name):
    exp, got = expected(name).recipients, parsed(name).recipients
    assert [(r.name, r.purpose, r.purpose_text) for r in got] == [
        (r.name, r.purpose, r.purpose_text) for r in exp
    ]
    assert [r.raw for r in got] == [r.raw for r in exp]


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_signature_and_closing(name):
    exp, got = expected(name), parsed(name)
    assert got.signature == exp.signature
    assert got.closing == exp.closing


def test_seed_003_has_nine_slogans_with_their_heading():
    exp, got = expected("003"), parsed("003")
    assert got.slogans_title == exp.slogans_title
    assert len(got.slogans) == 9
    for k, (e, g) in enumerate(zip(exp.slogans, got.slogans, strict=True)):
        assert (g.heading, g.text) == (e.heading, e.text), f"slogan {k + 1}"


def test_seed_003_form_has_seven_typed_columns_and_two_sample_rows():
    exp, got = expected("003").forms, parsed("003").forms
    assert len(got) == 1
    assert [(c.label, c.kind) for c in got[0].columns] == [(c.label, c.kind) for c in exp[0].columns]
    assert got[0].sample_rows == 2
    assert got[0] == exp[0]


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_parses_to_the_whole_expected_structure(name):
    got = parsed(name).to_dict()
    exp = expected(name).to_dict()
    got["warnings"] = exp["warnings"] = []
    assert got == exp


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_round_trips_through_to_dict_and_from_dict(name):
    doc = parsed(name)
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert PlanDocument.from_dict(data) == doc
    assert PlanDocument.from_dict(data).to_dict() == doc.to_dict()


@pytest.mark.parametrize("name", SEEDS)
def test_the_seed_accuracy_is_complete_with_nothing_invented(name):
    for row in compare(expected(name), parsed(name)):
        assert row.found_correct == row.expected_count, row
        assert row.invented == 0, row
