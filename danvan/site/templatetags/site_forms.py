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
