import datetime

import pytest
from django.utils import timezone

from danvan.lib import periods
from danvan.reporting.regimes import services
from danvan.reporting.services import ensure_builtin_templates
from danvan.testing.factories import kind

TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def today(monkeypatch):
    """The tests' today (10/3/2026); the services read it from django.utils.timezone."""
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    return TODAY


@pytest.fixture
def outline():
    return ensure_builtin_templates()["result_report"]


def spec_for(cast, template, **changes) -> services.RegimeSpec:
    """The province's monthly report from its wards: figures to the month end, due on the 5th after."""
    values = dict(
        owner=cast.province,
        name="Báo cáo kết quả tiếp công dân hằng tháng",
        template=template,
        root=cast.province,
        unit_kinds=[kind("ward")],
        max_levels=1,
        period_kinds=[periods.PeriodKind.MONTH],
        start_date=datetime.date(2026, 1, 1),
        cutoff_day=0,
        due_kind=periods.DueKind.DAY_OF_MONTH,
        due_value=5,
        due_month_offset=1,
    )
    values.update(changes)
    return services.RegimeSpec(**values)


@pytest.fixture
def regime(cast, outline, today):
    return services.regime_create(actor=cast.province_officer, spec=spec_for(cast, outline))
