"""Sections, blocks, tasks, events, recipients and signature on synthetic plans."""

from __future__ import annotations

from datetime import date

import pytest

from danvan.plans.parsing import parse_text
from danvan.plans.parsing.lines import document_lines
from danvan.plans.parsing.recipients import parse_recipient
from danvan.plans.parsing.structure import match_heading, role_for

PLAN = """KẾ HOẠCH
tổ chức Hội nghị tập huấn công tác dân vận năm 2018

Thực hiện Kế hoạch số 12-KH/TU ngày 05/01/2018 của Ban Thường vụ Tỉnh ủy về thực hiện công tác dân vận năm \
2018, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch tổ chức Hội nghị tập huấn như sau:

I/ MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ làm công tác dân vận.
II/ NỘI DUNG
1. Nội dung tập huấn gồm:
a) Quán triệt các văn bản mới:
+ Quy chế công tác dân vận;
+ Kết luận số 43-KL/TW.
b) Trao đổi kinh nghiệm.
2. Phương pháp: giảng viên trình bày kết hợp thảo luận.
III/ THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN
1. Thời gian: 01 ngày, ngày 25/9/2018.
2. Địa điểm: Hội trường Tỉnh ủy.
3. Thành phần: 150 đại biểu, gồm:
- Lãnh đạo Ban Dân vận các huyện ủy, thành ủy: mỗi đơn vị 02 đồng chí;
- Đại diện Ủy ban MTTQ tỉnh (05 đại biểu).
IV/ KINH PHÍ
Kinh phí do Văn phòng Tỉnh ủy bảo đảm.
V/ TỔ CHỨC THỰC HIỆN
1. Văn phòng Tỉnh ủy: bố trí hội trường, phục vụ hội nghị.
2. Đề nghị Ban Tuyên giáo Tỉnh ủy phối hợp với Báo Bắc Giang, Đài Phát thanh và Truyền hình tỉnh đưa tin.
3. Các huyện ủy, thành ủy gửi danh sách đại biểu về Ban Dân vận Tỉnh ủy trước ngày 20/9/2018.

Trên đây là Kế hoạch tổ chức Hội nghị tập huấn năm 2018./.

Nơi nhận:
- Thường trực Tỉnh ủy (để báo cáo),
- Như mục V (để thực hiện),
- Các đồng chí Ủy viên Ban (để biết),
- Lưu Văn phòng Ban.

K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN
(Đã ký)
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def plan():
    return parse_text(PLAN)


def test_slash_headings_become_sections_with_roles(plan):
    assert [(s.label, s.role) for s in plan.sections] == [
        ("I", "purpose"),
        ("II", "content"),
        ("III", "time_place"),
        ("IV", "funding"),
        ("V", "organisation"),
    ]


def test_letter_items_nest_under_the_numbered_item_and_plus_bullets_under_the_letter_item(plan):
    item = plan.sections[1].blocks[0]
    assert (item.label, item.text) == ("1.", "Nội dung tập huấn gồm:")
    assert [c.label for c in item.children] == ["a)", "b)"]
    assert [(c.kind, c.label, c.text) for c in item.children[0].children] == [
        ("bullet", "+", "Quy chế công tác dân vận;"),
        ("bullet", "+", "Kết luận số 43-KL/TW."),
    ]
    assert plan.sections[1].blocks[1].label == "2."


def test_event_groups_read_their_quota_from_the_words(plan):
    event = plan.event
    assert event.time.start == date(2018, 9, 25)
    assert event.venue == "Hội trường Tỉnh ủy"
    assert event.participants_total == 150
    assert [(g.label, g.quota) for g in event.groups] == [
        ("Lãnh đạo Ban Dân vận các huyện ủy, thành ủy: mỗi đơn vị 02 đồng chí", 2),
        ("Đại diện Ủy ban MTTQ tỉnh (05 đại biểu)", 5),
    ]


def test_tasks_name_their_lead_partners_and_due(plan):
    tasks = plan.tasks()
    assert [(t.label, t.lead) for t in tasks] == [
        ("1.", "Văn phòng Tỉnh ủy"),
        ("2.", "Ban Tuyên giáo Tỉnh ủy"),
        ("3.", "Các huyện ủy, thành ủy"),
    ]
    assert tasks[1].partners == ["Báo Bắc Giang", "Đài Phát thanh và Truyền hình tỉnh"]
    assert tasks[2].due.end == date(2018, 9, 20)
    assert tasks[0].due is None


def test_a_task_asking_units_to_send_something_by_a_date_is_also_a_deadline(plan):
    assert [(d.what, d.due.end) for d in plan.deadlines] == [
        ("Các huyện ủy, thành ủy gửi danh sách đại biểu về Ban Dân vận Tỉnh ủy", date(2018, 9, 20))
    ]


def test_the_closing_paragraph_is_not_a_block_of_the_last_section(plan):
    assert plan.closing == "Trên đây là Kế hoạch tổ chức Hội nghị tập huấn năm 2018"
    assert all("Trên đây" not in b.text for b in plan.sections[-1].blocks)
    assert len(plan.sections[-1].blocks) == 3


def test_recipient_purposes_written_in_words_are_recognised(plan):
    assert [(r.name, r.purpose) for r in plan.recipients] == [
        ("Thường trực Tỉnh ủy", "report"),
        ("Như mục V", "implement"),
        ("Các đồng chí Ủy viên Ban", "inform"),
        ("Văn phòng Ban", "archive"),
    ]


def test_a_deputy_signs_for_the_head_and_the_signed_mark_is_ignored(plan):
    assert plan.signature.authority_lines == ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    assert plan.signature.signer_name == "Nguyễn Văn An"
    assert plan.warnings == ["Không thấy số, ký hiệu văn bản."]


def test_a_state_signature_block_with_tm_and_kt_sets_the_state_style():
    text = PLAN.replace("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
    doc = parse_text(text)
    assert doc.signature.authority_lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert doc.style == "state"


def test_a_collective_body_signs_t_m_with_the_secretary_title():
    text = PLAN.replace("K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN", "T/M BAN THƯỜNG VỤ\nBÍ THƯ")
    doc = parse_text(text)
    assert doc.signature.authority_lines == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
    assert doc.style == "party"


def test_a_sentence_broken_by_a_page_break_is_joined_with_a_space():
    lines = document_lines("xây dựng chính quyền cấp xã thân thiện,\n\ntận tụy vì Nhân dân phục vụ.\n").lines
    assert [ln.text for ln in lines] == [
        "xây dựng chính quyền cấp xã thân thiện, tận tụy vì Nhân dân phục vụ."
    ]


def test_a_new_sentence_or_an_item_after_a_blank_line_is_not_joined():
    text = "Tổ chức hội nghị.\n\ntiếp theo là dòng mới\n\nĐoạn mới viết hoa\n\na) mục chữ cái\n"
    lines = [ln.text for ln in document_lines(text).lines]
    assert lines == ["Tổ chức hội nghị.", "tiếp theo là dòng mới", "Đoạn mới viết hoa", "a) mục chữ cái"]


def test_emphasis_markers_html_tags_and_entities_are_removed():
    lines = document_lines("1. **Thời gian:** *Dự kiến* tháng 9\n<p>Khẩu&nbsp;hiệu</p>\n").lines
    assert [ln.text for ln in lines] == ["1. Thời gian: Dự kiến tháng 9", "Khẩu hiệu"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("I. Mục đích, yêu cầu", ("I", 1, "Mục đích, yêu cầu", "roman")),
        ("I- MỤC ĐÍCH, YÊU CẦU", ("I", 1, "MỤC ĐÍCH, YÊU CẦU", "roman")),
        ("IV/ KINH PHÍ", ("IV", 4, "KINH PHÍ", "roman")),
        ("PHẦN II. NỘI DUNG", ("II", 2, "NỘI DUNG", "part")),
        ("PHẦN THỨ BA: TỔ CHỨC THỰC HIỆN", ("III", 3, "TỔ CHỨC THỰC HIỆN", "part")),
        ("IIII. Sai", None),
        ("V. với chữ thường", None),
        ("Việt Nam", None),
    ],
)
def test_roman_headings_in_their_usual_shapes(line, expected):
    assert match_heading(line) == expected


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Mục đích, yêu cầu", "purpose"),
        ("MỤC ĐÍCH, YÊU CẦU", "purpose"),
        ("NỘI DUNG, HÌNH THỨC", "content"),
        ("Nhiệm vụ, giải pháp", "content"),
        ("Thời gian, địa điểm, thành phần", "time_place"),
        ("TỔ CHỨC THỰC HIỆN", "organisation"),
        ("Tổ chức thực hiện và kinh phí", "organisation"),
        ("KINH PHÍ", "funding"),
        ("Đánh giá tình hình", "other"),
    ],
)
def test_section_roles_come_from_the_heading_words_without_accents(title, role):
    assert role_for(title) == role


def test_a_heading_out_of_sequence_is_an_ordinary_line():
    text = (
        "KẾ HOẠCH\nthử nghiệm năm 2024\n\nI. MỤC ĐÍCH\n1. Một.\nV. Tên riêng viết hoa\n"
        "II. TỔ CHỨC THỰC HIỆN\n1. Hai.\n"
    )
    doc = parse_text(text)
    assert [s.label for s in doc.sections] == ["I", "II"]
    assert doc.sections[0].blocks[0].children[0].text == "V. Tên riêng viết hoa"


def test_bullets_after_a_paragraph_ending_with_a_colon_are_its_children():
    text = (
        "KẾ HOẠCH\nthử nghiệm năm 2024\n\nI. NỘI DUNG\nCác hoạt động chính như sau:\n- Hoạt động một;\n"
        "- Hoạt động hai.\nĐoạn kết của mục.\n"
    )
    blocks = parse_text(text).sections[0].blocks
    assert [(b.kind, len(b.children)) for b in blocks] == [("paragraph", 2), ("paragraph", 0)]


def test_an_organisation_section_without_numbers_makes_its_bullets_tasks():
    text = (
        "KẾ HOẠCH\nthử nghiệm năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n"
        "- Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền trong tháng 10/2024.\n"
        "- Hội Nông dân tỉnh phối hợp với Hội Cựu chiến binh tỉnh tổ chức thực hiện.\n"
    )
    tasks = parse_text(text).tasks()
    assert [(t.lead, t.partners) for t in tasks] == [
        ("Ban Tuyên giáo Tỉnh ủy", []),
        ("Hội Nông dân tỉnh", ["Hội Cựu chiến binh tỉnh"]),
    ]
    assert (tasks[0].due.start, tasks[0].due.end) == (date(2024, 10, 1), date(2024, 10, 31))


@pytest.mark.parametrize(
    ("line", "name", "purpose", "purpose_text"),
    [
        ("- Ban Dân vận Tỉnh ủy (b/c);", "Ban Dân vận Tỉnh ủy", "report", "(b/c)"),
        ("- Các Ban xây dựng Đảng, VPTU (p/h);", "Các Ban xây dựng Đảng, VPTU", "coordinate", "(p/h)"),
        ("- Như trên (T/h);", "Như trên", "implement", "(T/h)"),
        ("- Các đồng chí Thường vụ (để biết),", "Các đồng chí Thường vụ", "inform", "(để biết)"),
        ("- Lưu: BDV.", "BDV", "archive", "Lưu:"),
        ("- Lưu VT, Ban Dân vận.", "VT, Ban Dân vận", "archive", "Lưu"),
        ("- MTTQ và các đoàn thể thành phố;", "MTTQ và các đoàn thể thành phố", "", ""),
    ],
)
def test_recipient_lines_give_name_and_purpose(line, name, purpose, purpose_text):
    got = parse_recipient(line)
    assert (got.name, got.purpose, got.purpose_text, got.raw) == (name, purpose, purpose_text, line)


def test_a_date_that_does_not_exist_keeps_its_words_and_is_named_in_a_warning():
    text = "KẾ HOẠCH\nthử nghiệm năm 2023\n\nI. TỔ CHỨC THỰC HIỆN\n"
    text += "1. Ban Dân vận báo cáo trước ngày 31/02/2023.\n"
    doc = parse_text(text)
    assert doc.sections[0].blocks[0].text == "Ban Dân vận báo cáo trước ngày 31/02/2023."
    assert doc.sections[0].blocks[0].due is None
    assert any("31/02/2023" in w and "không tồn tại" in w for w in doc.warnings)


def test_missing_recipients_and_signature_are_warned():
    doc = parse_text("KẾ HOẠCH\nthử nghiệm năm 2023\n\nI. NỘI DUNG\n1. Một việc.\n")
    assert "Không thấy phần Nơi nhận." in doc.warnings
    assert any("phần ký" in w for w in doc.warnings)


def test_a_plan_without_roman_sections_keeps_its_items_in_one_unnumbered_section():
    doc = parse_text(
        "KẾ HOẠCH\nthử nghiệm năm 2023\n\nThực hiện chỉ đạo của cấp trên, như sau:\n1. Một.\n2. Hai.\n"
    )
    assert doc.preamble == "Thực hiện chỉ đạo của cấp trên, như sau:"
    assert [(s.label, [b.label for b in s.blocks]) for s in doc.sections] == [("", ["1.", "2."])]
