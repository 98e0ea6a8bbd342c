import datetime

import pytest

from danvan.reporting import services
from danvan.reporting.services import ensure_builtin_templates


@pytest.fixture
def registration():
    return ensure_builtin_templates()["registration"]


@pytest.fixture
def call(cast, registration):
    """The province asks its wards and its agency to register activities by 30/9/2023."""
    targets = [cast.ward, cast.other_ward, cast.agency]
    return services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=registration,
        title="Đăng ký hoạt động Tháng Dân vận 2023",
        due_date=datetime.date(2023, 9, 30),
        targets=targets,
    )


def row_for(template, **values):
    """A row keyed by field id, from labels' first words: row_for(t, ten="...", thoi_gian="...")."""
    from danvan.lib import vntext

    row = {}
    for field in template.fields.all():
        key = vntext.fold(field.label).split()[0]
        for name, value in values.items():
            if name == key:
                row[str(field.pk)] = value
    return row


@pytest.fixture
def committee_plan(cast):
    """Seed 003 imported and issued by the province's committee."""
    from pathlib import Path

    from django.conf import settings

    from danvan.plans import services as plan_services
    from danvan.plans.parsing import parse_text

    path = Path(settings.BASE_DIR) / "danvan" / "plans" / "tests" / "fixtures" / "seed_003.txt"
    plan = plan_services.plan_create(
        actor=cast.province_officer,
        issuing_unit=cast.province,
        doc=parse_text(path.read_text(encoding="utf-8")),
    )
    # "Đề nghị các sở, ban, ngành, …" names no single unit; a plan is issued only when every task has a lead.
    for task in plan.tasks.filter(lead_unit__isnull=True):
        plan_services.task_update(
            task=task, actor=cast.province_officer, expected_version=task.version, lead_unit=cast.province
        )
    return plan_services.plan_issue(
        plan=plan, actor=cast.province_officer, issued_on=datetime.date(2023, 9, 15)
    )
