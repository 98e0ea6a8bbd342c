"""Events: composition groups, invitations and answers, the check-in desk, presentations, closing."""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.concurrency import save_if_current
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.vndates import DateParseError, parse_window
from danvan.org.models import Unit

from .models import DelegateGroup, Event, Invitation, Presentation

KIND_WORDS = [
    ("toa dam", Event.Kind.SEMINAR),
    ("tap huan", Event.Kind.TRAINING),
    ("bieu duong", Event.Kind.CEREMONY),
    ("khen thuong", Event.Kind.CEREMONY),
    ("gap mat", Event.Kind.MEETING),
    ("doi thoai", Event.Kind.DIALOGUE),
    ("tiep xuc", Event.Kind.DIALOGUE),
]


def kind_from_words(text: str) -> str:
    folded = vntext.fold(text)
    return next((kind for words, kind in KIND_WORDS if words in folded), Event.Kind.CONFERENCE)


def _apply_time(event: Event, time_text: str) -> None:
    event.time_text = vntext.clean_text(time_text)[:255]
    event.window_start = event.window_end = None
    event.tentative = False
    if not event.time_text:
        return
    try:
        window = parse_window(event.time_text)
    except DateParseError as error:
        if "không tồn tại" in error.message:
            raise ServiceError(error.message, field="time_text") from error
        return  # words we cannot place are kept as written
    event.window_start, event.window_end, event.tentative = window.start, window.end, window.tentative


def _require_manage(actor, event_or_unit) -> None:
    unit = event_or_unit.organiser if isinstance(event_or_unit, Event) else event_or_unit
    access.require(actor, Cap.EVENT_MANAGE, unit)


@transaction.atomic
def event_save(
    *,
    actor,
    organiser: Unit,
    title: str,
    kind: str = "",
    venue: str = "",
    time_text: str = "",
    starts_at=None,
    expected_attendance: int | None = None,
    plan=None,
    task=None,
    event: Event | None = None,
    expected_version: int | None = None,
) -> Event:
    _require_manage(actor, organiser if event is None else event)
    title = vntext.clean_text(title)
    if not title:
        raise ServiceError(_("Hãy ghi tên sự kiện."), field="title")
    creating = event is None
    event = event or Event(organiser=organiser, created_by=actor, plan=plan, task=task)
    event.title, event.kind = title[:500], kind or kind_from_words(title)
    event.venue, event.starts_at = vntext.clean_text(venue)[:255], starts_at
    event.expected_attendance = expected_attendance
    _apply_time(event, time_text)
    save_if_current(event, expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=event,
        summary=_("Lưu sự kiện"),
        unit_path=event.organiser.path,
    )
    return event


@transaction.atomic
def event_from_plan(*, actor, plan) -> Event:
    """The plan's time, venue and composition (seed 002: about 112 delegates in seven groups) as an event."""
    doc = plan.document()
    info = doc.event
    if info is None:
        raise ServiceError(_("Kế hoạch không có phần thời gian, địa điểm, thành phần của một sự kiện."))
    if plan.events.exists():
        raise ServiceError(_("Sự kiện của kế hoạch này đã được tạo."))
    title = vntext.clean_text(doc.title)
    for prefix in ("tổ chức ", "Tổ chức "):
        if title.startswith(prefix):
            title = title[len(prefix) :]
    title = title[:1].upper() + title[1:]
    task = next((t for t in plan.tasks.all() if "hoi nghi" in vntext.fold(t.title)), None)
    event = event_save(
        actor=actor,
        organiser=plan.issuing_unit,
        title=title.rstrip("."),
        venue=info.venue,
        time_text=info.time_text,
        expected_attendance=info.participants_total,
        plan=plan,
        task=task,
    )
    DelegateGroup.objects.bulk_create(
        DelegateGroup(event=event, order=i, label=vntext.clean_text(g.label)[:500], quota=g.quota)
        for i, g in enumerate(info.groups)
    )
    return event


