from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin
from danvan.org.forms import DateInput, UnitChoiceField
from danvan.org.models import UnitKind

from .models import FieldKind, FormTemplate


class TargetForm(forms.Form):
    """Which units must answer: a unit's subtree, narrowed to kinds ("all agencies under the province")."""

    root = UnitChoiceField(label=_("Các đơn vị thuộc"))
    kinds = forms.ModelMultipleChoiceField(
        label=_("Loại đơn vị"),
        queryset=UnitKind.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Để trống: mọi loại."),
    )
    direct_only = forms.BooleanField(label=_("Chỉ đơn vị trực thuộc trực tiếp"), required=False)

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["root"].queryset = visible_units


class CallForm(NormalizingFormMixin, TargetForm):
    owner = UnitChoiceField(label=_("Đơn vị yêu cầu"))
    template = forms.ModelChoiceField(label=_("Biểu mẫu"), queryset=FormTemplate.objects.none())
    title = forms.CharField(label=_("Nội dung yêu cầu"), max_length=500)
    due_date = forms.DateField(label=_("Hạn gửi"), widget=DateInput())
    instructions = forms.CharField(
        label=_("Hướng dẫn"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    accept_late = forms.BooleanField(
        label=_("Nhận bản gửi muộn (đánh dấu muộn)"), required=False, initial=True
    )
    remind_days_before = forms.IntegerField(
        label=_("Nhắc trước hạn (ngày)"), min_value=0, max_value=60, initial=3
    )

    field_order = [
        "owner",
        "template",
        "title",
        "due_date",
        "instructions",
        "root",
        "kinds",
        "direct_only",
        "accept_late",
        "remind_days_before",
    ]

    def __init__(self, *args, templates=None, visible_units=None, **kwargs):
        super().__init__(*args, visible_units=visible_units, **kwargs)
        if visible_units is not None:
            self.fields["owner"].queryset = visible_units
        if templates is not None:
            self.fields["template"].queryset = templates


class TemplateForm(NormalizingFormMixin, forms.ModelForm):
    class Meta:
        model = FormTemplate
        fields = ["name", "layout", "title", "subtitle", "label", "footer"]


class FieldForm(forms.Form):
    label = forms.CharField(label=_("Tên cột / đề mục"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("Kiểu"), choices=FieldKind.choices, initial=FieldKind.TEXT)
    required = forms.BooleanField(label=_("Bắt buộc"), required=False)
    help_text = forms.CharField(label=_("Hướng dẫn"), max_length=500, required=False)
    choices = forms.CharField(label=_("Các lựa chọn (cách nhau bởi ;)"), max_length=1000, required=False)


FieldFormSet = forms.formset_factory(FieldForm, extra=3, max_num=100)


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp đã điền (.xlsx hoặc .docx)"))
