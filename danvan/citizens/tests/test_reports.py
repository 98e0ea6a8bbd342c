"""The citizen-reception and petition report against a month counted by hand."""

import datetime
import io

import pytest

from danvan.citizens.dialogues import services as dialogue_services
from danvan.citizens.petitions import services
from danvan.citizens.reports import documents, selectors
from danvan.citizens.reports.selectors import Period

YEAR = datetime.date.today().year - 1  # last year's October: every date is in the past


def day(month: int, d: int) -> datetime.date:
    return datetime.date(YEAR, month, d)


@pytest.fixture
def october(cast, record, environment):
    """Eight petitions around October, counted by hand in the tests below."""
    p1 = record(received_on=day(10, 1), responsible_unit=cast.agency)  # answered 05/10: on time
    services.petition_answer(actor=cast.focal_point, petition=p1, answer="Xong", answered_on=day(10, 5))
    p2 = record(received_on=day(10, 2), responsible_unit=cast.agency)  # deadline 12/10, answered 20/10: late
    services.petition_answer(actor=cast.focal_point, petition=p2, answer="Xong", answered_on=day(10, 20))
    record(received_on=day(10, 3), received_unit=cast.area, field=environment, responsible_unit=cast.agency)
    record(  # received by ward B on 28/10, deadline 07/11: pending at the end of October
        actor=cast.province_officer,
        received_unit=cast.other_ward,
        received_on=day(10, 28),
        field=environment,
        responsible_unit=cast.agency,
    )
    record(received_on=day(10, 5))  # not yet assigned: no deadline, pending
    record(received_on=day(9, 15))  # September: outside the period
    p7 = record(received_on=day(10, 10), title="Đường vào khu phố Đông ngập khi mưa")
    services.petition_merge(actor=cast.ward_officer, petition=p7, into=p1)  # a duplicate: counted once
    p8 = record(received_on=day(10, 4), responsible_unit=cast.agency)  # deadline 14/10, answered 05/11
    services.petition_answer(actor=cast.focal_point, petition=p8, answer="Xong", answered_on=day(11, 5))
    for when, status in [
        (f"10/10/{YEAR}", "held"),
        (f"20/10/{YEAR}", "planned"),
        (f"10/09/{YEAR}", "held"),
    ]:
        dialogue_services.dialogue_save(
            actor=cast.ward_officer,
            organiser=cast.ward,
            topic="Đối thoại",
            time_text=when,
            status=status,
            participants=40,
        )
    return Period.month(YEAR, 10)


def as_tuple(c):
    return (c.label, c.received, c.on_time, c.late, c.overdue, c.pending)


def test_the_province_month_counts_as_by_hand(cast, october, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        figures = selectors.report_figures(cast.province, october)
    assert figures.as_of == day(10, 31)
    assert as_tuple(figures.total) == ("Tổng cộng", 6, 1, 1, 2, 2)
    assert [as_tuple(c) for c in figures.by_field] == [
        ("Đất đai", 4, 1, 1, 1, 1),
        ("Môi trường", 2, 0, 0, 1, 1),
    ]
    assert [as_tuple(c) for c in figures.by_locality] == [
        ("Phường An Bình", 5, 1, 1, 2, 1),
        ("Phường Bắc Hà", 1, 0, 0, 0, 1),
    ]
    assert (figures.dialogues, figures.participants) == (1, 40)
    assert [row[5] for row in figures.overdue_rows] == [day(10, 13), day(10, 14)]


def test_the_ward_report_splits_its_own_petitions_from_its_areas(cast, october):
    figures = selectors.report_figures(cast.ward, october)
    assert as_tuple(figures.total)[1:] == (5, 1, 1, 2, 1)
    assert [as_tuple(c) for c in figures.by_locality] == [
        ("Phường An Bình (trực tiếp)", 4, 1, 1, 1, 1),
        ("Khu phố Đông", 1, 0, 0, 1, 0),
    ]


def test_a_quarter_and_the_documents(cast, october):
    quarter = selectors.report_figures(cast.province, Period.quarter(YEAR, 4))
    assert quarter.period.label == f"quý IV/{YEAR}" and quarter.total.received == 6
    # By the end of the quarter petition 8 has its (late) answer and ward B's (due 07/11) is overdue.
    assert as_tuple(quarter.total)[1:] == (6, 1, 2, 2, 1)
    figures = selectors.report_figures(cast.province, october)
    from docx import Document
    from openpyxl import load_workbook

    doc = Document(io.BytesIO(documents.render_docx(figures, issuing_body="BAN DÂN VẬN TỈNH ỦY")))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert f"tháng 10/{YEAR}" in text and "tiếp nhận 6 ý kiến" in text and "đúng hạn 1" in text
    assert "còn 2 ý kiến, kiến nghị quá hạn" in text
    field_table = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert field_table[1] == ["1", "Đất đai", "4", "1", "1", "1", "1"]
    book = load_workbook(io.BytesIO(documents.render_xlsx(figures)))
    rows = [[c.value for c in row] for row in book["Theo lĩnh vực"].iter_rows(min_row=4)]
    assert rows[0][:7] == [1, "Đất đai", 4, 1, 1, 1, 1] and rows[-1][1] == "Tổng cộng"
