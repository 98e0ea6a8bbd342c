from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.org.forms import DateInput, UnitChoiceField

from .selectors import Period


class ReportForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị (cả các đơn vị trực thuộc)"))
    kind = forms.ChoiceField(
        label=_("Kỳ báo cáo"),
        choices=[("month", _("Tháng")), ("quarter", _("Quý")), ("range", _("Khoảng thời gian"))],
        initial="month",
    )
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    month = forms.IntegerField(label=_("Tháng"), min_value=1, max_value=12, required=False)
    quarter = forms.IntegerField(label=_("Quý"), min_value=1, max_value=4, required=False)
    start = forms.DateField(
        label=_("Từ ngày"), required=False, widget=DateInput(), input_formats=["%d/%m/%Y"]
    )
    end = forms.DateField(label=_("Đến ngày"), required=False, widget=DateInput(), input_formats=["%d/%m/%Y"])

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units
        today = timezone.localdate()
        self.fields["year"].initial = today.year
        self.fields["month"].initial = today.month

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == "month" and not data.get("month"):
            self.add_error("month", _("Hãy chọn tháng."))
        if kind == "quarter" and not data.get("quarter"):
            self.add_error("quarter", _("Hãy chọn quý."))
        if kind == "range":
            if not data.get("start") or not data.get("end"):
                self.add_error("start", _("Hãy ghi từ ngày, đến ngày (dd/mm/yyyy)."))
            elif data["end"] < data["start"]:
                self.add_error("end", _("Ngày kết thúc không thể trước ngày bắt đầu."))
        return data

    def period(self) -> Period:
        data = self.cleaned_data
        if data["kind"] == "quarter":
            return Period.quarter(data["year"], data["quarter"])
        if data["kind"] == "range":
            return Period.between(data["start"], data["end"])
        return Period.month(data["year"], data["month"])
