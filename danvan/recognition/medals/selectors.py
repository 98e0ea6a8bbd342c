"""Reads of the medal nominations: the groups the rules name, the rules of a group, the filtered list."""

from danvan.lib import vntext

from ..models import MedalNomination, MedalRule


def rule_groups(*, include: str = "") -> list[str]:
    """The groups that rules in force name, in Vietnamese order (plus `include`, a nomination's own)."""
    groups = set(MedalRule.objects.active().values_list("group", flat=True))
    if include:
        groups.add(include)
    return sorted(groups, key=vntext.sort_key)


def rules_for(group: str) -> list[MedalRule]:
    key = vntext.fold(group)
    return [r for r in MedalRule.objects.active() if vntext.fold(r.group) == key]


def nominations_filtered(user, data: dict | None):
    """The nominations the user sees, narrowed by the list's filter (status, group, overall result)."""
    nominations = MedalNomination.objects.visible_to(user)
    data = data or {}
    if data.get("status"):
        nominations = nominations.filter(status=data["status"])
    if data.get("group"):
        nominations = nominations.filter(group=data["group"])
    if data.get("overall"):
        nominations = nominations.filter(checks__overall=data["overall"])
    return nominations


def nomination_groups(user) -> list[str]:
    return sorted(set(MedalNomination.objects.visible_to(user).values_list("group", flat=True)))
