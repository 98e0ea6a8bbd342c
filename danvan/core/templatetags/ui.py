from django import forms, template

register = template.Library()


@register.filter
def styled(bound_field):
    """Render a field with the Bootstrap class its widget needs, marked invalid when it has errors."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    elif isinstance(widget, forms.Select | forms.SelectMultiple):
        css = "form-select"
    else:
        css = "form-control"
    existing = widget.attrs.get("class", "")
    classes = " ".join(dict.fromkeys(f"{existing} {css}".split()))
    if bound_field.errors:
        classes += " is-invalid"
    attrs = {"class": classes}
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def split_words(text: str) -> list[str]:
    return text.split()


@register.filter
def field(form, name: str):
    return form[name]


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def running(jobs) -> bool:
    return any(job.status in ("queued", "running") for job in jobs)
