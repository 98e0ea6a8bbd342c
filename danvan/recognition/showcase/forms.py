"""The showcase's filter: a value that is not one of the choices is ignored, never an error page."""

from django import forms


class ShowcaseFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200)
    field = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    locality = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, fields, years, localities):
        super().__init__(data)
        self.fields["field"].choices = [("", ""), *((f.pk, f.name) for f in fields)]
        self.fields["year"].choices = [("", ""), *((y, y) for y in years)]
        self.fields["locality"].choices = [("", ""), *((u.pk, u.name) for u in localities)]

    def values(self) -> dict:
        """The valid filters; a value that is not one of the choices is ignored, never an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in ("q", "field", "year", "locality")}
