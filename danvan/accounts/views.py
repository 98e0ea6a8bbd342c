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
from danvan.core.forms import apply_service_error
from danvan.core.paging import paginate, query_without_page
from danvan.org.models import Unit

from . import services
from .forms import LoginForm, PasswordSetForm, RoleAssignForm, UserCreateForm, UserEditForm
from .models import RoleAssignment, User

login = auth_views.LoginView.as_view(
    template_name="accounts/login.html", authentication_form=LoginForm, redirect_authenticated_user=True
)
logout = auth_views.LogoutView.as_view()
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html", success_url="/"
)


def _managed_users(request):
    """Users with a role somewhere the manager sees (all users for a system administrator)."""
    users = User.objects.order_by("username")
    if access.sees_everything(request.user):
        return users
    scope = access.subtree_q("unit__path", access.scope_paths(request.user))
    return users.filter(assignments__in=RoleAssignment.objects.filter(scope)).distinct()


@login_required
def user_list(request):
    access.require(request.user, Cap.USER_MANAGE)
    query = request.GET.get("q", "").strip()
    users = _managed_users(request)
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
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(actor=request.user, **form.cleaned_data)
            messages.success(
                request,
                _("Đã tạo tài khoản «%(name)s». Hãy giao vai trò cho tài khoản.") % {"name": user.username},
            )
            return redirect("accounts:user_detail", pk=user.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    return render(request, "accounts/user_form.html", {"form": form})


@login_required
def user_detail(request, pk):
    access.require(request.user, Cap.USER_MANAGE)
    user = get_object_or_404(_managed_users(request), pk=pk)
    visible_units = Unit.objects.visible_to(request.user)
    edit_form = UserEditForm(instance=user, prefix="edit")
    assign_form = RoleAssignForm(prefix="assign", visible_units=visible_units)
    password_form = PasswordSetForm(prefix="pw")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "edit":
                edit_form = UserEditForm(request.POST, instance=User.objects.get(pk=user.pk), prefix="edit")
                if edit_form.is_valid():
                    services.user_update(user=user, actor=request.user, **edit_form.cleaned_data)
                    messages.success(request, _("Đã lưu thay đổi."))
                    return redirect("accounts:user_detail", pk=user.pk)
            elif action == "assign":
                assign_form = RoleAssignForm(request.POST, prefix="assign", visible_units=visible_units)
                if assign_form.is_valid():
                    services.role_assign(actor=request.user, user=user, **assign_form.cleaned_data)
                    messages.success(request, _("Đã giao vai trò."))
                    return redirect("accounts:user_detail", pk=user.pk)
            elif action == "password":
                password_form = PasswordSetForm(request.POST, prefix="pw")
                if password_form.is_valid():
                    services.user_set_password(
                        user=user, actor=request.user, password=request.POST.get("pw-password", "")
                    )
                    messages.success(request, _("Đã đặt mật khẩu mới."))
                    return redirect("accounts:user_detail", pk=user.pk)
        except ServiceError as error:
            target = {"edit": edit_form, "assign": assign_form, "password": password_form}.get(
                action, edit_form
            )
            apply_service_error(target, error)
    context = {
        "managed": user,
        "assignments": user.assignments.select_related("unit").order_by("role"),
        "edit_form": edit_form,
        "assign_form": assign_form,
        "password_form": password_form,
    }
    return render(request, "accounts/user_detail.html", context)


@login_required
@require_POST
def assignment_revoke(request, pk):
    access.require(request.user, Cap.USER_MANAGE)
    assignment = get_object_or_404(RoleAssignment.objects.select_related("unit", "user"), pk=pk)
    get_object_or_404(_managed_users(request), pk=assignment.user_id)
    try:
        services.role_revoke(actor=request.user, assignment=assignment)
        messages.success(request, _("Đã gỡ vai trò."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("accounts:user_detail", pk=assignment.user_id)
