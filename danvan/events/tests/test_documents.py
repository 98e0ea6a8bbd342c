"""The event documents, read back: python-docx for DOCX, openpyxl for XLSX, LibreOffice for page
counts where it is installed. No database."""

import dataclasses
import io
import re
import shutil
import subprocess
import sys
from datetime import date

import openpyxl
import pytest
import segno
from docx import Document
from docx.oxml.ns import qn

from danvan.events.documents import (
    Delegate,
    EventInfo,
    GroupAttendance,
    PresentationDoc,
    attendance_sentence,
    booklet_docx,
    delegate_list_docx,
    delegate_list_xlsx,
    event_report_docx,
    invitation_docx,
    name_cards_docx,
    qr_png,
    write_invitation_docx,
)
from danvan.events.documents.types import format_count, format_percent, group_delegates, line
from danvan.lib.officialdoc import convert_to_pdf, libreoffice_available

EVENT = EventInfo(
    title="trao đổi kinh nghiệm công tác giữa các Tổ Dân vận ở khu dân cư trên địa bàn thành phố năm 2023",
    kind_label="Hội nghị tọa đàm",
    time_text="08 giờ 00, ngày 15/9/2023",
    venue="Phòng họp A - Hội trường thành phố Từ Sơn",
    organiser="Ban Dân vận Thành ủy Từ Sơn",
    superior_body="THÀNH ỦY TỪ SƠN",
    issuing_body="BAN DÂN VẬN",
    body_code="BDVTU",
    place="Từ Sơn",
    issued_on=date(2023, 9, 5),
    signer_authority=["TRƯỞNG BAN"],
    signer_name="Đàm Thế Sử",
    plan_reference="Thực hiện Kế hoạch số 45-KH/BDVTU ngày 20/8/2023 của Ban Dân vận Thành ủy Từ Sơn",
    content_lines=[
        "Đánh giá kết quả thực hiện Kết luận số 599-KL/TU, ngày 11/9/2019 của Ban Thường vụ Tỉnh ủy",
        "Trao đổi, chia sẻ những cách làm hay, mô hình “Dân vận khéo” sáng tạo, hiệu quả",
    ],
)
TOWN = "Tổ trưởng các Tổ Dân vận ở khu dân cư"
PROVINCE = "Đại biểu Ban Dân vận Tỉnh ủy Bắc Ninh"
DELEGATES = [
    Delegate(
        "Nguyễn Văn An",
        "Tổ trưởng Tổ Dân vận",
        "khu phố Đa Hội, phường Châu Khê",
        TOWN,
        "https://danvan.example.vn/e/8f3k2a9x7q/",
        status_label="Đã nhận lời",
        checked_in=True,
    ),
    Delegate(
        "Trần Thị Bình",
        "Phó Trưởng Ban",
        "Ban Dân vận Tỉnh ủy Bắc Ninh",
        PROVINCE,
        "https://danvan.example.vn/e/b2c4d6e8f0/",
        number="12",
        status_label="Chưa phản hồi",
    ),
    Delegate(
        "Lê Hoàng Cường",
        "Tổ trưởng Tổ Dân vận",
        "khu phố Tam Sơn",
        TOWN,
        "https://danvan.example.vn/e/zz99yy88xx/",
        status_label="Đã nhận lời",
        checked_in=True,
    ),
]
GROUPS = [
    GroupAttendance(PROVINCE, 2, 2, 2, 2),
    GroupAttendance("Thường trực Thành ủy, HĐND; Lãnh đạo UBND thành phố", 5, 5, 4, 4),
    GroupAttendance("Lãnh đạo, cán bộ Ban Dân vận Thành ủy", 7, 7, 7, 7),
    GroupAttendance("Trưởng Khối Dân vận các phường", 12, 12, 12, 11),
    GroupAttendance(TOWN, 86, 86, 83, 81),
]  # 112 invited, 105 present


def read_docx(data: bytes):
    return Document(io.BytesIO(data))


def body_text(doc) -> str:
    """Every paragraph of the body, tables included, one a line."""
    paragraphs = doc.element.body.iter(qn("w:p"))
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paragraphs)


