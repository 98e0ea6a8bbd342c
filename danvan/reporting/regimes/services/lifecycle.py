"""Ending a regime: stopping it (no more periods opened; the calls it opened stay), starting it again, and
deleting one that never opened a call. Each is atomic and audited, on the owner's CALL_MANAGE."""

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError, StaleEdit

from ..models import Regime
from .definition import RegimeSpec, _check_overlap

MSG_HAS_CALLS = _(
    "Không xóa được chế độ báo cáo «%(name)s»: đã mở %(n)s kỳ báo cáo và các đơn vị đã nhận yêu cầu. "
    "Hãy ngừng áp dụng để không mở thêm kỳ nào; các kỳ đã mở vẫn được giữ."
)


def _lock(regime: Regime, actor) -> Regime:
    access.require(actor, Cap.CALL_MANAGE, regime.owner)
    return Regime.objects.select_for_update(of=("self",)).select_related("owner").get(pk=regime.pk)


def _set_active(regime: Regime, actor, active: bool, expected_version: int | None) -> Regime:
    locked = _lock(regime, actor)
    if locked.is_active == active:
        raise ServiceError(
            _("Chế độ báo cáo này đang được áp dụng.")
            if active
            else _("Chế độ báo cáo này đã ngừng áp dụng từ trước.")
        )
    if active:  # the rule that keeps two active regimes from asking for one report twice
        spec = RegimeSpec(
            owner=locked.owner,
            name=locked.name,
            template=locked.template,
            root=locked.root,
            period_kinds=list(locked.period_kinds),
            start_date=locked.start_date,
        )
        _check_overlap(spec, exclude_pk=locked.pk)
    locked.is_active = active
    locked.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="activate" if active else "deactivate",
        obj=locked,
        summary=_("Áp dụng lại chế độ báo cáo") if active else _("Ngừng áp dụng chế độ báo cáo"),
        changes={"is_active": [not active, active]},
        unit_path=locked.owner.path,
    )
    return locked


@transaction.atomic
def regime_deactivate(*, regime: Regime, actor, expected_version: int | None = None) -> Regime:
    """No period is opened any more (by the daily run or by hand); the calls already opened go on."""
    return _set_active(regime, actor, False, expected_version)


@transaction.atomic
def regime_activate(*, regime: Regime, actor, expected_version: int | None = None) -> Regime:
    """Apply a stopped regime again; refused when another active regime now asks the same report."""
    return _set_active(regime, actor, True, expected_version)


def delete_refusal(regime: Regime) -> str:
    """Why the regime cannot be deleted ("" when it can): it opened calls, which units have answered to."""
    count = regime.calls.count()
    return MSG_HAS_CALLS % {"name": regime.name, "n": count} if count else ""


@transaction.atomic
def regime_delete(*, regime: Regime, actor, expected_version: int | None = None) -> None:
    """Delete a regime that has opened no call (a mistake caught in time); one with calls is refused."""
    locked = _lock(regime, actor)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(locked)
    refusal = delete_refusal(locked)
    if refusal:
        raise ServiceError(refusal)
    audit.record(
        actor=actor,
        verb="delete",
        obj=locked,
        summary=_("Xóa chế độ báo cáo «%(name)s»") % {"name": locked.name},
        unit_path=locked.owner.path,
    )
    locked.delete()
