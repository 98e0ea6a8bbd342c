"""The summary report of a call for submissions ("BÁO CÁO kết quả ...") and the counts it shows."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from danvan.reporting.documents.summary import (
    ASSESSMENT_PLACEHOLDER,
    BLANK_LABEL,
    OTHER_LABEL,
    CallFigures,
    figures_sentence,
    format_number,
    format_percent,
    group_counts,
    render_summary_report,
    request_phrase,
    sentence_name,
)

MISSING = ["Sở Khoa học và Công nghệ", "Huyện ủy Sơn Động"]


def registration_figures(**changes) -> CallFigures:
    values = {
        "call_title": "đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2023",
        "due_text": "trước ngày 30/9/2023",
        "units_called": 45,
        "on_time": 40,
        "late": 3,
        "missing": 2,
        "missing_units": MISSING,
        "late_units": ["Sở Y tế", "Sở Tư pháp", "Xã Tân Liễu"],
        "activities_total": 1234,
        "by_scope": [("Cấp tỉnh", 200), ("Cấp huyện", 434), ("Cấp xã", 600)],
        "by_target": [("Cán bộ, công chức", 700), ("Nhân dân", 534)],
    }
    values.update(changes)
    return CallFigures(**values)


def report_text(figures: list[CallFigures], **kwargs) -> tuple[Document, list[str]]:
    data = render_summary_report(
        figures=figures,
        issuing_body="Ban Dân vận Tỉnh ủy",
        superior_body="Tỉnh ủy Bắc Giang",
        place="Bắc Giang",
        title="kết quả đăng ký hoạt động “Tháng Dân vận” năm 2023",
        signer_authority=["K/T Trưởng ban", "Phó Trưởng ban"],
        signer_name="Nguyễn Văn Khuê",
        **kwargs,
    )
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs if p.text]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs if p.text)
    return doc, texts


def test_the_summary_report_contains_the_figures_sentence():
    _, texts = report_text([registration_figures()])
    sentence = (
        "Ban Dân vận Tỉnh ủy đã đề nghị 45 cơ quan, đơn vị đăng ký hoạt động hưởng ứng “Tháng Dân vận” "
        "năm 2023 (thời hạn: trước ngày 30/9/2023); đến nay, đã có 43 đơn vị gửi (40 đúng hạn, 3 muộn), "
        "2 đơn vị chưa gửi (Sở Khoa học và Công nghệ, Huyện ủy Sơn Động)."
    )
    assert sentence in texts
    assert "Các đơn vị gửi muộn: Sở Y tế, Sở Tư pháp, Xã Tân Liễu." in texts
    assert "Các cơ quan, đơn vị đã đăng ký tổng số 1.234 nội dung, hoạt động." in texts


def test_the_summary_report_lists_the_units_that_did_not_submit():
    _, texts = report_text([registration_figures()])
    start = texts.index("3. Các cơ quan, đơn vị chưa gửi (2 đơn vị)")
    assert texts[start + 1 : start + 3] == ["- Sở Khoa học và Công nghệ;", "- Huyện ủy Sơn Động."]


def test_the_summary_report_has_the_official_header_title_signer_and_placeholder():
    doc, texts = report_text(
        [registration_figures()],
        body_code="BDVTU",
        issued_on=date(2023, 10, 5),
        recipients=["Thường trực Tỉnh ủy (b/c)"],
    )
    header = [p.text for cell in doc.tables[0]._cells for p in cell.paragraphs]
    assert "TỈNH ỦY BẮC GIANG" in header and "BAN DÂN VẬN TỈNH ỦY" in header
    assert "Bắc Giang, ngày 05 tháng 10 năm 2023" in header
    assert any(t.startswith("Số") and t.endswith("-BC/BDVTU") for t in header)
    assert "BÁO CÁO" in texts and "kết quả đăng ký hoạt động “Tháng Dân vận” năm 2023" in texts
    assert ASSESSMENT_PLACEHOLDER in texts
    assert texts[texts.index(ASSESSMENT_PLACEHOLDER) + 1].endswith("./.")
    signature = [p.text for cell in doc.tables[-1]._cells for p in cell.paragraphs if p.text]
    assert signature[-3:] == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Khuê"]
    assert "- Thường trực Tỉnh ủy (b/c);" in signature and "- Lưu: VT." in signature


def test_the_summary_report_tables_count_activities_by_scope_and_by_target():
    doc, _ = report_text([registration_figures()])
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables[1:-1]]
    scope, target = tables
    assert scope[0] == ["Stt", "Quy mô, phạm vi triển khai", "Số nội dung, hoạt động", "Tỷ lệ"]
    assert scope[3] == ["3", "Cấp xã", "600", "48,6%"]
    assert scope[-1] == ["", "Tổng cộng", "1.234", ""]
    assert target[1] == ["1", "Cán bộ, công chức", "700", "56,7%"]


def test_a_report_of_several_calls_has_one_section_per_call():
    results = registration_figures(
        call_title="gửi báo cáo kết quả hoạt động “Tháng Dân vận” năm 2023",
        due_text="trước ngày 30/10/2023",
        on_time=45,
        late=0,
        missing=0,
        missing_units=[],
        late_units=[],
        activities_total=0,
        by_scope=[],
        by_target=[],
    )
    doc, texts = report_text([registration_figures(), results])
    assert "I- ĐĂNG KÝ HOẠT ĐỘNG HƯỞNG ỨNG “THÁNG DÂN VẬN” NĂM 2023" in texts
    assert "II- GỬI BÁO CÁO KẾT QUẢ HOẠT ĐỘNG “THÁNG DÂN VẬN” NĂM 2023" in texts
    assert "III- ĐÁNH GIÁ, ĐỀ XUẤT" in texts
    assert any("đến nay, cả 45 đơn vị đã gửi đúng hạn." in t for t in texts)
    assert len(doc.tables) == 4  # header, two count tables of the first call, signature


def test_the_figures_sentence_names_a_few_missing_units_and_mentions_returned_answers():
    many = [f"Xã số {i}" for i in range(1, 9)]
    figures = registration_figures(
        units_called=1500, on_time=1480, late=12, missing=8, missing_units=many, returned=3
    )
    sentence = figures_sentence(figures, "Ban Dân vận")
    assert sentence.startswith("Ban Dân vận đã đề nghị 1.500 cơ quan, đơn vị")
    named = "(Xã số 1, Xã số 2, Xã số 3, Xã số 4, Xã số 5 và 3 đơn vị khác)."
    assert f"đã có 1.492 đơn vị gửi (1.480 đúng hạn, 12 muộn), 8 đơn vị chưa gửi {named}" in sentence
    assert sentence.endswith("Có 3 văn bản đã được trả lại để đơn vị bổ sung, hoàn chỉnh.")


def test_a_title_naming_a_thing_is_asked_with_a_verb_and_the_day_is_named():
    figures = registration_figures(
        call_title="Văn bản triển khai",
        due_text="",
        units_called=6,
        on_time=4,
        late=0,
        missing=2,
        missing_units=["Sở Y tế", "Xã Tân Liễu"],
        as_of=date(2023, 10, 5),
    )
    assert figures_sentence(figures, "BAN DÂN VẬN") == (
        "Ban Dân vận đã đề nghị 6 cơ quan, đơn vị gửi văn bản triển khai; đến ngày 05/10/2023, "
        "đã có 4 đơn vị gửi, 2 đơn vị chưa gửi (Sở Y tế, Xã Tân Liễu)."
    )
    for title, phrase in [
        ("Đăng ký mô hình", "đăng ký mô hình"),
        ("Báo cáo kết quả quý III", "báo cáo kết quả quý III"),
        ("UBND xã báo cáo", "gửi UBND xã báo cáo"),
        ("", "gửi văn bản"),
    ]:
        assert request_phrase(title) == phrase


def test_numbers_and_shares_are_written_vietnamese_style():
    assert (
        format_number(1234) == "1.234" and format_number(1234567) == "1.234.567" and format_number(7) == "7"
    )
    assert format_percent(1, 8) == "12,5%" and format_percent(2, 2) == "100%" and format_percent(1, 0) == ""


def test_group_counts_folds_case_and_diacritics_and_shows_the_most_frequent_spelling():
    rows = [{"scope": v} for v in ("Cấp tỉnh", "cap tinh", "CẤP TỈNH", "Cấp tỉnh", "Cấp xã", "  ", None)]
    rows.append({})
    assert group_counts(rows, "scope") == [("Cấp tỉnh", 4), ("Cấp xã", 1), (BLANK_LABEL, 3)]


def test_group_counts_adds_up_the_tail_as_other():
    rows = [{"t": f"Nhóm {i}"} for i in range(1, 6) for _ in range(i)]  # "Nhóm 5" five times...
    assert group_counts(rows, "t", limit=3) == [("Nhóm 5", 5), ("Nhóm 4", 4), (OTHER_LABEL, 6)]
    assert len(group_counts(rows, "t", limit=12)) == 5


def test_group_counts_breaks_ties_alphabetically_and_reads_a_generator():
    rows = ({"t": name} for name in ("Thanh niên", "Cựu chiến binh", "Phụ nữ", "Cựu chiến binh"))
    assert group_counts(rows, "t") == [("Cựu chiến binh", 2), ("Phụ nữ", 1), ("Thanh niên", 1)]


def test_an_issuing_body_in_capitals_is_re_cased_for_the_sentence():
    assert sentence_name("BAN DÂN VẬN TỈNH ỦY BẮC GIANG") == "Ban Dân vận Tỉnh ủy Bắc Giang"
    assert sentence_name("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG") == "Ủy ban nhân dân tỉnh Bắc Giang"
    assert sentence_name("ĐẢNG ỦY XÃ TÂN LIỄU") == "Đảng ủy xã Tân Liễu"
    assert sentence_name("ỦY BAN MTTQ TỈNH") == "Ủy ban MTTQ tỉnh"
    assert sentence_name("Ban Tuyên giáo và Dân vận") == "Ban Tuyên giáo và Dân vận"  # as written
    assert figures_sentence(registration_figures(), "BAN DÂN VẬN").startswith("Ban Dân vận đã đề nghị 45")
