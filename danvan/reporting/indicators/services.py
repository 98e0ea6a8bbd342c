"""Writes of indicators: the values a sent submission carries, and the year's targets.

`record_submission(submission=...)` is called by the submit and accept services: it reads what the unit
sent (`Submission.sent`, frozen) and writes one value per bound indicator for the call's period, replacing
what the unit sent before for that period, so a resubmission rewrites and never doubles.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from danvan.core import access, audit, stamps
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.periods import Period, PeriodKind
from danvan.lib.tables.values import parse_number_text
from danvan.org.models import Unit

from .models import Indicator, IndicatorTarget, IndicatorValue

MAX_FIGURE = Decimal("1e15")


def number_in(text) -> Decimal | None:
    """A figure typed in a cell or an answer ("1.500", "12", "2,5"); None for anything else."""
    if text is None:
        return None
    text = str(text).strip()
    if not text:
        return None
    number = parse_number_text(text)
    if number is None or abs(number) >= MAX_FIGURE:
        return None
    return number


def figures_of(template, rows: list[dict], answers: dict) -> dict[int, Decimal | None]:
    """{indicator id: figure} of a template's bound number fields: a table's column summed over its rows,
    an outline's answer; None where no number was given at all. Two fields on one indicator add up."""
    from ..models import FieldKind, FormTemplate

    figures: dict[int, Decimal | None] = {}
    for field in template.fields.all():
        if not field.indicator_id or field.kind != FieldKind.NUMBER:
            continue
        key = str(field.pk)
        if template.layout == FormTemplate.Layout.OUTLINE:
            numbers = [number_in(answers.get(key))]
        else:
            numbers = [number_in(row.get(key)) for row in rows]
        numbers = [n for n in numbers if n is not None]
        found = sum(numbers, Decimal(0)) if numbers else None
        before = figures.get(field.indicator_id)
        figures[field.indicator_id] = found if before is None else before + (found or 0)
    return figures


def _ancestor_depth(indicator_id: int, unit: Unit, period: Period) -> int | None:
    """Depth of the deepest strict ancestor that has a value for the indicator and period."""
    return (
        IndicatorValue.objects.for_period(period)
        .filter(indicator_id=indicator_id, unit__path__in=unit.ancestor_paths())
        .aggregate(deepest=Max("unit__depth"))["deepest"]
    )


def _below(indicator_id: int, unit: Unit, period: Period):
    return (
        IndicatorValue.objects.for_period(period)
        .filter(indicator_id=indicator_id)
        .filter(access.subtree_q("unit__path", [unit.path]))
        .exclude(unit_id=unit.pk)
    )


def value_put(*, indicator_id: int, unit: Unit, period: Period, value: Decimal, submission=None):
    """Write the unit's figure for the period (replacing any), and mark its subtree's values as covered."""
    row, created = IndicatorValue.objects.update_or_create(
        indicator_id=indicator_id,
        unit=unit,
        period_kind=PeriodKind(period.kind).value,
        period_start=period.start,
        defaults={"value": value, "submission": submission},
    )
    if created:
        row.covered_at = _ancestor_depth(indicator_id, unit, period)
        row.save(update_fields=["covered_at"])
        _below(indicator_id, unit, period).filter(
            Q(covered_at__isnull=True) | Q(covered_at__lt=unit.depth)
        ).update(covered_at=unit.depth)
        stamps.touched(IndicatorValue)
    return row


def value_remove(*, row: IndicatorValue) -> None:
    """Drop a figure; the values it covered are covered by the next reporting ancestor up, if any."""
    unit, period = row.unit, row.period
    row.delete()
    _below(row.indicator_id, unit, period).filter(covered_at=unit.depth).update(
        covered_at=_ancestor_depth(row.indicator_id, unit, period)
    )
    stamps.touched(IndicatorValue)


@transaction.atomic
def record_submission(*, submission) -> int:
    """Write the values the submission's sent version carries for its call's period; returns how many.

    Nothing for a call without a period or a submission never sent. Called inside the send's transaction."""
    call = submission.call
    period = call.period
    sent = submission.sent
    if period is None or sent is None:
        return 0
    figures = figures_of(call.template, sent.rows or [], sent.answers or {})
    written = 0
    for indicator_id, figure in figures.items():
        if figure is None:
            # Sent without the figure this time: what this submission said before no longer stands.
            for row in IndicatorValue.objects.for_period(period).filter(
                indicator_id=indicator_id, unit=submission.unit, submission=submission
            ):
                value_remove(row=row)
            continue
        unit = submission.unit
        value_put(indicator_id=indicator_id, unit=unit, period=period, value=figure, submission=submission)
        written += 1
    return written


def same_unit_of_measure(a: str, b: str) -> bool:
    return vntext.fold(vntext.clean_text(a)) == vntext.fold(vntext.clean_text(b))


