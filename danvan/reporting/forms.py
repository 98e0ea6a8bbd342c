from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin, VersionedFormMixin
from danvan.lib.vndates import DateParseError, DateWindow, parse_window
from danvan.org.forms import DateInput, UnitChoiceField
from danvan.org.models import UnitKind

from .models import FieldKind, FormTemplate, Indicator


class TargetForm(OnceFormMixin, forms.Form):
    """Which units must answer: a unit's subtree, narrowed to kinds ("all agencies under the province").
    Opening calls is a create: the form carries a one-time token."""

    root = UnitChoiceField(label=_("Các đơn vị thuộc"))
    kinds = forms.ModelMultipleChoiceField(
        label=_("Loại đơn vị"),
        queryset=UnitKind.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Để trống: mọi loại."),
    )
    direct_only = forms.BooleanField(label=_("Chỉ đơn vị trực thuộc trực tiếp"), required=False)

    def __init__(self, *args, visible_units=None, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["root"].queryset = visible_units
        if plan is not None:
            # A plan asks the units under the level above its issuer (a province's committee: the province).
            self.fields["root"].initial = plan.issuing_unit.parent_id


class CallForm(NormalizingFormMixin, TargetForm):
    owner = UnitChoiceField(label=_("Đơn vị yêu cầu"))
    template = forms.ModelChoiceField(label=_("Biểu mẫu"), queryset=FormTemplate.objects.none())
    title = forms.CharField(label=_("Nội dung yêu cầu"), max_length=500)
    due_date = forms.DateField(label=_("Hạn gửi"), required=False, widget=DateInput())
    due_text = forms.CharField(
        label=_("Hạn (nguyên văn)"),
        max_length=255,
        required=False,
        help_text=_(
            "Ghi như trong văn bản, ví dụ «trước ngày 30/9/2023»; có ngày ở trên thì ngày đó là hạn."
        ),
    )
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
        "due_text",
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

    def clean(self):
        cleaned = super().clean()
        cleaned["due"] = self._due(cleaned.get("due_date"), cleaned.get("due_text", ""))
        return cleaned

    def _due(self, day, words: str) -> DateWindow | None:
        """The due window: the date when one is given (the words kept beside it), else the words read."""
        window = None
        if words:
            try:
                window = parse_window(words, default_year=(day or timezone.localdate()).year)
            except DateParseError as error:
                self.add_error("due_text", error.message)
                return None
        if day is not None:
            if window is not None and window.end == day:
                return window
            return DateWindow(start=None, end=day, text=words, kind="deadline")
        if window is None or window.end is None:
            self.add_error("due_date", _("Hãy chọn ngày hạn gửi, hoặc ghi hạn có ngày cuối cùng."))
            return None
        return window


class TemplateForm(NormalizingFormMixin, VersionedFormMixin, OnceFormMixin, forms.ModelForm):
    owner = UnitChoiceField(label=_("Đơn vị sở hữu"), required=False)

    class Meta:
        model = FormTemplate
        # Not "owner": it is chosen here but set by the service (an existing template keeps its owner).
        fields = ["name", "layout", "title", "subtitle", "label", "footer"]

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["owner"].queryset = visible_units
        if self.instance.pk:
            self.initial.setdefault("owner", self.instance.owner_id)


class FieldForm(forms.Form):
    label = forms.CharField(label=_("Tên cột / đề mục"), max_length=255, required=False)
    kind = forms.ChoiceField(label=_("Kiểu"), choices=FieldKind.choices, initial=FieldKind.TEXT)
    required = forms.BooleanField(label=_("Bắt buộc"), required=False)
    help_text = forms.CharField(label=_("Hướng dẫn"), max_length=500, required=False)
    choices = forms.CharField(label=_("Các lựa chọn (cách nhau bởi ;)"), max_length=1000, required=False)
    # Issue 14: a number column (or question) may carry an indicator, recorded each reporting period.
    indicator = forms.ModelChoiceField(
        label=_("Chỉ tiêu"),
        queryset=Indicator.objects.filter(active=True),
        required=False,
        empty_label=_("(không gắn chỉ tiêu)"),
    )


class BaseFieldFormSet(forms.BaseFormSet):
    """The template's columns in order; initial rows come from the template itself."""

    def __init__(self, *args, template: FormTemplate | None = None, **kwargs):
        if template is not None and template.pk:
            kwargs.setdefault("initial", [field_initial(f) for f in template.fields.all()])
        super().__init__(*args, **kwargs)

    def field_specs(self) -> list[dict]:
        """The filled rows as the service takes them ("a; b" choices split)."""
        return [{**f, "choices": f.get("choices", "").split(";")} for f in self.cleaned_data if f]


def field_initial(field) -> dict:
    return {
        "label": field.label,
        "kind": field.kind,
        "required": field.required,
        "help_text": field.help_text,
        "choices": "; ".join(field.choices),
        "indicator": field.indicator_id,
    }


FieldFormSet = forms.formset_factory(FieldForm, formset=BaseFieldFormSet, extra=3, max_num=100)


class ReviewForm(forms.Form):
    comment = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class UploadForm(OnceFormMixin, forms.Form):
    file = forms.FileField(allow_empty_file=True, label=_("Tệp đã điền (.xlsx hoặc .docx)"))
