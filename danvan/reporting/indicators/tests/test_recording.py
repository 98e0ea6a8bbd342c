"""What a sent submission records: a table's bound column summed over rows, rewritten on resubmission."""

from decimal import Decimal

from danvan.reporting import services
from danvan.reporting.indicators import selectors
from danvan.reporting.indicators.models import IndicatorValue

from .conftest import MARCH, column, open_period_call, send


def test_a_resubmission_rewrites_and_never_doubles(cast, dialogues, monthly_table):
    call = open_period_call(cast, monthly_table, [cast.ward, cast.other_ward])
    count = column(monthly_table, "Số cuộc")
    name = column(monthly_table, "Nội dung")
    ward = services.submission_for(call=call, unit=cast.ward)
    send(ward, cast.ward_officer, rows=[{name: "Đối thoại chợ", count: "3"}, {name: "Tổ 5", count: "1.500"}])
    assert IndicatorValue.objects.get(unit=cast.ward).value == Decimal(1503)

    services.submission_return(submission=ward, actor=cast.province_officer, comment="Số 1.500 nhầm")
    ward.refresh_from_db()
    send(ward, cast.ward_officer, rows=[{name: "Đối thoại chợ", count: "3"}, {name: "Tổ 5", count: "2"}])
    assert IndicatorValue.objects.filter(unit=cast.ward).count() == 1
    assert IndicatorValue.objects.get(unit=cast.ward).value == Decimal(5)
    services.submission_accept(submission=ward, actor=cast.province_officer)
    assert IndicatorValue.objects.get(unit=cast.ward).value == Decimal(5)

    other = services.submission_for(call=call, unit=cast.other_ward)
    send(other, cast.outsider, rows=[{name: "Họp dân", count: "4"}, {name: "Ghi chú", count: "khoảng vài"}])
    assert selectors.rollup(dialogues, cast.province, MARCH) == Decimal(9)


def test_a_call_without_a_period_records_nothing(cast, dialogues, monthly_table):
    call = open_period_call(cast, monthly_table, [cast.ward])
    call.period_kind, call.period_start, call.period_end = "", None, None
    call.save()
    ward = services.submission_for(call=call, unit=cast.ward)
    send(
        ward,
        cast.ward_officer,
        rows=[{column(monthly_table, "Nội dung"): "x", column(monthly_table, "Số cuộc"): "3"}],
    )
    assert not IndicatorValue.objects.exists()
