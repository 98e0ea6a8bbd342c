import datetime

import pytest
from django.core.exceptions import PermissionDenied

from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.lib import periods
from danvan.notifications.models import Notice
from danvan.reporting import services as reporting
from danvan.reporting.models import Call, CallTarget, Submission
from danvan.reporting.regimes import services
from danvan.reporting.regimes.models import Regime, RegimeReminder

from .conftest import spec_for


def test_opening_makes_one_call_per_elapsed_period_with_every_ward_as_target(cast, regime, today):
    result = services.open_due_periods(today)
    # January and February have ended by 10/3; March has not.
    assert sorted(c.period.label for c in result.calls) == ["Tháng 1/2026", "Tháng 2/2026"]
    february = Call.objects.get(regime=regime, period_start=datetime.date(2026, 2, 1))
    assert (february.period_end, february.due_end) == (datetime.date(2026, 2, 28), datetime.date(2026, 3, 5))
    # 5/2/2026 is a Thursday, but it is not Tết yet (Tết is 17/2): January keeps the 5th.
    assert Call.objects.get(regime=regime, period_start=datetime.date(2026, 1, 1)).due_end == datetime.date(
        2026, 2, 5
    )
    assert set(february.targets.values_list("unit", flat=True)) == {cast.ward.pk, cast.other_ward.pk}
    assert february.owner == cast.province and february.title.endswith("Tháng 2/2026")
    assert AuditEvent.objects.filter(verb="open", object_id=str(february.pk)).exists()


def test_opening_again_creates_nothing_twice(regime, today):
    services.open_due_periods(today)
    calls, targets = Call.objects.count(), CallTarget.objects.count()
    again = services.open_due_periods(today)
    assert not again and (Call.objects.count(), CallTarget.objects.count()) == (calls, targets)
    later = services.open_due_periods(datetime.date(2026, 4, 1))  # March has ended: one more
    assert [c.period.label for c in later.calls] == ["Tháng 3/2026"]


def test_a_due_day_in_tet_rolls_to_the_next_working_day(cast, outline, today):
    regime = services.regime_create(
        actor=cast.province_officer, spec=spec_for(cast, outline, due_value=20, name="Hạn ngày 20")
    )
    services.open_due_periods(today)
    january = Call.objects.get(regime=regime, period_start=datetime.date(2026, 1, 1))
    assert january.due_end == datetime.date(2026, 2, 23)  # 20/2/2026 is the fourth day of Tết


def test_a_cut_off_after_the_due_day_is_refused_and_nothing_is_created(cast, outline, today):
    spec = spec_for(cast, outline, cutoff_day=0, due_value=20, due_month_offset=0)
    with pytest.raises(ServiceError) as error:
        services.regime_create(actor=cast.province_officer, spec=spec)
    assert "chốt số liệu sau hạn gửi" in error.value.message
    assert not Regime.objects.exists()


def test_a_second_regime_asking_the_same_period_on_the_same_form_is_refused(cast, outline, regime):
    spec = spec_for(cast, outline, name="Bản trùng", period_kinds=["quarter", "month"])
    with pytest.raises(ServiceError) as error:
        services.regime_create(actor=cast.province_officer, spec=spec)
    assert "Trùng kỳ" in error.value.message and regime.name in error.value.message
    assert Regime.objects.count() == 1
    # Another period kind only, or the other one stopped: allowed.
    services.regime_create(actor=cast.province_officer, spec=spec_for(cast, outline, period_kinds=["year"]))


def test_a_regime_nobody_reports_under_is_refused_whole(cast, outline, today):
    spec = spec_for(cast, outline, root=cast.other_ward)  # a ward has no wards below it
    with pytest.raises(ServiceError) as error:
        services.regime_create(actor=cast.province_officer, spec=spec)
    assert "Không có đơn vị nào" in error.value.message
    assert not Regime.objects.exists() and not AuditEvent.objects.filter(verb="create").exists()


def test_only_an_officer_of_the_owner_defines_a_regime(cast, outline, today):
    with pytest.raises(PermissionDenied):
        services.regime_create(actor=cast.outsider, spec=spec_for(cast, outline))


