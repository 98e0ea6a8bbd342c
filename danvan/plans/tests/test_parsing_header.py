"""Header, document type and title of Party-style and state/Front-style plans."""

from __future__ import annotations

from datetime import date

import pytest

from danvan.plans.parsing import parse_text
from danvan.plans.parsing.header import parse_date_line, parse_symbol

BODY = """
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức.
II. TỔ CHỨC THỰC HIỆN
1. Ban Dân vận Tỉnh ủy hướng dẫn thực hiện.

Nơi nhận:
- Như trên;
- Lưu VT.

TRƯỞNG BAN

Nguyễn Văn An
"""

PARTY = """TỈNH ỦY BẮC GIANG
BAN DÂN VẬN
*
Số 12-KH/BDVTU
ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Giang, ngày 12 tháng 9 năm 2018

KẾ HOẠCH
tổ chức Hội nghị tập huấn công tác dân vận năm 2018

Thực hiện Chương trình công tác năm 2018, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch như sau:
"""

STATE = """ỦY BAN NHÂN DÂN
TỈNH BẮC GIANG
Số: 157/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Giang, ngày 05 tháng 02 năm 2024

KẾ HOẠCH
Thực hiện công tác dân vận chính quyền năm 2024

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường công tác dân vận;
Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác dân vận chính quyền năm 2024 như sau:
"""

FRONT_DRAFT = """ỦY BAN MTTQ VIỆT NAM
TỈNH BẮC GIANG
BAN THƯỜNG TRỰC
Số: /KH-MTTQ-BTT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bắc Giang, ngày   tháng 01 năm 2026

KẾ HOẠCH
Tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026

Thực hiện Chương trình phối hợp năm 2026, Ban Thường trực Ủy ban MTTQ tỉnh xây dựng Kế hoạch như sau:
"""


def test_a_party_header_gives_bodies_number_symbol_place_and_date():
    doc = parse_text(PARTY + BODY)
    assert (doc.superior_body, doc.issuing_body) == ("TỈNH ỦY BẮC GIANG", "BAN DÂN VẬN")
    assert (doc.number, doc.symbol, doc.body_code, doc.type_code) == ("12", "12-KH/BDVTU", "BDVTU", "KH")
    assert (doc.place, doc.issued_on) == ("Bắc Giang", date(2018, 9, 12))
    assert doc.style == "party"
    assert doc.title == "tổ chức Hội nghị tập huấn công tác dân vận năm 2018"
    assert not any("đầu văn bản" in w for w in doc.warnings)


def test_a_state_header_joins_a_body_name_written_on_two_lines():
    doc = parse_text(STATE + BODY)
    assert doc.superior_body == ""
    assert doc.issuing_body == "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG"
    assert (doc.number, doc.symbol, doc.body_code) == ("157", "157/KH-UBND", "UBND")
    assert doc.style == "state"
    assert doc.issued_on == date(2024, 2, 5)


def test_a_state_summary_starting_with_thuc_hien_is_the_title_not_the_preamble():
    doc = parse_text(STATE + BODY)
    assert doc.title == "Thực hiện công tác dân vận chính quyền năm 2024"
    assert doc.preamble.startswith("Căn cứ Luật Tổ chức chính quyền địa phương")
    assert doc.preamble.count("\n") == 2


def test_each_can_cu_line_of_a_state_preamble_is_a_reference():
    doc = parse_text(STATE + BODY)
    assert [(r.doc_type, r.symbol, r.issued_on, r.issuer) for r in doc.basis] == [
        ("Luật", "", date(2015, 6, 19), ""),
        ("Chỉ thị", "33/CT-TTg", date(2021, 11, 26), "Thủ tướng Chính phủ"),
    ]
    assert doc.basis[0].subject == "Tổ chức chính quyền địa phương"
    assert doc.basis[1].type_code == "CT"


def test_an_unsigned_front_draft_has_a_blank_number_and_no_date_without_error():
    doc = parse_text(FRONT_DRAFT + BODY)
    assert (doc.number, doc.symbol, doc.body_code) == ("", "KH-MTTQ-BTT", "MTTQ-BTT")
    assert doc.issued_on is None
    assert doc.place == "Bắc Giang"
    assert doc.superior_body == "ỦY BAN MTTQ VIỆT NAM TỈNH BẮC GIANG"
    assert doc.issuing_body == "BAN THƯỜNG TRỰC"
    assert doc.style == "state"
    assert not any("ngày" in w.lower() and "ban hành" in w.lower() for w in doc.warnings)


