import datetime

import pytest
from django.urls import reverse

from danvan.reporting import services
from danvan.reporting.models import Submission

from .conftest import row_for


def submitted(cast, call, registration, unit, actor):
    submission = services.submission_for(call=call, unit=unit)
    rows = [row_for(registration, ten="Gặp mặt truyền thống", thoi="15/10/2023", quy="Cấp xã")]
    services.submission_save_draft(submission=submission, actor=actor, expected_version=None, rows=rows)
    return services.submission_submit(submission=submission, actor=actor, expected_version=None)


def test_the_committee_board_shows_each_units_state(cast, login, call, registration):
    submitted(cast, call, registration, cast.ward, cast.ward_officer)
    page = login(cast.province_officer).get(reverse("reporting:board"), {"call": call.pk}).content.decode()
    assert f'data-testid="cell-{cast.ward.pk}-{call.pk}" data-state="late"' in page
    assert f'data-testid="cell-{cast.other_ward.pk}-{call.pk}" data-state="overdue"' in page
    assert "Sở Nội vụ" in page


def test_the_board_filters_by_state_and_kind(cast, login, call, registration):
    submitted(cast, call, registration, cast.ward, cast.ward_officer)
    client = login(cast.province_officer)
    page = client.get(reverse("reporting:board"), {"call": call.pk, "state": "overdue"}).content.decode()
    assert "Phường Bắc Hà" in page and "Phường An Bình</a>" not in page
    page = client.get(
        reverse("reporting:board"), {"call": call.pk, "kind": cast.agency.kind_id}
    ).content.decode()
    assert "Sở Nội vụ" in page and "Phường Bắc Hà" not in page


def test_the_board_uses_a_bounded_number_of_queries(
    cast, login, call, registration, django_assert_max_num_queries
):
    from danvan.testing.factories import UnitFactory, kind

    extra = [UnitFactory(name=f"Xã {n}", parent=cast.province, kind=kind("commune")) for n in range(40)]
    services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=registration,
        title="Thứ hai",
        due_date=datetime.date(2023, 10, 30),
        targets=[*extra, cast.ward],
    )
    client = login(cast.province_officer)
    with django_assert_max_num_queries(20):
        client.get(reverse("reporting:board"))


def test_a_ward_focal_point_never_sees_another_wards_submission(cast, login, call, registration):
    other = submitted(cast, call, registration, cast.other_ward, cast.outsider)
    client = login(cast.ward_officer)
    assert client.get(reverse("reporting:submission_detail", args=[other.pk])).status_code == 404
    page = client.get(reverse("reporting:board"), {"call": call.pk}).content.decode()
    assert "Phường Bắc Hà" not in page


def test_the_call_page_scope_trio(cast, login, call):
    assert (
        login(cast.province_officer).get(reverse("reporting:call_detail", args=[call.pk])).status_code == 200
    )
    assert login(cast.focal_point).get(reverse("reporting:call_detail", args=[call.pk])).status_code == 200
    assert login(cast.team_leader).get(reverse("reporting:call_detail", args=[call.pk])).status_code == 404
    from danvan.testing.factories import UnitFactory, UserFactory, grant, kind

    stranger_unit = UnitFactory(name="Tỉnh khác", kind=kind("province"))
    stranger = UserFactory(username="stranger")
    grant(stranger, "committee_officer", stranger_unit)
    assert login(stranger).get(reverse("reporting:call_detail", args=[call.pk])).status_code == 404
    assert (
        login(cast.ward_council_member).get(reverse("reporting:call_detail", args=[call.pk])).status_code
        == 403
    )
    response = login(cast.ward_officer).post(reverse("reporting:call_action", args=[call.pk, "close"]))
    assert response.status_code == 403


