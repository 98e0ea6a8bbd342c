from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin
from danvan.org.forms import DateInput, UnitChoiceField

from ..models import SituationReport


class SituationForm(NormalizingFormMixin, forms.ModelForm):
    unit = UnitChoiceField(label=_("Đơn vị báo cáo"))
    reported_on = forms.DateField(label=_("Ngày báo cáo"), widget=DateInput(), input_formats=["%d/%m/%Y"])

    class Meta:
        model = SituationReport
        fields = ["unit", "reported_on", "urgency", "is_hot_spot", "topic", "place", "content", "proposal"]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 5}),
            "proposal": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units


class NoteForm(NormalizingFormMixin, forms.Form):
    text = forms.CharField(label=_("Diễn biến, kết quả xử lý"), widget=forms.Textarea(attrs={"rows": 3}))
