from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, VersionedFormMixin
from danvan.org.forms import DateInput, UnitChoiceField

from ..models import Petition, PetitionField


class CitizenFieldsMixin(forms.Form):
    """Who raised the petition: kept apart (PetitionCitizen), shown only to those allowed to see it."""

    full_name = forms.CharField(
        label=_("Họ và tên người nêu (hoặc tên nhóm)"), max_length=200, required=False
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)

    CITIZEN = ("full_name", "phone", "address")

    def citizen_data(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.CITIZEN}


class PetitionForm(NormalizingFormMixin, CitizenFieldsMixin, forms.ModelForm):
    received_unit = UnitChoiceField(label=_("Đơn vị tiếp nhận"))
    locality = UnitChoiceField(label=_("Địa bàn (thôn, khu phố, xã, phường)"), required=False)
    received_on = forms.DateField(label=_("Ngày tiếp nhận"), widget=DateInput(), input_formats=["%d/%m/%Y"])

    class Meta:
        model = Petition
        fields = [
            "received_unit",
            "received_on",
            "kind",
            "field",
            "title",
            "content",
            "source",
            "locality",
            "place",
            "raiser",
            "raiser_count",
            "external_ref",
        ]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}

    # What was raised first, who raised it last (the mixin's fields would otherwise come first).
    field_order = [*Meta.fields, *CitizenFieldsMixin.CITIZEN]

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = PetitionField.objects.filter(active=True)
        if visible_units is not None:
            self.fields["received_unit"].queryset = visible_units
            self.fields["locality"].queryset = visible_units

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in self.CITIZEN:
            data.pop(name, None)
        return {**data, "citizen": self.citizen_data()}


class PetitionEditForm(NormalizingFormMixin, VersionedFormMixin, CitizenFieldsMixin, forms.ModelForm):
    locality = UnitChoiceField(label=_("Địa bàn"), required=False)

    class Meta:
        model = Petition
        fields = [
            "kind",
            "field",
            "title",
            "content",
            "source",
            "locality",
            "place",
            "raiser",
            "raiser_count",
            "external_ref",
        ]
        widgets = {"content": forms.Textarea(attrs={"rows": 4})}

    field_order = [*Meta.fields, *CitizenFieldsMixin.CITIZEN]

    def __init__(self, *args, visible_units=None, citizen=None, show_citizen=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = PetitionField.objects.all()
        if visible_units is not None:
            self.fields["locality"].queryset = visible_units
        if not show_citizen:
            for name in self.CITIZEN:
                del self.fields[name]
        elif citizen is not None:
            for name in self.CITIZEN:
                self.initial.setdefault(name, getattr(citizen, name))
        self.show_citizen = show_citizen

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k not in self.CITIZEN and k != "version"}
        citizen = self.citizen_data() if self.show_citizen else None
        return {**data, "citizen": citizen, "expected_version": self.cleaned_data.get("version")}


class QuickPetitionForm(NormalizingFormMixin, CitizenFieldsMixin, forms.Form):
    """What a citizen raised at a dialogue, in one line each: the dialogue gives the unit, place and date."""

    title = forms.CharField(label=_("Ý kiến, kiến nghị"), max_length=300)
    field = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=PetitionField.objects.none())
    kind = forms.ChoiceField(
        label=_("Loại"), choices=Petition._meta.get_field("kind").choices, initial="recommendation"
    )
    field_order = ["title", "field", "kind", *CitizenFieldsMixin.CITIZEN]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = PetitionField.objects.filter(active=True)


class AssignForm(NormalizingFormMixin, forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị chủ trì giải quyết"), queryset=None, required=False)
    deadline = forms.DateField(
        label=_("Hạn giải quyết"),
        required=False,
        widget=DateInput(),
        input_formats=["%d/%m/%Y"],
        help_text=_("Để trống: theo số ngày quy định cho loại kiến nghị, tính từ ngày tiếp nhận."),
    )
    reason = forms.CharField(
        label=_("Lý do (bắt buộc khi chuyển đơn vị)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda u: ("— " * u.depth) + u.name


class AnswerForm(NormalizingFormMixin, forms.Form):
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = forms.DateField(
        label=_("Ngày trả lời"), required=False, widget=DateInput(), input_formats=["%d/%m/%Y"]
    )


class InformForm(NormalizingFormMixin, forms.Form):
    how = forms.CharField(
        label=_("Hình thức thông tin cho công dân"),
        max_length=255,
        help_text=_("Ví dụ: gặp trực tiếp, điện thoại, văn bản, thông báo tại họp dân."),
    )
    informed_on = forms.DateField(
        label=_("Ngày thông tin"), required=False, widget=DateInput(), input_formats=["%d/%m/%Y"]
    )


class ReasonForm(NormalizingFormMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PetitionFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Mọi trạng thái")), *Petition.Status.choices]
    )
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        required=False,
        queryset=PetitionField.objects.all(),
        empty_label=_("Mọi lĩnh vực"),
    )
    overdue = forms.BooleanField(label=_("Chỉ quá hạn"), required=False)
