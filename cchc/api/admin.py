"""API tokens in the administration: issue one (the token is shown once), switch one off."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext as _

from cchc.api import services
from cchc.api.models import ApiToken
from cchc.core.errors import RuleViolation
from cchc.org.admin_site import AdministratorAdmin
from cchc.org.models import User
from cchc.org.roles import Role
from cchc.org.scope import scope_for


def _admin_units(request: HttpRequest) -> frozenset[int]:
    return scope_for(request.user).units(Role.ADMINISTRATOR)


@admin.register(ApiToken)
class ApiTokenAdmin(AdministratorAdmin):
    list_display = ("name", "user", "prefix", "is_active", "created_at", "last_used_at")
    list_filter = ("is_active",)
    search_fields = ("name", "user__username", "user__full_name", "prefix")
    readonly_fields = ("prefix", "created_at", "last_used_at")

    def get_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> tuple[str, ...]:
        if obj is None:
            return ("name", "user")
        return ("name", "user", "is_active", "prefix", "created_at", "last_used_at")

    def get_readonly_fields(self, request: HttpRequest, obj: ApiToken | None = None) -> tuple[str, ...]:
        # The person a token acts as never changes: issue a new token instead.
        return (*self.readonly_fields, "user") if obj is not None else ()

    def get_queryset(self, request: HttpRequest) -> QuerySet[ApiToken]:
        return super().get_queryset(request).select_related("user").filter(user__unit__in=_admin_units(request))

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "user":
            kwargs["queryset"] = User.objects.filter(is_active=True, unit__in=_admin_units(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request: HttpRequest, obj: ApiToken, form: ModelForm[ApiToken], change: bool) -> None:
        if change:
            obj.save(update_fields=["name", "is_active"])
            return
        try:
            token, raw = services.api_token_create(user=obj.user, name=obj.name, created_by=request.user)  # type: ignore[arg-type]
        except RuleViolation as exc:
            self.message_user(request, exc.message, messages.ERROR)
            raise
        obj.pk = token.pk
        obj.prefix, obj.token_hash, obj.created_at = token.prefix, token.token_hash, token.created_at
        self.message_user(
            request,
            format_html(
                "{} <code>{}</code>",
                _("Copy the token now; it will not be shown again:"),
                raw,
            ),
            messages.WARNING,
        )

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # switch it off instead: the audit trail keeps pointing at it
