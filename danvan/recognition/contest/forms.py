"""Forms of the press contest: parsing only; the services keep the rules."""

from django import forms
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.org.forms import DateInput, UnitChoiceField


class _VersionField(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def _from_instance(form: forms.Form, instance, *, exclude=()) -> None:
    """An edit form starts from the object's own values (what the user typed still wins)."""
    if instance is not None:
        fields = [name for name in form.fields if name not in exclude]
        form.initial = {**model_to_dict(instance, fields=fields), **form.initial}


# --- contest ---------------------------------------------------------------------------------------------


class ContestForm(NormalizingFormMixin, OnceFormMixin, _VersionField):
    owner = UnitChoiceField(label=_("Đơn vị tổ chức"))
    name = forms.CharField(label=_("Tên cuộc thi"), max_length=300)
    period_text = forms.CharField(
        label=_("Thời gian"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: tác phẩm đăng, phát từ 01/01/2025 đến 30/9/2025; nhận bài trước 15/10/2025."),
    )
    description = forms.CharField(
        label=_("Thể lệ, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, instance=None, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        _from_instance(self, instance)
        if visible_units is not None:
            self.fields["owner"].queryset = visible_units


class EntryForm(NormalizingFormMixin, OnceFormMixin, _VersionField):
    submitted_by = UnitChoiceField(label=_("Đơn vị gửi"))
    title = forms.CharField(label=_("Tên tác phẩm"), max_length=300)
    author = forms.CharField(label=_("Tác giả, nhóm tác giả"), max_length=300)
    outlet = forms.CharField(label=_("Cơ quan báo chí đã đăng, phát"), max_length=200)
    published_on = forms.DateField(label=_("Ngày đăng, phát"), required=False, widget=DateInput())
    link = forms.URLField(
        label=_("Đường dẫn tới tác phẩm"), max_length=500, required=False, assume_scheme="https"
    )
    file = forms.FileField(
        allow_empty_file=True,
        label=_("hoặc tệp Word (.docx) của tác phẩm"),
        required=False,
        help_text=_("Tệp PDF, ảnh chụp không được nhận: hãy gửi đường dẫn hoặc bản Word."),
    )
    exemplar = forms.ModelChoiceField(
        label=_("Mô hình, điển hình được viết về"), queryset=None, required=False, empty_label=_("— Không —")
    )

    def __init__(self, *args, instance=None, default_unit=None, visible_units=None, exemplars=None, **kwargs):
        super().__init__(*args, **kwargs)
        _from_instance(self, instance, exclude=["file"])  # a stored file is not offered back for upload
        if instance is None and default_unit is not None:
            self.fields["submitted_by"].initial = default_unit.pk
        if visible_units is not None:
            self.fields["submitted_by"].queryset = visible_units
        self.fields["exemplar"].queryset = exemplars
        self.fields["exemplar"].label_from_instance = lambda e: f"{e.title} ({e.unit.name}, {e.year})"


class RoundForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên vòng"), max_length=120, help_text=_("Ví dụ: Sơ khảo, Chung khảo"))
    order = forms.IntegerField(label=_("Thứ tự"), min_value=1, max_value=20, initial=1)
    max_points = forms.DecimalField(
        label=_("Điểm tối đa"), min_value=0, max_digits=6, decimal_places=2, initial=100
    )
    judges = forms.ModelMultipleChoiceField(
        label=_("Giám khảo"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tài khoản có vai trò thành viên hội đồng chấm điểm trong phạm vi cuộc thi."),
    )

    def __init__(self, *args, contest=None, instance=None, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        _from_instance(self, instance)
        if instance is None and contest is not None:
            # A new round comes after the others; the first two are usually the preliminary and the final.
            count = contest.rounds.count()
            self.fields["order"].initial = count + 1
            self.fields["name"].initial = {0: _("Sơ khảo"), 1: _("Chung khảo")}.get(count)
        self.fields["judges"].queryset = candidates
        self.fields["judges"].label_from_instance = lambda u: str(u)


class ScoreForm(NormalizingFormMixin, forms.Form):
    entry = forms.IntegerField(widget=forms.HiddenInput)
    points = forms.CharField(label=_("Điểm"), max_length=12)
    comment = forms.CharField(label=_("Nhận xét"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PrizeForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Tên giải"), max_length=120, help_text=_("Ví dụ: Giải A, Giải Khuyến khích")
    )
    rank_order = forms.IntegerField(label=_("Thứ bậc (1 là cao nhất)"), min_value=1, max_value=50, initial=1)
    quota = forms.IntegerField(label=_("Số giải"), min_value=1, max_value=500, initial=1)

    def __init__(self, *args, contest=None, instance=None, **kwargs):
        super().__init__(*args, **kwargs)
        _from_instance(self, instance)
        if instance is None and contest is not None:
            self.fields["rank_order"].initial = contest.prizes.count() + 1


class AwardForm(forms.Form):
    prize = forms.ModelChoiceField(label=_("Giải"), queryset=None)
    entry = forms.ModelChoiceField(label=_("Tác phẩm"), queryset=None)

    def __init__(self, *args, contest=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prize"].queryset = contest.prizes.all()
        self.fields["entry"].queryset = contest.entries.filter(award__isnull=True)
