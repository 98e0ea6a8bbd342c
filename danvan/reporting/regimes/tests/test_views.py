import datetime

from django.urls import reverse

from danvan.lib import periods
from danvan.reporting import services as reporting
from danvan.reporting.models import Call
from danvan.reporting.regimes import selectors, services
from danvan.reporting.regimes.models import Regime
from danvan.testing.factories import kind


def _post_data(cast, template, **changes):
    data = {
        "name": "Báo cáo tiếp công dân hằng tháng",
        "owner": cast.province.pk,
        "template": template.pk,
        "root": cast.province.pk,
        "unit_kinds": [kind("ward").pk],
        "max_levels": 1,
        "period_kinds": ["month", "quarter"],
        "start_date": "01/01/2026",
        "cutoff_day": 15,
        "due_kind": "day_of_month",
        "due_value": 20,
        "due_month_offset": 0,
        "working_day_rule": "roll_forward",
        "remind_days_before": 3,
        "is_active": "on",
        "instructions": "",
    }
    data.update(changes)
    return data


def test_an_officer_defines_a_regime_from_the_form(cast, login, outline, today):
    response = login(cast.province_officer).post(reverse("reporting:regime_new"), _post_data(cast, outline))
    regime = Regime.objects.get()
    assert response.status_code == 302 and response["Location"] == regime.get_absolute_url()
    assert (regime.cutoff_day, regime.due_value, regime.period_kinds) == (15, 20, ["month", "quarter"])
    assert list(regime.unit_kinds.all()) == [kind("ward")]


def test_a_cut_off_after_the_due_day_is_told_in_vietnamese_on_the_form(cast, login, outline, today):
    data = _post_data(cast, outline, cutoff_day=25, due_value=20)
    response = login(cast.province_officer).post(reverse("reporting:regime_new"), data)
    assert response.status_code == 200
    assert "Ngày chốt số liệu sau hạn gửi" in response.content.decode()
    assert not Regime.objects.exists()


def test_a_form_without_any_period_is_refused(cast, login, outline, today):
    data = _post_data(cast, outline, period_kinds=[])
    response = login(cast.province_officer).post(reverse("reporting:regime_new"), data)
    assert response.status_code == 200 and "ít nhất một kỳ báo cáo" in response.content.decode()
    assert not Regime.objects.exists()


def test_the_detail_shows_each_wards_state_in_each_period(
    cast, login, regime, today, django_assert_max_num_queries
):
    services.open_due_periods(today)
    january = Call.objects.get(regime=regime, period_start=datetime.date(2026, 1, 1))
    submission = reporting.submission_for(call=january, unit=cast.ward)
    answers = {str(f.pk): "Đã tiếp 12 lượt công dân" for f in january.template.fields.all()}
    reporting.submission_save_draft(
        submission=submission, actor=cast.ward_officer, expected_version=None, answers=answers
    )
    reporting.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    client = login(cast.province_officer)
    with django_assert_max_num_queries(20):
        response = client.get(regime.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tháng 1/2026" in body and "Tháng 2/2026" in body and cast.ward.name in body
    # Today (10/3) is after 5/2 (January's due day) so the ward's answer is late, and the other ward missing.
    assert 'data-state="late"' in body and 'data-state="missing"' in body
    partial = client.get(regime.get_absolute_url(), headers={"HX-Request": "true"})
    assert 'data-testid="punctuality"' in partial.content.decode() and "<html" not in partial.content.decode()


def test_the_grid_stays_within_a_fixed_number_of_queries_as_periods_grow(
    cast, login, outline, today, django_assert_max_num_queries
):
    spec_values = dict(
        owner=cast.province,
        name="Mọi kỳ",
        template=outline,
        root=cast.province,
        max_levels=0,
        period_kinds=[k.value for k in periods.PeriodKind],
        start_date=datetime.date(2024, 6, 1),
        cutoff_day=0,
        due_kind=periods.DueKind.DAYS_AFTER_CUTOFF,
        due_value=5,
    )
    regime = services.regime_create(actor=cast.province_officer, spec=services.RegimeSpec(**spec_values))
    services.open_due_periods(today)
    client = login(cast.province_officer)
    with django_assert_max_num_queries(20):
        response = client.get(regime.get_absolute_url() + "?kind=month&pp=1")
    assert response.status_code == 200
    grid = client.get(regime.get_absolute_url() + "?kind=month&pp=1", headers={"HX-Request": "true"})
    body = grid.content.decode()
    assert "Tháng 3/2025" in body and "Tháng 8/2025" in body
    assert "Tháng 9/2025" not in body  # the newer six are on the first page of periods


def test_punctuality_counts_on_time_late_and_missing_in_three_queries(
    cast, regime, today, django_assert_num_queries
):
    services.open_due_periods(datetime.date(2026, 2, 1))  # January only, due 5/2
    january = Call.objects.get(regime=regime)
    on_time_day = datetime.date(2026, 2, 3)
    from django.utils import timezone

    original = timezone.localdate
    timezone.localdate = lambda *a, **k: on_time_day
    try:
        submission = reporting.submission_for(call=january, unit=cast.ward)
        answers = {str(f.pk): "Có" for f in january.template.fields.all()}
        reporting.submission_save_draft(
            submission=submission, actor=cast.ward_officer, expected_version=None, answers=answers
        )
        reporting.submission_submit(submission=submission, actor=cast.ward_officer, expected_version=None)
    finally:
        timezone.localdate = original
    units = [cast.ward, cast.other_ward, cast.agency]
    with django_assert_num_queries(3):
        result = selectors.punctuality(regime, units, today=today)
    period = january.period
    assert result.state(cast.ward.pk, period) == selectors.ON_TIME
    assert result.state(cast.other_ward.pk, period) == selectors.MISSING
    assert result.state(cast.agency.pk, period) == selectors.NOT_ASKED  # not a ward
    assert (result.overall.on_time, result.overall.missing, result.overall.rate) == (1, 1, 50)
    before_due = selectors.punctuality(regime, units, today=datetime.date(2026, 2, 4))
    assert (
        before_due.state(cast.other_ward.pk, period) == selectors.PENDING and before_due.overall.rate == 100
    )
