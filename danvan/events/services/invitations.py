"""Invitation letters by e-mail, the delegate's answer through the personal link, and the reminder the day
before."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.events import policy
from danvan.events.models import Event, Invitation
from danvan.lib import vntext


@transaction.atomic
def invitations_send(*, actor, event: Event, site: str) -> tuple[int, int]:
    """E-mail each letter not yet sent that has an address (the rest are printed from the letters file) and
    schedule the reminder; returns (e-mailed, to print)."""
    from danvan.notifications.services import email_people

    policy.require_manage(actor, event)
    pending = list(event.invitations.filter(sent_at__isnull=True, is_walk_in=False))
    with_mail = [i for i in pending if i.email]
    email_people(
        [
            (
                _("Giấy mời: %(t)s") % {"t": event.title[:150]},
                _(
                    "Kính mời đồng chí %(name)s tới dự %(event)s.\nThời gian: %(when)s\nĐịa điểm: %(venue)s\n"
                    "Xác nhận tham dự: %(link)s"
                )
                % {
                    "name": i.name,
                    "event": str(event),
                    "when": event.when,
                    "venue": event.venue,
                    "link": f"{site}/e/{i.token}/",
                },
                [i.email],
            )
            for i in with_mail
        ]
    )
    Invitation.objects.filter(pk__in=[i.pk for i in with_mail]).update(sent_at=timezone.now())
    schedule_reminder(event, site=site)
    audit.record(
        actor=actor,
        verb="send",
        obj=event,
        summary=_("Gửi %(n)s giấy mời qua thư điện tử") % {"n": len(with_mail)},
        unit_path=event.organiser.path,
    )
    return len(with_mail), len(pending) - len(with_mail)


@transaction.atomic
def respond(*, token: str, answer: str, substitute_name: str = "", substitute_title: str = "") -> Invitation:
    """The delegate's answer through the personal link (no account): once, before the event."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("event")
        .filter(token=token)
        .order_by("pk")
        .first()
    )
    if invitation is None:
        raise ServiceError(_("Đường dẫn giấy mời không đúng hoặc đã bị thay đổi."))
    if policy.invitation_expired(invitation):
        raise ServiceError(_("Sự kiện đã diễn ra; giấy mời này không còn trả lời được."))
    if invitation.status != Invitation.Status.INVITED:
        raise ServiceError(
            _("Giấy mời này đã được trả lời (%(s)s) lúc %(t)s. Muốn đổi, xin liên hệ đơn vị tổ chức.")
            % {
                "s": invitation.get_status_display(),
                "t": timezone.localtime(invitation.responded_at).strftime("%H:%M %d/%m/%Y"),
            }
        )
    if answer not in (Invitation.Status.ACCEPTED, Invitation.Status.DECLINED, Invitation.Status.SUBSTITUTED):
        raise ServiceError(_("Hãy chọn nhận lời, từ chối hoặc cử người thay."))
    if answer == Invitation.Status.SUBSTITUTED and not vntext.clean_text(substitute_name):
        raise ServiceError(_("Hãy ghi họ và tên người dự thay."), field="substitute_name")
    invitation.status, invitation.responded_at = answer, timezone.now()
    invitation.substitute_name = vntext.clean_text(substitute_name)[:150]
    invitation.substitute_title = vntext.clean_text(substitute_title)[:255]
    invitation.save()
    audit.record(
        actor=None,
        verb="rsvp",
        obj=invitation.event,
        unit_path=invitation.event.organiser.path,
        summary=_("%(name)s: %(answer)s")
        % {"name": invitation.name, "answer": invitation.get_status_display()},
    )
    return invitation


def remind_delegates(*, event: Event, site: str, actor=None) -> int:
    """An e-mail to every delegate with an address who has not declined; returns how many."""
    from danvan.notifications.services import email_people

    if actor is not None:
        policy.require_manage(actor, event)
    if event.status == Event.Status.CLOSED:
        return 0
    invitations = (
        event.invitations.exclude(status=Invitation.Status.DECLINED)
        .exclude(email="")
        .filter(is_walk_in=False)
    )
    messages = [
        (
            _("Nhắc lịch: %(t)s") % {"t": str(event)[:150]},
            _(
                "Kính nhắc đồng chí %(name)s: %(event)s\nThời gian: %(when)s\nĐịa điểm: %(venue)s\n"
                "Giấy mời: %(link)s"
            )
            % {
                "name": i.attending_name,
                "event": str(event),
                "when": event.when,
                "venue": event.venue,
                "link": f"{site}/e/{i.token}/",
            },
            [i.email],
        )
        for i in invitations
    ]
    sent = email_people(messages)
    audit.record(
        actor=actor,
        verb="remind",
        obj=event,
        summary=_("Nhắc %(n)s đại biểu") % {"n": sent},
        unit_path=event.organiser.path,
    )
    return sent


def schedule_reminder(event: Event, *, site: str) -> bool:
    """The reminder goes at 08:00 the day before the event's (last known) day, when that is still ahead."""

    from danvan.events.tasks import send_event_reminders

    day = event.starts_at.date() if event.starts_at else event.time_start or event.time_end
    if day is None or not send_event_reminders.get_backend().supports_defer:
        return False
    when = datetime.datetime.combine(
        day - datetime.timedelta(days=1), datetime.time(8, 0), tzinfo=timezone.get_current_timezone()
    )
    if when <= timezone.now():
        return False
    send_event_reminders.using(run_after=when).enqueue(event.pk, event.last_day.isoformat(), site)
    return True