@transaction.atomic
def group_save(
    *,
    actor,
    event: Event,
    label: str,
    quota: int | None = None,
    nominating_unit: Unit | None = None,
    nomination_deadline=None,
    group: DelegateGroup | None = None,
) -> DelegateGroup:
    _require_manage(actor, event)
    label = vntext.clean_text(label)
    if not label:
        raise ServiceError(_("Hãy ghi tên thành phần."), field="label")
    if group is not None and quota is not None and group.invitations.count() > quota:
        raise ServiceError(
            _("Đã mời %(n)s người, nhiều hơn số suất %(q)s mới nhập.")
            % {"n": group.invitations.count(), "q": quota},
            field="quota",
        )
    group = group or DelegateGroup(event=event, order=event.groups.count())
    group.label, group.quota = label[:500], quota
    group.nominating_unit, group.nomination_deadline = nominating_unit, nomination_deadline
    group.save()
    audit.record(
        actor=actor,
        verb="save",
        obj=event,
        summary=_("Lưu thành phần «%(l)s»") % {"l": label[:100]},
        unit_path=event.organiser.path,
    )
    return group


def _locked_group(group: DelegateGroup) -> DelegateGroup:
    return DelegateGroup.objects.select_for_update().get(pk=group.pk)


def _check_quota(group: DelegateGroup, adding: int) -> None:
    if group.quota is None:
        return
    taken = group.invitations.exclude(status=Invitation.Status.DECLINED).count()
    if taken + adding > group.quota:
        raise ServiceError(
            _(
                "Thành phần «%(label)s» chỉ có %(quota)s suất, đã mời %(taken)s: không mời thêm %(n)s "
                "người được."
            )
            % {"label": group.label[:80], "quota": group.quota, "taken": taken, "n": adding}
        )


def _invitation(event, group, **fields) -> Invitation:
    invitation = Invitation(event=event, group=group, **fields)
    invitation.name = vntext.clean_text(invitation.name)
    invitation.sort_key = vntext.person_sort_key(invitation.name)[:255]
    invitation.search_text = vntext.fold(f"{invitation.name} {invitation.title} {invitation.unit_name}")
    return invitation


@transaction.atomic
def invite_people(*, actor, event: Event, group: DelegateGroup, people) -> list[Invitation]:
    _require_manage(actor, event)
    _check_open(event)
    group = _locked_group(group)
    already = set(event.invitations.filter(person__in=people).values_list("person_id", flat=True))
    fresh = [p for p in people if p.pk not in already]
    _check_quota(group, len(fresh))
    made = Invitation.objects.bulk_create(
        [
            _invitation(
                event,
                group,
                person=p,
                name=p.full_name,
                title=p.title,
                unit_name=p.unit.name,
                email=p.email,
                phone=p.phone,
            )
            for p in fresh
        ]
    )
    audit.record(
        actor=actor,
        verb="invite",
        obj=event,
        unit_path=event.organiser.path,
        summary=_("Mời %(n)s đại biểu vào «%(g)s»") % {"n": len(made), "g": group.label[:80]},
    )
    return made


@transaction.atomic
def nominate(
    *, actor, group: DelegateGroup, name: str, title: str = "", email: str = "", phone: str = ""
) -> Invitation:
    """A unit asked to send delegates names one, before the deadline, within the group's seats."""
    group = _locked_group(group)
    event = group.event
    unit = group.nominating_unit
    if unit is None:
        raise ServiceError(_("Thành phần này không giao cho đơn vị nào cử đại biểu."))
    access.require(actor, Cap.SUBMISSION_EDIT, unit)
    _check_open(event)
    if group.nomination_deadline and timezone.localdate() > group.nomination_deadline:
        raise ServiceError(
            _("Đã quá hạn cử đại biểu (%(d)s). Hãy liên hệ đơn vị tổ chức.")
            % {"d": group.nomination_deadline.strftime("%d/%m/%Y")}
        )
    if not vntext.clean_text(name):
        raise ServiceError(_("Hãy ghi họ và tên đại biểu."), field="name")
    _check_quota(group, 1)
    invitation = _invitation(
        event,
        group,
        name=name,
        title=vntext.clean_text(title),
        unit_name=unit.name,
        email=email.strip().lower(),
        phone=vntext.clean_text(phone),
        nominated_by=unit,
    )
    invitation.save()
    audit.record(
        actor=actor,
        verb="nominate",
        obj=event,
        unit_path=unit.path,
        summary=_("Cử đại biểu %(name)s") % {"name": invitation.name},
    )
    return invitation