def page_breaks(doc) -> int:
    return sum(1 for br in doc.element.body.iter(qn("w:br")) if br.get(qn("w:type")) == "page")


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


needs_libreoffice = pytest.mark.skipif(not libreoffice_available(), reason="LibreOffice is not installed")


# ----------------------------------------------------------------------------------------------
# Invitations


def test_a_batch_of_invitations_has_one_letter_per_delegate_separated_by_page_breaks():
    doc = read_docx(invitation_docx(EVENT, DELEGATES))
    assert page_breaks(doc) == len(DELEGATES) - 1
    assert [p.text for p in doc.paragraphs].count("GIẤY MỜI") == len(DELEGATES)
    assert len(doc.inline_shapes) == len(DELEGATES)
    assert not doc.sections[0].header.paragraphs[0].text  # no page numbers on letters


def test_each_letter_names_its_delegate_with_title_unit_time_venue_and_link():
    doc = read_docx(invitation_docx(EVENT, DELEGATES))
    text = body_text(doc)
    letters = text.split("GIẤY MỜI")[1:]
    assert len(letters) == 3
    for delegate, letter in zip(DELEGATES, letters, strict=True):
        assert f"Đồng chí {delegate.name}, {delegate.title}, {delegate.unit_name}" in letter
        assert "Ban Dân vận Thành ủy Từ Sơn trân trọng kính mời:" in letter
        assert f"Tới dự: Hội nghị tọa đàm {EVENT.title}." in letter
        assert f"Thời gian: {EVENT.time_text}" in letter
        assert f"Địa điểm: {EVENT.venue}" in letter
        assert f"Đề nghị đồng chí xác nhận tham dự qua mã QR hoặc đường dẫn: {delegate.link}" in letter
        assert "- Đánh giá kết quả thực hiện Kết luận số 599-KL/TU" in letter
        assert "Rất mong đồng chí đến dự đúng thời gian./." in letter
    assert text.count("Từ Sơn, ngày 05 tháng 9 năm 2023") == 3
    # The other delegates' names never leak into a copied letter.
    assert DELEGATES[0].name not in letters[1] and DELEGATES[1].name not in letters[2]


def test_the_name_is_bold_and_the_letter_number_is_blank_unless_given():
    doc = read_docx(invitation_docx(EVENT, DELEGATES))
    bold = [run.text for p in doc.paragraphs for run in p.runs if run.bold]
    assert all(delegate.name in bold for delegate in DELEGATES)
    text = body_text(doc)
    assert text.count("Số    -GM/BDVTU") == 2
    assert text.count("Số 12-GM/BDVTU") == 1


def test_the_embedded_qr_image_is_the_segno_rendering_of_the_delegates_link():
    doc = read_docx(invitation_docx(EVENT, DELEGATES))
    blobs = [
        doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        for shape in doc.inline_shapes
    ]
    for delegate, blob in zip(DELEGATES, blobs, strict=True):
        expected = io.BytesIO()
        segno.make(delegate.link, micro=False, error="m").save(expected, kind="png", scale=8, border=4)
        assert blob == expected.getvalue() == qr_png(delegate.link)
        assert blob.startswith(b"\x89PNG")
    shape = doc.inline_shapes[0]
    assert abs(shape.width.mm - 30) < 0.5 and abs(shape.height.mm - 30) < 0.5
    ids = [el.get("id") for el in doc.element.body.iter(qn("wp:docPr"))]
    assert len(ids) == len(set(ids)) == 3


def test_a_delegate_without_a_link_gets_neither_qr_nor_rsvp_note():
    delegates = [
        dataclasses.replace(DELEGATES[0], link=""),
        DELEGATES[1],
        dataclasses.replace(DELEGATES[2], link=""),
    ]
    doc = read_docx(invitation_docx(EVENT, delegates))
    letters = body_text(doc).split("GIẤY MỜI")[1:]
    assert len(doc.inline_shapes) == 1
    assert ["xác nhận tham dự qua mã QR" in letter for letter in letters] == [False, True, False]
    assert all(delegate.name in letter for delegate, letter in zip(delegates, letters, strict=True))


