"""Template helpers of the indicator pages, and the note on a report prefilled from the children's."""

from django import template

from danvan.core import access
from danvan.core.access import Cap

from ..indicators import charts
from ..indicators.prefill import children_figures

register = template.Library()


@register.filter
def figure(value) -> str:
    """A figure with Vietnamese grouping, no decimals when whole; "—" for none."""
    return charts.figure(value)


@register.filter
def signed_pct(value) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + charts.figure(value) + "%"


@register.inclusion_tag("reporting/indicators/_prefill_note.html", takes_context=True)
def prefill_note(context, submission, can_edit=False):
    """On a unit's report for a period: what its children sent, added up; a button to add them up again."""
    figures = children_figures(call=submission.call, unit=submission.unit)
    user = context.get("user")
    return {
        "figures": figures,
        "submission": submission,
        "can_refill": bool(
            figures
            and figures.sent
            and can_edit
            and not submission.is_sent
            and access.has_cap(user, Cap.SUBMISSION_EDIT, submission.unit)
        ),
        "csrf_token": context.get("csrf_token"),
    }
