"""Ending a regime: "Ngừng áp dụng" (no more periods; calls kept), "Áp dụng lại", and "Xóa" only while no
call was opened; the daily run skips a stopped regime. Services, then the pages (scope trio, bad input)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.core.models import AuditEvent
from danvan.reporting.models import Call
from danvan.reporting.regimes import services
from danvan.reporting.regimes.models import Regime

from .conftest import spec_for


def test_a_stopped_regime_is_skipped_by_the_daily_run_and_keeps_its_calls(cast, regime, today):
    services.open_due_periods(datetime.date(2026, 2, 1))  # January opened
    assert Call.objects.filter(regime=regime).count() == 1
    stopped = services.regime_deactivate(regime=regime, actor=cast.province_officer, expected_version=None)
    assert not stopped.is_active and stopped.version == regime.version + 1
    assert stopped.history.first().is_active is False
    assert AuditEvent.objects.filter(verb="deactivate", object_id=str(regime.pk)).exists()
    result = services.daily_run(today)  # February is due by 10/3, but the regime is stopped
    assert result["calls"] == 0
    assert Call.objects.filter(regime=regime).count() == 1  # January's call stays
    with pytest.raises(ServiceError, match="ngừng áp dụng"):
        services.regime_open_now(regime=stopped, actor=cast.province_officer, today=today)


def test_a_stopped_regime_applied_again_opens_its_due_periods(cast, regime, today):
    services.regime_deactivate(regime=regime, actor=cast.province_officer)
    again = services.regime_activate(regime=regime, actor=cast.province_officer)
    assert again.is_active
    assert AuditEvent.objects.filter(verb="activate", object_id=str(regime.pk)).exists()
    assert services.daily_run(today)["calls"] == 2  # January and February


def test_stopping_twice_or_applying_an_active_one_is_refused(cast, regime, today):
    with pytest.raises(ServiceError, match="đang được áp dụng"):
        services.regime_activate(regime=regime, actor=cast.province_officer)
    services.regime_deactivate(regime=regime, actor=cast.province_officer)
    with pytest.raises(ServiceError, match="đã ngừng áp dụng"):
        services.regime_deactivate(regime=regime, actor=cast.province_officer)


def test_applying_again_is_refused_when_another_active_regime_now_asks_the_same_report(
    cast, outline, regime, today
):
    services.regime_deactivate(regime=regime, actor=cast.province_officer)
    services.regime_create(actor=cast.province_officer, spec=spec_for(cast, outline, name="Thay thế"))
    with pytest.raises(ServiceError, match="Trùng kỳ"):
        services.regime_activate(regime=regime, actor=cast.province_officer)
    assert not Regime.objects.get(pk=regime.pk).is_active


def test_a_stale_version_is_refused(cast, regime, today):
    with pytest.raises(ServiceError, match="người khác sửa"):
        services.regime_deactivate(regime=regime, actor=cast.province_officer, expected_version=99)
    assert Regime.objects.get(pk=regime.pk).is_active


def test_only_a_regime_that_opened_no_call_can_be_deleted(cast, outline, regime, today):
    services.open_due_periods(today)
    with pytest.raises(ServiceError, match="Không xóa được"):
        services.regime_delete(regime=regime, actor=cast.province_officer)
    assert Regime.objects.filter(pk=regime.pk).exists()
    services.regime_deactivate(regime=regime, actor=cast.province_officer)
    fresh = services.regime_create(actor=cast.province_officer, spec=spec_for(cast, outline, name="Nhầm"))
    services.regime_delete(regime=fresh, actor=cast.province_officer)
    assert not Regime.objects.filter(pk=fresh.pk).exists()
    assert AuditEvent.objects.filter(verb="delete", object_id=str(fresh.pk)).exists()


def test_the_services_need_the_call_manage_right_at_the_owner(cast, regime, today):
    for service in (services.regime_deactivate, services.regime_delete):
        with pytest.raises(PermissionDenied):
            service(regime=regime, actor=cast.ward_officer)
    assert Regime.objects.get(pk=regime.pk).is_active


# --- the pages --------------------------------------------------------------------------------------------


@pytest.fixture
def ward_regime(cast, outline, today):
    spec = spec_for(cast, outline, owner=cast.ward, root=cast.ward, unit_kinds=[], name="Báo cáo của phường")
    return services.regime_create(actor=cast.ward_officer, spec=spec)


def _post(client, name, regime, **data):
    return client.post(reverse(f"reporting:{name}", args=[regime.pk]), data)


def test_an_anonymous_visitor_is_sent_to_log_in(client, ward_regime):
    for name in ("regime_set_active", "regime_delete"):
        response = _post(client, name, ward_regime, active="0")
        assert response.status_code == 302 and "/login" in response["Location"]
    assert Regime.objects.get(pk=ward_regime.pk).is_active


def test_an_officer_out_of_scope_gets_not_found(cast, login, ward_regime):
    client = login(cast.outsider)
    assert _post(client, "regime_set_active", ward_regime, active="0").status_code == 404
    assert _post(client, "regime_delete", ward_regime).status_code == 404
    assert Regime.objects.get(pk=ward_regime.pk).is_active


def test_a_user_in_scope_without_the_right_is_forbidden(cast, login, ward_regime):
    client = login(cast.ward_council_member)  # a council member of the ward: in scope, no CALL_MANAGE
    assert _post(client, "regime_set_active", ward_regime, active="0").status_code == 403
    assert _post(client, "regime_delete", ward_regime).status_code == 403
    assert Regime.objects.get(pk=ward_regime.pk).is_active


def test_the_owner_stops_and_applies_again_from_the_page(cast, login, ward_regime):
    client = login(cast.ward_officer)
    page = client.get(ward_regime.get_absolute_url()).content.decode()
    assert 'data-testid="regime-deactivate"' in page and 'data-testid="regime-delete"' in page
    response = _post(client, "regime_set_active", ward_regime, active="0", version=ward_regime.version)
    assert response.status_code == 302 and response["Location"] == ward_regime.get_absolute_url()
    stopped = Regime.objects.get(pk=ward_regime.pk)
    assert not stopped.is_active
    page = client.get(ward_regime.get_absolute_url()).content.decode()
    assert "Đã ngừng áp dụng" in page and 'data-testid="regime-activate"' in page
    assert 'data-testid="upcoming"' not in page  # no period is announced for a stopped regime
    _post(client, "regime_set_active", ward_regime, active="1", version=stopped.version)
    assert Regime.objects.get(pk=ward_regime.pk).is_active


def test_bad_input_gets_a_vietnamese_message_and_changes_nothing(cast, login, ward_regime):
    client = login(cast.ward_officer)
    for data in ({"active": "maybe"}, {}, {"active": "0", "version": "1x"}):
        response = client.post(
            reverse("reporting:regime_set_active", args=[ward_regime.pk]), data, follow=True
        )
        assert response.status_code == 200
        if data.get("active") != "0":
            assert "Yêu cầu không hợp lệ" in response.content.decode()
            assert Regime.objects.get(pk=ward_regime.pk).is_active
    stale = client.post(
        reverse("reporting:regime_set_active", args=[ward_regime.pk]),
        {"active": "1", "version": "1"},
        follow=True,
    )
    assert "người khác sửa" in stale.content.decode()
    blind = client.post(
        reverse("reporting:regime_delete", args=[ward_regime.pk]), {"version": "x"}, follow=True
    )
    assert "Yêu cầu không hợp lệ" in blind.content.decode()
    assert Regime.objects.filter(pk=ward_regime.pk).exists()
    assert client.get(reverse("reporting:regime_delete", args=[ward_regime.pk])).status_code == 405


def test_the_page_deletes_an_unused_regime_and_explains_why_a_used_one_cannot_be(
    cast, login, ward_regime, today
):
    client = login(cast.ward_officer)
    services.open_due_periods(today)
    page = client.get(ward_regime.get_absolute_url()).content.decode()
    assert 'data-testid="regime-delete"' not in page
    assert 'data-testid="regime-delete-refusal"' in page and "Hãy ngừng áp dụng" in page
    refused = _post(client, "regime_delete", ward_regime, version=ward_regime.version)
    assert refused["Location"] == ward_regime.get_absolute_url()
    assert Regime.objects.filter(pk=ward_regime.pk).exists()
    Call.objects.filter(regime=ward_regime).delete()
    response = _post(client, "regime_delete", ward_regime, version=ward_regime.version)
    assert response.status_code == 302 and response["Location"] == reverse("reporting:regime_list")
    assert not Regime.objects.filter(pk=ward_regime.pk).exists()
