"""The consolidated workbook and the draft result report carry the period's indicators table."""

import io
from decimal import Decimal

from docx import Document
from openpyxl import load_workbook

from danvan.reporting import services
from danvan.reporting.indicators import services as indicator_services
from danvan.reporting.indicators.documents import indicator_table
from danvan.reporting.models import ConsolidationJob

from .conftest import MARCH, column, open_period_call, send


def test_the_summary_documents_carry_the_indicators(cast, dialogues, monthly_table):
    call = open_period_call(cast, monthly_table, [cast.ward, cast.other_ward])
    name, count = column(monthly_table, "Nội dung"), column(monthly_table, "Số cuộc")
    send(
        services.submission_for(call=call, unit=cast.ward), cast.ward_officer, rows=[{name: "a", count: "6"}]
    )
    send(
        services.submission_for(call=call, unit=cast.other_ward),
        cast.outsider,
        rows=[{name: "b", count: "4"}],
    )
    last_year = MARCH.same_last_year()
    indicator_services.value_put(
        indicator_id=dialogues.pk, unit=cast.ward, period=last_year, value=Decimal(8)
    )
    indicator_services.target_set(
        actor=cast.province_officer,
        indicator=dialogues,
        unit=cast.province,
        year=2024,
        value=Decimal(40),
        unit_of_measure="cuộc",
    )
    [row] = indicator_table(call)
    assert (row.value, row.last_year, row.change_pct, row.target, row.target_pct) == (
        Decimal(10),
        Decimal(8),
        Decimal("25.0"),
        Decimal(40),
        Decimal("25.0"),
    )

    for kind in (ConsolidationJob.Kind.XLSX, ConsolidationJob.Kind.SUMMARY):
        job = services.consolidation_request(
            call=call, actor=cast.province_officer, kind=kind, accepted_only=False
        )
        services.consolidation_run(job.pk)
        job.refresh_from_db()
        assert job.status == ConsolidationJob.Status.DONE, job.error
        data = job.file.read()
        if kind == ConsolidationJob.Kind.XLSX:
            sheet = load_workbook(io.BytesIO(data))["Chỉ tiêu"]
            values = [[c.value for c in r] for r in sheet.iter_rows(min_row=4)]
            assert values == [[1, dialogues.name, "cuộc", 10, 8, 25, 40, 25]]
        else:
            document = Document(io.BytesIO(data))
            text = "\n".join(p.text for p in document.paragraphs)
            assert "Kết quả các chỉ tiêu" in text
            cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
            assert dialogues.name in cells and "25" in cells


def test_a_call_without_a_period_has_no_indicator_table(cast, monthly_table):
    call = open_period_call(cast, monthly_table, [cast.ward])
    call.period_kind, call.period_start, call.period_end = "", None, None
    assert indicator_table(call) == []