@transaction.atomic
def target_set(
    *,
    actor,
    indicator: Indicator,
    unit: Unit,
    year: int,
    value: Decimal,
    unit_of_measure: str,
    note: str = "",
) -> IndicatorTarget:
    """Set (or change) the unit's target for the year; the unit of measure must be the indicator's."""
    access.require(actor, Cap.CALL_MANAGE, unit)
    given = vntext.clean_text(unit_of_measure or "")
    if not same_unit_of_measure(given, indicator.unit_of_measure):
        raise ServiceError(
            _(
                "Chỉ tiêu «%(name)s» tính bằng «%(expected)s»; chỉ tiêu năm ghi bằng «%(given)s» không dùng "
                "được. Hãy ghi số theo đơn vị «%(expected)s»."
            )
            % {"name": indicator.name, "expected": indicator.unit_of_measure, "given": given or _("(trống)")},
            field="unit_of_measure",
        )
    if not 2000 <= int(year) <= 2100:
        raise ServiceError(_("Năm %(year)s không hợp lệ.") % {"year": year}, field="year")
    if value is None or value < 0 or value >= MAX_FIGURE:
        raise ServiceError(_("Chỉ tiêu năm phải là số không âm."), field="value")
    target, created = IndicatorTarget.objects.select_for_update().get_or_create(
        indicator=indicator,
        unit=unit,
        year=year,
        defaults={"value": value, "unit_of_measure": indicator.unit_of_measure, "set_by": actor},
    )
    before = target.value
    if not created:
        target.value, target.set_by = value, actor
    target.note = vntext.clean_text(note)[:500]
    target.unit_of_measure = indicator.unit_of_measure
    target.save()
    audit.record(
        actor=actor,
        verb="target",
        obj=target,
        summary=_("Chỉ tiêu năm %(year)s «%(name)s»: %(value)s %(uom)s")
        % {"year": year, "name": indicator.name, "value": value, "uom": indicator.unit_of_measure},
        changes={} if created else {"value": [str(before), str(value)]},
        unit_path=unit.path,
    )
    return target


# --- the catalogue: creating and editing indicators (Cap.CATALOG_MANAGE: indicators are shared by every unit)

CODE_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EDITABLE = ("name", "code", "unit_of_measure", "aggregation", "cumulative", "description", "order", "active")


def _checked(fields: dict, *, indicator: Indicator | None) -> dict:
    """The fields cleaned and checked: a name, a unit of measure, a code of letters and digits (joined by
    hyphens) that no other indicator has, a name no other indicator has (upper or lower case aside;
    accents count: they make other words)."""
    data = {
        "name": vntext.clean_text(fields.get("name") or ""),
        "code": vntext.clean_text(fields.get("code") or "").lower(),
        "unit_of_measure": vntext.clean_text(fields.get("unit_of_measure") or ""),
        "aggregation": fields.get("aggregation") or Indicator.Aggregation.SUM,
        "cumulative": bool(fields.get("cumulative")),
        "description": vntext.nfc(fields.get("description") or "").strip(),
        "order": fields.get("order") if fields.get("order") is not None else 100,
        "active": bool(fields.get("active", True)),
    }
    if not data["name"]:
        raise ServiceError(_("Hãy ghi tên chỉ tiêu."), field="name")
    if len(data["name"]) > 255:
        raise ServiceError(_("Tên chỉ tiêu dài quá 255 ký tự."), field="name")
    if not data["unit_of_measure"] or len(data["unit_of_measure"]) > 40:
        raise ServiceError(_("Hãy ghi đơn vị tính (tối đa 40 ký tự), ví dụ «cuộc»."), field="unit_of_measure")
    if data["aggregation"] not in Indicator.Aggregation.values:
        raise ServiceError(_("Cách tổng hợp không hợp lệ."), field="aggregation")
    if not 0 <= int(data["order"]) <= 32767:
        raise ServiceError(_("Thứ tự phải là số từ 0 đến 32767."), field="order")
    if indicator is not None and indicator.builtin and data["code"] != indicator.code:
        raise ServiceError(
            _("Mã «%(code)s» của chỉ tiêu có sẵn không đổi được: mẫu biểu và chỉ tiêu năm dùng mã này.")
            % {"code": indicator.code},
            field="code",
        )
    if not CODE_PATTERN.match(data["code"]) or len(data["code"]) > 60:
        raise ServiceError(
            _(
                "Mã chỉ tiêu chỉ gồm chữ thường không dấu và chữ số, nối bằng dấu gạch ngang "
                "(ví dụ «doi-thoai»)."
            ),
            field="code",
        )
    others = Indicator.objects.exclude(pk=indicator.pk) if indicator is not None else Indicator.objects.all()
    if others.filter(code=data["code"]).exists():
        raise ServiceError(
            _("Mã «%(code)s» đã dùng cho chỉ tiêu khác.") % {"code": data["code"]}, field="code"
        )
    folded = data["name"].casefold()
    clash = next((o for o in others.only("name") if vntext.clean_text(o.name).casefold() == folded), None)
    if clash is not None:
        raise ServiceError(
            _("Đã có chỉ tiêu «%(name)s». Hãy đặt tên khác.") % {"name": clash.name}, field="name"
        )
    return data


@transaction.atomic
def indicator_create(*, actor, **fields) -> Indicator:
    """Add an indicator to the catalogue (name, code, unit of measure, aggregation, cumulative, active...)."""
    access.require(actor, Cap.CATALOG_MANAGE)
    data = _checked(fields, indicator=None)
    indicator = Indicator(**data)
    indicator.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="create",
        obj=indicator,
        summary=_("Thêm chỉ tiêu «%(name)s» (%(code)s)") % {"name": indicator.name, "code": indicator.code},
    )
    return indicator


@transaction.atomic
def indicator_update(
    *, actor, indicator: Indicator, expected_version: int | None = None, **fields
) -> Indicator:
    """Edit an indicator; a stale form is refused; a built-in indicator keeps its code; deactivating (never
    deleting) takes it off the lists and the dashboard, its values and targets stay."""
    access.require(actor, Cap.CATALOG_MANAGE)
    data = _checked(fields, indicator=indicator)
    changes = {
        name: [str(getattr(indicator, name)), str(value)]
        for name, value in data.items()
        if getattr(indicator, name) != value
    }
    for name, value in data.items():
        setattr(indicator, name, value)
    indicator.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="update",
        obj=indicator,
        summary=_("Sửa chỉ tiêu «%(name)s»") % {"name": indicator.name},
        changes=changes,
    )
    return indicator
