"""Template helpers of the board page."""

from django import template
from django.urls import reverse

register = template.Library()

_CALL, _UNIT = "987654321", "123456789"  # stand-ins no real id reaches on the board


@register.simple_tag(takes_context=True)
def answer_url(context, call_id: int, unit_id: int) -> str:
    """The link of a board cell (a unit's answer to a call). A board page has hundreds of cells and
    `{% url %}` costs tens of microseconds each: the route is reversed once per page, filled in per cell."""
    pattern = context.render_context.get("board_answer_url")
    if pattern is None:
        pattern = reverse("reporting:submission_open", args=[int(_CALL), int(_UNIT)])
        context.render_context["board_answer_url"] = pattern
    return pattern.replace(_CALL, str(call_id), 1).replace(_UNIT, str(unit_id), 1)