def _check_open(event: Event) -> None:
    # The stored status, not the caller's copy: the desk may hold an event another officer just closed.
    if Event.objects.filter(pk=event.pk, status=Event.Status.CLOSED).exists():
        raise ServiceError(_("Sự kiện đã kết thúc."))


def invitation_expired(invitation: Invitation) -> bool:
    event = invitation.event
    last_day = event.last_day
    return event.status == Event.Status.CLOSED or (last_day is not None and timezone.localdate() > last_day)


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
    if invitation_expired(invitation):
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


def check_in(*, actor, invitation: Invitation) -> tuple[Invitation, bool]:
    """Mark a delegate present; (invitation, False) when they already were — never counted twice."""
    access.require(actor, Cap.EVENT_CHECKIN, invitation.event.organiser)
    _check_open(invitation.event)
    marked = Invitation.objects.filter(pk=invitation.pk, checked_in_at__isnull=True).update(
        checked_in_at=timezone.now(), checked_in_by=actor
    )
    invitation.refresh_from_db(fields=["checked_in_at", "checked_in_by"])
    return invitation, bool(marked)


@transaction.atomic
def walk_in(
    *,
    actor,
    event: Event,
    name: str,
    title: str = "",
    unit_name: str = "",
    group: DelegateGroup | None = None,
) -> Invitation:
    access.require(actor, Cap.EVENT_CHECKIN, event.organiser)
    _check_open(event)
    if not vntext.clean_text(name):
        raise ServiceError(_("Hãy ghi họ và tên người đến dự."), field="name")
    invitation = _invitation(
        event,
        group,
        name=name,
        title=vntext.clean_text(title),
        unit_name=vntext.clean_text(unit_name),
        is_walk_in=True,
        status=Invitation.Status.ACCEPTED,
        checked_in_at=timezone.now(),
        checked_in_by=actor,
    )
    invitation.save()
    return invitation


def group_panel(event: Event) -> list[dict]:
    """Per group: quota, invited, accepted, present — one query."""
    present = Q(invitations__checked_in_at__isnull=False)
    rows = (
        event.groups.select_related("nominating_unit")
        .annotate(
            invited=Count("invitations", filter=Q(invitations__is_walk_in=False)),
            accepted=Count(
                "invitations",
                filter=Q(invitations__status__in=[Invitation.Status.ACCEPTED, Invitation.Status.SUBSTITUTED]),
            ),
            present=Count("invitations", filter=present),
        )
        .order_by("order", "id")
    )
    return [
        {"group": g, "quota": g.quota, "invited": g.invited, "accepted": g.accepted, "present": g.present}
        for g in rows
    ]


def mark_sent(invitations) -> None:
    Invitation.objects.filter(pk__in=[i.pk for i in invitations]).update(sent_at=timezone.now())


@transaction.atomic
def presentations_request(*, actor, event: Event, units: list[Unit], due_date=None) -> list[Presentation]:
    _require_manage(actor, event)
    existing = set(event.presentations.values_list("unit_id", flat=True))
    start = event.presentations.count()
    made = Presentation.objects.bulk_create(
        [
            Presentation(event=event, unit=u, due_date=due_date, order=start + i)
            for i, u in enumerate(x for x in units if x.pk not in existing)
        ]
    )
    from django.urls import reverse

    from danvan.notifications.services import notify_units

    notify_units(
        [p.unit for p in made],
        subject=_("Đề nghị gửi báo cáo tham luận: %(t)s") % {"t": event.title[:150]},
        body=_("Hạn gửi: %(d)s") % {"d": due_date.strftime("%d/%m/%Y") if due_date else "—"},
        url=reverse("events:event_detail", args=[event.pk]),
    )
    return made


