from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.events.models import BriefingKind
from danvan.lib.periods import KIND_LABELS, PER_YEAR, Period, PeriodKind
from danvan.org.forms import DateInput, UnitChoiceField

from .services import ConclusionItem

PERIOD_CHOICES = [
    (PeriodKind.MONTH.value, _("Tháng")),
    (PeriodKind.QUARTER.value, _("Quý")),
    (PeriodKind.HALF.value, KIND_LABELS[PeriodKind.HALF]),
    (PeriodKind.NINE_MONTHS.value, KIND_LABELS[PeriodKind.NINE_MONTHS]),
    (PeriodKind.YEAR.value, _("Năm")),
]


class BriefingForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    """A briefing: who holds it, of which kind, for which period, when and where."""

    organiser = UnitChoiceField(label=_("Đơn vị tổ chức"))
    briefing_kind = forms.ChoiceField(
        label=_("Loại"), choices=BriefingKind.choices, initial=BriefingKind.REGULAR
    )
    period_kind = forms.ChoiceField(label=_("Kỳ"), choices=PERIOD_CHOICES, initial=PeriodKind.QUARTER.value)
    period_number = forms.IntegerField(
        label=_("Số của kỳ trong năm"),
        min_value=1,
        max_value=12,
        initial=1,
        help_text=_("Tháng 1–12, quý 1–4; với 6 tháng, 9 tháng và năm ghi 1."),
    )
    period_year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    time_text = forms.CharField(
        label=_("Ngày họp"),
        max_length=255,
        help_text=_("Ví dụ “ngày 25/9/2026” hoặc “08 giờ 00, ngày 25/9/2026”."),
    )
    venue = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    title = forms.CharField(
        label=_("Tên hội nghị"),
        max_length=500,
        required=False,
        help_text=_("Để trống: “Hội nghị giao ban quý III/2026” theo loại và kỳ."),
    )

    def __init__(self, *args, visible_units=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["organiser"].queryset = visible_units
        if editing:  # the organiser of an existing event stays
            del self.fields["organiser"]

    def clean(self):
        cleaned = super().clean()
        kind, number, year = (
            cleaned.get("period_kind"),
            cleaned.get("period_number"),
            cleaned.get("period_year"),
        )
        if kind and number and year:
            most = PER_YEAR[PeriodKind(kind)]
            if number > most:
                self.add_error(
                    "period_number",
                    _("Kỳ “%(kind)s” chỉ có số từ 1 đến %(n)s trong một năm.")
                    % {"kind": dict(PERIOD_CHOICES)[kind], "n": most},
                )
            else:
                cleaned["period"] = Period(PeriodKind(kind), year, number)
        return cleaned


class ConclusionForm(forms.Form):
    """One conclusion; every field may be left empty here so that the service names what is missing in
    which conclusion, the same words as for any other caller."""

    content = forms.CharField(
        label=_("Nội dung kết luận"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    leads = forms.ModelMultipleChoiceField(label=_("Đơn vị chủ trì"), queryset=None, required=False)
    deadline = forms.DateField(label=_("Thời hạn"), required=False, widget=DateInput())

    def __init__(self, *args, lead_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = lead_units if lead_units is not None else []
        field = self.fields["leads"]
        field.queryset = units
        field.label_from_instance = lambda unit: unit.name
        if len(units) <= 12:
            field.widget = forms.CheckboxSelectMultiple()
            field.widget.choices = field.choices
        else:
            field.widget.attrs["size"] = 6

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return not (data.get("content") or "").strip() and not data.get("leads") and not data.get("deadline")

    def item(self) -> ConclusionItem:
        data = self.cleaned_data
        return ConclusionItem(
            content=(data.get("content") or "").strip(),
            leads=list(data.get("leads") or []),
            deadline=data.get("deadline"),
        )


ConclusionFormSet = forms.formset_factory(ConclusionForm, extra=3, max_num=20, absolute_max=20)


def conclusion_formset(data=None, *, lead_units):
    return ConclusionFormSet(data, prefix="ket-luan", form_kwargs={"lead_units": lead_units})


def conclusion_items(formset) -> list[ConclusionItem]:
    """The rows that say something, in order (the empty spare rows are not conclusions)."""
    return [form.item() for form in formset.forms if not form.is_blank()]
