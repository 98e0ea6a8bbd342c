"""Programme documents of our corpus (danvan/plans/tests/corpus/texts/programme_*.txt) read into items: the
group rows and merged period cells give each item its month or quarter, the import makes a programme of
the right year with categorised items, and the official document shows the items as a table by period."""

import datetime
import io

import pytest
from docx import Document

from danvan.plans import services
from danvan.plans.models import ItemCategory, PlanKind
from danvan.plans.parsing import parse_docx, parse_text
from danvan.plans.programme.categories import guess_category
from danvan.plans.rendering import plan_docx_bytes
from danvan.plans.tests.corpus import _docx_of_lines, _segs_of_text
from danvan.plans.tests.corpus.handwritten import text_of
from danvan.testing import factories

d = datetime.date

# (document, [(first words of the item, its period start, end)] for the items of its table or list)
EXPECTED = {
    "programme_province_months": [
        ("Tham mưu tổ chức Hội nghị", d(2026, 1, 1), d(2026, 1, 31)),  # "Trong tháng" under THÁNG 01
        ("Hướng dẫn đăng ký mô hình", None, d(2026, 1, 31)),  # its own "Trước ngày 31/01"
        ("Kiểm tra công tác dân vận", d(2026, 2, 1), d(2026, 2, 28)),
        ("Báo cáo sơ kết 6 tháng", None, d(2026, 6, 15)),
        ("Tổ chức Hội nghị giao ban", d(2026, 4, 1), d(2026, 6, 30)),  # "Trong quý" under QUÝ II
        ("Hướng dẫn các hoạt động", d(2026, 9, 1), d(2026, 9, 30)),
        ("Thẩm định, công nhận mô hình", d(2026, 11, 1), d(2026, 11, 30)),
        ("Tổng kết công tác tuyên giáo", d(2026, 12, 1), d(2026, 12, 31)),
    ],
    "programme_commune_quarters": [
        ("Ban hành kế hoạch thực hiện", d(2026, 1, 1), d(2026, 3, 31)),
        ("Tổ chức đối thoại giữa Bí thư", d(2026, 1, 1), d(2026, 3, 31)),  # period cell merged down
        ("Giám sát việc giải quyết", d(2026, 4, 1), d(2026, 6, 30)),
        ("Sơ kết 6 tháng phong trào", d(2026, 4, 1), d(2026, 6, 30)),
        ("Xây dựng mô hình “Dân vận khéo”", d(2026, 7, 1), d(2026, 12, 31)),
        ("Báo cáo tổng kết công tác", d(2026, 12, 1), d(2026, 12, 31)),
    ],
    "programme_front_labelled": [
        ("Vận động Quỹ", None, d(2026, 2, 10)),
        ("Hội nghị hiệp thương", d(2026, 1, 1), d(2026, 3, 31)),  # no time line: its heading "1. Quý I"
        ("Giám sát việc thu gom", d(2026, 5, 1), d(2026, 5, 31)),
        ("Tổ chức Ngày hội Đại đoàn kết", d(2026, 11, 1), d(2026, 11, 18)),
    ],
}


def _docs(name):
    text = text_of(name)
    yield "text", parse_text(text)
    yield "docx", parse_docx(_docx_of_lines(_segs_of_text(text)))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_programme_items_get_their_period_from_text_and_word(name):
    for how, doc in _docs(name):
        assert (doc.doc_type, doc.type_code) == ("CHƯƠNG TRÌNH", "CTr"), how
        items = {t.text[:30]: t for t in doc.tasks()}
        for first, start, end in EXPECTED[name]:
            item = next((t for key, t in items.items() if key.startswith(first[:30])), None)
            assert item is not None, (how, first, list(items))
            assert item.due is not None and (item.due.start, item.due.end) == (start, end), (
                how,
                first,
                item.due,
            )


def test_a_row_whose_merged_period_cell_was_lost_keeps_its_lead_and_partner():
    doc = parse_text(text_of("programme_commune_quarters"))
    dialogue = next(t for t in doc.tasks() if t.text.startswith("Tổ chức đối thoại"))
    assert dialogue.leads == ["Thường trực Đảng ủy"] and dialogue.partners == ["Ủy ban MTTQ Việt Nam xã"]


def test_an_item_that_merely_mentions_a_month_is_not_a_group_row():
    doc = parse_text(text_of("programme_province_months"))
    assert any(t.text.startswith("Tổ chức Hội nghị giao ban công tác dân vận quý II") for t in doc.tasks())


@pytest.mark.parametrize(
    "text, category",
    [
        ("Kiểm tra việc tổ chức hội nghị đối thoại", ItemCategory.INSPECTION),
        ("Hội nghị sơ kết 6 tháng", ItemCategory.CONFERENCE),
        ("Hưởng ứng “Tháng Dân vận” năm 2026", ItemCategory.CAMPAIGN),
        ("Thẩm định mô hình “Dân vận khéo”", ItemCategory.MODEL),
        ("Báo cáo kết quả tiếp công dân", ItemCategory.REPORT),
        ("Rà soát danh sách hộ nghèo", ItemCategory.OTHER),
    ],
)
def test_item_categories_are_guessed_from_the_words(text, category):
    assert guess_category(text) == category


def test_importing_a_programme_makes_a_programme_of_its_year_with_categorised_items(cast):
    doc = parse_text(text_of("programme_province_months"))
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=cast.province, doc=doc)
    assert plan.kind == PlanKind.PROGRAMME and plan.year == 2026
    items = list(plan.tasks.all())

    def item(first):
        return next(t for t in items if t.title.startswith(first))

    conference = item("Tham mưu tổ chức Hội nghị")
    assert conference.category == ItemCategory.CONFERENCE
    assert (conference.due_start, conference.due_end) == (d(2026, 1, 1), d(2026, 1, 31))
    assert item("Kiểm tra công tác dân vận").category == ItemCategory.INSPECTION
    assert item("Thẩm định, công nhận mô hình").category == ItemCategory.MODEL


def test_a_programme_issued_in_december_covers_the_year_its_title_names(cast):
    doc = parse_text(
        text_of("programme_commune_quarters").replace(
            "ngày 12 tháng 01 năm 2026", "ngày 20 tháng 12 năm 2025"
        )
    )
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=cast.province, doc=doc)
    assert plan.issued_on == d(2025, 12, 20) and plan.year == 2026


def test_a_plan_stays_a_plan(cast):
    plan = factories.make_plan(actor=cast.province_officer, unit=cast.province)
    assert plan.kind == PlanKind.PLAN and plan.year == 2026
    assert not plan.tasks.exclude(category="").exists()


def test_the_official_document_lays_the_items_out_as_a_table_by_period(cast):
    doc = parse_text(text_of("programme_province_months"))
    plan = services.plan_create(actor=cast.province_officer, issuing_unit=cast.province, doc=doc)
    word = Document(io.BytesIO(plan_docx_bytes(plan)))
    table = next(t for t in word.tables if "Nội dung công việc" in t.rows[0].cells[1].text)
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert texts[0] == ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    assert texts[1] == ["THÁNG 01"] * 5  # a group row merged across the table
    assert texts[2][:3] == ["1", texts[2][1], "Phòng Dân vận"] and texts[2][1].startswith("Tham mưu")
    assert ["QUÝ II"] * 5 in texts
    again = parse_docx(plan_docx_bytes(plan))  # and it reads back into the same items
    assert [(t.text, t.due.end if t.due else None) for t in again.tasks()][:8] == [
        (t.text, t.due.end if t.due else None) for t in doc.tasks()
    ][:8]
