from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.org.forms import UnitChoiceField

from .shifting import CALENDAR, DEFAULT_DAYS, MAX_DAYS, SAME, WORKING, Shift

SHIFT_CHOICES = [
    (WORKING, _("Sớm hơn số ngày làm việc")),
    (CALENDAR, _("Sớm hơn số ngày (kể cả thứ Bảy, Chủ nhật)")),
    (SAME, _("Giữ nguyên thời hạn như kế hoạch cấp trên")),
]


class UnitOptionField(forms.ModelChoiceField):
    """A unit named alone when it is the lower unit or one of its direct subordinates; a unit deeper in its
    tree (a suggested lead) is named with its parent, so the officer sees where it is."""

    def __init__(self, *args, near: Iterable[int] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.near = set(near)

    def label_from_instance(self, obj):
        if obj.pk in self.near or obj.parent is None:
            return obj.name
        return f"{obj.name} ({obj.parent.name})"


class CascadeForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    """The lower unit, how much earlier its deadlines fall, its title, and (once the unit is known) who leads
    each kind of task the superior gave: one select per distinct lead, set to the suggestion."""

    unit = UnitChoiceField(
        label=_("Đơn vị xây dựng kế hoạch triển khai"),
    )
    title = forms.CharField(
        label=_("Trích yếu"),
        max_length=500,
        required=False,
        help_text=_("Để trống: giữ trích yếu của cấp trên."),
    )
    shift_mode = forms.ChoiceField(
        label=_("Thời hạn các nhiệm vụ"), choices=SHIFT_CHOICES, initial=WORKING, widget=forms.RadioSelect
    )
    days = forms.IntegerField(
        label=_("Số ngày sớm hơn"),
        min_value=0,
        max_value=MAX_DAYS,
        initial=DEFAULT_DAYS,
        help_text=_("Để các đơn vị của bạn báo cáo trước khi bạn phải báo cáo lên cấp trên."),
    )

    def __init__(self, *args, visible_units=None, lead_choices=(), lead_options=(), **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units
        self.fields["unit"].widget = forms.HiddenInput()  # chosen in the step before (the page's chooser)
        self.lead_keys: dict[str, str] = {}
        ids = [u.pk for u in lead_options]
        own = lead_options[0].pk if lead_options else None
        near = {u.pk for u in lead_options if u.pk == own or u.parent_id == own}
        for index, choice in enumerate(lead_choices):
            name = f"lead_{index}"
            self.lead_keys[name] = choice.key
            self.fields[name] = UnitOptionField(
                label=_("Chủ trì thay cho “%(lead)s” (%(n)s nhiệm vụ)")
                % {"lead": choice.label, "n": choice.tasks},
                queryset=choice.suggestion.__class__.objects.filter(pk__in=ids)
                .select_related("parent")
                .order_by("path"),
                initial=choice.suggestion.pk,
                required=False,
                near=near,
            )

    def shift(self) -> Shift:
        data = self.cleaned_data
        return Shift(mode=data["shift_mode"], days=data.get("days") or 0)

    def leads(self) -> dict:
        return {
            key: self.cleaned_data[name]
            for name, key in self.lead_keys.items()
            if self.cleaned_data.get(name)
        }