def test_many_letters_are_copies_with_unique_images_and_the_same_layout():
    delegates = [
        Delegate(f"Nguyễn Văn Người {i}", "Tổ trưởng", f"khu phố {i}", TOWN, f"https://x.vn/e/{i:06d}/")
        for i in range(40)
    ]
    doc = read_docx(invitation_docx(EVENT, delegates))
    assert page_breaks(doc) == 39
    assert len(doc.inline_shapes) == 40
    embeds = {shape._inline.graphic.graphicData.pic.blipFill.blip.embed for shape in doc.inline_shapes}
    assert len(embeds) == 40
    assert len(doc.tables) == 2 * 40  # header and signature per letter
    letters = body_text(doc).split("GIẤY MỜI")[1:]
    assert letters[39].count("Nguyễn Văn Người 39") == 1 and "https://x.vn/e/000039/" in letters[39]


def _peak_bytes(delegates) -> int:
    """tracemalloc's peak while the letters are written into a file (the delegates exist before)."""
    import tempfile
    import tracemalloc

    with tempfile.TemporaryFile() as out:
        tracemalloc.start()
        try:
            write_invitation_docx(out, EVENT, delegates)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()


def test_the_letters_memory_does_not_grow_with_the_letters(monkeypatch):
    # The QR codes are rendered by a stand-in here (segno costs 30 ms a code under tracemalloc and its
    # memory is per code, not per batch): what is measured is the writer, which keeps no letter. This sees
    # Python's heap (texts, lists of letters); lxml's trees are checked by the peak RSS below.
    from danvan.events.documents import invitation

    png = qr_png("https://x.vn/e/000000/")
    rendered = []
    monkeypatch.setattr(invitation.letter, "qr_png", lambda link: rendered.append(link) or png)

    def people(n):
        return [
            Delegate(f"Nguyễn Văn Người {i}", "Tổ trưởng", f"khu phố {i}", TOWN, f"https://x.vn/e/{i:06d}/")
            for i in range(n)
        ]

    few, many = people(20), people(160)
    _peak_bytes(few)  # warm up: imports, caches
    small, large = _peak_bytes(few), _peak_bytes(many)
    # Before the writer streamed, memory grew by 0.16 MB a letter: 140 letters more would add about 22 MB.
    assert large < 1.3 * small, (small, large)
    real = [link for link in rendered if link != invitation.PLACEHOLDER_LINK]  # the skeleton's, once a batch
    links = [d.link for d in few + few + many]
    assert real == links  # each link's code once a batch, in the letters' order


RSS_CHILD = """
import resource, sys, tempfile
import django
django.setup()
from danvan.events.documents import Delegate, invitation
from danvan.events.tests.test_documents import EVENT, TOWN
png = invitation.qr_png("https://x.vn/e/000000/")
invitation.letter.qr_png = lambda link: png
people = [
    Delegate(f"Nguyễn Văn Người {i}", "Tổ trưởng", f"khu phố {i}", TOWN, f"https://x.vn/e/{i:06d}/")
    for i in range(int(sys.argv[1]))
]
invitation.invitation_docx(EVENT, people[:2])  # warm up
with tempfile.TemporaryFile() as out:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    invitation.write_invitation_docx(out, EVENT, people)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def _rss_growth_mb(letters: int) -> float:
    """The growth of a fresh process's peak RSS while it writes the letters (Linux reports kB)."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    done = subprocess.run(
        [sys.executable, "-c", RSS_CHILD, str(letters)],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return int(done.stdout.split()[-1]) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in kB is Linux's")
def test_the_letters_peak_rss_does_not_grow_with_the_letters():
    # tracemalloc does not see lxml's memory (libxml2 allocates outside Python's allocator): a writer that
    # kept every letter's XML tree, as the one before did, grew the peak RSS by about 47 MB from 20 letters to
    # 320 while tracemalloc's peak hardly moved. The peak RSS of a fresh process sees both.
    small, large = _rss_growth_mb(20), _rss_growth_mb(320)
    assert large - small < 8, (small, large)


