"""Which version of a briefing's conclusions notice counts.

``Event.conclusions_notice`` names the notice the briefing first made. An issued notice is changed the way any
plan is (plans.services.plan_amend): a new draft with ``amends`` pointing to it, which on issue makes the old
one SUPERSEDED. Plans may not import events (the layering test), so nothing moves the event's link when an
amendment is issued; the briefing resolves it when read instead, following the ``amendments`` chain:

- the notice in force: the last issued version (or the first notice while it is still a draft), whose tasks
  are the briefing's conclusions and the next briefing's "Việc kỳ trước giao";
- the amendment being drafted, if any: where new conclusions go until it is issued."""

from __future__ import annotations

from danvan.plans.models import Plan

# A chain longer than this is a loop in bad data, not a real run of amendments.
_MAX_VERSIONS = 100


def _next_version(notice: Plan, *, statuses) -> Plan | None:
    return notice.amendments.filter(status__in=statuses).order_by("-revision", "-id").first()


def notice_in_force(notice: Plan | None) -> Plan | None:
    """The version of ``notice`` that is in force: follow its issued (or since superseded) amendments to the
    newest one. A draft amendment does not replace the issued notice until it is issued itself."""
    if notice is None:
        return None
    issued = (Plan.Status.ISSUED, Plan.Status.SUPERSEDED)
    for _step in range(_MAX_VERSIONS):
        newer = _next_version(notice, statuses=issued)
        if newer is None:
            break
        notice = newer
    return notice


def draft_amendment(notice: Plan | None) -> Plan | None:
    """The amendment of the notice in force that is being drafted (plan_amend allows one at a time)."""
    if notice is None or notice.status != Plan.Status.ISSUED:
        return None
    return _next_version(notice, statuses=(Plan.Status.DRAFT,))


def writable_notice(notice: Plan | None) -> Plan | None:
    """Where new conclusions are written: the notice in force while it is a draft, else its draft amendment;
    None when the notice is issued and no amendment is being drafted."""
    current = notice_in_force(notice)
    if current is None:
        return None
    return current if current.is_editable else draft_amendment(current)