def test_a_unit_fills_rows_in_the_browser_form_and_submits(cast, login, call, registration):
    client = login(cast.ward_officer)
    response = client.get(reverse("reporting:submission_open", args=[call.pk, cast.ward.pk]))
    submission = Submission.objects.get(call=call, unit=cast.ward)
    assert response["Location"] == submission.get_absolute_url()
    fields = {f.label.split(",")[0]: str(f.pk) for f in registration.fields.all()}
    data = {
        "version": submission.version,
        "action": "submit",
        f"row-0-{fields['Tên nội dung']}": "Tọa đàm",
        f"row-0-{fields['Thời gian tổ chức']}": "trung tuần tháng 9",
        f"row-3-{fields['Tên nội dung']}": "Gặp mặt",
        f"row-3-{fields['Thời gian tổ chức']}": "15/10/2023",
        "order-0": "1",
        "order-3": "0",
    }
    client.post(submission.get_absolute_url(), data)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    assert [r[fields["Tên nội dung"]] for r in submission.rows] == ["Gặp mặt", "Tọa đàm"]


def test_an_htmx_autosave_returns_the_saved_marker(cast, login, call, registration):
    client = login(cast.ward_officer)
    submission = services.submission_for(call=call, unit=cast.ward)
    field = str(registration.fields.get(label="Tên nội dung, hoạt động").pk)
    response = client.post(
        submission.get_absolute_url(),
        {"version": submission.version, f"row-0-{field}": "A"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Bản nháp lưu lúc" in response.content.decode()
    stale = client.post(
        submission.get_absolute_url(),
        {"version": submission.version, f"row-0-{field}": "B"},
        HTTP_HX_REQUEST="true",
    )
    assert stale.status_code == 409 and "người khác sửa" in stale.content.decode()


def test_the_committee_returns_and_accepts_through_the_page(cast, login, call, registration):
    submission = submitted(cast, call, registration, cast.ward, cast.ward_officer)
    client = login(cast.province_officer)
    client.post(
        reverse("reporting:submission_review", args=[submission.pk, "return"]), {"comment": "Thiếu quy mô"}
    )
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.RETURNED
    page = login(cast.ward_officer).get(submission.get_absolute_url()).content.decode()
    assert "Thiếu quy mô" in page


def test_reminding_by_hand_reports_how_many_units(cast, login, call):
    response = login(cast.province_officer).post(
        reverse("reporting:call_action", args=[call.pk, "remind"]), follow=True
    )
    assert "Đã nhắc 3 đơn vị" in response.content.decode()


def test_the_board_exports_to_excel(cast, login, call):
    import io

    import openpyxl

    response = login(cast.province_officer).get(
        reverse("reporting:board"), {"call": call.pk, "format": "xlsx"}
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Phường An Bình", "Phường Bắc Hà", "Sở Nội vụ"]


def test_a_calls_page_lists_what_my_unit_must_send(cast, login, call):
    page = login(cast.ward_officer).get(reverse("reporting:call_list")).content.decode()
    assert 'data-testid="my-calls"' in page and "Đăng ký hoạt động Tháng Dân vận 2023" in page


def test_opening_calls_from_a_plan_page(cast, login, committee_plan):
    client = login(cast.province_officer)
    page = client.get(reverse("plans:plan_detail", args=[committee_plan.pk])).content.decode()
    assert "Tạo yêu cầu gửi về" in page
    response = client.post(
        reverse("reporting:calls_from_plan", args=[committee_plan.pk]),
        {"root": cast.province.pk, "kinds": [cast.ward.kind_id]},
    )
    assert response.status_code == 302
    assert committee_plan.calls.count() == 2
    assert set(committee_plan.calls.first().targets.values_list("unit__name", flat=True)) == {
        "Phường An Bình",
        "Phường Bắc Hà",
    }


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_blank_form_downloads(cast, login, call, fmt):
    response = login(cast.ward_officer).get(
        reverse("reporting:blank_form", args=[call.pk, fmt]), {"unit": cast.ward.pk}
    )
    assert response.status_code == 200 and response.content[:2] == b"PK"
