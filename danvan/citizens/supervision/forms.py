from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin
from danvan.org.forms import DateInput, UnitChoiceField

from ..models import SupervisionActivity


class ActivityForm(NormalizingFormMixin, forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị thực hiện"))
    kind = forms.ChoiceField(label=_("Loại"), choices=SupervisionActivity.Kind.choices)
    title = forms.CharField(label=_("Nội dung"), max_length=500)
    programme = forms.CharField(label=_("Chương trình, kế hoạch"), max_length=255, required=False)
    subject = forms.CharField(label=_("Đối tượng giám sát, phản biện"), max_length=255, required=False)
    time_text = forms.CharField(label=_("Thời gian"), max_length=255, required=False)
    findings = forms.CharField(
        label=_("Kết quả, phát hiện"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units


class RecommendationForm(NormalizingFormMixin, forms.Form):
    addressee = forms.CharField(label=_("Cơ quan nhận kiến nghị"), max_length=255)
    content = forms.CharField(label=_("Nội dung kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}))
    deadline = forms.DateField(
        label=_("Hạn trả lời"), required=False, widget=DateInput(), input_formats=["%d/%m/%Y"]
    )


class ResponseForm(NormalizingFormMixin, forms.Form):
    response = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 3}))
