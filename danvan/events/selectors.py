"""Reads of events that go across relations or depend on the user: the attendance panel, the desk's search,
the calendar, and the rows the documents are built from (as the dataclasses of documents.types)."""

from datetime import date, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from danvan.lib import vntext
from danvan.plans.services import header_texts

from . import documents
from .models import Event, Invitation, Presentation

DESK_RESULTS = 15


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


def panel_totals(panel: list[dict]) -> dict:
    return {k: sum(row[k] or 0 for row in panel) for k in ("quota", "invited", "accepted", "present")}


def desk_matches(event: Event, query: str) -> list[Invitation]:
    """A letter's QR link (…/e/<token>/) finds its invitation; words find names (diacritics optional)."""
    invitations = event.invitations.select_related("group")
    token = query.rstrip("/").rsplit("/", 1)[-1] if "/e/" in query else ""
    if token:
        return list(invitations.filter(token=token)[:1])
    words = vntext.fold(query).split()
    if not words:
        return []
    for word in words:
        invitations = invitations.filter(search_text__contains=word)
    return list(invitations.order_by("sort_key")[:DESK_RESULTS])


def desk_invitation(event: Event, reference: str) -> Invitation | None:
    """The invitation the desk picked (its id) or scanned (its code or link)."""
    if reference.isdigit():
        return event.invitations.filter(pk=int(reference)).first()
    if reference:
        found = desk_matches(event, reference if "/e/" in reference else f"/e/{reference}")
        return found[0] if found else None
    return None


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("event__organiser").filter(token=token).first()


def invited_person_ids(event: Event) -> set[int]:
    return set(event.invitations.values_list("person_id", flat=True))


def event_span(event: Event) -> tuple[date, date] | None:
    """The days an event covers on a calendar: its fixed day, else its window; None when not placed."""
    if event.starts_at:
        day = timezone.localtime(event.starts_at).date()
        return day, day
    if event.time_end:
        return event.time_start or event.time_end, event.time_end
    return None


def events_by_day(user, first: date, last: date) -> dict[date, list[Event]]:
    """The events the user sees on each day from `first` to `last` (a window reaching in counts)."""
    visible = Event.objects.visible_to(user)
    events = list(
        visible.filter(time_end__gte=first - timedelta(days=62), time_start__lte=last + timedelta(days=1))
        | visible.filter(starts_at__date__gte=first, starts_at__date__lte=last)
    )
    by_day: dict[date, list[Event]] = {}
    for event in events:
        span = event_span(event)
        if span is None:
            continue
        day = max(span[0], first)
        while day <= min(span[1], last):
            by_day.setdefault(day, []).append(event)
            day += timedelta(days=1)
    return by_day


# -- the rows of the event's documents


def event_info(event: Event) -> documents.EventInfo:
    superior, issuing = header_texts(event.organiser)
    plan = event.plan
    reference = ""
    if plan is not None and plan.symbol:
        reference = f"Thực hiện Kế hoạch số {plan.symbol}"
        if plan.issued_on:
            reference += f" ngày {plan.issued_on:%d/%m/%Y}"
        reference += f" của {event.organiser.name}"
    content = []
    # The signer and the place: the plan's (the letters carry it out), else the event's own fields.
    place, authority, signer = event.place_name, event.signer_authority_lines, event.signer_name
    if plan is not None:
        doc = plan.document()
        content_section = next((s for s in doc.sections if s.role == "content"), None)
        content = [b.text for b in content_section.blocks] if content_section else []
        place = plan.place or place
        if doc.signature and (doc.signature.signer_name or doc.signature.authority_lines):
            authority, signer = list(doc.signature.authority_lines), doc.signature.signer_name
    return documents.EventInfo(
        title=event.title,
        kind_label=event.get_kind_display(),
        time_text=event.when or "",
        venue=event.venue,
        organiser=event.organiser.name,
        superior_body=superior,
        issuing_body=issuing,
        body_code=event.organiser.abbreviation,
        place=place or "",
        issued_on=None,
        signer_authority=authority or ["TRƯỞNG BAN"],
        signer_name=signer,
        plan_reference=reference,
        content_lines=content,
    )


def letter_invitations(event: Event, *, unsent_without_mail: bool = False):
    """The invitations that get a printed letter (every one, or those neither sent nor e-mailable)."""
    pending = (
        event.invitations.filter(is_walk_in=False)
        .select_related("group")
        .order_by("group__order", "sort_key", "id")
    )
    if unsent_without_mail:
        pending = pending.filter(sent_at__isnull=True, email="")
    return pending


def delegates(event: Event, site: str, invitations=None) -> list[documents.Delegate]:
    invitations = (
        invitations
        if invitations is not None
        else event.invitations.select_related("group").order_by("group__order", "sort_key", "id")
    )
    return [
        documents.Delegate(
            name=i.attending_name,
            title=i.substitute_title or i.title,
            unit_name=i.unit_name,
            group_label=i.group.label if i.group_id else "Khách mời khác",
            link=f"{site}/e/{i.token}/",
            checked_in=i.checked_in_at is not None,
            status_label=i.get_status_display(),
        )
        for i in invitations
    ]


def booklet_items(event: Event) -> list[documents.PresentationDoc]:
    approved = event.presentations.filter(status=Presentation.Status.APPROVED).select_related("unit")
    return [
        documents.PresentationDoc(
            order=i, title=p.title, unit_name=p.unit.name, presenter=p.presenter, paragraphs=p.text
        )
        for i, p in enumerate(approved, start=1)
    ]


def report_figures(event: Event) -> dict:
    """The keyword arguments of documents.event_report_docx besides the event itself."""
    groups = [
        documents.GroupAttendance(
            label=row["group"].label,
            quota=row["quota"],
            invited=row["invited"],
            accepted=row["accepted"],
            attended=row["present"],
        )
        for row in group_panel(event)
    ]
    return {
        "groups": groups,
        "walk_ins": event.invitations.filter(is_walk_in=True, group__isnull=True).count(),
        "minutes": event.minutes,
        "conclusions": event.conclusions,
        "presentations": [p.title for p in event.presentations.filter(status=Presentation.Status.APPROVED)],
    }
