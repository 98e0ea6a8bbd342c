"""Situation reports: urgent ones reach the committee at once; a hot spot is followed until closed."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.notifications.services import notify_units
from danvan.org.models import Unit

from ..models import SituationNote, SituationReport


def committees_above(unit) -> list:
    """The units above the reporting unit (up to the province's committee), whose people must know at once."""
    return list(Unit.objects.filter(path__in=unit.ancestor_paths()).order_by("depth"))


@transaction.atomic
def situation_report(
    *,
    actor,
    unit,
    topic: str,
    content: str,
    place: str = "",
    proposal: str = "",
    urgency: str = SituationReport.Urgency.ROUTINE,
    is_hot_spot: bool = False,
    reported_on=None,
) -> SituationReport:
    access.require(actor, Cap.SITUATION_REPORT, unit)
    topic, content = vntext.clean_text(topic)[:300], vntext.nfc(content).strip()
    if not topic or not content:
        raise ServiceError(
            _("Hãy ghi vấn đề và tình hình, dư luận."), field="topic" if not topic else "content"
        )
    reported_on = reported_on or timezone.localdate()
    if reported_on > timezone.localdate():
        raise ServiceError(_("Ngày báo cáo không thể ở tương lai."), field="reported_on")
    report = SituationReport(
        unit=unit,
        topic=topic,
        content=content,
        place=vntext.clean_text(place)[:255],
        proposal=vntext.nfc(proposal).strip(),
        urgency=urgency,
        is_hot_spot=is_hot_spot,
        case_status=SituationReport.Case.OPEN if is_hot_spot else "",
        reported_on=reported_on,
        created_by=actor,
    )
    report.save_checked(expected_version=None)
    audit.record(
        actor=actor, verb="create", obj=report, summary=_("Báo cáo nắm tình hình"), unit_path=unit.path
    )
    if urgency == SituationReport.Urgency.URGENT or is_hot_spot:
        label = _("Điểm nóng") if is_hot_spot else _("Báo cáo khẩn")
        notify_units(
            [*committees_above(unit), unit],
            subject=f"{label}: {topic} ({unit.name})",
            body=content[:1000],
            url=report.get_absolute_url(),
        )
    return report


@transaction.atomic
def situation_note_add(*, actor, report: SituationReport, text: str, on=None) -> SituationNote:
    access.require(actor, Cap.SITUATION_REPORT, report.unit)
    if report.case_status != SituationReport.Case.OPEN:
        raise ServiceError(_("Chỉ ghi diễn biến cho điểm nóng đang theo dõi."))
    text = vntext.nfc(text).strip()
    if not text:
        raise ServiceError(_("Hãy ghi diễn biến."), field="text")
    note = SituationNote.objects.create(report=report, text=text, on=on or timezone.localdate(), author=actor)
    audit.record(
        actor=actor, verb="note", obj=report, summary=_("Ghi diễn biến điểm nóng"), unit_path=report.unit.path
    )
    return note


@transaction.atomic
def situation_follow(*, actor, report: SituationReport) -> SituationReport:
    """A routine report turned out to be a hot spot: follow it from now on."""
    access.require(actor, Cap.SITUATION_REPORT, report.unit)
    if report.case_status == SituationReport.Case.OPEN:
        raise ServiceError(_("Điểm nóng này đang được theo dõi."))
    report.is_hot_spot, report.case_status, report.closed_on = True, SituationReport.Case.OPEN, None
    report.save_checked(expected_version=None)
    audit.record(
        actor=actor, verb="follow", obj=report, summary=_("Theo dõi điểm nóng"), unit_path=report.unit.path
    )
    return report


@transaction.atomic
def situation_close(*, actor, report: SituationReport, text: str) -> SituationReport:
    access.require(actor, Cap.SITUATION_REPORT, report.unit)
    if report.case_status != SituationReport.Case.OPEN:
        raise ServiceError(_("Điểm nóng này không ở trạng thái đang theo dõi."))
    text = vntext.nfc(text).strip()
    if not text:
        raise ServiceError(_("Hãy ghi kết quả xử lý trước khi kết thúc theo dõi."), field="text")
    SituationNote.objects.create(report=report, text=text, author=actor)
    report.case_status, report.closed_on = SituationReport.Case.CLOSED, timezone.localdate()
    report.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="close",
        obj=report,
        summary=_("Kết thúc theo dõi điểm nóng"),
        unit_path=report.unit.path,
    )
    return report
