from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "verb", "object_repr"]
    list_filter = ["verb"]
    readonly_fields = [f.name for f in AuditEvent._meta.fields]
