"""A unit's deadlines as an iCalendar feed (RFC 5545), for phones and desktop calendars."""

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from danvan.accounts.models import User
from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.lib import vntext
from danvan.org.models import Unit

from .models import CalendarFeed, new_calendar_token


def unit_calendar(unit, tasks, *, site: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//danvan//Hạn nhiệm vụ//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Hạn nhiệm vụ — {unit.name}")
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for task in tasks:
        event = Event()
        event.add("uid", f"task-{task.pk}@{site}")
        start = task.due_start or task.due_end
        event.add("dtstart", start)
        event.add("dtend", task.due_end + timedelta(days=1))
        summary = vntext.clean_text(f"{task.plan.symbol or task.plan.title[:40]}: {task.title}")
        event.add("summary", summary[:200])
        description = [task.title, f"Thời hạn: {task.due_text}" if task.due_text else "", task.plan.title]
        event.add("description", "\n".join(d for d in description if d))
        event.add("url", f"https://{site}{task.get_absolute_url()}")
        event.add("dtstamp", task.updated_at)
        calendar.add_component(event)
    return calendar.to_ical()


# The feed's address: the unit's current feed secret and the user it was given to, signed. A calendar app
# cannot log in, so the address is the credential; tying it to the user means it answers only while that user
# may still read the unit's plans (roles removed, account disabled: 404), and rotating the unit's secret
# (calendar_feed_rotate) ends every address given out for the unit.
FEED_SALT = "danvan.plans.calendar-feed"


def feed_address_token(feed, user) -> str:
    return signing.Signer(salt=FEED_SALT).sign_object({"f": feed.token, "u": user.pk})


def feed_for_token(token: str):
    """The CalendarFeed a link opens, or None when the link is forged, rotated away, or its user may no
    longer read the unit's plans."""
    try:
        data = signing.Signer(salt=FEED_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    feed = CalendarFeed.objects.select_related("unit").filter(token=str(data.get("f", ""))).first()
    user = (
        User.objects.filter(pk=data.get("u"), is_active=True).first()
        if isinstance(data.get("u"), int)
        else None
    )
    if feed is None or user is None:
        return None
    in_scope = Unit.objects.visible_to(user).filter(pk=feed.unit_id).exists()
    if not in_scope or not access.has_cap(user, Cap.PLAN_VIEW, feed.unit):
        return None
    return feed


@transaction.atomic
def calendar_feed_rotate(*, unit, actor):
    """A new secret for the unit's feed: every address given out before stops answering.
    (A service; it lives here beside the feed until plans/services.py is free to take it.)"""
    access.require(actor, Cap.PLAN_VIEW, unit)
    feed, _created = CalendarFeed.objects.select_for_update().get_or_create(unit=unit)
    feed.token = new_calendar_token()
    feed.save(update_fields=["token"])
    audit.record(
        actor=actor, verb="update", obj=feed, summary=_("Đổi địa chỉ lịch hạn (iCal)"), unit_path=unit.path
    )
    return feed
