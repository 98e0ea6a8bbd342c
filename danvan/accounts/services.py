"""Accounts and role assignments: atomic, validated, audited."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap, Role
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from .models import RoleAssignment, User

USER_FIELDS = ["username", "full_name", "email", "phone", "is_active", "person"]


def _check_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ServiceError(" ".join(error.messages), field="password") from error


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    password: str,
    full_name: str = "",
    email: str = "",
    phone: str = "",
    person=None,
    is_active: bool = True,
) -> User:
    access.require(actor, Cap.USER_MANAGE)
    username = vntext.clean_text(username).lower()
    if User.objects.filter(username__iexact=username).exists():
        raise ServiceError(
            _("Tên đăng nhập «%(name)s» đã có người dùng.") % {"name": username}, field="username"
        )
    user = User(
        username=username,
        full_name=vntext.clean_text(full_name),
        email=email.strip().lower(),
        phone=vntext.clean_text(phone),
        person=person,
        is_active=is_active,
    )
    _check_password(password, user)
    user.set_password(password)
    user.save()
    audit.record(actor=actor, verb="create", obj=user, summary=_("Tạo tài khoản"))
    return user


@transaction.atomic
def user_update(*, user: User, actor, **fields) -> User:
    access.require(actor, Cap.USER_MANAGE)
    before = audit.snapshot(user, USER_FIELDS)
    for name, value in fields.items():
        setattr(user, name, vntext.clean_text(value) if isinstance(value, str) else value)
    if user.pk == actor.pk and not user.is_active:
        raise ServiceError(_("Bạn không thể tự khóa tài khoản của chính mình."), field="is_active")
    user.email = user.email.lower()
    user.save()
    changes = audit.field_changes(before, audit.snapshot(user, USER_FIELDS))
    audit.record(actor=actor, verb="update", obj=user, summary=_("Sửa tài khoản"), changes=changes)
    return user


@transaction.atomic
def user_set_password(*, user: User, actor, password: str) -> None:
    if actor.pk != user.pk:
        access.require(actor, Cap.USER_MANAGE)
    _check_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit.record(actor=actor, verb="password", obj=user, summary=_("Đặt lại mật khẩu"))


@transaction.atomic
def role_assign(*, actor, user: User, role: str, unit=None) -> RoleAssignment:
    if role not in Role.values:
        raise ServiceError(_("Vai trò không hợp lệ."), field="role")
    if unit is None and not access.sees_everything(actor):
        raise ServiceError(
            _("Chỉ quản trị toàn hệ thống được giao vai trò trên toàn hệ thống."), field="unit"
        )
    access.require(actor, Cap.USER_MANAGE, unit)
    if role == Role.ADMIN and not access.sees_everything(actor):
        raise ServiceError(_("Chỉ quản trị toàn hệ thống được giao vai trò quản trị."), field="role")
    assignment, created = RoleAssignment.objects.get_or_create(user=user, role=role, unit=unit)
    if not created:
        raise ServiceError(_("Tài khoản đã có vai trò này tại đơn vị này."), field="role")
    audit.record(
        actor=actor, verb="assign", obj=user, summary=str(assignment), unit_path=unit.path if unit else ""
    )
    access.forget(user)
    return assignment


@transaction.atomic
def role_revoke(*, actor, assignment: RoleAssignment) -> None:
    access.require(actor, Cap.USER_MANAGE, assignment.unit)
    if assignment.user_id == actor.pk and assignment.role == Role.ADMIN:
        raise ServiceError(_("Bạn không thể tự gỡ vai trò quản trị của chính mình."))
    audit.record(
        actor=actor,
        verb="revoke",
        obj=assignment.user,
        summary=str(assignment),
        unit_path=assignment.unit.path if assignment.unit is not None else "",
    )
    assignment.delete()
    access.forget(assignment.user)
