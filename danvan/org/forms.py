from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin, VersionedFormMixin

from .models import Person, Unit, UnitKind


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, **kwargs):
        super().__init__(
            format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}, **kwargs
        )


class UnitPickerWidget(forms.Select):
    """Renders only the chosen unit; static/js/app.js adds a search box that looks units up by name.

    A full <select> of every visible unit would hold 100,000 options at national scale. The lookup finds
    today's units; ``data-lookup-on`` (a day) finds those that existed that day, ``data-lookup-past`` every
    unit, a unit no longer in force marked as such.
    """

    def optgroups(self, name, value, attrs=None):
        from .selectors import unit_label

        chosen = [v for v in value if v not in (None, "")]
        groups = (
            []
            if self.allow_multiple_selected
            else [(None, [self.create_option(name, "", "—", not chosen, 0)], 0)]
        )
        queryset = getattr(self.choices, "queryset", None)
        if chosen and queryset is not None:
            for index, unit in enumerate(queryset.filter(pk__in=chosen), start=1):
                groups.append(
                    (None, [self.create_option(name, unit.pk, unit_label(unit), True, index)], index)
                )
        return groups


class UnitMultiPickerWidget(UnitPickerWidget, forms.SelectMultiple):
    """Several units through the same search box: each unit found is added; app.js lists them to remove."""

    allow_multiple_selected = True


class _UnitLookupMixin:
    def lookup_on(self, day) -> None:
        """Look up the units that existed on `day` (a past document names the units of its time)."""
        self.widget.attrs["data-lookup-on"] = day.isoformat()

    def lookup_past(self) -> None:
        """Look up every unit, those dissolved or merged too (marked)."""
        self.widget.attrs["data-lookup-past"] = "1"


class UnitChoiceField(_UnitLookupMixin, forms.ModelChoiceField):
    """A unit chosen among the units the user may see, through a search-as-you-type picker."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Unit.objects.none())
        kwargs.setdefault("widget", UnitPickerWidget)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"class": "form-select", "data-unit-picker": "1"})

    def label_from_instance(self, obj):
        return obj.name


class UnitMultipleChoiceField(_UnitLookupMixin, forms.ModelMultipleChoiceField):
    """Several units among those the user may see, through the search-as-you-type picker."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", Unit.objects.none())
        kwargs.setdefault("widget", UnitMultiPickerWidget)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"class": "form-select", "data-unit-picker": "1"})

    def label_from_instance(self, obj):
        return obj.name


class UnitForm(NormalizingFormMixin, VersionedFormMixin, OnceFormMixin, forms.ModelForm):
    parent = UnitChoiceField(label=_("Đơn vị cấp trên"), required=False)
    successor = UnitChoiceField(label=_("Sáp nhập vào"), required=False)

    class Meta:
        model = Unit
        fields = [
            "name",
            "short_name",
            "abbreviation",
            "kind",
            "parent",
            "code",
            "admin_code",
            "valid_from",
            "valid_to",
            "successor",
            "email",
            "phone",
            "address",
            "note",
        ]
        widgets = {
            "valid_from": DateInput(),
            "valid_to": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = UnitKind.objects.all()
        if visible_units is not None:
            self.fields["parent"].queryset = visible_units
            self.fields["successor"].queryset = visible_units


class PersonForm(NormalizingFormMixin, VersionedFormMixin, OnceFormMixin, forms.ModelForm):
    unit = UnitChoiceField(label=_("Đơn vị"))

    class Meta:
        model = Person
        fields = ["full_name", "title", "unit", "phone", "email", "birth_year", "gender", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units
        self.fields["birth_year"].widget.attrs.update({"min": 1900, "max": 2100})

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and not 1900 <= year <= 2100:
            raise forms.ValidationError(_("Năm sinh phải từ 1900 đến 2100."))
        return year


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)


class UnitKindForm(NormalizingFormMixin, forms.ModelForm):
    class Meta:
        model = UnitKind
        fields = ["code", "name", "order", "is_admin_area"]
        help_texts = {"code": _("Chữ thường không dấu, ví dụ residential_area. Không đổi được sau khi tạo.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["code"].disabled = True
