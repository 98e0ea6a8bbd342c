"""Defining a regime: create and edit, validated whole before anything is written."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import periods, vntext
from danvan.org.models import Unit, UnitKind
from danvan.plans.models import Task
from danvan.plans.programme.services import check_item

from ...models import FormTemplate
from ..models import Regime
from ..units import reporting_units

# How far back a new regime may start: its missed periods are opened at once, so the catch-up stays bounded.
MAX_CATCH_UP_DAYS = 2 * 366
# Years whose periods a rule is tried on: a leap year and a common one cover every month length.
SAMPLE_YEARS = (2024, 2025)

AUDITED = [
    "name",
    "owner",
    "template",
    "root",
    "max_levels",
    "period_kinds",
    "cutoff_day",
    "due_kind",
    "due_value",
    "due_month_offset",
    "working_day_rule",
    "remind_days_before",
    "is_active",
    "start_date",
    "instructions",
    "programme_item",
]


@dataclass
class RegimeSpec:
    """What a person sets on a regime (the form's cleaned data)."""

    owner: Unit
    name: str
    template: FormTemplate
    root: Unit
    period_kinds: list[str]
    start_date: date
    unit_kinds: list[UnitKind] = field(default_factory=list)
    max_levels: int = 1
    cutoff_day: int = 0
    due_kind: str = periods.DueKind.DAYS_AFTER_CUTOFF
    due_value: int = 5
    due_month_offset: int = 0
    working_day_rule: str = periods.WorkingDayRule.ROLL_FORWARD
    remind_days_before: int = 3
    is_active: bool = True
    instructions: str = ""
    programme_item: Task | None = None  # copied onto every call the regime opens


def _check_rules(spec: RegimeSpec) -> None:
    if not spec.period_kinds:
        raise ServiceError(
            _("Hãy chọn ít nhất một kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm)."), field="period_kinds"
        )
    unknown = [k for k in spec.period_kinds if k not in set(periods.PeriodKind)]
    if unknown:
        raise ServiceError(
            _("Kỳ báo cáo không hợp lệ: %(k)s.") % {"k": ", ".join(unknown)}, field="period_kinds"
        )
    if not 0 <= spec.cutoff_day <= 31:
        raise ServiceError(_("Ngày chốt số liệu phải từ 0 (cuối kỳ) đến 31."), field="cutoff_day")
    if spec.due_kind not in set(periods.DueKind):
        raise ServiceError(_("Cách tính hạn gửi không hợp lệ."), field="due_kind")
    if spec.due_kind == periods.DueKind.DAY_OF_MONTH and not 1 <= spec.due_value <= 31:
        raise ServiceError(_("Hạn gửi là một ngày trong tháng: từ 1 đến 31."), field="due_value")
    if spec.due_kind == periods.DueKind.DAYS_AFTER_CUTOFF and spec.due_value > 90:
        raise ServiceError(_("Hạn gửi quá xa: tối đa 90 ngày sau ngày chốt số liệu."), field="due_value")
    if spec.due_month_offset > 3:
        raise ServiceError(
            _("Hạn gửi chỉ có thể ở tháng cuối kỳ hoặc tối đa 3 tháng sau."), field="due_month_offset"
        )
    if spec.working_day_rule not in set(periods.WorkingDayRule):
        raise ServiceError(_("Quy tắc ngày nghỉ không hợp lệ."), field="working_day_rule")
    if spec.remind_days_before > 30:
        raise ServiceError(_("Nhắc trước hạn tối đa 30 ngày."), field="remind_days_before")
    if spec.max_levels > 10:
        raise ServiceError(_("Số cấp dưới tối đa là 10 (0: mọi cấp)."), field="max_levels")
    _check_cutoff_before_due(spec)


def _check_cutoff_before_due(spec: RegimeSpec) -> None:
    """The figures must be closed before they are due: tried on every period of two sample years."""
    cutoff = periods.CutoffRule(spec.cutoff_day)
    due = periods.DueRule(periods.DueKind(spec.due_kind), spec.due_value, spec.due_month_offset)
    for kind in spec.period_kinds:
        for year in SAMPLE_YEARS:
            for number in range(1, periods.PER_YEAR[periods.PeriodKind(kind)] + 1):
                period = periods.Period(periods.PeriodKind(kind), year, number)
                cut = cutoff.for_period(period)
                due_day = due.calendar_day(period, cut)
                if due_day < cut:
                    raise ServiceError(
                        _(
                            "Ngày chốt số liệu sau hạn gửi: kỳ «%(period)s» chốt số liệu ngày %(cut)s nhưng "
                            "hạn gửi là %(due)s. Hãy đặt hạn gửi sau ngày chốt (ví dụ vào tháng sau kỳ)."
                        )
                        % {
                            "period": period.label,
                            "cut": cut.strftime("%d/%m/%Y"),
                            "due": due_day.strftime("%d/%m/%Y"),
                        },
                        field="due_value",
                    )


def skipped_periods(period_kinds, start_date: date) -> list[periods.Period]:
    """The periods of the chosen kinds already running on ``start_date`` (begun before it, not ended): a
    regime opens only the periods that start on or after its start date, so these are never opened. A start
    after 1 January skips that year's 6-month, 9-month and year periods (while they run), a start after the
    1st of a month skips that month (and its quarter after a quarter's first day)."""
    if start_date is None:
        return []
    order = list(periods.PeriodKind)
    chosen = {periods.PeriodKind(k) for k in period_kinds if k in set(periods.PeriodKind)}
    kinds = sorted(chosen, key=order.index)
    found = []
    for kind in kinds:
        period = periods.Period.containing(kind, start_date)
        if period.start < start_date <= period.end:
            found.append(period)
    return found


def skipped_warning(period_kinds, start_date: date) -> str:
    """The warning shown after saving a regime whose start date skips running periods; "" when none."""
    skipped = skipped_periods(period_kinds, start_date)
    if not skipped:
        return ""
    first = min(period.start for period in skipped)
    return _(
        "Lưu ý: chế độ chỉ mở các kỳ bắt đầu từ ngày áp dụng %(start)s trở đi, nên các kỳ đang diễn ra "
        "sẽ không được mở: %(periods)s. Muốn mở các kỳ này, hãy sửa ngày áp dụng thành %(first)s."
    ) % {
        "start": start_date.strftime("%d/%m/%Y"),
        "periods": ", ".join(period.label for period in skipped),
        "first": first.strftime("%d/%m/%Y"),
    }


def _check_scope(actor, spec: RegimeSpec) -> None:
    access.require(actor, Cap.CALL_MANAGE, spec.owner)
    if not FormTemplate.objects.visible_to(actor).filter(pk=spec.template.pk).exists():
        raise ServiceError(
            _("Biểu mẫu «%(t)s» ngoài phạm vi của bạn.") % {"t": spec.template.name}, field="template"
        )
    if not Unit.objects.visible_to(actor).filter(pk=spec.root.pk).exists():
        raise ServiceError(_("Đơn vị «%(u)s» ngoài phạm vi của bạn.") % {"u": spec.root.name}, field="root")


def _check_overlap(spec: RegimeSpec, exclude_pk: int | None) -> None:
    """Two active regimes of one owner on one form must not ask the same units for the same period."""
    if not spec.is_active:
        return
    others = (
        Regime.objects.active()
        .filter(owner=spec.owner, template=spec.template)
        .exclude(pk=exclude_pk)
        .select_related("root")
    )
    for other in others:
        common = set(other.period_kinds) & set(spec.period_kinds)
        nested = other.root.path.startswith(spec.root.path) or spec.root.path.startswith(other.root.path)
        if common and nested:
            labels = ", ".join(periods.KIND_LABELS[periods.PeriodKind(k)] for k in sorted(common))
            raise ServiceError(
                _(
                    "Trùng kỳ với chế độ báo cáo «%(other)s» (cùng đơn vị nhận, cùng biểu mẫu, "
                    "kỳ %(kinds)s): các đơn vị sẽ phải gửi hai lần một báo cáo. Hãy bỏ các kỳ trùng "
                    "hoặc ngừng áp dụng chế độ kia."
                )
                % {"other": other.name, "kinds": labels},
                field="period_kinds",
            )


def _check_start(spec: RegimeSpec, previous: date | None) -> None:
    if spec.start_date == previous:
        return
    earliest = timezone.localdate() - timedelta(days=MAX_CATCH_UP_DAYS)
    if spec.start_date < earliest:
        raise ServiceError(
            _("Ngày áp dụng quá xa (trước %(d)s): các kỳ đã qua sẽ được mở bù, tối đa hai năm.")
            % {"d": earliest.strftime("%d/%m/%Y")},
            field="start_date",
        )


def _check_item(actor, spec: RegimeSpec, previous_item_id: int | None) -> None:
    """A new or changed programme item must be one of a programme the actor sees (an unchanged one stays)."""
    if spec.programme_item is not None and spec.programme_item.pk != previous_item_id:
        check_item(actor=actor, obj=None, item=spec.programme_item)


def _validate(
    actor,
    spec: RegimeSpec,
    *,
    exclude_pk: int | None,
    previous_start: date | None,
    previous_item_id: int | None = None,
) -> None:
    spec.name = vntext.clean_text(spec.name)
    spec.instructions = vntext.nfc(spec.instructions or "").strip()
    spec.period_kinds = sorted(set(spec.period_kinds), key=list(periods.PeriodKind).index)
    if not spec.name:
        raise ServiceError(_("Hãy ghi tên chế độ báo cáo."), field="name")
    if spec.start_date is None:
        raise ServiceError(_("Hãy ghi ngày bắt đầu áp dụng."), field="start_date")
    _check_scope(actor, spec)
    _check_rules(spec)
    _check_start(spec, previous_start)
    _check_item(actor, spec, previous_item_id)
    _check_overlap(spec, exclude_pk)


def _apply(regime: Regime, spec: RegimeSpec) -> None:
    for name in AUDITED:
        setattr(regime, name, getattr(spec, name))


def _require_units(regime: Regime, spec: RegimeSpec) -> None:
    if not reporting_units(regime, max(spec.start_date, timezone.localdate())).exists():
        raise ServiceError(
            _(
                "Không có đơn vị nào phải báo cáo: dưới «%(root)s» không có đơn vị thuộc các loại "
                "và cấp đã chọn."
            )
            % {"root": spec.root.name},
            field="unit_kinds",
        )


@transaction.atomic
def regime_create(*, actor, spec: RegimeSpec) -> Regime:
    _validate(actor, spec, exclude_pk=None, previous_start=None)
    regime = Regime(created_by=actor)
    _apply(regime, spec)
    regime.save_checked(expected_version=None)
    regime.unit_kinds.set(spec.unit_kinds)
    _require_units(regime, spec)  # inside the transaction: raising here rolls the new row back
    audit.record(
        actor=actor,
        verb="create",
        obj=regime,
        summary=_("Lập chế độ báo cáo %(kinds)s") % {"kinds": regime.kind_labels},
        unit_path=regime.owner.path,
    )
    return regime


@transaction.atomic
def regime_update(*, regime: Regime, actor, spec: RegimeSpec, expected_version: int | None) -> Regime:
    """A changed rule applies to the periods still to open; calls already opened keep their dates."""
    access.require(actor, Cap.CALL_MANAGE, regime.owner)
    before = audit.snapshot(regime, AUDITED)
    kinds_before = sorted(k.code for k in regime.unit_kinds.all())
    _validate(
        actor,
        spec,
        exclude_pk=regime.pk,
        previous_start=regime.start_date,
        previous_item_id=regime.programme_item_id,
    )
    _apply(regime, spec)
    regime.save_checked(expected_version=expected_version)
    regime.unit_kinds.set(spec.unit_kinds)
    _require_units(regime, spec)
    changes = audit.field_changes(before, audit.snapshot(regime, AUDITED))
    kinds_after = sorted(k.code for k in spec.unit_kinds)
    if kinds_after != kinds_before:
        changes["unit_kinds"] = [", ".join(kinds_before), ", ".join(kinds_after)]
    audit.record(
        actor=actor,
        verb="update",
        obj=regime,
        summary=_("Sửa chế độ báo cáo"),
        changes=changes,
        unit_path=regime.owner.path,
    )
    return regime
