"""The search box: the first matches of each kind among what the user may see.

Every group starts from its model's `visible_to(user)` and is shown only with the capability guarding the
kind's own pages (people: PERSON_VIEW where they work). Matching is on folded text (no diacritics, no case,
punctuation as spaces: "01-KH/BTGDVTU" is the words 01 kh btgdvtu), every word of the query must appear:
- units, people, plans (number, title, document type), calls (title, and their plan's number and title) and
  exemplars (title, description, beneficiaries, unit) have a stored folded column `search_text`, filtered in
  the database;
- events have none: the latest EVENT_CANDIDATES visible events are folded at query time (kind, title,
  venue, time), a bounded read whatever the number of events.
One query per group whatever the data size (the first SEARCH_LIMIT + 1 rows tell whether there are more).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.events.models import Event
from danvan.lib import vntext
from danvan.org.models import Unit
from danvan.org.selectors import people_visible_to
from danvan.plans.models import Plan
from danvan.recognition.models import Exemplar
from danvan.reporting.models import Call

SEARCH_LIMIT = 10  # per group on the all-groups page; "xem thêm" opens the group alone, paginated
EVENT_CANDIDATES = 500


def words_of(query: str) -> list[str]:
    return vntext.fold(query).split()


def folded_q(words: list[str], field: str = "search_text") -> Q:
    """Every word must appear in the folded column."""
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__contains": word})
    return condition


def _units(user, words):
    units = Unit.objects.visible_to(user).filter(folded_q(words)).select_related("kind", "parent")
    return units.order_by("depth", "sort_key", "id")


def _people(user, words):
    return people_visible_to(user).filter(folded_q(words)).select_related("unit").order_by("sort_key", "id")


def _plans(user, words):
    plans = Plan.objects.visible_to(user).filter(folded_q(words)).select_related("issuing_unit")
    return plans.order_by("-issued_on", "-created_at", "-id")


def _calls(user, words):
    matching = folded_q(words) | folded_q(words, "plan__search_text")
    calls = Call.objects.visible_to(user).filter(matching).select_related("owner", "plan")
    return calls.order_by("-due_end", "-id")


def _exemplars(user, words):
    exemplars = Exemplar.objects.visible_to(user).filter(folded_q(words)).select_related("unit", "field")
    return exemplars.order_by("-year", "title", "id")


def event_text(event: Event) -> str:
    return vntext.fold(f"{event.get_kind_display()} {event.title} {event.venue} {event.time_text}")


def _events(user, words):
    candidates = (
        Event.objects.visible_to(user)
        .select_related("organiser")
        .order_by("-time_end", "-starts_at", "-id")[:EVENT_CANDIDATES]
    )
    return [event for event in candidates if all(word in event_text(event) for word in words)]


@dataclass(frozen=True)
class Group:
    key: str
    title: str
    cap: Cap
    find: Callable  # (user, words) -> queryset or list
    empty: str


GROUPS: list[Group] = [
    Group("unit", _("Đơn vị"), Cap.UNIT_VIEW, _units, _("Không có đơn vị nào khớp.")),
    Group("person", _("Cán bộ"), Cap.PERSON_VIEW, _people, _("Không có cán bộ nào khớp.")),
    Group("plan", _("Kế hoạch, văn bản"), Cap.PLAN_VIEW, _plans, _("Không có văn bản nào khớp.")),
    Group("call", _("Yêu cầu báo cáo, đăng ký"), Cap.REPORT_VIEW, _calls, _("Không có yêu cầu nào khớp.")),
    Group("event", _("Sự kiện"), Cap.EVENT_VIEW, _events, _("Không có sự kiện nào khớp.")),
    Group(
        "exemplar", _("Mô hình, điển hình"), Cap.MOVEMENT_VIEW, _exemplars, _("Không có mô hình nào khớp.")
    ),
]


def groups_for(user) -> list[Group]:
    """The groups the user may search: a kind whose pages they may not open is not searched at all."""
    return [group for group in GROUPS if access.has_cap(user, group.cap)]


def matches(user, group: Group, query: str):
    """All matches of one group (a queryset, or a list for the events), for paging."""
    words = words_of(query)
    if not words:
        return []
    return group.find(user, words)


def search_everything(user, query: str) -> list[dict]:
    """For each group the user may search: its first SEARCH_LIMIT matches and whether there are more."""
    words = words_of(query)
    results = []
    for group in groups_for(user):
        rows = list(group.find(user, words)[: SEARCH_LIMIT + 1]) if words else []
        results.append({"group": group, "rows": rows[:SEARCH_LIMIT], "more": len(rows) > SEARCH_LIMIT})
    return results
