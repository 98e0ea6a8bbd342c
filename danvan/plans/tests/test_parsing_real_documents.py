"""Properties of the importer on our corpus: re-wrapping and re-spacing a document changes nothing a reader
sees; English or garbage is refused in Vietnamese; footnote markers, page numbers and wrapped compounds do
not leak into the structure."""

from __future__ import annotations

import random
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.plans.parsing import PlanParseError, parse_text

from .corpus import render
from .corpus.bases import BASES
from .corpus.score import score

READER_KINDS = ("doc_type", "symbol", "issued_on", "signer", "recipients", "marks", "tasks")


def _respaced(text: str, rng: random.Random) -> str:
    """Extra spaces after commas, trailing spaces, doubled blank lines: what a paste adds."""
    out = []
    for line in text.split("\n"):
        if "\t" not in line and rng.random() < 0.3:
            line = line.replace(", ", ",  ", 1)
        if rng.random() < 0.2:
            line += "  "
        out.append(line)
        if not line.strip() and rng.random() < 0.3:
            out.append("")
    return "\n".join(out)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(BASES),
    width=st.integers(min_value=40, max_value=110),
    gaps=st.booleans(),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_rewrapping_and_respacing_a_document_keeps_what_a_reader_sees(base, width, gaps, seed):
    segs = render.segments(base, "plain")
    text = _respaced(render.wrapped(segs, width, gaps=gaps), random.Random(seed))
    scores = score(render.expected(base, segs, "plain"), parse_text(text))
    bad = {k: vars(t) for k, t in scores.items() if k in READER_KINDS and (t.wrong or t.missed or t.invented)}
    assert not bad, (width, gaps, bad)


ENGLISH = """PLAN
on the implementation of the mass mobilization work in 2026

I. PURPOSE AND REQUIREMENTS
1. Raise awareness of party committees and local authorities about the work.
II. ORGANISATION
1. The Mass Mobilization Board leads the implementation and reports by 30/11/2026.
"""


@pytest.mark.parametrize(
    "text",
    [ENGLISH, "qwrt zxcv bnml kjhg\nI. ZXQW PLKJ\n1. Qwrt zxcv bnml kjhg ffdsa qpwoei zmxncb wqkj"],
    ids=["english", "garbage"],
)
def test_english_or_garbage_is_refused_with_a_vietnamese_message(text):
    with pytest.raises(PlanParseError) as caught:
        parse_text(text)
    assert "tiếng Việt" in caught.value.message


def test_vietnamese_typed_without_marks_is_still_read():
    doc = parse_text(
        "KE HOACH\ntrien khai cong tac dan van nam 2026\nI. MUC DICH YEU CAU\n1. Nang cao nhan thuc can bo."
    )
    assert doc.sections


def test_footnote_markers_leave_the_text_and_the_notes_stay_after_the_signature():
    base = BASES[0]
    doc = parse_text(render.layout_text(render.segments(base, "footnotes"), "footnotes"))
    texts = [b.text for b in doc.tasks()] + [doc.preamble]
    assert not any("[1]" in t or "(*)" in t for t in texts)
    assert any("[1] Văn bản này" in w for w in doc.warnings)


def test_a_wrapped_compound_is_not_a_bullet():
    text = (
        "KẾ HOẠCH\ntổ chức hội nghị năm 2026\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Ủy ban MTTQ Việt Nam huyện và các tổ chức chính trị\n- xã hội huyện chủ trì vận động "
        "Nhân dân tham gia; hoàn thành chậm nhất ngày 15/01/2026.\n"
    )
    doc = parse_text(text)
    [task] = doc.tasks()
    assert task.leads == ["Ủy ban MTTQ Việt Nam huyện", "các tổ chức chính trị - xã hội huyện"]
    assert not task.children


def test_a_page_number_inside_a_sentence_is_dropped():
    lines = textwrap.dedent(
        """\
        KẾ HOẠCH
        tổ chức hội nghị năm 2026
        I. TỔ CHỨC THỰC HIỆN
        1. Ban Dân vận Huyện ủy chủ trì theo dõi, tổng hợp và báo cáo
        2
        kết quả về Thường trực Huyện ủy chậm nhất ngày 15/01/2026.
        """
    )
    [task] = parse_text(lines).tasks()
    assert task.text.endswith("và báo cáo kết quả về Thường trực Huyện ủy chậm nhất ngày 15/01/2026.")
    assert task.due is not None and task.due.end.isoformat() == "2026-01-15"


def test_a_huge_paste_is_refused_at_once_with_its_size():
    from danvan.plans.parsing.errors import MAX_TEXT_CHARS

    with pytest.raises(PlanParseError) as caught:
        parse_text("KẾ HOẠCH\n" + "Nội dung công tác dân vận. " * (MAX_TEXT_CHARS // 20))
    assert "quá dài" in caught.value.message


def _call_count(function, *args) -> int:
    """Python function calls made by ``function(*args)``: a measure of work that does not depend on how busy
    the machine is."""
    import sys

    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        function(*args)
    finally:
        sys.setprofile(None)
    return calls


def test_parsing_work_grows_linearly_with_the_length_of_the_document():
    base = BASES[1]
    one = render.plain(render.segments(base, "plain"))
    head, body = one.split("II. NHIỆM VỤ CỤ THỂ", 1)
    body, tail = body.split("Trên đây là", 1)
    eight = head + "".join(f"{'IVX'[k % 3]}. NHIỆM VỤ CỤ THỂ{body}" for k in range(8)) + "Trên đây là" + tail
    parse_text(one)  # warm the caches the two runs share
    small, large = _call_count(parse_text, one), _call_count(parse_text, eight)
    # eight times the body: no more than about eight times the work (a quadratic parser would be ~40x)
    assert large < 10 * small, (small, large)


def test_a_relative_deadline_with_its_anchor_day_written_becomes_fixed():
    text = (
        "KẾ HOẠCH\ntổ chức tiếp nhận kiến nghị năm 2023\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Văn phòng Huyện ủy chủ trì tổng hợp kiến nghị trong thời hạn 05 ngày kể từ ngày 11/9/2023.\n"
        "2. Ban Dân vận Huyện ủy chủ trì trả lời kiến nghị trong thời hạn 05 ngày kể từ ngày nhận đơn.\n"
    )
    first, second = parse_text(text).tasks()
    assert (first.due.kind, str(first.due.start), str(first.due.end)) == ("range", "2023-09-11", "2023-09-16")
    assert first.due.text == "trong thời hạn 05 ngày kể từ ngày 11/9/2023"
    assert second.due.kind == "relative" and second.due.start is None
