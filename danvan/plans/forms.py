from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.org.forms import DateInput, UnitChoiceField, UnitMultipleChoiceField

from .models import Profile, Task


class PlanImportForm(OnceFormMixin, forms.Form):
    issuing_unit = UnitChoiceField(label=_("Đơn vị ban hành"))
    text = forms.CharField(
        label=_("Dán nội dung kế hoạch"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}),
    )
    file = forms.FileField(allow_empty_file=True, label=_("hoặc tải lên tệp .docx / .txt"), required=False)

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["issuing_unit"].queryset = visible_units
        # An imported plan may be years old: its issuer may since have been merged or dissolved.
        self.fields["issuing_unit"].lookup_past()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text", "").strip() and not cleaned.get("file"):
            raise forms.ValidationError(_("Hãy dán nội dung kế hoạch hoặc chọn một tệp."))
        return cleaned


class PlanNewForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    issuing_unit = UnitChoiceField(label=_("Đơn vị ban hành"))
    title = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        help_text=_("Ví dụ: triển khai các hoạt động “Tháng Dân vận” năm 2026"),
    )
    profile = forms.ChoiceField(label=_("Thể thức văn bản"), choices=Profile.choices)

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["issuing_unit"].queryset = visible_units


class PlanEditForm(forms.Form):
    """The structured editor: header facts, then each part of the body in its own field.

    Sections are written one per block: a heading line ("I. Mục đích, yêu cầu") followed by numbered items
    ("1.", "1.1.", "a)") and bullets ("-"), exactly as in a plan; the plan parser reads them back.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    profile = forms.ChoiceField(label=_("Thể thức văn bản"), choices=Profile.choices)
    superior_body = forms.CharField(label=_("Cơ quan cấp trên"), max_length=200, required=False)
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=200, required=False)
    body_code = forms.CharField(
        label=_("Ký hiệu cơ quan"),
        max_length=30,
        required=False,
        help_text=_("Ví dụ BDVTU; số được cấp khi ban hành: Số 12-KH/BDVTU."),
    )
    place = forms.CharField(label=_("Địa danh"), max_length=80, required=False)
    issued_on = forms.DateField(label=_("Ngày ký (dự kiến)"), required=False, widget=DateInput())
    doc_type = forms.CharField(label=_("Loại văn bản"), max_length=40, initial="KẾ HOẠCH")
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    preamble = forms.CharField(
        label=_("Căn cứ, mở đầu"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    basis = forms.CharField(
        label=_("Văn bản căn cứ (mỗi dòng một văn bản)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label=_("Nội dung (các phần I, II, … và các mục 1., 1.1., -)"),
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false"}),
    )
    closing = forms.CharField(label=_("Đoạn kết"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi, ví dụ: - Ban Dân vận Tỉnh ủy (b/c);)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    authority = forms.CharField(
        label=_("Quyền hạn, chức vụ người ký (mỗi dòng một dòng)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ví dụ: TRƯỞNG BAN; hoặc K/T TRƯỞNG BAN rồi PHÓ TRƯỞNG BAN."),
    )
    signer_name = forms.CharField(label=_("Người ký"), max_length=120, required=False)
    slogans = forms.CharField(
        label=_("Khẩu hiệu kèm theo (mỗi dòng một khẩu hiệu)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


# The oldest signing date accepted: a typo ("0023", "1923") is refused rather than numbered in a past year.
EARLIEST_SIGNING = date(1945, 9, 2)


class PlanIssueForm(NormalizingFormMixin, forms.Form):
    """Issuing asks the day the document is signed (the number is counted in that day's year)."""

    issued_on = forms.DateField(
        label=_("Ngày ký (ngày ban hành)"),
        widget=DateInput(),
        help_text=_("Ngày ghi ở dòng địa danh, ngày tháng của văn bản, dạng dd/mm/yyyy."),
        error_messages={
            "required": _("Hãy nhập ngày ký."),
            "invalid": _("Ngày ký chưa đúng dạng dd/mm/yyyy, ví dụ 15/09/2023."),
        },
    )
    place = forms.CharField(
        label=_("Địa danh"), max_length=80, required=False, help_text=_("Ví dụ: Bắc Giang.")
    )

    def clean_issued_on(self):
        day = self.cleaned_data["issued_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Ngày ký không được sau ngày hôm nay."))
        if day < EARLIEST_SIGNING:
            raise forms.ValidationError(
                _("Ngày ký %(day)s quá xa: hãy kiểm tra năm.") % {"day": day.strftime("%d/%m/%Y")}
            )
        return day


class TaskForm(NormalizingFormMixin, forms.ModelForm):
    lead_unit = UnitChoiceField(label=_("Đơn vị chủ trì"), required=False)
    lead_units = UnitMultipleChoiceField(
        label=_("Các đơn vị cùng chủ trì"),
        required=False,
        help_text=_(
            "Khi nhiệm vụ do nhiều đơn vị cùng chủ trì: tìm và thêm từng đơn vị; "
            "đơn vị chủ trì ở trên là đơn vị đứng đầu."
        ),
    )
    due_text = forms.CharField(
        label=_("Thời hạn"),
        required=False,
        help_text=_("Ví dụ: trước ngày 30/9/2023; trung tuần tháng 9/2023; quý IV/2023."),
    )

    class Meta:
        model = Task
        fields = ["label", "title", "lead_unit", "lead_units", "due_text"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, visible_units=None, on: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["lead_unit"].queryset = visible_units
            self.fields["lead_units"].queryset = visible_units
        if on is not None:  # a plan of a past year: its units are those that existed then
            for name in ("lead_unit", "lead_units"):
                self.fields[name].lookup_on(on)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False)
        if self.instance.pk:
            self.initial.setdefault("version", self.instance.version)


class TaskProgressForm(forms.Form):
    # The version the page showed: a status change over someone else's newer one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(label=_("Trạng thái"), choices=Task.Status.choices)
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100, required=False)
    text = forms.CharField(
        label=_("Ghi chú tiến độ"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.FileField(
        allow_empty_file=True,
        label=_("Minh chứng (tệp)"),
        required=False,
        help_text=_("Ảnh (JPEG, PNG), tệp Word, Excel hoặc PDF."),
    )
