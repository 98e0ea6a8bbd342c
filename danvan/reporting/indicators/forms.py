from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, VersionedFormMixin
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


class IndicatorForm(NormalizingFormMixin, VersionedFormMixin, forms.ModelForm):
    """Create or edit an indicator; the service checks the rules (unique name and code, a built-in
    indicator's code locked) and says what is wrong."""

    class Meta:
        model = Indicator
        fields = [
            "name",
            "code",
            "unit_of_measure",
            "aggregation",
            "cumulative",
            "description",
            "order",
            "active",
        ]
        labels = {
            "name": _("Tên chỉ tiêu"),
            "code": _("Mã chỉ tiêu"),
            "unit_of_measure": _("Đơn vị tính"),
            "aggregation": _("Cách tổng hợp"),
            "cumulative": _("Số lũy kế từ đầu năm"),
            "description": _("Mô tả, cách tính"),
            "order": _("Thứ tự hiển thị"),
            "active": _("Đang dùng"),
        }
        help_texts = {
            "code": _("Chữ thường không dấu và chữ số, nối bằng dấu gạch ngang, ví dụ «doi-thoai»."),
            "unit_of_measure": _("Ví dụ: %(examples)s.")
            % {"examples": ", ".join(COMMON_UNITS_OF_MEASURE[:5])},
            "active": _("Bỏ chọn để thôi dùng chỉ tiêu: số liệu và chỉ tiêu năm đã có vẫn được giữ."),
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Hãy ghi tên chỉ tiêu.")},
            "code": {
                "required": _(
                    "Hãy ghi mã chỉ tiêu: chữ thường không dấu và chữ số, nối bằng dấu gạch ngang "
                    "(ví dụ «doi-thoai»)."
                )
            },
            "unit_of_measure": {"required": _("Hãy ghi đơn vị tính, ví dụ «cuộc».")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators = []  # the service says what a code may be, in Vietnamese
        self.fields["name"].validators = []
        if self.instance.pk and self.instance.builtin:
            code = self.fields["code"]
            code.disabled = True
            code.help_text = _("Chỉ tiêu có sẵn: mã không đổi được (mẫu biểu và chỉ tiêu năm dùng mã này).")

    def _post_clean(self):
        """The form only parses: the service checks the rules (unique name and code, what a code may be)
        and saves, so nothing is written to the instance here."""

    def clean_code(self):
        return (self.cleaned_data.get("code") or "").strip().lower()
