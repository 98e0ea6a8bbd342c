from django import forms
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.org.forms import DateInput, UnitChoiceField

from ..models import Award, Exemplar, Field


class ExemplarForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị đăng ký"))
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Loại"), choices=Exemplar.Kind.choices)
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Field.objects.filter(active=True))
    title = forms.CharField(label=_("Tên mô hình, điển hình"), max_length=300)
    description = forms.CharField(
        label=_("Nội dung, cách làm"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    beneficiaries = forms.CharField(label=_("Đối tượng thụ hưởng"), max_length=300, required=False)
    started_on = forms.DateField(label=_("Bắt đầu thực hiện"), required=False, widget=DateInput())
    expected_results = forms.CharField(
        label=_("Kết quả dự kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    contact_name = forms.CharField(label=_("Người liên hệ"), max_length=150, required=False)
    contact_phone = forms.CharField(label=_("Điện thoại liên hệ"), max_length=30, required=False)
    story = forms.CharField(
        label=_("Câu chuyện (hiển thị công khai khi được công nhận)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm_duplicate = forms.BooleanField(
        label=_("Vẫn đăng ký (không trùng với mô hình đã có)"), required=False
    )
    # The version the exemplar was read at (from the instance, below): a stale edit is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, instance: Exemplar | None = None, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
        if instance is not None:
            fields = [name for name in self.base_fields if name != "confirm_duplicate"]
            self.initial = {**model_to_dict(instance, fields=fields), **self.initial}
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units


class ProgressForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    on = forms.DateField(label=_("Ngày"), widget=DateInput(), initial=timezone.localdate)
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}))
    figures = forms.CharField(label=_("Số liệu"), max_length=500, required=False)
    file = forms.FileField(allow_empty_file=True, label=_("Ảnh hoặc tài liệu minh chứng"), required=False)


class AwardForm(NormalizingFormMixin, OnceFormMixin, forms.ModelForm):
    issuer = UnitChoiceField(label=_("Đơn vị đề nghị"))

    class Meta:
        model = Award
        fields = ["recipient_name", "form", "level", "decision_number", "decision_date", "reason", "issuer"]
        widgets = {"decision_date": DateInput()}

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["issuer"].queryset = visible_units


class AttachForm(OnceFormMixin, forms.Form):
    """Only the attach form's one-time token: the view reads the file and caption as it always has."""
