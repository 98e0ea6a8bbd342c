from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, VersionedFormMixin
from danvan.org.forms import UnitChoiceField

from ..models import Dialogue


class DialogueForm(NormalizingFormMixin, VersionedFormMixin, forms.ModelForm):
    organiser = UnitChoiceField(label=_("Đơn vị tổ chức"))
    time_text = forms.CharField(
        label=_("Thời gian"),
        max_length=255,
        required=False,
        help_text=_("Ngày cụ thể (dd/mm/yyyy) hoặc ước lượng: “dự kiến tháng 10/2026”."),
    )

    class Meta:
        model = Dialogue
        fields = [
            "organiser",
            "form",
            "topic",
            "target_group",
            "time_text",
            "place",
            "chair_name",
            "status",
            "participants",
            "participant_groups",
            "answered_on_spot",
            "minutes",
        ]
        widgets = {"minutes": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["organiser"].queryset = visible_units
        if self.instance.pk:
            self.fields["organiser"].disabled = True
            self.initial.setdefault("time_text", self.instance.time_text)

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        return {**data, "expected_version": self.cleaned_data.get("version")}
