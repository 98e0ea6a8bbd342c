"""Tests for danvan.lib.officialdoc: profiles, building blocks, the plan renderer, PDF conversion.

Rendered documents are read back with python-docx; where LibreOffice is installed, seed 003 is
also converted to PDF and its text extracted with pdftotext. No database is used.
"""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from danvan.lib.officialdoc import (
    PROFILES,
    FormatProfile,
    PdfUnavailable,
    convert_to_pdf,
    get_profile,
    libreoffice_available,
    render_plan,
)
from danvan.lib.officialdoc import pdf as pdf_module
from danvan.lib.officialdoc.plan import body_items
from danvan.lib.officialdoc.profiles import (
    closing_text,
    heading_text,
    place_date_line,
    recipient_lines,
    symbol_line,
    text_width_mm,
)
from danvan.lib.plandoc import Recipient
from danvan.lib.tests.plan_samples import (
    SEED_003_FORM_COLUMNS,
    SEED_003_SLOGANS,
    long_plan,
    seed_002,
    seed_003,
)

PARTY = get_profile("party-2018")
STATE = get_profile("state-2020")
NEW_PARTY = get_profile("party-2026")


def read(data: bytes):
    return Document(io.BytesIO(data))


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def body_texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs if p.text.strip()]


@pytest.fixture(scope="module")
def seed_003_docx() -> bytes:
    return render_plan(seed_003(), "party-2018")


@pytest.fixture(scope="module")
def seed_003_doc(seed_003_docx):
    return read(seed_003_docx)


@pytest.fixture(scope="module")
def seed_002_doc():
    return read(render_plan(seed_002()))


def state_plan():
    return dataclasses.replace(
        seed_002(),
        style="state",
        superior_body="UBND TỈNH BẮC NINH",
        issuing_body="SỞ NỘI VỤ",
        number="157",
        symbol="157/KH-UBND",
        body_code="UBND",
    )


# ----------------------------------------------------------------------------------------------
# Profiles


def test_the_registry_holds_the_three_profiles_and_rejects_an_unknown_code():
    assert set(PROFILES) == {"party-2018", "party-2026", "state-2020"}
    assert get_profile(None) is PARTY
    assert get_profile(STATE) is STATE
    with pytest.raises(KeyError, match="Không có mẫu trình bày"):
        get_profile("party-1990")


def test_every_profile_is_a4_portrait_in_times_new_roman_with_a_left_binding_margin():
    for profile in PROFILES.values():
        assert (profile.page_width_mm, profile.page_height_mm) == (210, 297)
        assert profile.font_name == "Times New Roman"
        assert 30 <= profile.margin_left_mm <= 35 and 15 <= profile.margin_right_mm <= 20
        assert 20 <= profile.margin_top_mm <= 25 and 20 <= profile.margin_bottom_mm <= 25


def test_the_2026_party_profile_changes_only_the_archive_line_and_the_closing_mark():
    assert (NEW_PARTY.margin_top_mm, NEW_PARTY.margin_bottom_mm) == (20, 20)
    assert (NEW_PARTY.margin_left_mm, NEW_PARTY.margin_right_mm) == (30, 15)
    assert NEW_PARTY.body_size == 14
    assert NEW_PARTY.archive_line("Đảng ủy") == "Lưu Đảng ủy."
    assert NEW_PARTY.closing_mark == ""
    assert PARTY.archive_line("VT, BDV") == "Lưu: VT, BDV."
    assert PARTY.closing_mark == "./."


def test_the_unverified_numbers_are_named_in_their_profile():
    names = {f.name for f in dataclasses.fields(FormatProfile)}
    for profile in PROFILES.values():
        assert set(profile.unverified) <= names
    assert {"archive_template", "closing_mark", "margin_left_mm"} <= set(NEW_PARTY.unverified)


def test_profiles_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        PARTY.body_size = 13  # type: ignore[misc]
    assert isinstance(PARTY, FormatProfile)


# ----------------------------------------------------------------------------------------------
# Text in the profile's style


