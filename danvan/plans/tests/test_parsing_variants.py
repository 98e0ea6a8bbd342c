"""Real plans beyond the seeds: PDF copies, tables copied as text, older numbering, body citations."""

from __future__ import annotations

import json
import textwrap
from datetime import date

from danvan.lib.plandoc import PlanDocument
from danvan.plans.parsing import find_references, parse_text
from danvan.plans.parsing.accuracy import compare

from .test_parsing_seeds import FIXTURES, seed_text

COPIED = """TỈNH ỦY BẮC GIANG ĐẢNG CỘNG SẢN VIỆT NAM
BAN DÂN VẬN
* Bắc Giang, ngày 20 tháng 9 năm 2024
Số 75-KH/BDVTU

KẾ HOẠCH
tổ chức gặp mặt kỷ niệm Ngày truyền thống công tác dân vận của Đảng
Thực hiện Chương trình công tác năm 2024, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch tổ chức gặp mặt như sau:
I- MỤC ĐÍCH, YÊU CẦU
\uf0b7 Ôn lại truyền thống vẻ vang của công tác dân vận.
\uf0b7 Tổ chức trang trọng, tiết kiệm.
II- THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN
1- Thời gian: 01 buổi, từ 8 giờ 00 ngày 14/10/2024.
2- Địa điểm: Hội trường Tỉnh ủy.
3- Thành phần: Khoảng 80 đại biểu, gồm:
- Lãnh đạo Ban Dân vận các huyện ủy, thành ủy (mỗi đơn vị 02 đồng chí);
- Các đồng chí nguyên lãnh đạo Ban qua các thời kỳ.
III- TỔ CHỨC THỰC HIỆN
1- Trách nhiệm của Văn phòng Ban Dân vận Tỉnh ủy:
- Chuẩn bị giấy mời, hội trường, khánh tiết.
- Phối hợp với Văn phòng Tỉnh ủy bố trí xe đưa đón đại biểu.
2- Ban Dân vận các huyện ủy, thành ủy gửi danh sách đại biểu về Văn phòng Ban trước ngày 10/10/2024.
Trên đây là Kế hoạch tổ chức gặp mặt kỷ niệm Ngày truyền thống công tác dân vận của Đảng./.
Nơi nhận:\tK/T TRƯỞNG BAN
- Thường trực Tỉnh ủy (b/c),\tPHÓ TRƯỞNG BAN
- Các huyện ủy, thành ủy,\t
- Lưu VP.\t(Đã ký)
\tLê Thị Hoa
"""


def test_a_header_copied_with_both_columns_on_one_line_is_split_by_the_national_title():
    doc = parse_text(COPIED)
    assert (doc.superior_body, doc.issuing_body, doc.style) == ("TỈNH ỦY BẮC GIANG", "BAN DÂN VẬN", "party")
    assert (doc.symbol, doc.place, doc.issued_on) == ("75-KH/BDVTU", "Bắc Giang", date(2024, 9, 20))


def test_a_signature_table_copied_as_tab_separated_rows_is_read_column_by_column():
    doc = parse_text(COPIED)
    assert [(r.name, r.purpose) for r in doc.recipients] == [
        ("Thường trực Tỉnh ủy", "report"),
        ("Các huyện ủy, thành ủy", ""),
        ("VP", "archive"),
    ]
    assert doc.signature.authority_lines == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert doc.signature.signer_name == "Lê Thị Hoa"
    assert doc.warnings == []


def test_word_symbol_bullets_and_dash_numbering_are_recognised():
    doc = parse_text(COPIED)
    assert [(b.kind, b.label) for b in doc.sections[0].blocks] == [("bullet", "\uf0b7"), ("bullet", "\uf0b7")]
    assert [b.label for b in doc.sections[1].blocks] == ["1-", "2-", "3-"]
    assert doc.event.time.start == date(2024, 10, 14)
    assert [g.quota for g in doc.event.groups] == [2, None]


def test_bullets_under_an_item_that_names_a_unit_are_that_units_tasks():
    tasks = parse_text(COPIED).tasks()
    assert [(t.label, t.lead, t.partners) for t in tasks] == [
        ("1-", "Văn phòng Ban Dân vận Tỉnh ủy", []),
        ("-", "Văn phòng Ban Dân vận Tỉnh ủy", []),
        ("-", "Văn phòng Ban Dân vận Tỉnh ủy", ["Văn phòng Tỉnh ủy"]),
        ("2-", "Ban Dân vận các huyện ủy, thành ủy", []),
    ]
    assert tasks[3].due.end == date(2024, 10, 10)


def _hard_wrapped(text: str, width: int = 80) -> str:
    out = []
    for line in text.split("\n"):
        if line.strip():
            out.extend(textwrap.wrap(line, width))
    return "\n".join(out)


def test_text_copied_out_of_a_pdf_with_hard_wrapped_lines_gives_the_same_plan():
    expected = PlanDocument.from_dict(json.loads((FIXTURES / "seed_002_expected.json").read_text("utf-8")))
    got = parse_text(_hard_wrapped(seed_text("002")))
    for row in compare(expected, got):
        assert (row.found_correct, row.invented) == (row.expected_count, 0), row


def test_hard_wrapped_seed_003_keeps_every_task_and_deadline():
    got = parse_text(_hard_wrapped(seed_text("003").split("KHẨU HIỆU")[0]))
    assert len(got.tasks()) == 11
    assert [d.due.end for d in got.deadlines] == [date(2023, 9, 30), date(2023, 10, 30)]
    assert got.basis[1].symbol == "54-KL/TU"


