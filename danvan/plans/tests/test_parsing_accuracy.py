"""The accuracy helper the benchmark uses: expected vs parsed, element by element."""

from __future__ import annotations

from danvan.lib.plandoc import DelegateGroup, EventInfo, PlanDocument, Recipient, Signature
from danvan.plans.parsing.accuracy import AccuracyRow, compare, format_table, total

from .test_parsing_seeds import expected


def _row(rows: list[AccuracyRow], element: str) -> AccuracyRow:
    return next(r for r in rows if r.element == element)


def test_a_plan_compared_with_itself_is_all_correct_and_nothing_invented():
    doc = expected("003")
    rows = compare(doc, doc)
    assert all(r.found_correct == r.expected_count and r.invented == 0 for r in rows)
    assert _row(rows, "slogans") == ("slogans", 9, 9, 0)
    assert _row(rows, "deadlines") == ("deadlines", 2, 2, 0)


def test_rows_are_tuples_of_element_expected_correct_invented():
    element, expected_count, found_correct, invented = compare(expected("002"), expected("002"))[0]
    assert (element, expected_count, found_correct, invented) == ("header", 3, 3, 0)


def test_a_wrong_recipient_counts_as_missed_and_invented():
    want = PlanDocument(recipients=[Recipient("Ban Dân vận Tỉnh ủy", "report"), Recipient("BDV", "archive")])
    got = PlanDocument(recipients=[Recipient("Ban Dân vận Tỉnh ủy", "report"), Recipient("BDV", "")])
    assert _row(compare(want, got), "recipients") == ("recipients", 2, 1, 1)


def test_an_extra_element_found_is_invented():
    want = PlanDocument()
    got = PlanDocument(signature=Signature(["TRƯỞNG BAN"], "Nguyễn Văn An"))
    assert _row(compare(want, got), "signature") == ("signature", 0, 0, 1)


def test_texts_compare_without_case_accents_or_spacing():
    want = PlanDocument(event=EventInfo(groups=[DelegateGroup("Đại biểu Ban Dân vận Tỉnh ủy")]))
    got = PlanDocument(event=EventInfo(groups=[DelegateGroup("đại  biểu ban dân vận tỉnh uỷ")]))
    assert _row(compare(want, got), "event_groups") == ("event_groups", 1, 1, 0)


def test_the_table_lists_every_element_and_a_total():
    rows = compare(expected("002"), PlanDocument())
    table = format_table(rows, title="seed 002")
    assert table.splitlines()[0] == "seed 002"
    assert "recipients" in table and table.splitlines()[-1].startswith("total")
    assert total(rows).expected_count == sum(r.expected_count for r in rows)
    assert _row(rows, "blocks").found_correct == 0
