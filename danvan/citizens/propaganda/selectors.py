from django.db.models import Count, Sum

from danvan.lib import vntext

from ..models import PropagandaEntry, Slogan


def entries(user, *, query: str = "", kind: str = ""):
    rows = PropagandaEntry.objects.visible_to(user).select_related("unit")
    if kind:
        rows = rows.filter(kind=kind)
    for word in vntext.fold(query).split():
        rows = rows.filter(search_text__contains=word)
    return rows


def totals(rows) -> dict:
    """Entries and reach of the listed rows, by kind: one query."""
    by_kind = {
        r["kind"]: r
        for r in rows.order_by()
        .values("kind")
        .annotate(n=Count("id"), views=Sum("views"), shares=Sum("shares"), copies=Sum("copies"))
    }
    return [
        {"label": label, **by_kind.get(value, {"n": 0, "views": 0, "shares": 0, "copies": 0})}
        for value, label in PropagandaEntry.Kind.choices
    ]


def slogans(user, *, query: str = ""):
    rows = Slogan.objects.visible_to(user).select_related("unit")
    for word in vntext.fold(query).split():
        rows = rows.filter(search_text__contains=word)
    return rows
