"""Read-only views of the plan tables for administrators; changes go through the plan pages."""

from django.contrib import admin

from cchc.org.admin_site import ReadOnlyAdmin
from cchc.plans.models import Plan, Task, TaskEvent


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ("number", "year", "title", "status", "unit")
    list_filter = ("status", "year")
    search_fields = ("number", "title")


@admin.register(Task)
class TaskAdmin(ReadOnlyAdmin):
    list_display = ("title", "plan", "lead_unit", "status", "progress", "next_due")
    list_filter = ("status", "area", "plan")
    search_fields = ("title",)


@admin.register(TaskEvent)
class TaskEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "task", "kind", "actor", "to_status")
    list_filter = ("kind",)
