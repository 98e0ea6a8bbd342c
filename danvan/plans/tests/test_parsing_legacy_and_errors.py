"""Legacy encodings, errors, and the parser's behaviour on arbitrary text."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan.lib import vntext
from danvan.lib.plandoc import PlanDocument, Reference
from danvan.plans.parsing import PlanParseError, find_references, parse_docx, parse_text
from danvan.plans.parsing.references import basis_from_preamble

from .test_parsing_seeds import seed_path, seed_text


def _without_warnings(doc: PlanDocument) -> dict:
    data = doc.to_dict()
    data.pop("warnings")
    return data


def _lower_case_safe_seed_002() -> str:
    # TCVN3 has no code for a capital with a tone in its lower-case fonts: "Ủy" in a mixed-case line
    # could not be written. The rest of seed 002 is safe (lines in capitals use the H-font rule).
    return seed_text("002").replace("Ủy ban MTTQ", "UBMTTQ")


def test_tcvn3_plain_text_is_converted_and_parses_like_the_unicode_plan():
    source = _lower_case_safe_seed_002()
    legacy = vntext.unicode_to_tcvn3(source)
    assert "Ban D©n vËn" in legacy
    doc = parse_text(legacy)
    assert "Đã chuyển mã TCVN3 (ABC) sang Unicode." in doc.warnings
    assert _without_warnings(doc) == _without_warnings(parse_text(source))
    assert doc.sections[0].title == "Mục đích, yêu cầu"
    assert doc.signature.signer_name == "Đàm Thế Sử"


def test_tcvn3_lines_typed_in_capitals_are_read_as_capitals():
    doc = parse_text(vntext.unicode_to_tcvn3(seed_text("003").split("KHẨU HIỆU")[0]))
    assert doc.sections[0].title == "MỤC ĐÍCH, YÊU CẦU"
    assert doc.sections[2].title == "TỔ CHỨC THỰC HIỆN"
    assert doc.signature.authority_lines == ["TRƯỞNG BAN"]


def test_vni_plain_text_is_converted_with_a_warning():
    source = seed_text("002")
    doc = parse_text(vntext.unicode_to_vni(source))
    assert "Đã chuyển mã VNI sang Unicode." in doc.warnings
    assert _without_warnings(doc) == _without_warnings(parse_text(source))


def test_unicode_text_gets_no_conversion_warning():
    assert not any("chuyển mã" in w for w in parse_text(seed_text("003")).warnings)


@pytest.mark.parametrize("text", ["", "   \n\n\t ", "hello world", "Xin chào các bạn.\nHẹn gặp lại."])
def test_text_without_a_plan_structure_raises_a_vietnamese_error(text):
    with pytest.raises(PlanParseError) as caught:
        parse_text(text)
    message = caught.value.message
    assert message == str(caught.value)
    assert "kế hoạch" in message.lower() or "trống" in message.lower()


def test_the_structure_error_names_what_was_looked_for():
    with pytest.raises(PlanParseError) as caught:
        parse_text("hello world")
    assert caught.value.message.startswith(
        "Không nhận ra cấu trúc kế hoạch: không thấy tiêu đề KẾ HOẠCH hay các mục I, II, ..."
    )


def test_plan_parse_error_is_a_value_error():
    assert issubclass(PlanParseError, ValueError)


def test_bytes_that_are_not_a_word_file_raise_a_vietnamese_error():
    with pytest.raises(PlanParseError) as caught:
        parse_docx(b"this is not a zip file")
    assert "Không đọc được tệp Word" in caught.value.message


# Lines that look like parts of a plan, so that random documents reach deep into the parser.
FRAGMENTS = [
    "KẾ HOẠCH",
    "CHƯƠNG TRÌNH",
    "TỈNH ỦY BẮC GIANG",
    "BAN DÂN VẬN",
    "*",
    "Số 12-KH/BDVTU",
    "Số: /KH-MTTQ-BTT",
    "Bắc Giang, ngày 31 tháng 02 năm 2023",
    "Bắc Giang, ngày   tháng 01 năm 2026",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "triển khai các hoạt động năm 2023",
    "Thực hiện Kết luận số 54-KL/TU ngày 03/3/2021 của Ban Thường vụ Tỉnh ủy về “abc”, Ban Dân vận xây dựng",
    "Căn cứ Luật Tổ chức ngày 19 tháng 6 năm 2015;",
    "Căn cứ Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị;",
    "Ban Dân vận Tỉnh ủy hướng dẫn như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "II- NỘI DUNG",
    "III/ THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN",
    "IV. TỔ CHỨC THỰC HIỆN",
    "PHẦN I",
    "1. Thời gian: Dự kiến trung tuần tháng 09/2023.",
    "2. Địa điểm: Hội trường",
    "3. Thành phần: (Khoảng 112 đại biểu)",
    "1.1. Ban Dân vận Tỉnh ủy hướng dẫn (xong trước ngày 05/11/2023).",
    "a) Phối hợp với Văn phòng, Ban Tuyên giáo và các sở chuẩn bị",
    "- Văn bản gửi về trước ngày **30/9/2023** (Có mẫu đăng ký)",
    "+ mỗi đơn vị 02 đồng chí;",
    "Đồng thời, đề nghị các đơn vị gửi về như sau:",
    "Trên đây là Kế hoạch./.",
    "Nơi nhận:",
    "- Lưu: VT.",
    "- Ban Dân vận Trung ương (b/c),",
    "TRƯỞNG BAN",
    "K/T TRƯỞNG BAN",
    "TM. ỦY BAN NHÂN DÂN",
    "(Đã ký)",
    "Nguyễn Văn An",
    "KHẨU HIỆU TUYÊN TRUYỀN",
    " <p>THÁNG DÂN VẬN</p>\t<p>Dân vận khéo</p>",
    "TÊN CƠ QUAN, ĐƠN VỊ...",
    "Mẫu",
    "....., ngày..... tháng.....năm.....",
    "DANH SÁCH",
    "Stt\tTên\tThời gian\tGhi chú",
    "1\t\t\t",
    "...\t\t\t",
    "(Ký tên, đóng dấu)",
    "| a | b | c |",
    "|---|---|---|",
    "./.",
    ":",
    "(",
    "“",
]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)),
        max_size=40,
    ).map("\n".join)
)
def test_any_text_either_parses_to_a_plan_or_raises_plan_parse_error(text):
    try:
        doc = parse_text(text)
    except PlanParseError as error:
        assert error.message
        return
    assert isinstance(doc, PlanDocument)
    assert PlanDocument.from_dict(doc.to_dict()) == doc


REFERENCE_WORDS = [
    "Thực hiện", "Căn cứ", "Kết luận", "Nghị quyết", "Chương trình", "Luật", "số", "54-KL/TU", "33/CT-TTg",
    "ngày", "03/3/2021", "31/02/2021", "19 tháng 6 năm 2015", "của", "Ban Thường vụ Tỉnh ủy", "về việc", "về",
    "“", "”", '"', ",", ";", ".", "và", "kèm theo", "Ban Dân vận", "xây dựng Kế hoạch", "như sau:", "\n",
]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(REFERENCE_WORDS), max_size=30).map(" ".join))
def test_reading_references_never_fails_on_any_mix_of_citation_words(text):
    refs, issuer = basis_from_preamble(text, warnings=[])
    assert all(isinstance(r, Reference) for r in refs)
    assert isinstance(issuer, str)
    for start, end, ref in find_references(text):
        assert 0 <= start <= end <= len(text) and ref.symbol


@settings(deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_either_parses_or_raises_plan_parse_error(text):
    with contextlib.suppress(PlanParseError):
        parse_text(text)


def test_the_parser_is_pure_python_and_imports_no_django():
    code = (
        "import sys; import danvan.plans.parsing as p; "
        "p.parse_text(open(sys.argv[1], encoding='utf-8').read()); "
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    seed = seed_path("003")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_value_that_is_not_text_raises_plan_parse_error():
    with pytest.raises(PlanParseError):
        parse_text(b"KE HOACH")  # type: ignore[arg-type]
    with pytest.raises(PlanParseError):
        parse_docx("not bytes")  # type: ignore[arg-type]
