"""A unit's deadlines as an iCalendar feed (RFC 5545), for phones and desktop calendars."""

from datetime import timedelta

from icalendar import Calendar, Event

from danvan.lib import vntext


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
