"""Opening each period's call by itself: the daily job's work, idempotent and bulk (nationwide in one run)."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from danvan.core import access, audit, stamps
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import periods
from danvan.lib.vndates import DateWindow

from ...models import Call, CallTarget
from ..models import Regime
from ..units import units_by_regime


@dataclass
class OpenResult:
    calls: list[Call] = field(default_factory=list)
    targets: int = 0

    def __bool__(self) -> bool:
        return bool(self.calls)


def due_periods(regime: Regime, today: date) -> list[periods.Schedule]:
    """The regime's periods that started on or after its start date and whose opening day has come."""
    found = []
    for kind in regime.kinds:
        for period in periods.periods_between(kind, regime.start_date, today):
            planned = regime.schedule(period)
            if planned.opens_on <= today:
                found.append(planned)
    return found


def _new_call(regime: Regime, planned: periods.Schedule) -> Call:
    call = Call(
        owner=regime.owner,
        template=regime.template,
        title=f"{regime.name} — {planned.period.label}"[:500],
        instructions=regime.instructions,
        remind_days_before=regime.remind_days_before,
        period_kind=planned.period.kind,
        period_start=planned.period.start,
        period_end=planned.cutoff,
        regime=regime,
        programme_item_id=regime.programme_item_id,  # the regime's item, on every call it opens
    )
    words = _("trước ngày %(d)s") % {"d": planned.due.strftime("%d/%m/%Y")}
    call.set_due(DateWindow(start=None, end=planned.due, text=words, kind="deadline"))
    call.refresh_derived()  # bulk_create skips save(), which computes it
    return call


@transaction.atomic
def open_due_periods(today: date, *, regimes=None) -> OpenResult:
    """Open every due period's call not opened yet, for every active regime (or those given), with a target
    for each reporting unit. Running it again the same day opens nothing: the regimes' rows are locked
    first (two workers take turns), and (regime, kind, period start) is unique on Call besides."""
    queryset = Regime.objects.active().filter(start_date__lte=today)
    if regimes is not None:
        queryset = queryset.filter(pk__in=[r.pk for r in regimes])
    chosen = list(
        queryset.select_for_update(of=("self",))
        .select_related("owner", "root", "template")
        .prefetch_related("unit_kinds")
        .order_by("pk")
    )
    if not chosen:
        return OpenResult()
    opened = set(
        Call.objects.filter(regime__in=chosen).values_list("regime_id", "period_kind", "period_start")
    )
    missing: list[tuple[Regime, periods.Schedule]] = [
        (regime, planned)
        for regime in chosen
        for planned in due_periods(regime, today)
        if (regime.pk, planned.period.kind, planned.period.start) not in opened
    ]
    if not missing:
        return OpenResult()
    units = units_by_regime(list({r.pk: r for r, _p in missing}.values()), today)
    pairs = [(regime, planned) for regime, planned in missing if units[regime.pk]]
    calls = bulk_create_with_history([_new_call(r, p) for r, p in pairs], Call, batch_size=500)
    targets = [
        CallTarget(call_id=call.pk, unit_id=unit_id)
        for call, (regime, _planned) in zip(calls, pairs, strict=True)
        for unit_id in units[regime.pk]
    ]
    CallTarget.objects.bulk_create(targets, batch_size=2000)
    stamps.touched(Call, CallTarget)
    for call, (regime, planned) in zip(calls, pairs, strict=True):
        audit.record(
            actor=None,
            verb="open",
            obj=call,
            summary=_("Tự động mở kỳ %(period)s, %(n)s đơn vị phải gửi, hạn %(due)s")
            % {
                "period": planned.period.label,
                "n": len(units[regime.pk]),
                "due": planned.due.strftime("%d/%m/%Y"),
            },
            unit_path=regime.owner.path,
        )
    return OpenResult(calls=list(calls), targets=len(targets))


def regime_open_now(*, regime: Regime, actor, today: date) -> OpenResult:
    """An officer opens the regime's due periods at once instead of waiting for the morning's job."""
    access.require(actor, Cap.CALL_MANAGE, regime.owner)
    if not regime.is_active:
        raise ServiceError(_("Chế độ báo cáo này đang ngừng áp dụng: hãy bật lại trước khi mở kỳ."))
    return open_due_periods(today, regimes=[regime])
