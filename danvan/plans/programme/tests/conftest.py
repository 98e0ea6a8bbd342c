import pytest

from danvan.lib.plandoc import PlanDocument
from danvan.lib.vndates import parse_window
from danvan.plans import services
from danvan.plans.models import Plan


def make_programme(actor, unit, *, title: str = "công tác dân vận năm 2026") -> Plan:
    doc = PlanDocument(title=title, doc_type="CHƯƠNG TRÌNH", type_code="CTr")
    return services.plan_create(actor=actor, issuing_unit=unit, doc=doc)


def add_item(actor, programme, title: str, due: str, lead=None):
    return services.task_create(
        plan=programme,
        actor=actor,
        title=title,
        lead_unit=lead or programme.issuing_unit,
        due=parse_window(due),
    )


@pytest.fixture
def programme(cast):
    return make_programme(cast.province_officer, cast.province)
