"""Demo of events: the seminar of the ward's demo plan (next month) as an event, with its composition
groups from the plan and the members of the ward's Tổ Dân vận invited, so the event pages have people."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from danvan.lib.periods import Period, PeriodKind
from danvan.org.models import Person

from . import services
from .models import Event


@transaction.atomic
def load_demo_events(actor, units: dict, plan) -> int:
    """The event of ``plan`` (the ward seminar) if it has none yet; returns the number of invitations."""
    load_demo_briefings(actor, units)
    if plan is None or Event.objects.filter(plan=plan).exists():
        return 0
    event = services.event_from_plan(actor=actor, plan=plan)
    teams = [units[f"team{n}"] for n in range(1, 5) if f"team{n}" in units]
    people = list(Person.objects.filter(unit__in=teams).select_related("unit").order_by("unit__path", "id"))
    group = event.groups.order_by("-order").first()
    if group is None or not people:
        return 0
    return len(services.invite_people(actor=actor, event=event, group=group, people=people))


def _weekday_on_or_before(day):
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


@transaction.atomic
def load_demo_briefings(actor, units: dict) -> int:
    """The ward Party committee's quarterly briefings: last quarter's, held, with four conclusions (two done,
    one late, one not yet due) in an issued notice, and this quarter's, scheduled, which opens with them.
    Dates follow today so the demo always has a past and a next briefing. Returns the conclusions made."""
    from danvan.plans import services as plan_services

    from .briefings.services import ConclusionItem, briefing_save, conclusions_add

    organiser = units.get("du_ward")
    if organiser is None or Event.objects.filter(organiser=organiser).exclude(briefing_kind="").exists():
        return 0
    this_quarter = Period.containing(PeriodKind.QUARTER, timezone.localdate())
    last_quarter = this_quarter.previous()
    held_on = _weekday_on_or_before(last_quarter.end - timedelta(days=5))
    next_on = _weekday_on_or_before(this_quarter.end - timedelta(days=8))
    last = briefing_save(
        actor=actor,
        organiser=organiser,
        kind="giao_ban",
        period=last_quarter,
        time_text=f"ngày {held_on:%d/%m/%Y}",
        venue="Hội trường Đảng ủy phường",
    )
    areas = [units[f"area{n}"] for n in range(1, 5) if f"area{n}" in units]
    front = units.get("mttq_ward")
    if not areas or front is None:
        return 0
    done_one, done_two, late, not_due = conclusions_add(
        actor=actor,
        event=last,
        items=[
            ConclusionItem(
                "Rà soát, lập danh sách hộ có nhà ở xuống cấp cần hỗ trợ sửa chữa trước mùa mưa bão.",
                [areas[0], front],
                held_on + timedelta(days=20),
            ),
            ConclusionItem(
                "Tổ chức đối thoại giữa Đảng ủy phường với đoàn viên, hội viên về chỉnh trang đô thị.",
                [front],
                held_on + timedelta(days=35),
            ),
            ConclusionItem(
                "Hoàn thiện hồ sơ đăng ký mô hình “Dân vận khéo” của các khu phố.",
                areas[1:3] or areas[:1],
                held_on + timedelta(days=45),
            ),
            ConclusionItem(
                "Chuẩn bị báo cáo tổng kết công tác dân vận năm, gửi Ban Xây dựng Đảng tổng hợp.",
                [units.get("bxdd_ward") or organiser],
                next_on + timedelta(days=10),
            ),
        ],
    )
    last.refresh_from_db()
    plan_services.plan_issue(plan=last.conclusions_notice, actor=actor, issued_on=held_on + timedelta(days=2))
    plan_services.task_add_note(
        task=done_one,
        actor=actor,
        text="Đã rà soát, lập danh sách 18 hộ; gửi Ủy ban nhân dân phường.",
        progress=100,
    )
    plan_services.task_add_note(
        task=done_two, actor=actor, text="Đã tổ chức đối thoại với 120 đại biểu tham dự.", progress=100
    )
    plan_services.task_add_note(task=late, actor=actor, text="Hai khu phố chưa nộp hồ sơ.", progress=40)
    briefing_save(
        actor=actor,
        organiser=organiser,
        kind="giao_ban",
        period=this_quarter,
        time_text=f"ngày {next_on:%d/%m/%Y}",
        venue="Hội trường Đảng ủy phường",
    )
    return 4 if not_due else 3
