from django.contrib import admin

from cchc.catalog.models import Fee, Procedure, ProcessStep, RequiredDocument
from cchc.org.admin_site import AdministratorAdmin


class FeeInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Fee
    extra = 0


class RequiredDocumentInline(admin.TabularInline):  # type: ignore[type-arg]
    model = RequiredDocument
    extra = 0


class ProcessStepInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ProcessStep
    extra = 0


@admin.register(Procedure)
class ProcedureAdmin(AdministratorAdmin):
    list_display = ("code", "name", "field", "shortened_time_limit", "time_limit", "online_level", "status")
    list_filter = ("field", "online_level", "status", "national_code_confirmed")
    search_fields = ("code", "name", "name_folded")
    inlines = (FeeInline, RequiredDocumentInline, ProcessStepInline)
    readonly_fields = ("updated_at",)