def test_each_link_gets_one_qr_image_even_when_two_letters_share_it():
    twin = dataclasses.replace(DELEGATES[1], link=DELEGATES[0].link)
    doc = read_docx(invitation_docx(EVENT, [DELEGATES[0], twin, DELEGATES[2]]))
    embeds = [shape._inline.graphic.graphicData.pic.blipFill.blip.embed for shape in doc.inline_shapes]
    assert len(embeds) == 3 and embeds[0] == embeds[1] != embeds[2]
    images = [part for part in doc.part.package.parts if part.partname.startswith("/word/media/")]
    assert len(images) == 2


def test_text_with_control_characters_from_word_does_not_break_a_letter():
    delegate = Delegate("Phạm\x07 Thị\x0bDung", "Bí thư\tchi bộ", "thôn\x00 Đông", TOWN, "https://x.vn/e/1/")
    doc = read_docx(invitation_docx(EVENT, [delegate]))
    assert "Đồng chí Phạm Thị Dung, Bí thư chi bộ, thôn Đông" in body_text(doc)


@needs_libreoffice
def test_a_batch_of_three_prints_three_pages_even_with_long_content():
    long_event = dataclasses.replace(
        EVENT,
        signer_authority=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
        content_lines=[text * 3 for text in EVENT.content_lines],
    )
    for event in (EVENT, long_event):
        pdf = convert_to_pdf(invitation_docx(event, DELEGATES))
        assert pdf_pages(pdf) == 3


# ----------------------------------------------------------------------------------------------
# Name cards and lists


def test_name_cards_hold_every_name_in_the_given_order_eight_to_a_page():
    delegates = DELEGATES * 4  # 12 cards: two pages
    doc = read_docx(name_cards_docx(EVENT, delegates))
    assert len(doc.tables) == 2 and page_breaks(doc) == 1
    names = [
        cell.paragraphs[2].text
        for table in doc.tables
        for row in table.rows
        for cell in row.cells
        if len(cell.paragraphs) > 2
    ]
    assert names == [delegate.name for delegate in delegates]
    first = doc.tables[0].rows[0].cells[0]
    assert [p.text for p in first.paragraphs] == [
        "HỘI NGHỊ TỌA ĐÀM",
        "ĐẠI BIỂU",
        "Nguyễn Văn An",
        "Tổ trưởng Tổ Dân vận",
        "khu phố Đa Hội, phường Châu Khê",
        TOWN,
    ]
    name_run = first.paragraphs[2].runs[0]
    assert name_run.bold and name_run.font.size.pt >= 15


def test_the_xlsx_list_groups_delegates_and_restarts_numbering_in_each_group():
    delegates = [*DELEGATES, Delegate('=HYPERLINK("http://x")', group_label=PROVINCE)]
    book = openpyxl.load_workbook(io.BytesIO(delegate_list_xlsx(EVENT, delegates)))
    rows = [tuple(cell.value for cell in row) for row in book.active.iter_rows()]
    assert rows[0][0].startswith("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ TỌA ĐÀM")
    header = rows.index(("Stt", "Họ và tên", "Chức vụ", "Đơn vị", "Trạng thái", "Có mặt (✓)"))
    table = rows[header + 1 :]
    assert table[0][:2] == ("I", f"{TOWN} (2 đại biểu)")
    assert table[1] == (
        1,
        "Nguyễn Văn An",
        "Tổ trưởng Tổ Dân vận",
        "khu phố Đa Hội, phường Châu Khê",
        "Đã nhận lời",
        "✓",
    )
    assert table[2][:2] == (2, "Lê Hoàng Cường")
    assert table[3][:2] == ("II", f"{PROVINCE} (2 đại biểu)")
    assert table[4][:2] == (1, "Trần Thị Bình") and table[4][5] is None
    assert table[5][:2] == (2, '=HYPERLINK("http://x")')
    assert book.active.cell(header + 1 + 6, 2).data_type == "s"  # text, never a formula


