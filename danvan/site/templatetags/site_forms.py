"""Form rendering helpers for the shared form component (templates/components/form.html)."""

from django import forms, template
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext as _

register = template.Library()

DASHES = BLANK_CHOICE_DASH[0][1]  # Django's "---------"


def placeholder_for(label) -> str:
    return _("— Chọn %(what)s —") % {"what": str(label).lower()} if label else _("— Chọn —")


@register.filter
def vn_placeholder(bound_field):
    """A dropdown's empty choice reads "— Chọn <field> —" instead of Django's "---------".

    The form field is the form instance's own copy (Django deep-copies base_fields per form), so changing
    it here changes no other form.
    """
    field = bound_field.field
    if isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField):
        if field.empty_label == DASHES:
            field.empty_label = placeholder_for(bound_field.label)
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField):
        choices = list(field.choices)
        if any(value == "" and label == DASHES for value, label in choices):
            field.choices = [
                (value, placeholder_for(bound_field.label) if value == "" and label == DASHES else label)
                for value, label in choices
            ]
    return bound_field


@register.filter
def choice_input(bound_widget):
    """One radio button or checkbox of a RadioSelect / CheckboxSelectMultiple, as a Bootstrap check input.

    The generic `styled` filter gives the whole widget "form-control", which draws each choice as an empty
    text box (checkboxes) or an empty pill (radios on a phone); each choice needs "form-check-input".
    """
    data = dict(bound_widget.data)
    attrs = dict(data.get("attrs") or {})
    attrs["class"] = "form-check-input"
    data["attrs"] = attrs
    data["wrap_label"] = False  # the component writes the label after the input, as Bootstrap wants
    return bound_widget.parent_widget._render(
        bound_widget.template_name, {"widget": data}, bound_widget.renderer
    )
