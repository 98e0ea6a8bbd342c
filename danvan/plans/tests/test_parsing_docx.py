"""DOCX input: paragraphs and tables in body order, a header table, legacy-font runs, Word numbering."""

from __future__ import annotations

import io
import re

import docx
import pytest
from docx.shared import Pt

from danvan.lib import vntext
from danvan.plans.parsing import parse_docx, parse_text

from .test_parsing_seeds import seed_text

HEADER_LEFT = ["TỈNH ỦY BẮC GIANG", "BAN DÂN VẬN", "*", "Số 62-KH/BDVTU"]
HEADER_RIGHT = ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Giang, ngày 12 tháng 9 năm 2023"]
LEGACY_WORDS = "Thực hiện Chương trình công tác dân vận năm 2023, "


def _add_runs(paragraph, text: str) -> None:
    """Markdown ** pieces become bold runs; * emphasis becomes italic runs."""
    for k, piece in enumerate(text.split("**")):
        for j, part in enumerate(re.split(r"(?<![\w*])\*|\*(?![\w*])", piece)):
            if part:
                run = paragraph.add_run(part)
                run.bold = k % 2 == 1
                run.italic = j % 2 == 1


def _cell_paragraphs(cell, lines: list[str]) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def build_seed_003_docx() -> bytes:
    """Seed 003 as a Word file: a header table, the body as paragraphs (one run in .VnTime with TCVN3 bytes),
    recipients and signature in a two-column table, slogans and the form as real Word tables."""
    text = seed_text("003")
    body, annex = text.split("KHẨU HIỆU TUYÊN TRUYỀN")
    body, tail = body.split("Nơi nhận:")
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    _cell_paragraphs(header.rows[0].cells[0], HEADER_LEFT)
    _cell_paragraphs(header.rows[0].cells[1], HEADER_RIGHT)
    for line in body.split("\n"):
        if not line.strip():
            continue
        paragraph = document.add_paragraph()
        if line.startswith(LEGACY_WORDS):
            legacy = paragraph.add_run(vntext.unicode_to_tcvn3(LEGACY_WORDS))
            legacy.font.name = ".VnTime"
            legacy.font.size = Pt(14)
            _add_runs(paragraph, line[len(LEGACY_WORDS) :])
        else:
            _add_runs(paragraph, line)
    tail_lines = [ln.strip() for ln in tail.split("\n") if ln.strip()]
    recipients = [ln for ln in tail_lines if ln.startswith("-")]
    signature = [ln for ln in tail_lines if not ln.startswith("-")]
    block = document.add_table(rows=1, cols=2)
    _cell_paragraphs(block.rows[0].cells[0], ["Nơi nhận:", *recipients])
    _cell_paragraphs(block.rows[0].cells[1], [signature[0], "(Đã ký)", *signature[1:]])

    annex_lines = [ln for ln in ("KHẨU HIỆU TUYÊN TRUYỀN" + annex).split("\n") if ln.strip()]
    document.add_page_break()
    document.add_paragraph(annex_lines[0])
    slogans = [re.sub(r"</?p>", "", ln).strip().split("\t") for ln in annex_lines if "<p>" in ln]
    table = document.add_table(rows=len(slogans), cols=2)
    for row, (heading, slogan) in zip(table.rows, slogans, strict=True):
        row.cells[0].text = heading
        row.cells[1].text = slogan
    document.add_page_break()
    form = [ln for ln in annex_lines[1:] if "<p>" not in ln]
    rows = [ln.split("\t") for ln in form if "\t" in ln]
    for line in form:
        if "\t" not in line and line != form[-1]:
            document.add_paragraph(line)
    grid = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(grid.rows, rows, strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph(form[-1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text_equivalent() -> str:
    """The same plan as plain text with the header in front."""
    return "\n".join([*HEADER_LEFT, *HEADER_RIGHT, ""]) + seed_text("003")


@pytest.fixture(scope="module")
def from_docx():
    return parse_docx(build_seed_003_docx())


def test_a_docx_plan_parses_to_the_same_structure_as_its_text(from_docx):
    got, want = from_docx.to_dict(), parse_text(_text_equivalent()).to_dict()
    for key in want:
        if key != "warnings":
            assert got[key] == want[key], key


def test_the_header_table_gives_bodies_symbol_place_and_date(from_docx):
    assert (from_docx.superior_body, from_docx.issuing_body) == ("TỈNH ỦY BẮC GIANG", "BAN DÂN VẬN")
    assert (from_docx.number, from_docx.symbol, from_docx.body_code) == ("62", "62-KH/BDVTU", "BDVTU")
    assert from_docx.place == "Bắc Giang"
    assert from_docx.issued_on.isoformat() == "2023-09-12"


def test_a_run_in_a_vntime_font_is_converted_from_tcvn3(from_docx):
    assert from_docx.preamble.startswith(LEGACY_WORDS + "Kết luận số 54-KL/TU")
    assert [r.symbol for r in from_docx.basis] == ["", "54-KL/TU", "110-NQ/TU"]
    assert "Đã chuyển mã TCVN3 (ABC) (phông .VnTime) sang Unicode." in from_docx.warnings


def test_the_word_form_table_becomes_the_form_and_the_slogan_table_the_slogans(from_docx):
    assert len(from_docx.slogans) == 9
    assert {s.heading for s in from_docx.slogans} == {"THÁNG DÂN VẬN NĂM 2023"}
    (form,) = from_docx.forms
    assert len(form.columns) == 7 and form.sample_rows == 2
    assert (form.label, form.title, form.footer) == ("Mẫu", "DANH SÁCH", "(Ký tên, đóng dấu)")


def test_the_signature_table_gives_recipients_and_signer(from_docx):
    assert len(from_docx.recipients) == 10
    assert from_docx.signature.authority_lines == ["TRƯỞNG BAN"]
    assert from_docx.signature.signer_name == "Phạm Văn Thịnh"


def test_word_automatic_numbering_is_written_out_as_labels():
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("thử nghiệm năm 2024")
    document.add_paragraph("I. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền.", style="List Number")
    document.add_paragraph("Văn phòng Tỉnh ủy bố trí hội trường.", style="List Number")
    document.add_paragraph("Một việc nhỏ.", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    doc = parse_docx(out.getvalue())
    blocks = doc.sections[0].blocks
    assert [(b.kind, b.label) for b in blocks] == [("item", "1."), ("item", "2.")]
    assert blocks[1].children[0].kind == "bullet"
    assert [t.lead for t in doc.tasks()] == ["Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy"]


def test_all_caps_formatting_is_read_as_capitals():
    document = docx.Document()
    run = document.add_paragraph().add_run("Kế hoạch")
    run.font.all_caps = True
    document.add_paragraph("thử nghiệm năm 2024")
    document.add_paragraph("I. NỘI DUNG")
    document.add_paragraph("1. Một việc.")
    out = io.BytesIO()
    document.save(out)
    doc = parse_docx(out.getvalue())
    assert (doc.doc_type, doc.title) == ("KẾ HOẠCH", "thử nghiệm năm 2024")
