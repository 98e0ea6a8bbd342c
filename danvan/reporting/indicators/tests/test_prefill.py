"""A unit whose children reported for the period opens its own report with their sums, marked as such."""

from decimal import Decimal

import pytest
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.reporting import services
from danvan.reporting.indicators import prefill, selectors
from danvan.reporting.indicators.models import IndicatorValue
from danvan.reporting.models import FieldKind, FormTemplate

from .conftest import MARCH, column, open_period_call, send


@pytest.fixture
def wards_sent(cast, monthly_table):
    """The wards and the agency are asked for March; both wards send, the agency does not."""
    call = open_period_call(cast, monthly_table, [cast.ward, cast.other_ward, cast.agency])
    name, count = column(monthly_table, "Nội dung"), column(monthly_table, "Số cuộc")
    send(
        services.submission_for(call=call, unit=cast.ward), cast.ward_officer, rows=[{name: "a", count: "3"}]
    )
    send(
        services.submission_for(call=call, unit=cast.other_ward),
        cast.outsider,
        rows=[{name: "b", count: "4"}],
    )
    return call


def test_the_province_outline_is_prefilled_and_counted_once(
    cast, login, dialogues, monthly_outline, wards_sent
):
    own = open_period_call(cast, monthly_outline, [cast.province], owner=cast.province)
    submission = services.submission_for(call=own, unit=cast.province)
    assert submission.answers == {column(monthly_outline, "Số cuộc đối thoại"): "7"}

    page = login(cast.province_officer).get(reverse("reporting:submission_detail", args=[submission.pk]))
    assert "Cộng từ báo cáo của 2 đơn vị cấp dưới (1 chưa gửi)" in page.content.decode()

    # The province edits the sum (a dialogue of its own) and sends: its figure stands for the province,
    # and the wards' are not added to it again.
    answers = {column(monthly_outline, "Số cuộc đối thoại"): "8"}
    send(submission, cast.province_officer, answers=answers)
    assert selectors.rollup(dialogues, cast.province, MARCH) == Decimal(8)
    assert IndicatorValue.objects.count() == 3


def test_the_table_gets_one_marked_row_and_can_be_added_up_again(cast, login, monthly_table, wards_sent):
    own = open_period_call(cast, monthly_table, [cast.province], owner=cast.province)
    submission = services.submission_for(call=own, unit=cast.province)
    name, count = column(monthly_table, "Nội dung"), column(monthly_table, "Số cuộc")
    assert submission.rows == [{name: "Cộng từ báo cáo của 2 đơn vị cấp dưới (1 chưa gửi)", count: "7"}]

    agency = services.submission_for(call=wards_sent, unit=cast.agency)
    send(agency, cast.admin, rows=[{name: "c", count: "2,5"}])
    client = login(cast.province_officer)
    response = client.post(reverse("reporting:indicator_prefill", args=[submission.pk]))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.rows == [{name: "Cộng từ báo cáo của 3 đơn vị cấp dưới (0 chưa gửi)", count: "9,5"}]


def test_no_children_no_prefill_and_a_sent_report_is_not_refilled(cast, monthly_table, wards_sent):
    # The ward's own report: nobody below it was asked for March, so nothing is added up.
    ward = services.submission_for(call=wards_sent, unit=cast.ward)
    assert prefill.children_figures(call=wards_sent, unit=cast.ward) is None
    with pytest.raises(ServiceError):
        prefill.prefill_again(submission=ward, actor=cast.ward_officer)


def test_a_text_column_cannot_carry_an_indicator(cast, dialogues):
    with pytest.raises(ServiceError) as refused:
        services.template_save(
            actor=cast.province_officer,
            owner=cast.province,
            name="Sai",
            layout=FormTemplate.Layout.TABLE,
            fields=[{"label": "Tên", "kind": FieldKind.TEXT, "indicator": dialogues}],
        )
    assert "phải có kiểu Số" in refused.value.message
    assert not FormTemplate.objects.filter(name="Sai").exists()
