from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Person, Unit, UnitKind


@admin.register(UnitKind)
class UnitKindAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "is_admin_area", "order"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "abbreviation", "admin_code", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "search_text"]
    raw_id_fields = ["parent", "successor"]
    readonly_fields = ["path", "depth"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "title", "unit"]
    search_fields = ["full_name", "search_text"]
    raw_id_fields = ["unit"]
