from datetime import date

from ..models import Dialogue, Petition


def month_bounds(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return start, end


def calendar(user, *, year: int, month: int):
    """The dialogues of a month across the user's subtrees (by the first day of their time window)."""
    start, end = month_bounds(year, month)
    return (
        Dialogue.objects.visible_to(user)
        .filter(time_start__gte=start, time_start__lt=end)
        .select_related("organiser")
        .order_by("time_start", "id")
    )


def undated(user):
    return Dialogue.objects.visible_to(user).filter(time_start__isnull=True).select_related("organiser")


def raised_at(dialogue: Dialogue):
    return dialogue.petitions.exclude(status=Petition.Status.MERGED).select_related(
        "field", "responsible_unit"
    )
