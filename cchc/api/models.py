"""Credentials of other systems (the national portal, a provincial gateway) that call the API."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A bearer token that acts as one user, with that user's roles and unit scope.

    Only the SHA-256 of the token is stored: the token itself is shown once, when it is issued,
    and cannot be recovered afterwards (issue a new one and switch the old one off).
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("Which system uses it, e.g. Cổng DVC quốc gia."))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="api_tokens",
        verbose_name=_("acts as"),
        help_text=_("The API may do what this person may do, in their units."),
    )
    prefix = models.CharField(_("token begins with"), max_length=16, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ("-created_at",)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
