"""The regime form: everything a person sets, parsed; the service validates the whole and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin, VersionedFormMixin
from danvan.lib import periods
from danvan.org.forms import DateInput, UnitChoiceField
from danvan.org.models import UnitKind

from ..models import FormTemplate
from .services import RegimeSpec

SPEC_FIELDS = [
    "owner",
    "name",
    "template",
    "root",
    "unit_kinds",
    "max_levels",
    "period_kinds",
    "start_date",
    "cutoff_day",
    "due_kind",
    "due_value",
    "due_month_offset",
    "working_day_rule",
    "remind_days_before",
    "is_active",
    "instructions",
]


class RegimeForm(NormalizingFormMixin, VersionedFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên chế độ báo cáo"), max_length=255)
    owner = UnitChoiceField(label=_("Đơn vị nhận báo cáo"))
    template = forms.ModelChoiceField(label=_("Biểu mẫu hoặc đề cương"), queryset=FormTemplate.objects.none())
    root = UnitChoiceField(label=_("Các đơn vị báo cáo thuộc"))
    unit_kinds = forms.ModelMultipleChoiceField(
        label=_("Loại đơn vị báo cáo"),
        queryset=UnitKind.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Để trống: mọi loại."),
    )
    max_levels = forms.IntegerField(
        label=_("Số cấp dưới"),
        min_value=0,
        max_value=10,
        initial=1,
        help_text=_("1: chỉ cấp dưới trực tiếp; 0: mọi cấp."),
    )
    period_kinds = forms.MultipleChoiceField(
        label=_("Các kỳ báo cáo"),
        choices=[(k.value, label) for k, label in periods.KIND_LABELS.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Hãy chọn ít nhất một kỳ báo cáo.")},
    )
    start_date = forms.DateField(
        label=_("Áp dụng từ ngày"),
        widget=DateInput(),
        help_text=_(
            "Chỉ mở các kỳ bắt đầu từ ngày này trở đi; kỳ đang diễn ra vào ngày này bị bỏ qua. Ví dụ: áp "
            "dụng từ 15/3 thì không mở kỳ tháng 3 và quý I; áp dụng sau ngày 01/01 thì không mở kỳ 6 tháng, "
            "9 tháng và năm của năm đó. Muốn mở cả kỳ đang diễn ra, hãy chọn ngày đầu kỳ (ví dụ 01/01)."
        ),
    )
    cutoff_day = forms.IntegerField(
        label=_("Ngày chốt số liệu"),
        min_value=0,
        max_value=31,
        initial=0,
        help_text=_("0: ngày cuối kỳ; 1–31: ngày đó của tháng cuối kỳ (ví dụ 15)."),
    )
    due_kind = forms.ChoiceField(
        label=_("Cách tính hạn gửi"),
        choices=[(k.value, label) for k, label in periods.DUE_KIND_LABELS.items()],
        widget=forms.RadioSelect,
        initial=periods.DueKind.DAY_OF_MONTH,
    )
    due_value = forms.IntegerField(
        label=_("Số ngày sau ngày chốt, hoặc ngày trong tháng"), min_value=0, max_value=90, initial=5
    )
    due_month_offset = forms.IntegerField(
        label=_("Hạn gửi vào tháng"),
        min_value=0,
        max_value=3,
        initial=1,
        help_text=_("Với ngày cố định: 0 là tháng cuối kỳ, 1 là tháng sau kỳ."),
    )
    working_day_rule = forms.ChoiceField(
        label=_("Hạn rơi vào ngày nghỉ, ngày lễ, Tết"),
        choices=[(k.value, label) for k, label in periods.WORKING_DAY_RULE_LABELS.items()],
        widget=forms.RadioSelect,
        initial=periods.WorkingDayRule.ROLL_FORWARD,
    )
    remind_days_before = forms.IntegerField(
        label=_("Nhắc trước hạn (ngày)"), min_value=0, max_value=30, initial=3
    )
    is_active = forms.BooleanField(label=_("Đang áp dụng"), required=False, initial=True)
    instructions = forms.CharField(
        label=_("Hướng dẫn"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, visible_units=None, templates=None, instance=None, **kwargs):
        self.instance = instance
        if instance is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                name: getattr(instance, name) for name in SPEC_FIELDS if name != "unit_kinds"
            }
            kwargs["initial"]["unit_kinds"] = list(instance.unit_kinds.all())
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["owner"].queryset = visible_units
            self.fields["root"].queryset = visible_units
        if templates is not None:
            self.fields["template"].queryset = templates

    def spec(self, data: dict) -> RegimeSpec:
        values = {name: data.get(name) for name in SPEC_FIELDS}
        values["unit_kinds"] = list(values["unit_kinds"] or [])
        values["instructions"] = values["instructions"] or ""
        values["programme_item"] = data.get("programme_item")  # the picker added by the view
        return RegimeSpec(**values)


class RegimeCreateForm(OnceFormMixin, RegimeForm):
    """Creating a regime is a create: one regime per form, however often it is sent."""
