"""Admin views of the system's own records: the audit trail and background jobs (read-only)."""

from django.contrib import admin

from cchc.core.models import AuditEvent, Job
from cchc.org.admin_site import ReadOnlyAdmin


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_name", "action", "model", "object_repr")
    list_filter = ("action", "model")
    search_fields = ("object_repr", "actor_name", "object_id")
    date_hierarchy = "at"
    readonly_fields = (
        "at",
        "actor",
        "actor_name",
        "ip_address",
        "action",
        "model",
        "object_id",
        "object_repr",
        "changes",
    )


@admin.register(Job)
class JobAdmin(ReadOnlyAdmin):
    list_display = ("label", "status", "done", "total", "created_by", "created_at")
    list_filter = ("status",)
