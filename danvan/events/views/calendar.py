"""The events calendar (a month grid) and its iCal feed."""

import calendar as calendar_module
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as IcalEvent

from danvan.core import access
from danvan.core.access import Cap
from danvan.events import selectors
from danvan.events.models import Event

MONTHS = [
    "",
    "Tháng 1",
    "Tháng 2",
    "Tháng 3",
    "Tháng 4",
    "Tháng 5",
    "Tháng 6",
    "Tháng 7",
    "Tháng 8",
    "Tháng 9",
    "Tháng 10",
    "Tháng 11",
    "Tháng 12",
]


@login_required
def month(request):
    access.require(request.user, Cap.EVENT_VIEW)
    today = timezone.localdate()
    try:
        year, number = int(request.GET.get("y", today.year)), int(request.GET.get("m", today.month))
        first = date(year, number, 1)
    except ValueError:
        first = today.replace(day=1)
    last = first.replace(day=calendar_module.monthrange(first.year, first.month)[1])
    by_day = selectors.events_by_day(request.user, first, last)
    weeks = [
        [(d, by_day.get(d, [])) for d in week]
        for week in calendar_module.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = last + timedelta(days=1)
    return render(
        request,
        "events/calendar.html",
        {
            "weeks": weeks,
            "title": f"{MONTHS[first.month]} năm {first.year}",
            "first": first,
            "today": today,
            "previous": previous,
            "following": following,
            "weekdays": [
                _("Thứ Hai"),
                _("Thứ Ba"),
                _("Thứ Tư"),
                _("Thứ Năm"),
                _("Thứ Sáu"),
                _("Thứ Bảy"),
                _("Chủ Nhật"),
            ],
        },
    )


@login_required
def ical(request):
    """The events the user can see, for a calendar app (the session authenticates the download)."""
    access.require(request.user, Cap.EVENT_VIEW)
    calendar = Calendar()
    calendar.add("prodid", "-//danvan//Sự kiện//VI")
    calendar.add("version", "2.0")
    for event in Event.objects.visible_to(request.user).select_related("organiser"):
        span = selectors.event_span(event)
        if span is None:
            continue
        item = IcalEvent()
        item.add("uid", f"event-{event.pk}@{request.get_host()}")
        item.add("summary", str(event))
        if event.starts_at:
            item.add("dtstart", event.starts_at)
            item.add("dtend", event.starts_at + timedelta(hours=4))
        else:
            item.add("dtstart", span[0])
            item.add("dtend", span[1] + timedelta(days=1))
        item.add("location", event.venue)
        item.add("description", f"{event.organiser.name}\n{event.time_text}")
        item.add("dtstamp", event.updated_at)
        calendar.add_component(item)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="su-kien.ics"'
    return response
