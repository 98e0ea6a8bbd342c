from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.paging import paginate, query_without_page
from danvan.org.models import Unit

from . import selectors, services
from .forms import LoginForm, PasswordSetForm, RoleAssignForm, UserCreateForm, UserEditForm
from .models import RoleAssignment, User

login = auth_views.LoginView.as_view(
    template_name="accounts/login.html", authentication_form=LoginForm, redirect_authenticated_user=True
)
logout = auth_views.LogoutView.as_view()
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html", success_url="/"
)


@login_required
def user_list(request):
    access.require(request.user, Cap.USER_MANAGE)
    query = request.GET.get("q", "").strip()
    users = selectors.managed_users(request.user)
    if query:
        users = users.filter(Q(username__icontains=query) | Q(full_name__icontains=query))
    users = users.prefetch_related(
        Prefetch("assignments", queryset=RoleAssignment.objects.select_related("unit"))
    )
    return render(
        request,
        "accounts/user_list.html",
        {"page": paginate(request, users), "q": query, "query": query_without_page(request)},
    )


@login_required
def user_create(request):
    access.require(request.user, Cap.USER_MANAGE)

    def created(user):
        messages.success(
            request,
            _("Đã tạo tài khoản «%(name)s». Hãy giao vai trò cho tài khoản.") % {"name": user.username},
        )
        return redirect("accounts:user_detail", pk=user.pk)

    return form_page(
        request,
        UserCreateForm(request.POST or None),
        template="accounts/user_form.html",
        save=lambda data: services.user_create(actor=request.user, **data),
        on_success=created,
    )


def _user_page_actions(request, user: User, visible_units) -> dict:
    """The user page's three forms, by the `action` their submit button posts: (the form's name in the
    page, the bound form, the service call, the message on success)."""
    actor = request.user
    return {
        "edit": (
            "edit_form",
            # A fresh instance: a refused edit must not show its values as the account's.
            lambda: UserEditForm(request.POST, instance=User.objects.get(pk=user.pk), prefix="edit"),
            lambda data: services.user_update(user=user, actor=actor, **data),
            _("Đã lưu thay đổi."),
        ),
        "assign": (
            "assign_form",
            lambda: RoleAssignForm(request.POST, prefix="assign", visible_units=visible_units),
            lambda data: services.role_assign(actor=actor, user=user, **data),
            _("Đã giao vai trò."),
        ),
        "password": (
            "password_form",
            lambda: PasswordSetForm(request.POST, prefix="pw"),
            # The password as typed: a password is never stripped or normalised.
            lambda data: services.user_set_password(
                user=user, actor=actor, password=request.POST.get("pw-password", "")
            ),
            _("Đã đặt mật khẩu mới."),
        ),
    }


@login_required
def user_detail(request, pk):
    access.require(request.user, Cap.USER_MANAGE)
    user = get_object_or_404(selectors.managed_users(request.user), pk=pk)
    visible_units = Unit.objects.visible_to(request.user)
    context = {
        "managed": user,
        "assignments": user.assignments.select_related("unit").order_by("role"),
        "edit_form": UserEditForm(instance=user, prefix="edit"),
        "assign_form": RoleAssignForm(prefix="assign", visible_units=visible_units),
        "password_form": PasswordSetForm(prefix="pw"),
    }
    actions = _user_page_actions(request, user, visible_units)
    action = request.POST.get("action") if request.method == "POST" else None
    if action not in actions:
        return render(request, "accounts/user_detail.html", context)
    name, bind, save, message = actions[action]
    context[name] = bind()

    def done(_result):
        messages.success(request, message)
        return redirect("accounts:user_detail", pk=user.pk)

    return form_page(
        request,
        context[name],
        template="accounts/user_detail.html",
        context=context,
        save=save,
        on_success=done,
    )


@login_required
@require_POST
def assignment_revoke(request, pk):
    access.require(request.user, Cap.USER_MANAGE)
    assignment = get_object_or_404(RoleAssignment.objects.select_related("unit", "user"), pk=pk)
    get_object_or_404(selectors.managed_users(request.user), pk=assignment.user_id)
    try:
        services.role_revoke(actor=request.user, assignment=assignment)
        messages.success(request, _("Đã gỡ vai trò."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("accounts:user_detail", pk=assignment.user_id)
