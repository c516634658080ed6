"""Issuing and checking API tokens. Only the SHA-256 of a token is ever stored."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.api.models import ApiToken
from cchc.core.errors import RuleViolation
from cchc.org.models import User

TOKEN_PREFIX = "cchc_"  # noqa: S105 - a public marker that tells tokens apart, not a secret
# Recording every use would write a row per request; a minute's precision is enough to see
# which tokens are still in use.
LAST_USED_PRECISION = timedelta(minutes=1)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str, created_by: User | None = None) -> tuple[ApiToken, str]:
    """A new token for `user`: the stored record and the token itself (to show once, never again)."""
    name = " ".join((name or "").split())
    if not name:
        raise RuleViolation(_("Give the token a name: which system will use it."))
    if len(name) > 100:
        raise RuleViolation(_("The name is longer than 100 characters."))
    if not user.is_active:
        raise RuleViolation(_("%(name)s is deactivated; a token cannot act as them.") % {"name": user})
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        name=name, user=user, prefix=raw[: len(TOKEN_PREFIX) + 6], token_hash=token_hash(raw), created_by=created_by
    )
    return token, raw


def api_token_user(raw: str) -> User | None:
    """The active user an active token acts as, or None; records when the token was last used."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(token_hash=token_hash(raw), is_active=True).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        # A plain UPDATE: no audit row per request, and no race with an administrator's edit.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def api_token_set_active(*, token: ApiToken, active: bool) -> ApiToken:
    token.is_active = active
    token.save(update_fields=["is_active"])
    return token
