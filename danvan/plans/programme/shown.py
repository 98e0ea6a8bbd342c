"""The line "Thực hiện mục «…» của Chương trình công tác <năm>" on the detail pages of the objects carrying
out a programme item (a task, a call, an event, an appraisal round): the item and its programme come with the
object's own query, and so does whether the viewer may open the programme (``programme_shown``), so the line
costs the page no query of its own. Rendered by templates/plans/programme/_carries.html."""

from django.db.models import Exists, OuterRef, QuerySet

from ..models import Plan


def with_programme_item(queryset: QuerySet, user) -> QuerySet:
    """``queryset`` (of a model with a ``programme_item`` foreign key) with the item and its programme joined
    and ``programme_shown``: True when ``user`` may see that programme (``Plan.objects.visible_to``), so the
    line links to it; otherwise the line names the item without a link."""
    visible = Plan.objects.visible_to(user).filter(pk=OuterRef("programme_item__plan_id"))
    return queryset.select_related("programme_item__plan").annotate(programme_shown=Exists(visible))