def test_the_symbol_line_takes_the_party_or_the_state_shape():
    assert symbol_line(PARTY, number="62", symbol="62-KH/BDVTU") == "Số 62-KH/BDVTU"
    assert symbol_line(STATE, number="157", symbol="157/KH-UBND") == "Số: 157/KH-UBND"
    assert symbol_line(STATE, symbol="16/KH-MTTQ-BTT") == "Số: 16/KH-MTTQ-BTT"
    assert symbol_line(STATE, symbol="123/UBND-VP") == "Số: 123/UBND-VP"
    assert symbol_line(PARTY, symbol="309-CV/ĐU") == "Số 309-CV/ĐU"
    # A symbol written in the other shape is re-shaped; the codes win over the written symbol.
    assert symbol_line(STATE, symbol="62-KH/BDVTU") == "Số: 62/KH-BDVTU"
    assert symbol_line(PARTY, number="5", type_code="GM", body_code="BDVTU") == "Số 5-GM/BDVTU"


def test_a_blank_number_leaves_room_to_write_it_and_a_missing_symbol_gives_no_line():
    assert symbol_line(PARTY, symbol="KH/BDVTU") == "Số    -KH/BDVTU"
    assert symbol_line(STATE, symbol="/KH-MTTQ-BTT") == "Số:    /KH-MTTQ-BTT"
    assert symbol_line(PARTY) == ""


def test_the_date_line_puts_a_leading_zero_on_small_days_and_months_and_blanks_a_draft():
    assert place_date_line(PARTY, "Bắc Giang", date(2023, 9, 5)) == "Bắc Giang, ngày 05 tháng 9 năm 2023"
    assert place_date_line(PARTY, "Từ Sơn", date(2023, 2, 27)) == "Từ Sơn, ngày 27 tháng 02 năm 2023"
    assert place_date_line(PARTY, "Từ Sơn", None).startswith("Từ Sơn, ngày ")
    assert "tháng" in place_date_line(PARTY, "Từ Sơn", None)


def test_headings_use_the_profile_label_style_in_capitals():
    assert heading_text(PARTY, "I", "Mục đích, yêu cầu") == "I- MỤC ĐÍCH, YÊU CẦU"
    assert heading_text(PARTY, "II.", "Nội dung") == "II- NỘI DUNG"
    assert heading_text(STATE, "III", "Tổ chức thực hiện") == "III. TỔ CHỨC THỰC HIỆN"
    assert heading_text(PARTY, "", "Phụ lục") == "PHỤ LỤC"


def test_the_closing_mark_is_added_once_or_removed_by_the_profile():
    assert closing_text(PARTY, "Trên đây là Kế hoạch.") == "Trên đây là Kế hoạch./."
    assert closing_text(PARTY, "Trên đây là Kế hoạch./.") == "Trên đây là Kế hoạch./."
    assert closing_text(PARTY, "Trên đây là Kế hoạch") == "Trên đây là Kế hoạch./."
    assert closing_text(NEW_PARTY, "Trên đây là Kế hoạch./.") == "Trên đây là Kế hoạch."


def test_recipient_lines_use_the_profile_abbreviations_and_end_with_the_archive_line():
    lines = recipient_lines(PARTY, seed_003().recipients)
    assert lines[0] == "- Ban Dân vận Trung ương (b/c);"
    assert lines[2] == "- Ban cán sự đảng UBND tỉnh;"
    assert lines[-1] == "- Lưu: TC-TH, Ban Dân vận Tỉnh ủy."
    assert len(lines) == 10
    written = [
        Recipient("UBND tỉnh", "coordinate"),
        Recipient("", raw="- Sở Nội vụ (để biết),", purpose_text="(để biết)"),
    ]
    assert recipient_lines(NEW_PARTY, written) == [
        "- UBND tỉnh (p/h);",
        "- Sở Nội vụ (để biết);",
        "- Lưu VT.",
    ]


def test_the_width_estimate_is_close_to_times_new_roman():
    # "ĐẢNG CỘNG SẢN VIỆT NAM" in 15 pt bold measures about 73 mm.
    assert 70 < text_width_mm("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True) < 76


# ----------------------------------------------------------------------------------------------
# Seed 003 rendered in the 2018 Party format


def test_the_header_table_holds_the_issuing_body_the_star_the_number_and_the_motto(seed_003_doc):
    header = seed_003_doc.tables[0]
    assert cell_lines(header.cell(0, 0)) == ["TỈNH ỦY BẮC GIANG", "BAN DÂN VẬN", "*"]
    assert cell_lines(header.cell(0, 1)) == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert cell_lines(header.cell(1, 0)) == ["Số 62-KH/BDVTU"]
    assert cell_lines(header.cell(1, 1)) == ["Bắc Giang, ngày 05 tháng 9 năm 2023"]
    issuing = header.cell(0, 0).paragraphs[1].runs[0]
    assert issuing.bold and issuing.font.size.pt == 14
    motto = header.cell(0, 1).paragraphs[0].runs[0]
    assert motto.bold and motto.font.size.pt == 15
    assert header.cell(1, 1).paragraphs[0].runs[0].italic
    # The motto has a rule under it: an empty paragraph with a top border.
    rule = header.cell(0, 1).paragraphs[1]
    assert rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}") is not None


