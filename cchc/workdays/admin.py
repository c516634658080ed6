from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from cchc.org.admin_site import AdministratorAdmin
from cchc.workdays import services
from cchc.workdays.models import CalendarOverride


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(AdministratorAdmin):
    list_display = ("day", "kind", "name", "legal_basis")
    list_filter = ("kind",)
    search_fields = ("name", "legal_basis")
    date_hierarchy = "day"
    fields = ("day", "kind", "name", "legal_basis")

    def save_model(self, request: HttpRequest, obj: CalendarOverride, form: Any, change: bool) -> None:
        services.override_save(override=obj)

    def delete_model(self, request: HttpRequest, obj: CalendarOverride) -> None:
        services.override_delete(override=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CalendarOverride]) -> None:
        for override in queryset:
            services.override_delete(override=override)
