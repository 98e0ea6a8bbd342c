from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin
from danvan.org.forms import DateInput, UnitChoiceField

from ..models import PropagandaEntry


class EntryForm(NormalizingFormMixin, forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị"))
    kind = forms.ChoiceField(label=_("Hình thức"), choices=PropagandaEntry.Kind.choices)
    title = forms.CharField(label=_("Tiêu đề, nội dung"), max_length=500)
    published_on = forms.DateField(label=_("Ngày đăng, phát"), widget=DateInput(), input_formats=["%d/%m/%Y"])
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=None, required=False)
    campaign = forms.CharField(
        label=_("Đợt, chủ đề (nếu không theo kế hoạch)"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Tháng Dân vận, mô hình “Dân vận khéo”."),
    )
    outlet = forms.CharField(label=_("Cơ quan báo chí, kênh"), max_length=255, required=False)
    link = forms.URLField(label=_("Đường dẫn"), max_length=500, required=False, assume_scheme="https")
    views = forms.IntegerField(label=_("Lượt xem, nghe"), min_value=0, required=False)
    shares = forms.IntegerField(label=_("Lượt chia sẻ"), min_value=0, required=False)
    copies = forms.IntegerField(label=_("Số bản, số khẩu hiệu"), min_value=0, required=False)

    def __init__(self, *args, visible_units=None, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units
        self.fields["plan"].queryset = plans


class SloganForm(NormalizingFormMixin, forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị"))
    text = forms.CharField(label=_("Khẩu hiệu"), max_length=500)
    campaign = forms.CharField(label=_("Đợt, chủ đề"), max_length=255, required=False)
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100, required=False)

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units