def test_the_header_table_has_no_borders(seed_003_doc):
    borders = seed_003_doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"none"}


def test_the_title_is_centred_bold_and_at_least_15_points(seed_003_doc):
    title = next(p for p in seed_003_doc.paragraphs if p.text == "KẾ HOẠCH")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.runs[0].bold and title.runs[0].font.size.pt >= 15
    paragraphs = seed_003_doc.paragraphs
    summary = paragraphs[[p.text for p in paragraphs].index("KẾ HOẠCH") + 1]
    assert summary.text == "triển khai các hoạt động “Tháng Dân vận” năm 2023"
    assert summary.runs[0].bold and summary.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_every_text_slot_is_times_new_roman(seed_003_docx, seed_003_doc):
    styles = seed_003_doc.styles.element
    for fonts in styles.iter(qn("w:rFonts")):
        for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            assert fonts.get(qn(slot)) == "Times New Roman"
        assert fonts.get(qn("w:asciiTheme")) is None
    body = seed_003_doc.element.body
    overrides = {f.get(qn("w:ascii")) for f in body.iter(qn("w:rFonts"))}
    assert overrides <= {"Times New Roman"}


def test_the_page_is_a4_portrait_with_the_profile_margins(seed_003_doc):
    section = seed_003_doc.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    for side, expected in (("top", 20), ("bottom", 20), ("left", 30), ("right", 15)):
        assert abs(getattr(section, f"{side}_margin").mm - expected) < 0.1


def test_body_paragraphs_are_justified_with_a_first_line_indent(seed_003_doc):
    preamble = next(p for p in seed_003_doc.paragraphs if p.text.startswith("Thực hiện Chương trình"))
    assert preamble.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs(preamble.paragraph_format.first_line_indent.mm - 10) < 0.1
    assert preamble.runs[0].font.size.pt == 14


def test_the_sections_and_their_items_come_in_document_order(seed_003_doc):
    texts = body_texts(seed_003_doc)
    expected = [
        "I- MỤC ĐÍCH, YÊU CẦU",
        "- Tiếp tục nâng cao nhận thức",
        "II- NỘI DUNG, HÌNH THỨC",
        "1. Tập trung tuyên truyền",
        "7. Tăng cường các hoạt động giám sát",
        "III- TỔ CHỨC THỰC HIỆN",
        "1. Ban Dân vận Tỉnh ủy hướng dẫn",
        "1.1. Tổ chức Hội nghị biểu dương",
        "1.8. Tổ chức đánh giá",
        "2. Đề nghị các sở, ban, ngành",
        "Đồng thời, đề nghị các cơ quan",
        "- Văn bản triển khai và đăng ký",
        "- Báo cáo kết quả hoạt động",
        "3. Ban Dân vận các huyện ủy",
    ]
    positions = [next(i for i, t in enumerate(texts) if t.startswith(start)) for start in expected]
    assert positions == sorted(positions)
    heading = next(p for p in seed_003_doc.paragraphs if p.text == "II- NỘI DUNG, HÌNH THỨC")
    assert heading.runs[0].bold and heading.paragraph_format.keep_with_next
    assert texts[positions[-1]].endswith("năm 2023./.")


def test_the_recipients_and_the_signer_sit_side_by_side_under_the_body(seed_003_doc):
    signature = seed_003_doc.tables[1]
    left, right = signature.cell(0, 0), signature.cell(0, 1)
    lines = cell_lines(left)
    assert lines[0] == "Nơi nhận:"
    assert left.paragraphs[0].runs[0].underline
    assert lines[1] == "- Ban Dân vận Trung ương (b/c);"
    assert lines[-1] == "- Lưu: TC-TH, Ban Dân vận Tỉnh ủy."
    assert left.paragraphs[1].runs[0].font.size.pt == 12
    assert cell_lines(right) == ["TRƯỞNG BAN", "Phạm Văn Thịnh"]
    assert all(p.runs[0].bold for p in right.paragraphs if p.text)