def test_a_header_laid_out_as_a_tab_separated_table_is_read_cell_by_cell():
    text = (
        "TỈNH ỦY BẮC GIANG\tĐẢNG CỘNG SẢN VIỆT NAM\n"
        "BAN DÂN VẬN\t\n"
        "*\t\n"
        "Số 62-KH/BDVTU\tBắc Giang, ngày 05 tháng 9 năm 2023\n\n"
        "KẾ HOẠCH\ntriển khai các hoạt động năm 2023\n\n"
        "Thực hiện Chương trình công tác năm 2023, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch như sau:\n" + BODY
    )
    doc = parse_text(text)
    assert (doc.superior_body, doc.issuing_body, doc.symbol) == (
        "TỈNH ỦY BẮC GIANG",
        "BAN DÂN VẬN",
        "62-KH/BDVTU",
    )
    assert doc.issued_on == date(2023, 9, 5)


@pytest.mark.parametrize(
    ("written", "number", "symbol", "type_code", "body_code", "style"),
    [
        ("12-KH/BDVTU", "12", "12-KH/BDVTU", "KH", "BDVTU", "party"),
        ("309-CV/ĐU", "309", "309-CV/ĐU", "CV", "ĐU", "party"),
        ("-KH/BDVTU", "", "KH/BDVTU", "KH", "BDVTU", "party"),
        ("157/KH-UBND", "157", "157/KH-UBND", "KH", "UBND", "state"),
        ("16/KH-MTTQ-BTT", "16", "16/KH-MTTQ-BTT", "KH", "MTTQ-BTT", "state"),
        ("/KH-MTTQ-BTT", "", "KH-MTTQ-BTT", "KH", "MTTQ-BTT", "state"),
        ("......./KH-UBND", "", "KH-UBND", "KH", "UBND", "state"),
        ("123/UBND-VP", "123", "123/UBND-VP", "", "UBND-VP", "state"),
    ],
)
def test_symbols_in_both_shapes_split_into_their_parts(written, number, symbol, type_code, body_code, style):
    got = parse_symbol(written)
    assert (got.number, got.symbol, got.type_code, got.body_code, got.style) == (
        number,
        symbol,
        type_code,
        body_code,
        style,
    )


def test_a_date_line_gives_place_and_day_and_a_blank_one_gives_no_day_and_no_warning():
    assert parse_date_line("Bắc Giang, ngày 12 tháng 9 năm 2018") == ("Bắc Giang", date(2018, 9, 12), None)
    assert parse_date_line("Từ Sơn, ngày 05/9/2023") == ("Từ Sơn", date(2023, 9, 5), None)
    assert parse_date_line("Bắc Giang, ngày   tháng 01 năm 2026") == ("Bắc Giang", None, None)
    assert parse_date_line("....., ngày..... tháng.....năm.....")[1:] == (None, None)
    assert parse_date_line("Tổ chức hội nghị") is None


def test_a_date_line_that_does_not_exist_keeps_no_date_and_warns():
    place, day, warning = parse_date_line("Bắc Giang, ngày 31 tháng 02 năm 2023")
    assert (place, day) == ("Bắc Giang", None)
    assert "31/02/2023" in warning


@pytest.mark.parametrize(
    ("title_line", "doc_type", "type_code"),
    [("CHƯƠNG TRÌNH", "CHƯƠNG TRÌNH", "CTr"), ("HƯỚNG DẪN", "HƯỚNG DẪN", "HD"), ("BÁO CÁO", "BÁO CÁO", "BC")],
)
def test_other_document_types_are_recognised_with_their_codes(title_line, doc_type, type_code):
    doc = parse_text(f"{title_line}\ncông tác dân vận năm 2024\n" + BODY)
    assert (doc.doc_type, doc.type_code) == (doc_type, type_code)
    assert doc.title == "công tác dân vận năm 2024"


def test_a_plan_without_a_header_warns_that_the_symbol_is_missing():
    doc = parse_text("KẾ HOẠCH\ntập huấn năm 2024\n" + BODY)
    assert doc.symbol == ""
    assert "Không thấy số, ký hiệu văn bản." in doc.warnings
