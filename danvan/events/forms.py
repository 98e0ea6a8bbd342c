from django import forms
from django.utils.translation import gettext_lazy as _

from danvan.core.forms import NormalizingFormMixin, OnceFormMixin, VersionedFormMixin
from danvan.org.forms import DateInput, UnitChoiceField

from .models import Event


class EventForm(NormalizingFormMixin, VersionedFormMixin, OnceFormMixin, forms.ModelForm):
    """The event's own fields; its initial values come from the instance being edited. The organiser is
    chosen once, when the event is created."""

    organiser = UnitChoiceField(label=_("Đơn vị tổ chức"))
    time_text = forms.CharField(
        label=_("Thời gian"),
        max_length=255,
        required=False,
        help_text=_("Có thể ước lượng: “dự kiến trung tuần tháng 9/2023”; ghi giờ cụ thể sau."),
    )
    starts_at = forms.DateTimeField(
        label=_("Giờ bắt đầu (khi đã chốt)"),
        required=False,
        input_formats=["%H:%M %d/%m/%Y", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"placeholder": "08:00 15/09/2023"}, format="%H:%M %d/%m/%Y"),
    )

    notify_invited = forms.BooleanField(
        label=_("Báo thời gian mới cho những người đã được mời (thư điện tử và thông báo)"),
        required=False,
        initial=True,
    )

    class Meta:
        model = Event
        fields = [
            "organiser",
            "kind",
            "title",
            "time_text",
            "starts_at",
            "venue",
            "expected_attendance",
            "place_name",
            "signer_authority",
            "signer_title",
            "signer_name",
        ]
        labels = {
            "place_name": _("Địa danh ghi trên văn bản"),
            "signer_authority": _("Thẩm quyền ký"),
            "signer_title": _("Chức vụ người ký"),
            "signer_name": _("Người ký"),
        }
        help_texts = {
            "place_name": _(
                "Ví dụ “Từ Sơn”. Sự kiện tạo từ kế hoạch dùng địa danh và người ký của kế hoạch; "
                "địa danh ghi ở đây khi kế hoạch không ghi."
            ),
            "signer_authority": _("Ví dụ “K/T TRƯỞNG BAN”; để trống khi người đứng đầu ký."),
            "signer_title": _("Ví dụ “PHÓ TRƯỞNG BAN”."),
        }

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["organiser"].queryset = visible_units
        if self.instance.pk:
            self.fields["organiser"].disabled = True
        if not self.instance.pk or not self.instance.invitations.exists():
            del self.fields["notify_invited"]  # nobody to tell yet

    @staticmethod
    def event_fields(data: dict) -> dict:
        """What event_save takes from the cleaned form (the version goes as expected_version)."""
        return {name: value for name, value in data.items() if name not in ("version", "form_token")}


class GroupForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    label = forms.CharField(label=_("Thành phần"), max_length=500)
    quota = forms.IntegerField(label=_("Số suất"), min_value=0, required=False)
    nominating_unit = UnitChoiceField(label=_("Giao đơn vị cử đại biểu"), required=False)
    nomination_deadline = forms.DateField(label=_("Hạn cử"), required=False, widget=DateInput())

    def __init__(self, *args, visible_units=None, group=None, **kwargs):
        if group is not None:  # editing: the group's own values
            kwargs.setdefault(
                "initial",
                {
                    "label": group.label,
                    "quota": group.quota,
                    "nominating_unit": group.nominating_unit,
                    "nomination_deadline": group.nomination_deadline,
                },
            )
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["nominating_unit"].queryset = visible_units


class GroupUnitForm(forms.Form):
    """Invite everyone of a unit (and its units below) into a group at once."""

    unit = UnitChoiceField(label=_("Mời cả đơn vị"))

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units


class NominationForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    title = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)


class WalkInForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    title = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    unit_name = forms.CharField(label=_("Đơn vị"), max_length=255, required=False)


class RsvpForm(NormalizingFormMixin, forms.Form):
    answer = forms.ChoiceField(
        label=_("Trả lời"),
        widget=forms.RadioSelect,
        choices=[
            ("accepted", _("Tôi nhận lời tham dự")),
            ("declined", _("Tôi không tham dự được")),
            ("substituted", _("Tôi cử người dự thay")),
        ],
    )
    substitute_name = forms.CharField(label=_("Họ và tên người dự thay"), max_length=150, required=False)
    substitute_title = forms.CharField(label=_("Chức vụ người dự thay"), max_length=255, required=False)


class CloseForm(forms.Form):
    minutes = forms.CharField(
        label=_("Diễn biến, biên bản"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    conclusions = forms.CharField(
        label=_("Kết luận"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class PresentationRequestForm(forms.Form):
    unit = UnitChoiceField(label=_("Đơn vị gửi tham luận"))
    due_date = forms.DateField(label=_("Hạn gửi"), required=False, widget=DateInput())

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            self.fields["unit"].queryset = visible_units


class PresentationUploadForm(NormalizingFormMixin, forms.Form):
    title = forms.CharField(label=_("Tên tham luận"), max_length=500)
    presenter = forms.CharField(label=_("Người trình bày"), max_length=150, required=False)
    file = forms.FileField(allow_empty_file=True, label=_("Tệp Word (.docx)"))