def test_the_slogans_are_on_their_own_page_in_a_heading_and_text_table(seed_003_doc):
    paragraphs = seed_003_doc.paragraphs
    title = next(p for p in paragraphs if p.text.startswith("KHẨU HIỆU TUYÊN TRUYỀN"))
    before = paragraphs[[p.text for p in paragraphs].index(title.text) - 1]
    assert before._p.xpath(".//w:br[@w:type='page']")
    slogans = seed_003_doc.tables[2]
    assert len(slogans.rows) == 9
    assert [row.cells[1].text for row in slogans.rows] == [s.strip() for s in SEED_003_SLOGANS]
    assert {row.cells[0].text for row in slogans.rows} == {"THÁNG DÂN VẬN NĂM 2023"}


def test_the_form_is_a_landscape_page_with_its_seven_column_table(seed_003_doc):
    section = seed_003_doc.sections[-1]
    assert len(seed_003_doc.sections) == 2
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    top = seed_003_doc.tables[3]
    assert cell_lines(top.cell(0, 0)) == ["TÊN CƠ QUAN, ĐƠN VỊ..."]
    assert cell_lines(top.cell(0, 1)) == ["Mẫu", "....., ngày..... tháng.....năm....."]
    texts = body_texts(seed_003_doc)
    assert texts[-2:] == ["DANH SÁCH", "Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận” năm 2023"]
    form = seed_003_doc.tables[4]
    assert [c.text for c in form.rows[0].cells] == [label for label, _ in SEED_003_FORM_COLUMNS]
    assert [r.cells[0].text for r in form.rows[1:]] == ["1", "2", "..."]
    assert form.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert {b.get(qn("w:val")) for b in form._tbl.tblPr.find(qn("w:tblBorders"))} == {"single"}
    assert cell_lines(seed_003_doc.tables[5].cell(0, 1)) == ["(Ký tên, đóng dấu)"]


def test_page_numbers_are_in_the_header_from_page_two(seed_003_doc):
    section = seed_003_doc.sections[0]
    assert section.different_first_page_header_footer
    assert section.header._element.xpath(".//w:instrText")[0].text.strip() == "PAGE"
    assert not section.first_page_header.paragraphs[0].text


# ----------------------------------------------------------------------------------------------
# Seed 002, other profiles, drafts


def test_the_event_details_appear_once_as_items_of_their_section(seed_002_doc):
    texts = body_texts(seed_002_doc)
    assert "III- THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN" in texts
    assert sum(t.startswith("1. Thời gian:") for t in texts) == 1
    assert sum("Phòng họp A" in t for t in texts) == 1
    assert "- Tổ trưởng các Tổ Dân vận ở khu dân cư." in texts
    assert texts[-1].startswith("Trên đây là Kế hoạch") and texts[-1].endswith("Từ Sơn./.")
    assert cell_lines(seed_002_doc.tables[1].cell(0, 0))[-1] == "- Lưu: BDV."
    assert len(seed_002_doc.sections) == 1 and len(seed_002_doc.tables) == 2  # no annexes


def test_the_2026_party_profile_drops_the_closing_mark_and_the_archive_colon():
    doc = read(render_plan(seed_002(), "party-2026"))
    texts = body_texts(doc)
    assert texts[-1].endswith("Ban Dân vận Thành ủy Từ Sơn.")
    assert cell_lines(doc.tables[1].cell(0, 0))[-1] == "- Lưu BDV."


def test_the_state_profile_shows_the_national_motto_and_the_state_symbol():
    doc = read(render_plan(state_plan(), STATE))
    header = doc.tables[0]
    assert cell_lines(header.cell(0, 1)) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert cell_lines(header.cell(0, 0)) == ["UBND TỈNH BẮC NINH", "SỞ NỘI VỤ"]  # no star
    assert cell_lines(header.cell(1, 0)) == ["Số: 157/KH-UBND"]
    assert header.cell(0, 1).paragraphs[0].runs[0].font.size.pt == 13
    assert "I. MỤC ĐÍCH, YÊU CẦU" in body_texts(doc)
    recipients = doc.tables[1].cell(0, 0)
    heading = recipients.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and not heading.underline


