from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(User)
class DanvanUserAdmin(UserAdmin, SimpleHistoryAdmin):
    inlines = [RoleAssignmentInline]
    list_display = ["username", "full_name", "email", "is_active", "is_superuser"]
    fieldsets = (*(UserAdmin.fieldsets or ()), ("Danvan", {"fields": ("full_name", "phone", "person")}))
    raw_id_fields = ["person"]
