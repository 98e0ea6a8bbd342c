from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin
from danvan.lib.periods import KIND_LABELS, PeriodKind

from .models import COMMON_UNITS_OF_MEASURE, Indicator


class PeriodForm(forms.Form):
    """The period a page shows (GET): kind, year, number within the year."""

    kind = forms.ChoiceField(label=_("Kỳ"), choices=[(k.value, v) for k, v in KIND_LABELS.items()])
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    number = forms.IntegerField(
        label=_("Tháng / quý"), min_value=1, max_value=12, required=False, help_text=_("Bỏ trống với kỳ năm")
    )

    def clean(self):
        data = super().clean()
        kind, number = data.get("kind"), data.get("number") or 1
        limit = {PeriodKind.MONTH.value: 12, PeriodKind.QUARTER.value: 4}.get(kind, 1)
        if kind and number > limit:
            self.add_error("number", _("Kỳ này chỉ có số từ 1 đến %(n)s.") % {"n": limit})
        data["number"] = number if kind in (PeriodKind.MONTH.value, PeriodKind.QUARTER.value) else 1
        return data


class TargetForm(NormalizingFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    value = forms.DecimalField(label=_("Chỉ tiêu năm"), min_value=0, max_digits=17, decimal_places=2)
    unit_of_measure = forms.ChoiceField(label=_("Đơn vị tính"))
    note = forms.CharField(label=_("Ghi chú (căn cứ)"), max_length=500, required=False)

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        units = dict.fromkeys([indicator.unit_of_measure, *COMMON_UNITS_OF_MEASURE])
        self.fields["unit_of_measure"].choices = [(u, u) for u in units]
        self.fields["unit_of_measure"].initial = indicator.unit_of_measure
