from typing import cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from danvan.core.access import Role
from danvan.core.forms import NormalizingFormMixin, OnceFormMixin
from danvan.org.forms import UnitChoiceField

from .models import User


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý: mật khẩu phân biệt chữ hoa, chữ thường."
        ),
        "inactive": _("Tài khoản này đã bị khóa. Hãy liên hệ quản trị hệ thống."),
    }


class UserCreateForm(NormalizingFormMixin, OnceFormMixin, forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    password = forms.CharField(
        label=_("Mật khẩu"),
        widget=forms.PasswordInput,
        help_text=_("Ít nhất 10 ký tự, không toàn số, không quá phổ biến."),
    )

    def clean(self):
        password = self.data.get("password", "")
        cleaned = super().clean()
        cleaned["password"] = password  # a password is never whitespace-collapsed
        return cleaned


class UserEditForm(NormalizingFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "email", "phone", "is_active"]


class PasswordSetForm(forms.Form):
    password = forms.CharField(label=_("Mật khẩu mới"), widget=forms.PasswordInput)


class RoleAssignForm(forms.Form):
    role = forms.ChoiceField(label=_("Vai trò"), choices=Role.choices)
    unit = UnitChoiceField(
        label=_("Đơn vị"),
        required=False,
        help_text=_("Để trống: toàn hệ thống (chỉ quản trị toàn hệ thống)."),
    )

    def __init__(self, *args, visible_units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if visible_units is not None:
            cast(UnitChoiceField, self.fields["unit"]).queryset = visible_units