def test_body_citations_are_found_with_their_facts_but_are_not_basis():
    doc = parse_text(seed_text("002"))
    found = find_references(doc.sections[1].blocks[0].text)
    assert [(r.doc_type, r.symbol, r.issued_on, r.issuer) for _, _, r in found] == [
        ("Kết luận", "599-KL/TU", date(2019, 9, 11), "Ban Thường vụ Tỉnh ủy Bắc Ninh")
    ]
    assert found[0][2].subject.startswith("tiếp tục tăng cường sự lãnh đạo")
    assert "599-KL/TU" not in [r.symbol for r in doc.basis]


def test_seed_003_body_cites_six_numbered_documents():
    doc = parse_text(seed_text("003"))
    symbols = [r.symbol for b in doc.sections[1].blocks for _, _, r in find_references(b.text)]
    assert symbols == [
        "279-QĐ/TU", "54-KL/TU", "110-NQ/TU", "11-CT/TU", "09-CT/TU", "116-KL/TU", "33/CT-TTg",
    ]  # fmt: skip


GUIDE = """TỈNH ỦY QUẢNG NINH
BAN DÂN VẬN
*
Số 15-HD/BDVTU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Ninh, ngày 05 tháng 3 năm 2024

HƯỚNG DẪN
xây dựng và nhân rộng mô hình “Dân vận khéo” năm 2024

Căn cứ Quy chế công tác dân vận của hệ thống chính trị ban hành kèm theo Quyết định số 23-QĐ/TW ngày \
30/7/2021 của Bộ Chính trị;
Căn cứ Kế hoạch số 150-KH/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy,
Ban Dân vận Tỉnh ủy hướng dẫn xây dựng mô hình “Dân vận khéo” năm 2024 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Phát huy vai trò của cả hệ thống chính trị.
II. TỔ CHỨC THỰC HIỆN
1. Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Hội Nông dân tỉnh hướng dẫn thực hiện.
2. Các cơ quan báo chí của tỉnh mở chuyên trang, chuyên mục tuyên truyền.
3. Chế độ thông tin, báo cáo
Các cơ quan, đơn vị báo cáo kết quả về Ban Dân vận Tỉnh ủy trước ngày 15/12/2024 (theo mẫu số 01 kèm theo).
4. Ban Dân vận các huyện ủy, thị ủy, thành ủy:
a) Tham mưu cấp ủy ban hành văn bản lãnh đạo trong quý II/2024.

Nơi nhận:
- Ban Dân vận Trung ương (để b/c),
- Lưu Văn phòng.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn Hùng

PHỤ LỤC
Mẫu số 01
ĐƠN VỊ: .......
BẢNG TỔNG HỢP MÔ HÌNH “DÂN VẬN KHÉO”
TT\tTên mô hình\tLĩnh vực\tSố hộ tham gia\tHiệu quả\tGhi chú
(1)\t(2)\t(3)\t(4)\t(5)\t(6)
1\t\t\t\t\t
"""


def test_a_guide_with_can_cu_lines_names_its_issuer_from_its_own_line():
    doc = parse_text(GUIDE)
    assert (doc.doc_type, doc.type_code, doc.symbol) == ("HƯỚNG DẪN", "HD", "15-HD/BDVTU")
    assert [(r.doc_type, r.symbol, r.issuer) for r in doc.basis] == [
        ("Quy chế", "", ""),
        ("Quyết định", "23-QĐ/TW", "Bộ Chính trị"),
        ("Kế hoạch", "150-KH/TU", "Ban Thường vụ Tỉnh ủy"),
    ]
    assert doc.basis[0].subject == "công tác dân vận của hệ thống chính trị"
    assert doc.tasks()[2].lead == "Ban Dân vận Tỉnh ủy"  # "Chế độ thông tin, báo cáo" names no unit


def test_leads_end_at_the_verb_and_an_item_naming_a_unit_leads_its_sub_items():
    leads = [(t.label, t.lead) for t in parse_text(GUIDE).tasks()]
    assert leads == [
        ("1.", "Sở Nông nghiệp và Phát triển nông thôn"),
        ("2.", "Các cơ quan báo chí của tỉnh"),
        ("3.", "Ban Dân vận Tỉnh ủy"),
        ("4.", "Ban Dân vận các huyện ủy, thị ủy, thành ủy"),
        ("a)", "Ban Dân vận các huyện ủy, thị ủy, thành ủy"),
    ]


def test_a_report_requested_under_an_item_is_a_deadline_tied_to_the_numbered_form():
    doc = parse_text(GUIDE)
    assert [(d.what, d.due.end, d.form_index, d.note) for d in doc.deadlines] == [
        (
            "Các cơ quan, đơn vị báo cáo kết quả về Ban Dân vận Tỉnh ủy",
            date(2024, 12, 15),
            0,
            "(theo mẫu số 01 kèm theo)",
        )
    ]


def test_an_annex_form_reads_its_placeholder_title_and_typed_columns():
    (form,) = parse_text(GUIDE).forms
    assert (form.label, form.issuer_placeholder, form.title) == (
        "Mẫu số 01",
        "ĐƠN VỊ: .......",
        "BẢNG TỔNG HỢP MÔ HÌNH “DÂN VẬN KHÉO”",
    )
    assert [c.kind for c in form.columns] == ["index", "text", "text", "number", "long_text", "text"]
    assert form.sample_rows == 1
