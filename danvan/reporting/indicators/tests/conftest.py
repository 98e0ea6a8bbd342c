import datetime

import pytest

from danvan.lib.periods import Period, PeriodKind
from danvan.reporting import services
from danvan.reporting.indicators.models import Indicator
from danvan.reporting.models import FieldKind, FormTemplate

MARCH = Period(PeriodKind.MONTH, 2024, 3)


@pytest.fixture
def dialogues(db):
    return Indicator.objects.get(code="doi-thoai")


@pytest.fixture
def monthly_table(cast, dialogues):
    """A table form: one row per dialogue held, a number column "people" bound to dialogues... and a
    column "số cuộc" bound to the dialogues indicator (summed over the rows)."""
    return services.template_save(
        actor=cast.province_officer,
        owner=cast.province,
        name="Báo cáo tháng: tiếp xúc, đối thoại",
        layout=FormTemplate.Layout.TABLE,
        fields=[
            {"label": "Nội dung", "kind": FieldKind.TEXT, "required": True},
            {"label": "Số cuộc", "kind": FieldKind.NUMBER, "indicator": dialogues},
        ],
    )


def open_period_call(cast, template, targets, period=MARCH, owner=None):
    """A call for the period, as a periodic regime opens it (the period set on the call)."""
    call = services.call_open(
        actor=cast.admin,
        owner=owner or cast.province,
        template=template,
        title=f"Báo cáo {period.label}",
        due_date=datetime.date(2099, 1, 1),
        targets=targets,
    )
    call.period_kind, call.period_start, call.period_end = period.kind.value, period.start, period.end
    call.save()
    return call


def send(submission, actor, rows=None, answers=None):
    submission = services.submission_save_draft(
        submission=submission, actor=actor, expected_version=None, rows=rows, answers=answers
    )
    return services.submission_submit(submission=submission, actor=actor, expected_version=None)


def column(template, label):
    return str(template.fields.get(label=label).pk)


@pytest.fixture
def monthly_outline(cast, dialogues):
    """An outline report with a numeric question bound to dialogues."""
    return services.template_save(
        actor=cast.province_officer,
        owner=cast.province,
        name="Báo cáo tháng (đề cương)",
        layout=FormTemplate.Layout.OUTLINE,
        fields=[
            {"label": "Tình hình chung", "kind": FieldKind.LONG_TEXT},
            {"label": "Số cuộc đối thoại", "kind": FieldKind.NUMBER, "indicator": dialogues},
        ],
    )
