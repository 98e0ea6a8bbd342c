"""Presentations (tham luận): asking units for them, receiving the Word files, reviewing and ordering them."""

import io

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.events import policy
from danvan.events.models import Event, Presentation
from danvan.lib import vntext
from danvan.lib.vndates import DateWindow, format_date
from danvan.org.models import Unit


@transaction.atomic
def presentations_request(*, actor, event: Event, units: list[Unit], due_date=None) -> list[Presentation]:
    """Ask units for a presentation each, by `due_date` (a deadline window) when one is given."""
    policy.require_manage(actor, event)
    # The event's row is the lock: a request sent twice finds the first one's rows (one per unit), adds none.
    Event.objects.select_for_update().filter(pk=event.pk).exists()
    existing = set(event.presentations.values_list("unit_id", flat=True))
    start = event.presentations.count()
    due = (
        DateWindow(start=None, end=due_date, text=format_date(due_date), kind="deadline")
        if due_date
        else None
    )
    fresh = [
        Presentation(event=event, unit=u, order=start + i)
        for i, u in enumerate(x for x in units if x.pk not in existing)
    ]
    for presentation in fresh:
        presentation.set_due(due)
    made = Presentation.objects.bulk_create(fresh)
    from danvan.notifications.services import notify_units

    notify_units(
        [p.unit for p in made],
        subject=_("Đề nghị gửi báo cáo tham luận: %(t)s") % {"t": event.title[:150]},
        body=_("Hạn gửi: %(d)s") % {"d": due_date.strftime("%d/%m/%Y") if due_date else "—"},
        url=reverse("events:event_detail", args=[event.pk]),
    )
    audit.record(
        actor=actor,
        verb="request",
        obj=event,
        summary=_("Đề nghị %(n)s đơn vị gửi tham luận") % {"n": len(made)},
        unit_path=event.organiser.path,
    )
    return made


@transaction.atomic
def presentation_upload(
    *, actor, presentation: Presentation, upload, title: str, presenter: str, max_bytes: int
) -> Presentation:
    from danvan.lib.uploads import inspect_upload

    policy.require_presentation_sender(actor, presentation)
    policy.require_open(presentation.event)
    inspected = inspect_upload(upload, name=upload.name, allowed=("docx",), max_bytes=max_bytes)
    from docx import Document

    paragraphs = [vntext.nfc(p.text).strip() for p in Document(io.BytesIO(inspected.data)).paragraphs]
    presentation.text = [p for p in paragraphs if p]
    presentation.title = vntext.clean_text(title)[:500] or presentation.title or presentation.unit.name
    presentation.presenter = vntext.clean_text(presenter)[:150]
    presentation.file_name = inspected.name
    store(presentation.file, inspected)
    presentation.status = Presentation.Status.RECEIVED
    presentation.save()
    audit.record(
        actor=actor,
        verb="upload",
        obj=presentation.event,
        summary=_("Gửi tham luận «%(t)s»") % {"t": presentation.title[:100]},
        unit_path=presentation.unit.path,
    )
    return presentation


@transaction.atomic
def presentation_review(
    *, actor, presentation: Presentation, approve: bool, comment: str = ""
) -> Presentation:
    policy.require_manage(actor, presentation.event)
    if presentation.status == Presentation.Status.REQUESTED:
        raise ServiceError(_("Đơn vị chưa gửi tham luận."))
    presentation.status = Presentation.Status.APPROVED if approve else Presentation.Status.REJECTED
    presentation.review_comment = vntext.nfc(comment).strip()
    presentation.save(update_fields=["status", "review_comment", "updated_at"])
    audit.record(
        actor=actor,
        verb="review",
        obj=presentation.event,
        summary=_("%(s)s tham luận «%(t)s»")
        % {"s": presentation.get_status_display(), "t": (presentation.title or str(presentation.unit))[:100]},
        unit_path=presentation.event.organiser.path,
    )
    return presentation


@transaction.atomic
def presentations_reorder(*, actor, event: Event, ordered_ids: list[int]) -> None:
    policy.require_manage(actor, event)
    known = set(event.presentations.values_list("pk", flat=True))
    for position, pk in enumerate(i for i in ordered_ids if i in known):
        Presentation.objects.filter(pk=pk).update(order=position)


def presentation_move(*, actor, presentation: Presentation, up: bool) -> None:
    """One place earlier or later in the programme (nothing at either end)."""
    event = presentation.event
    ids = list(event.presentations.values_list("pk", flat=True))
    index = ids.index(presentation.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(ids):
        ids[index], ids[other] = ids[other], ids[index]
    presentations_reorder(actor=actor, event=event, ordered_ids=ids)