def test_an_unsigned_draft_with_a_blank_number_and_date_renders_with_blanks():
    plan = dataclasses.replace(seed_003(), number="", symbol="KH/BDVTU", issued_on=None)
    doc = read(render_plan(plan))
    header = doc.tables[0]
    assert cell_lines(header.cell(1, 0)) == ["Số    -KH/BDVTU"]
    assert header.cell(1, 1).paragraphs[0].text.startswith("Bắc Giang, ngày ")
    state = dataclasses.replace(state_plan(), number="", symbol="/KH-MTTQ-BTT", body_code="", issued_on=None)
    assert cell_lines(read(render_plan(state, "state-2020")).tables[0].cell(1, 0)) == ["Số:    /KH-MTTQ-BTT"]


def test_a_plan_without_symbol_signature_or_annexes_still_renders():
    plan = dataclasses.replace(
        seed_002(), number="", symbol="", body_code="", signature=None, recipients=[], closing="", sections=[]
    )
    doc = read(render_plan(plan))
    assert cell_lines(doc.tables[0].cell(1, 0)) == []
    assert body_texts(doc)[-1].endswith("cụ thể như sau:./.")
    assert cell_lines(doc.tables[1].cell(0, 0)) == ["Nơi nhận:", "- Lưu: VT."]


def test_the_closing_mark_goes_on_the_last_item_when_there_is_no_closing_paragraph():
    items = body_items(seed_003(), NEW_PARTY)
    assert items[-1][1].endswith("năm 2023.")
    assert items[0] == ("paragraph", seed_003().preamble, "")


def test_a_long_plan_renders_every_paragraph():
    plan = long_plan(30)
    items = len(plan.sections[1].blocks)
    doc = read(render_plan(plan))
    texts = body_texts(doc)
    assert len(texts) > items > 100
    assert f"{items}. Tăng cường các hoạt động giám sát" in "\n".join(texts)


# ----------------------------------------------------------------------------------------------
# PDF


def test_a_missing_libreoffice_raises_pdf_unavailable_with_a_vietnamese_message(monkeypatch):
    monkeypatch.setattr(pdf_module.shutil, "which", lambda name: None)
    assert not libreoffice_available()
    with pytest.raises(PdfUnavailable) as caught:
        convert_to_pdf(b"PK")
    assert caught.value.message.startswith("Máy chủ chưa cài LibreOffice")
    assert isinstance(caught.value, RuntimeError)


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def test_a_failed_conversion_raises_a_vietnamese_runtime_error(monkeypatch, tmp_path):
    fake = _fake_soffice(tmp_path, "echo 'Error: source file could not be loaded'; exit 1")
    monkeypatch.setattr(pdf_module, "_executable", lambda: fake)
    with pytest.raises(
        RuntimeError, match=r"Không chuyển được văn bản sang PDF.*source file could not be loaded"
    ):
        convert_to_pdf(b"not a docx")


def test_a_conversion_that_hangs_is_stopped_at_the_timeout(monkeypatch, tmp_path):
    fake = _fake_soffice(tmp_path, "sleep 30")
    monkeypatch.setattr(pdf_module, "_executable", lambda: fake)
    with pytest.raises(RuntimeError, match=r"quá 0\.5 giây"):
        convert_to_pdf(b"PK", timeout=0.5)


@pytest.mark.skipif(not libreoffice_available(), reason="LibreOffice is not installed")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler is not installed")
def test_seed_003_converts_to_a_pdf_with_its_vietnamese_text_intact(seed_003_docx, tmp_path):
    pdf = convert_to_pdf(seed_003_docx)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    run = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    text = run.stdout.decode("utf-8")
    for words in (
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "KẾ HOẠCH",
        "triển khai các hoạt động",
        "Tháng Dân vận",
        "Phạm Văn Thịnh",
        "Số 62-KH/BDVTU",
        "DANH SÁCH",
    ):
        assert words in text
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 4 <= pages <= 9


def test_an_attached_regulation_is_rendered_after_the_signature_on_its_own_page():
    from danvan.lib.plandoc import ROLE_ATTACHED, Block, Section

    doc = seed_002()
    doc.sections.append(
        Section(title="QUY CHẾ", role=ROLE_ATTACHED, blocks=[Block(text="Điều 1. Phạm vi điều chỉnh")])
    )
    texts = [p.text for p in Document(io.BytesIO(render_plan(doc))).paragraphs]
    assert texts.index("QUY CHẾ") < texts.index("Điều 1. Phạm vi điều chỉnh")
    assert not any(t.startswith("Điều 1") and t.endswith("./.") for t in texts)
    assert [kind for kind, _, _ in body_items(doc, PARTY)].count("heading") == len(doc.sections) - 1
