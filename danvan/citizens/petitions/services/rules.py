"""What the petition services share: deadlines, the checks of dates and units, the timeline and audit."""

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError

from ...models import DeadlineRule, Petition, PetitionStep
from ...models.catalog import ensure_defaults
from .. import policy

S = Petition.Status


def deadline_days(kind: str) -> int:
    rule = DeadlineRule.objects.filter(kind=kind).first()
    if rule is None:  # a flushed test database: put the seeded settings back
        ensure_defaults()
        rule = DeadlineRule.objects.get(kind=kind)
    return rule.days


def default_deadline(kind: str, received_on: date) -> date:
    return received_on + timedelta(days=deadline_days(kind))


def _check_dates(received_on: date, deadline: date | None) -> None:
    if received_on > timezone.localdate():
        raise ServiceError(_("Ngày tiếp nhận không thể ở tương lai."), field="received_on")
    if deadline is not None and deadline < received_on:
        raise ServiceError(
            _("Hạn giải quyết (%(d)s) không thể trước ngày tiếp nhận (%(r)s).")
            % {"d": deadline.strftime("%d/%m/%Y"), "r": received_on.strftime("%d/%m/%Y")},
            field="deadline",
        )


def _check_target(petition: Petition, unit) -> None:
    if unit is None:
        raise ServiceError(_("Hãy chọn đơn vị chủ trì giải quyết."), field="unit")
    if not policy.same_tree(unit, petition.received_unit):
        raise ServiceError(
            _("Đơn vị «%(u)s» không thuộc hệ thống đơn vị của nơi tiếp nhận: không thể giao, chuyển.")
            % {"u": unit.name},
            field="unit",
        )
    if unit.valid_to is not None and unit.valid_to < timezone.localdate():
        raise ServiceError(_("Đơn vị «%(u)s» đã hết hiệu lực.") % {"u": unit.name}, field="unit")


def _step(petition, *, actor, from_status, note="", from_unit=None, to_unit=None, transfer=False) -> None:
    PetitionStep.objects.create(
        petition=petition,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        from_status=from_status,
        to_status=petition.status,
        from_unit=from_unit,
        to_unit=to_unit,
        note=note,
        is_transfer=transfer,
    )


def _audit(petition, *, actor, verb, summary, changes=None) -> None:
    audit.record(
        actor=actor,
        verb=verb,
        obj=petition,
        summary=summary,
        changes=changes,
        unit_path=petition.received_path,
    )