def test_the_docx_list_has_the_columns_and_a_merged_bold_heading_row_per_group():
    doc = read_docx(delegate_list_docx(EVENT, DELEGATES))
    assert "DANH SÁCH ĐẠI BIỂU" in [p.text for p in doc.paragraphs]
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "Stt",
        "Họ và tên",
        "Chức vụ",
        "Đơn vị",
        "Trạng thái",
        "Có mặt (✓)",
    ]
    heading = table.rows[1]
    assert heading.cells[0].text == "I" and heading.cells[1].text == f"{TOWN} (2 đại biểu)"
    assert heading.cells[1]._tc is heading.cells[5]._tc  # merged across the other columns
    assert all(run.bold for p in heading.cells[1].paragraphs for run in p.runs)
    assert [c.text for c in table.rows[2].cells] == [
        "1",
        "Nguyễn Văn An",
        "Tổ trưởng Tổ Dân vận",
        "khu phố Đa Hội, phường Châu Khê",
        "Đã nhận lời",
        "✓",
    ]
    firsts = [row.cells[0].text for row in table.rows[1:]]
    assert firsts == ["I", "1", "2", "II", "1"]


def test_groups_keep_first_appearance_order_and_unlabelled_delegates_come_last():
    people = [
        Delegate("A", group_label="X"),
        Delegate("B"),
        Delegate("C", group_label="Y"),
        Delegate("D", group_label="X"),
    ]
    assert [(label, [d.name for d in members]) for label, members in group_delegates(people)] == [
        ("X", ["A", "D"]),
        ("Y", ["C"]),
        ("Đại biểu khác", ["B"]),
    ]
    assert group_delegates([Delegate("A"), Delegate("B")])[0][0] == ""


# ----------------------------------------------------------------------------------------------
# Booklet


PRESENTATIONS = [
    PresentationDoc(
        1,
        "Kinh nghiệm vận động nhân dân hiến đất mở đường",
        "Tổ Dân vận khu phố Đa Hội",
        "Nguyễn Văn An",
        ["Đoạn một.", "", "Đoạn hai."],
    ),
    PresentationDoc(
        2,
        "Mô hình “Dân vận khéo” trong xây dựng khu dân cư văn minh",
        "Khối Dân vận phường Đông Ngàn",
        paragraphs="Dòng một\nDòng hai",
    ),
]


def test_the_booklet_has_a_word_toc_field_with_the_static_list_inside():
    data = booklet_docx(EVENT, PRESENTATIONS)
    doc = read_docx(data)
    xml = doc.element.xml
    assert 'TOC \\o "1-3" \\h' in xml
    assert doc.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    texts = [p.text for p in doc.paragraphs]
    contents = texts.index("MỤC LỤC")
    assert (
        texts[contents + 1]
        == "1. Kinh nghiệm vận động nhân dân hiến đất mở đường (Tổ Dân vận khu phố Đa Hội)"
    )
    assert texts[contents + 2].startswith("2. Mô hình “Dân vận khéo”")
    # The static list is the field's result: between "separate" and "end".
    kinds = [fc.get(qn("w:fldCharType")) for fc in doc.element.body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]


def test_each_presentation_starts_a_new_page_with_a_heading_1_and_its_unit():
    doc = read_docx(booklet_docx(EVENT, PRESENTATIONS))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "1. Kinh nghiệm vận động nhân dân hiến đất mở đường",
        "2. Mô hình “Dân vận khéo” trong xây dựng khu dân cư văn minh",
    ]
    assert page_breaks(doc) == 1 + len(PRESENTATIONS)  # cover | contents | each presentation
    texts = [p.text for p in doc.paragraphs]
    first = texts.index(headings[0])
    assert texts[first + 1 : first + 3] == ["Tổ Dân vận khu phố Đa Hội", "Người trình bày: Nguyễn Văn An"]
    assert "Đoạn một." in texts and "Đoạn hai." in texts
    assert "Dòng một" in texts and "Dòng hai" in texts  # paragraphs given as one text, a line each
    assert texts[:3] == ["THÀNH ỦY TỪ SƠN", "BAN DÂN VẬN", "*"]
    assert "CÁC BÁO CÁO THAM LUẬN" in texts and "HỘI NGHỊ TỌA ĐÀM" in texts