def test_an_edit_with_a_stale_version_is_refused(cast, outline, regime):
    services.regime_update(
        regime=regime,
        actor=cast.province_officer,
        spec=spec_for(cast, outline, name="Mới"),
        expected_version=1,
    )
    with pytest.raises(ServiceError):
        services.regime_update(
            regime=Regime.objects.get(pk=regime.pk),
            actor=cast.province_officer,
            spec=spec_for(cast, outline, name="Cũ"),
            expected_version=1,
        )
    assert Regime.objects.get(pk=regime.pk).name == "Mới"


def _answer(call, unit, actor, text):
    submission = reporting.submission_for(call=call, unit=unit)
    fields = list(call.template.fields.all())
    answers = {str(f.pk): text for f in fields}
    submission = reporting.submission_save_draft(
        submission=submission, actor=actor, expected_version=None, answers=answers
    )
    return reporting.submission_submit(submission=submission, actor=actor, expected_version=None)


def test_next_period_starts_from_last_periods_sent_answer(cast, regime, today):
    services.open_due_periods(today)
    january = Call.objects.get(regime=regime, period_start=datetime.date(2026, 1, 1))
    february = Call.objects.get(regime=regime, period_start=datetime.date(2026, 2, 1))
    sent = _answer(january, cast.ward, cast.ward_officer, "Tiếp 2 ngày, 14 lượt công dân")
    draft = reporting.submission_for(call=february, unit=cast.ward)
    assert draft.carried_from == sent.sent and draft.status == Submission.Status.DRAFT
    assert set(draft.answers.values()) == {"Tiếp 2 ngày, 14 lượt công dân"}
    # A unit that sent nothing last period starts empty.
    assert reporting.submission_for(call=february, unit=cast.other_ward).answers == {}


def test_a_report_for_a_period_not_yet_over_is_refused(cast, regime, today):
    services.open_due_periods(datetime.date(2026, 3, 31))  # March opens on its last day
    march = Call.objects.get(regime=regime, period_start=datetime.date(2026, 3, 1))
    with pytest.raises(ServiceError) as error:
        _answer(march, cast.ward, cast.ward_officer, "Chưa hết tháng")  # today is 10/3
    assert "chưa kết thúc" in error.value.message
    assert Submission.objects.get(call=march, unit=cast.ward).status == Submission.Status.DRAFT


def test_reminders_go_once_before_the_due_day_and_once_after(cast, regime, today):
    services.open_due_periods(today)
    # February is due 5/3: on 3/3 (3 days before) the wards hear of it; the regime's job runs twice that day.
    assert services.send_regime_reminders(datetime.date(2026, 3, 3)) > 0
    assert services.send_regime_reminders(datetime.date(2026, 3, 3)) == 0
    assert services.send_regime_reminders(datetime.date(2026, 3, 6)) > 0  # overdue
    assert services.send_regime_reminders(datetime.date(2026, 3, 7)) == 0
    reasons = set(RegimeReminder.objects.values_list("call__period_start", "reason"))
    assert (datetime.date(2026, 2, 1), "before") in reasons and (
        datetime.date(2026, 2, 1),
        "after",
    ) in reasons
    assert Notice.objects.filter(user=cast.ward_officer, title__startswith="Quá hạn").exists()


def test_the_daily_job_is_not_chained_on_a_backend_that_runs_at_once(cast, regime, today):
    assert services.schedule_daily() is False
    result = services.daily_run(today)
    assert result["calls"] == 2 and result["targets"] == 4


def test_an_inactive_regime_opens_nothing(cast, outline, regime, today):
    services.regime_update(
        regime=regime,
        actor=cast.province_officer,
        spec=spec_for(cast, outline, is_active=False),
        expected_version=regime.version,
    )
    assert not services.open_due_periods(today)


def test_every_period_kind_opens_on_its_own(cast, outline, today):
    spec = spec_for(
        cast,
        outline,
        period_kinds=[k.value for k in periods.PeriodKind],
        start_date=datetime.date(2025, 1, 1),
        due_kind=periods.DueKind.DAYS_AFTER_CUTOFF,
        due_value=5,
    )
    regime = services.regime_create(actor=cast.province_officer, spec=spec)
    services.open_due_periods(today)
    kinds = {}
    for kind in Call.objects.filter(regime=regime).values_list("period_kind", flat=True):
        kinds[kind] = kinds.get(kind, 0) + 1
    assert kinds == {"month": 14, "quarter": 4, "half": 1, "nine_months": 1, "year": 1}
