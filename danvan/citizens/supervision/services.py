"""Supervision and social critique: activities, and recommendations followed until they are answered."""

from dataclasses import replace

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.vndates import DateParseError, DateWindow, parse_window

from ..models import Recommendation, SupervisionActivity


def _window(text: str):
    text = vntext.clean_text(text)[:255]
    if not text:
        return None
    try:
        return replace(parse_window(text), text=text)
    except DateParseError:
        return DateWindow.unparsed(text)


@transaction.atomic
def activity_save(
    *,
    actor,
    unit,
    kind: str,
    title: str,
    programme: str = "",
    subject: str = "",
    findings: str = "",
    time_text: str = "",
    activity: SupervisionActivity | None = None,
    expected_version: int | None = None,
) -> SupervisionActivity:
    access.require(actor, Cap.SUPERVISION_MANAGE, unit if activity is None else activity.unit)
    title = vntext.clean_text(title)[:500]
    if not title:
        raise ServiceError(_("Hãy ghi nội dung giám sát, phản biện."), field="title")
    creating = activity is None
    activity = activity or SupervisionActivity(unit=unit, created_by=actor)
    activity.kind, activity.title = kind, title
    activity.programme, activity.subject = (
        vntext.clean_text(programme)[:255],
        vntext.clean_text(subject)[:255],
    )
    activity.findings = vntext.nfc(findings).strip()
    activity.set_time(_window(time_text))
    activity.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=activity,
        summary=_("Lưu hoạt động giám sát, phản biện"),
        unit_path=activity.unit.path,
    )
    return activity


@transaction.atomic
def recommendation_add(
    *,
    actor,
    activity: SupervisionActivity,
    addressee: str,
    content: str,
    addressee_unit=None,
    sent_on=None,
    deadline=None,
) -> Recommendation:
    access.require(actor, Cap.SUPERVISION_MANAGE, activity.unit)
    addressee = vntext.clean_text(addressee or (addressee_unit.name if addressee_unit else ""))[:255]
    content = vntext.nfc(content).strip()
    if not addressee:
        raise ServiceError(_("Hãy ghi cơ quan nhận kiến nghị."), field="addressee")
    if not content:
        raise ServiceError(_("Hãy ghi nội dung kiến nghị."), field="content")
    sent_on = sent_on or timezone.localdate()
    if deadline is not None and deadline < sent_on:
        raise ServiceError(_("Hạn trả lời không thể trước ngày gửi."), field="deadline")
    recommendation = Recommendation.objects.create(
        activity=activity,
        addressee=addressee,
        addressee_unit=addressee_unit,
        content=content,
        sent_on=sent_on,
        deadline=deadline,
    )
    audit.record(
        actor=actor,
        verb="create",
        obj=recommendation,
        summary=_("Gửi kiến nghị sau giám sát"),
        unit_path=activity.unit.path,
    )
    return recommendation


def _may_answer(actor, recommendation: Recommendation) -> bool:
    """The body it was sent to answers (when it is a unit here), or the sending unit records the answer."""
    units = [recommendation.activity.unit, recommendation.addressee_unit]
    return any(
        u is not None
        and (
            access.has_cap(actor, Cap.SUPERVISION_MANAGE, u) or access.has_cap(actor, Cap.PETITION_HANDLE, u)
        )
        for u in units
    )


@transaction.atomic
def recommendation_answer(
    *, actor, recommendation: Recommendation, response: str, responded_on=None
) -> Recommendation:
    if not _may_answer(actor, recommendation):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    if recommendation.status != Recommendation.Status.SENT:
        raise ServiceError(_("Kiến nghị này đã được trả lời."))
    response = vntext.nfc(response).strip()
    if not response:
        raise ServiceError(_("Hãy ghi nội dung trả lời."), field="response")
    responded_on = responded_on or timezone.localdate()
    if responded_on < recommendation.sent_on:
        raise ServiceError(_("Ngày trả lời không thể trước ngày gửi."), field="responded_on")
    recommendation.response, recommendation.responded_on = response, responded_on
    recommendation.status = Recommendation.Status.ANSWERED
    recommendation.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="answer",
        obj=recommendation,
        summary=_("Ghi trả lời kiến nghị giám sát"),
        unit_path=recommendation.activity.unit.path,
    )
    return recommendation


@transaction.atomic
def recommendation_close(*, actor, recommendation: Recommendation) -> Recommendation:
    access.require(actor, Cap.SUPERVISION_MANAGE, recommendation.activity.unit)
    if recommendation.status != Recommendation.Status.ANSWERED:
        raise ServiceError(_("Không thể kết thúc kiến nghị khi chưa có câu trả lời."))
    recommendation.status = Recommendation.Status.CLOSED
    recommendation.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="close",
        obj=recommendation,
        summary=_("Kết thúc theo dõi kiến nghị giám sát"),
        unit_path=recommendation.activity.unit.path,
    )
    return recommendation