# ----------------------------------------------------------------------------------------------
# Report


def test_figures_are_written_the_vietnamese_way():
    assert format_percent(105, 112) == "93,8%"
    assert format_percent(1, 8) == "12,5%"
    assert format_percent(187, 200) == "93,5%"  # half up
    assert format_percent(2, 2) == "100%"
    assert format_percent(0, 0) == ""
    assert format_count(1500) == "1.500"
    assert line("  Nguyễn   Văn\tAn ") == "Nguyễn Văn An"


def test_the_report_states_attendance_with_the_right_numbers_and_a_decimal_comma():
    assert attendance_sentence(EVENT, GROUPS) == "Hội nghị có 105/112 đại biểu dự (đạt 93,8%)."
    data = event_report_docx(
        EVENT,
        groups=GROUPS,
        walk_ins=3,
        minutes="Đồng chí Trưởng Ban khai mạc.\nCác đại biểu thảo luận.",
        conclusions="Đồng chí Bí thư kết luận.",
        presentations=["Tổ Dân vận khu phố Đa Hội: kinh nghiệm hiến đất"],
        recipients=["Ban Dân vận Tỉnh ủy (b/c)"],
    )
    doc = read_docx(data)
    text = body_text(doc)
    assert (
        "Hội nghị có 105/112 đại biểu dự (đạt 93,8%); ngoài ra có 3 đại biểu dự không theo danh sách mời"
        in text
    )
    assert "108 đại biểu nhận lời" in text
    assert "BÁO CÁO" in text and "kết quả tổ chức Hội nghị tọa đàm trao đổi kinh nghiệm" in text
    assert "Số    -BC/BDVTU" in text
    assert "1. Tổ Dân vận khu phố Đa Hội: kinh nghiệm hiến đất" in text
    assert "Đồng chí Trưởng Ban khai mạc." in text and "Đồng chí Bí thư kết luận." in text
    assert "(Đánh giá, đề xuất: cán bộ bổ sung)" in text
    assert "- Ban Dân vận Tỉnh ủy (b/c);" in text and "- Lưu: VT." in text
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Thành phần")
    assert [c.text for c in table.rows[0].cells] == [
        "Thành phần",
        "Dự kiến",
        "Mời",
        "Nhận lời",
        "Có mặt",
        "Tỷ lệ",
    ]
    assert [c.text for c in table.rows[2].cells] == [GROUPS[1].label, "5", "5", "4", "4", "80%"]
    total = table.rows[len(GROUPS) + 1]
    assert [c.text for c in total.cells] == ["Cộng", "112", "112", "108", "105", "93,8%"]
    assert all(run.bold for c in total.cells for p in c.paragraphs for run in p.runs)
    assert [c.text for c in table.rows[-1].cells][4] == "3"


def test_a_group_without_quota_leaves_the_planned_total_blank_unless_given():
    groups = [*GROUPS[:-1], dataclasses.replace(GROUPS[-1], quota=None)]
    for planned, expected in ((None, ""), (112, "112")):
        doc = read_docx(
            event_report_docx(
                EVENT,
                groups=groups,
                walk_ins=0,
                minutes="",
                conclusions="",
                presentations=[],
                planned_total=planned,
            )
        )
        table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Thành phần")
        assert table.rows[-1].cells[0].text == "Cộng" and table.rows[-1].cells[1].text == expected
        assert "(Kết luận: cán bộ bổ sung)" in body_text(doc)


@needs_libreoffice
def test_the_report_converts_to_pdf():
    data = event_report_docx(EVENT, groups=GROUPS, walk_ins=0, minutes="", conclusions="", presentations=[])
    pdf = convert_to_pdf(data)
    assert pdf.startswith(b"%PDF") and pdf_pages(pdf) >= 1
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout
        assert "105/112" in text.decode() and "93,8%" in text.decode()
