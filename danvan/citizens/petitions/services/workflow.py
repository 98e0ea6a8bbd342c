"""The road of a petition: assigned and transferred, started, answered, the citizen informed, closed,
escalated, or merged into the petition it repeats."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.notifications.services import notify_units

from ...models import Petition
from .. import policy
from .rules import S, _audit, _check_dates, _check_target, _step, default_deadline


@transaction.atomic
def petition_assign(
    *,
    actor,
    petition: Petition,
    unit,
    deadline: date | None = None,
    reason: str = "",
    expected_version: int | None = None,
) -> Petition:
    """Give the petition to the unit responsible for resolving it, with a deadline (default: the kind's days
    from receipt). On a petition already assigned this is a transfer, and the reason is required."""
    policy.require_handle(actor, petition)
    _check_target(petition, unit)
    reason = vntext.nfc(reason).strip()
    transfer = petition.status in (S.ASSIGNED, S.IN_PROGRESS)
    if transfer:
        if not reason:
            raise ServiceError(_("Hãy ghi lý do chuyển đơn vị giải quyết."), field="reason")
        if unit.pk == petition.responsible_unit_id:
            raise ServiceError(_("Kiến nghị đang do chính đơn vị này giải quyết."), field="unit")
    else:
        policy.require_transition(petition, S.ASSIGNED)
    deadline = deadline or default_deadline(petition.kind, petition.received_on)
    _check_dates(petition.received_on, deadline)
    from_status, from_unit = petition.status, petition.responsible_unit
    petition.responsible_unit, petition.deadline, petition.status = unit, deadline, S.ASSIGNED
    petition.save_checked(expected_version=expected_version)
    _step(
        petition,
        actor=actor,
        from_status=from_status,
        note=reason,
        from_unit=from_unit,
        to_unit=unit,
        transfer=transfer,
    )
    _audit(
        petition,
        actor=actor,
        verb="transfer" if transfer else "assign",
        summary=(_("Chuyển đơn vị giải quyết: %(u)s") if transfer else _("Giao giải quyết: %(u)s"))
        % {"u": unit.name},
        changes={
            "responsible_unit": [str(from_unit or ""), unit.name],
            "deadline": [None, deadline.isoformat()],
        },
    )
    # The unit must know it has a petition to resolve; the notice carries no personal data.
    notify_units(
        [unit],
        subject=_("Kiến nghị #%(n)s cần giải quyết trước ngày %(d)s")
        % {"n": petition.pk, "d": deadline.strftime("%d/%m/%Y")},
        body=petition.title,
        url=petition.get_absolute_url(),
    )
    return petition


def petition_transfer(
    *,
    actor,
    petition: Petition,
    unit,
    reason: str,
    deadline: date | None = None,
    expected_version: int | None = None,
) -> Petition:
    if petition.status not in (S.ASSIGNED, S.IN_PROGRESS):
        raise ServiceError(_("Chỉ chuyển được kiến nghị đã giao và chưa trả lời."))
    return petition_assign(
        actor=actor,
        petition=petition,
        unit=unit,
        deadline=deadline,
        reason=reason,
        expected_version=expected_version,
    )


def _move(petition, *, actor, to_status, note="", verb, summary, expected_version=None) -> Petition:
    policy.require_transition(petition, to_status)
    from_status = petition.status
    petition.status = to_status
    petition.save_checked(expected_version=expected_version)
    _step(petition, actor=actor, from_status=from_status, note=note)
    _audit(petition, actor=actor, verb=verb, summary=summary, changes={"status": [from_status, to_status]})
    return petition


@transaction.atomic
def petition_start(*, actor, petition: Petition, expected_version: int | None = None) -> Petition:
    policy.require_answer(actor, petition)
    return _move(
        petition,
        actor=actor,
        to_status=S.IN_PROGRESS,
        verb="start",
        summary=_("Bắt đầu giải quyết"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_answer(
    *,
    actor,
    petition: Petition,
    answer: str,
    answered_on: date | None = None,
    expected_version: int | None = None,
) -> Petition:
    policy.require_answer(actor, petition)
    answer = vntext.nfc(answer).strip()
    if not answer:
        raise ServiceError(_("Hãy ghi nội dung trả lời."), field="answer")
    answered_on = answered_on or timezone.localdate()
    if answered_on < petition.received_on or answered_on > timezone.localdate():
        raise ServiceError(_("Ngày trả lời phải từ ngày tiếp nhận đến hôm nay."), field="answered_on")
    policy.require_transition(petition, S.ANSWERED)
    petition.answer, petition.answered_on = answer, answered_on
    return _move(
        petition,
        actor=actor,
        to_status=S.ANSWERED,
        verb="answer",
        summary=_("Trả lời kiến nghị"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_inform(
    *,
    actor,
    petition: Petition,
    how: str,
    informed_on: date | None = None,
    expected_version: int | None = None,
) -> Petition:
    policy.require_handle(actor, petition)
    how = vntext.clean_text(how)[:255]
    if not how:
        raise ServiceError(_("Hãy ghi hình thức thông tin cho công dân."), field="how")
    policy.require_transition(petition, S.INFORMED)
    informed_on = informed_on or timezone.localdate()
    if petition.answered_on and informed_on < petition.answered_on:
        raise ServiceError(_("Ngày thông tin không thể trước ngày trả lời."), field="informed_on")
    petition.informed_how, petition.informed_on = how, informed_on
    return _move(
        petition,
        actor=actor,
        to_status=S.INFORMED,
        note=how,
        verb="inform",
        summary=_("Đã thông tin cho công dân"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_close(
    *, actor, petition: Petition, note: str = "", expected_version: int | None = None
) -> Petition:
    policy.require_handle(actor, petition)
    if not petition.answer:
        raise ServiceError(_("Không thể kết thúc kiến nghị khi chưa có câu trả lời."))
    policy.require_transition(petition, S.CLOSED)
    petition.closed_on = timezone.localdate()
    return _move(
        petition,
        actor=actor,
        to_status=S.CLOSED,
        note=vntext.nfc(note).strip(),
        verb="close",
        summary=_("Kết thúc kiến nghị"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_escalate(
    *, actor, petition: Petition, reason: str, expected_version: int | None = None
) -> Petition:
    policy.require_handle(actor, petition)
    reason = vntext.nfc(reason).strip()
    if not reason:
        raise ServiceError(_("Hãy ghi lý do chuyển cấp trên."), field="reason")
    policy.require_transition(petition, S.ESCALATED)
    petition.escalation_reason = reason
    petition = _move(
        petition,
        actor=actor,
        to_status=S.ESCALATED,
        note=reason,
        verb="escalate",
        summary=_("Chuyển cấp trên"),
        expected_version=expected_version,
    )
    # The unit above the one that could not resolve it decides who will.
    holder = petition.responsible_unit or petition.received_unit
    if holder.parent_id:
        notify_units(
            [holder.parent],
            subject=_("Kiến nghị #%(n)s được chuyển lên cấp trên") % {"n": petition.pk},
            body=f"{petition.title}\n{reason}",
            url=petition.get_absolute_url(),
        )
    return petition


@transaction.atomic
def petition_merge(*, actor, petition: Petition, into: Petition) -> Petition:
    """A duplicate joins the petition it repeats: counted once, followed there; its people keep their code."""
    policy.require_handle(actor, petition)
    policy.require_handle(actor, into)
    if petition.pk == into.pk:
        raise ServiceError(_("Không thể gộp một kiến nghị vào chính nó."))
    if into.status == S.MERGED:
        raise ServiceError(_("Kiến nghị đích đã được gộp vào kiến nghị khác."))
    if not policy.same_tree(petition.received_unit, into.received_unit):
        raise ServiceError(_("Hai kiến nghị không cùng hệ thống đơn vị."))
    policy.require_transition(petition, S.MERGED)
    petition.merged_into = into
    into.raiser_count = (into.raiser_count or 1) + (petition.raiser_count or 1)
    into.save(update_fields=["raiser_count", "updated_at"])
    _step(
        into, actor=actor, from_status=into.status, note=_("Gộp kiến nghị trùng #%(n)s") % {"n": petition.pk}
    )
    return _move(
        petition,
        actor=actor,
        to_status=S.MERGED,
        note=_("Gộp vào #%(n)s") % {"n": into.pk},
        verb="merge",
        summary=_("Gộp vào kiến nghị #%(n)s") % {"n": into.pk},
    )
