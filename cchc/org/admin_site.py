"""The Django admin for administrators: Vietnamese titles, and only people with the administrator role."""

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from cchc.org.selectors import is_administrator


class CchcAdminSite(admin.AdminSite):
    site_header = _("CCHC administration")
    site_title = _("CCHC administration")
    index_title = _("System administration")

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and is_administrator(request.user))


class AdministratorAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Base for CCHC's model admins: administrators may do everything the admin offers, others nothing.

    Django's per-model permission tables are not used; roles and unit scope are CCHC's (org/scope.py).
    """

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_administrator(request.user)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return is_administrator(request.user)

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return is_administrator(request.user)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return is_administrator(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return is_administrator(request.user)


class ReadOnlyAdmin(AdministratorAdmin):
    """For records nobody may change by hand (the audit trail, job history)."""

    def has_add_permission(self, request: HttpRequest, *args: object) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
