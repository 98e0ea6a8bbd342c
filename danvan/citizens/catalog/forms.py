from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin


class FieldForm(NormalizingFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên lĩnh vực"), max_length=120)
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=1000, initial=100)
    active = forms.BooleanField(label=_("Đang dùng"), required=False, initial=True)


class RuleForm(NormalizingFormMixin, forms.Form):
    days = forms.IntegerField(label=_("Số ngày"), min_value=1, max_value=365)
    note = forms.CharField(label=_("Căn cứ, ghi chú"), max_length=255, required=False)
