"""htmx requests get a named partial of the same page; everything else gets the whole page."""

from django.shortcuts import render


def render_page(request, template: str, context: dict, *, partial: str | None = None, status: int = 200):
    if partial and getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, f"{template}#{partial}", context, status=status)
    return render(request, template, context, status=status)
