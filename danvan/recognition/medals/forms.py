"""Forms of the medal nominations and of their rule set: parsing only; the services keep the rules."""

from django import forms
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.org.forms import UnitChoiceField
from danvan.org.models import Person

from ..models import MedalNomination


class _VersionField(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def start_from(self, instance) -> None:
        """An edit form starts from the object's own values (what the user typed still wins)."""
        if instance is not None:
            self.initial = {**model_to_dict(instance, fields=list(self.fields)), **self.initial}


class MedalRuleForm(NormalizingFormMixin, OnceFormMixin, _VersionField):
    name = forms.CharField(label=_("Tên tiêu chí"), max_length=200)
    group = forms.CharField(
        label=_("Nhóm đối tượng"),
        max_length=200,
        help_text=_("Ví dụ: Cán bộ chuyên trách công tác dân vận. Các đề nghị chọn nhóm này được đối chiếu."),
    )
    min_years = forms.IntegerField(
        label=_("Số năm tối thiểu làm công tác dân vận"),
        min_value=0,
        max_value=80,
        required=False,
        help_text=_("Để trống nếu tiêu chí này không xét số năm."),
    )
    requires_no_discipline = forms.BooleanField(label=_("Không bị kỷ luật"), required=False)
    active = forms.BooleanField(label=_("Đang áp dụng"), required=False, initial=True)
    note = forms.CharField(
        label=_("Căn cứ, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_from(instance)


DISCIPLINE_CHOICES = [("", _("Chưa rõ")), ("no", _("Không bị kỷ luật")), ("yes", _("Đã bị kỷ luật"))]


class NominationForm(NormalizingFormMixin, OnceFormMixin, _VersionField):
    unit = UnitChoiceField(label=_("Đơn vị đề nghị"))
    person = forms.ModelChoiceField(
        label=_("Người được đề nghị"),
        queryset=None,
        help_text=_(
            "Cán bộ của đơn vị đề nghị hoặc đơn vị trực thuộc; chọn đơn vị rồi bấm «Lọc» để đổi danh sách."
        ),
    )
    group = forms.ChoiceField(label=_("Nhóm đối tượng"))
    years_in_work = forms.IntegerField(
        label=_("Số năm làm công tác dân vận"), min_value=0, max_value=80, required=False
    )
    start_year = forms.IntegerField(
        label=_("Năm bắt đầu làm công tác dân vận"),
        min_value=1930,
        max_value=2200,
        required=False,
        help_text=_("Nếu không ghi số năm, hệ thống tính số năm từ năm bắt đầu."),
    )
    discipline = forms.ChoiceField(label=_("Kỷ luật"), choices=DISCIPLINE_CHOICES, required=False)
    discipline_note = forms.CharField(label=_("Hình thức, thời gian kỷ luật"), max_length=500, required=False)
    achievements = forms.CharField(
        label=_("Tóm tắt thành tích"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, instance=None, user=None, unit=None, person=None, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        from danvan.org.models import Unit

        self.start_from(instance)
        if instance is not None:
            self.initial.setdefault("discipline", self.discipline_value(instance))
            self.fields["unit"].disabled = True  # a nomination stays with the unit that proposed it
        else:
            self.fields["unit"].initial = unit.pk if unit else None
            self.fields["person"].initial = person
        self.fields["unit"].queryset = Unit.objects.visible_to(user)
        people = Person.objects.visible_to(user).select_related("unit")
        if unit is not None:
            people = people.filter(access.subtree_q("unit__path", [unit.path]))
        else:
            people = people.none()
        self.fields["person"].queryset = people.order_by("sort_key", "id")
        self.fields["person"].label_from_instance = lambda p: f"{p.full_name} — {p.title or p.unit.name}"
        self.fields["group"].choices = [("", "—"), *((g, g) for g in groups)]

    @property
    def has_discipline(self):
        return {"yes": True, "no": False}.get(self.cleaned_data.get("discipline") or "")

    @staticmethod
    def discipline_value(nomination: MedalNomination) -> str:
        return {True: "yes", False: "no"}.get(nomination.has_discipline, "")


class DossierForm(OnceFormMixin, forms.Form):
    file = forms.FileField(allow_empty_file=True, label=_("Tệp hồ sơ (.docx hoặc .xlsx)"))


class CommentForm(NormalizingFormMixin, forms.Form):
    comment = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class NominationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *MedalNomination.Status.choices]
    )
    group = forms.ChoiceField(label=_("Nhóm đối tượng"), required=False)
    overall = forms.ChoiceField(
        label=_("Kết quả đối chiếu"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            ("pass", _("Đạt")),
            ("fail", _("Không đạt")),
            ("unknown", _("Chưa đủ dữ liệu")),
        ],
    )

    def __init__(self, *args, groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", _("Tất cả")), *((g, g) for g in groups)]
