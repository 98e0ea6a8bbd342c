"""Forms of the appraisal rounds: parsing and field checks only; the rules live in the services."""

from decimal import Decimal

from django import forms
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.org.forms import DateInput, UnitChoiceField

from ..models import AppraisalRound, RoundEntry


class PointsField(forms.DecimalField):
    """A number of points; a decimal comma ("8,5") is read as a decimal point."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 6)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("step", "0.01")
        self.widget.attrs.setdefault("inputmode", "decimal")

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Tiêu chí"), max_length=300, required=False)
    max_points = PointsField(label=_("Điểm tối đa"), required=False, min_value=Decimal("0.01"))


CriterionFormSet = forms.formset_factory(CriterionForm, extra=2, max_num=40)


class RoundForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    """The round's heading fields and, as `criteria`, its criteria formset (read-only once a sheet is sent).

    A new round starts from the current year, a threshold of 70 and the default criteria; an edited one
    from its own values."""

    owner = UnitChoiceField(label=_("Đơn vị tổ chức"))
    name = forms.CharField(label=_("Tên đợt thẩm định"), max_length=300)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    level = forms.ChoiceField(
        label=_("Cấp"), choices=AppraisalRound.Level.choices, initial=AppraisalRound.Level.WARD
    )
    threshold = PointsField(
        label=_("Điểm tối thiểu để công nhận"),
        min_value=Decimal(0),
        initial=70,
        help_text=_("Hồ sơ có điểm trung bình từ mức này trở lên được đề xuất công nhận."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        data=None,
        *,
        instance: AppraisalRound | None = None,
        visible_units=None,
        default_criteria=(),
        criteria_locked: bool = False,
        **kwargs,
    ):
        super().__init__(data, **kwargs)
        self.criteria_locked = criteria_locked
        self.fields["year"].initial = timezone.localdate().year
        if instance is not None:
            del self.fields["owner"]
            self.initial = {**model_to_dict(instance, fields=list(self.fields)), **self.initial}
            criteria = [{"name": c.name, "max_points": c.max_points} for c in instance.criteria.all()]
        else:
            if visible_units is not None:
                self.fields["owner"].queryset = visible_units
                self.fields["owner"].initial = (
                    visible_units.order_by("depth", "path").values_list("pk", flat=True).first()
                )
            criteria = [dict(c) for c in default_criteria]
        self.criteria = CriterionFormSet(None if criteria_locked else data, initial=criteria, prefix="c")

    def is_valid(self) -> bool:
        return super().is_valid() and (self.criteria_locked or self.criteria.is_valid())

    def criteria_rows(self) -> list[dict] | None:
        """The filled criteria rows; None while they are locked (the service then keeps them)."""
        if self.criteria_locked:
            return None
        return [row for row in self.criteria.cleaned_data if row]


class MembersForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label=_("Thành viên hội đồng"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    chair = forms.ModelChoiceField(label=_("Chủ tịch hội đồng"), queryset=None)

    def __init__(self, *args, candidates=None, round_: AppraisalRound | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = candidates
        self.fields["chair"].queryset = candidates
        if round_ is not None:
            members = list(round_.members.all())
            self.fields["users"].initial = [m.user_id for m in members]
            self.fields["chair"].initial = next((m.user_id for m in members if m.is_chair), None)

    def clean(self):
        cleaned = super().clean()
        users, chair = cleaned.get("users"), cleaned.get("chair")
        if users is not None and chair is not None and chair not in users:
            self.add_error("chair", _("Chủ tịch hội đồng phải là một thành viên của hội đồng."))
        return cleaned


class AdmitForm(forms.Form):
    exemplars = forms.ModelMultipleChoiceField(
        label=_("Mô hình, điển hình"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exemplars"].queryset = candidates


class SheetForm(NormalizingFormMixin, forms.Form):
    """One input per criterion (named c<criterion id>) with its maximum, and the member's comment."""

    comment = forms.CharField(label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"c{criterion.pk}"] = PointsField(
                label=criterion.name,
                min_value=Decimal(0),
                max_value=criterion.max_points,
                error_messages={
                    "required": _("Hãy chấm tiêu chí này."),
                    "min_value": _("Điểm không được âm."),
                    "max_value": _("Tối đa %(limit_value)s điểm."),
                },
            )
        self.order_fields([f"c{c.pk}" for c in self.criteria] + ["comment"])

    def points(self) -> dict[int, Decimal]:
        return {c.pk: self.cleaned_data.get(f"c{c.pk}") for c in self.criteria}

    def criterion_fields(self):
        return [(c, self[f"c{c.pk}"]) for c in self.criteria]


DECISION_CHOICES = [(v, label) for v, label in RoundEntry.Decision.choices if v]


SIGNATURE_FIELDS = ("place_name", "signer_authority", "signer_title", "signer_name", "recipients")


class CloseForm(NormalizingFormMixin, forms.Form):
    """The decision: its number and date, and one decision per entry (named d<entry id>)."""

    decision_number = forms.CharField(
        label=_("Số quyết định"), max_length=60, help_text=_("Ví dụ: 15-QĐ/BCĐ")
    )
    decision_date = forms.DateField(label=_("Ngày quyết định"), widget=DateInput())
    minutes = forms.CharField(
        label=_("Biên bản họp hội đồng"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Ghi tóm tắt biên bản, hoặc tải tệp biên bản đã ký (Word, PDF) ở ô dưới."),
    )
    minutes_file = forms.FileField(label=_("Tệp biên bản"), required=False)
    place_name = forms.CharField(label=_("Địa danh"), max_length=80, required=False)
    signer_authority = forms.CharField(
        label=_("Thẩm quyền ký"), max_length=120, required=False, help_text=_("Ví dụ: K/T TRƯỞNG BAN")
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=120, required=False)
    recipients = forms.CharField(
        label=_("Nơi nhận"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một nơi nhận; dòng “Lưu: VT” được thêm khi thiếu."),
    )

    def __init__(self, *args, rows=(), **kwargs):
        from .services import default_decision

        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for row in self.rows:
            self.fields[f"d{row.entry.pk}"] = forms.ChoiceField(
                label=row.entry.exemplar.title, choices=DECISION_CHOICES, initial=default_decision(row)
            )

    def decisions(self) -> dict[int, str]:
        return {row.entry.pk: self.cleaned_data.get(f"d{row.entry.pk}") for row in self.rows}

    def decision_fields(self):
        return [(row, self[f"d{row.entry.pk}"]) for row in self.rows]

    def closing_fields(self) -> dict:
        """What round_close takes besides the decisions (the uploaded minutes as `minutes_upload`)."""
        data = self.cleaned_data
        return {
            "decision_number": data["decision_number"],
            "decision_date": data["decision_date"],
            "minutes": data["minutes"],
            "minutes_upload": data["minutes_file"],
            **{
                k: data[k]
                for k in ("place_name", "signer_authority", "signer_title", "signer_name", "recipients")
            },
        }