@transaction.atomic
def presentation_upload(
    *, actor, presentation: Presentation, upload, title: str, presenter: str, max_bytes: int
) -> Presentation:
    from danvan.lib.uploads import inspect_upload

    access.require(actor, Cap.SUBMISSION_EDIT, presentation.unit)
    _check_open(presentation.event)
    inspected = inspect_upload(upload, name=upload.name, allowed=("docx",), max_bytes=max_bytes)
    import io

    from docx import Document

    paragraphs = [vntext.nfc(p.text).strip() for p in Document(io.BytesIO(inspected.data)).paragraphs]
    presentation.text = [p for p in paragraphs if p]
    presentation.title = vntext.clean_text(title)[:500] or presentation.title or presentation.unit.name
    presentation.presenter = vntext.clean_text(presenter)[:150]
    presentation.file_name = inspected.name
    from danvan.core.files import store

    store(presentation.file, inspected)
    presentation.status = Presentation.Status.RECEIVED
    presentation.save()
    return presentation


@transaction.atomic
def presentation_review(
    *, actor, presentation: Presentation, approve: bool, comment: str = ""
) -> Presentation:
    _require_manage(actor, presentation.event)
    if presentation.status == Presentation.Status.REQUESTED:
        raise ServiceError(_("Đơn vị chưa gửi tham luận."))
    presentation.status = Presentation.Status.APPROVED if approve else Presentation.Status.REJECTED
    presentation.review_comment = vntext.nfc(comment).strip()
    presentation.save(update_fields=["status", "review_comment", "updated_at"])
    return presentation


@transaction.atomic
def presentations_reorder(*, actor, event: Event, ordered_ids: list[int]) -> None:
    _require_manage(actor, event)
    known = set(event.presentations.values_list("pk", flat=True))
    for position, pk in enumerate(i for i in ordered_ids if i in known):
        Presentation.objects.filter(pk=pk).update(order=position)


@transaction.atomic
def event_close(*, actor, event: Event, minutes: str, conclusions: str) -> Event:
    _require_manage(actor, event)
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == Event.Status.CLOSED:
        raise ServiceError(_("Sự kiện đã được kết thúc trước đó."))
    event.minutes, event.conclusions = vntext.nfc(minutes).strip(), vntext.nfc(conclusions).strip()
    event.status, event.closed_at = Event.Status.CLOSED, timezone.now()
    event.version += 1
    event.save()
    if event.task_id:
        from danvan.plans.models import Task

        Task.objects.filter(pk=event.task_id).exclude(status=Task.Status.DONE).update(
            status=Task.Status.DONE, progress=100
        )
    audit.record(
        actor=actor, verb="close", obj=event, summary=_("Kết thúc sự kiện"), unit_path=event.organiser.path
    )
    return event


def remind_delegates(*, event: Event, site: str, actor=None) -> int:
    """An e-mail to every delegate with an address who has not declined; returns how many."""
    from danvan.notifications.services import email_people

    if actor is not None:
        _require_manage(actor, event)
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
    import datetime

    from .tasks import send_event_reminders

    day = event.starts_at.date() if event.starts_at else event.window_start or event.window_end
    if day is None or not send_event_reminders.get_backend().supports_defer:
        return False
    when = datetime.datetime.combine(
        day - datetime.timedelta(days=1), datetime.time(8, 0), tzinfo=timezone.get_current_timezone()
    )
    if when <= timezone.now():
        return False
    send_event_reminders.using(run_after=when).enqueue(event.pk, event.last_day.isoformat(), site)
    return True
