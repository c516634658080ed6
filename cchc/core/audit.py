"""The audit trail: every create, change and delete of a tracked model becomes an AuditEvent.

It hangs on model signals rather than on each service, so that a change made anywhere — a service,
the Django admin, a management command — is recorded the same way. The actor comes from a context
variable that AuditActorMiddleware sets for each request and `acting_as()` sets for other code.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from cchc.core.models import AuditEvent


@dataclass(frozen=True, slots=True)
class Actor:
    user: Any  # the AUTH_USER_MODEL instance, or None for the system
    ip_address: str | None = None


_actor: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("cchc_audit_actor", default=None)

# Fields whose values must never be copied into the trail; only the fact that they changed.
SECRET_FIELDS = frozenset({"password"})
IGNORED_FIELDS = frozenset({"last_login", "updated_at"})


@contextmanager
def acting_as(user: Any, ip_address: str | None = None) -> Iterator[None]:
    """Record changes made inside the block as made by `user` (None: the system)."""
    token = _actor.set(Actor(user=user, ip_address=ip_address))
    try:
        yield
    finally:
        _actor.reset(token)


def current_actor() -> Actor | None:
    return _actor.get()


def _snapshot(instance: models.Model) -> dict[str, str]:
    values: dict[str, str] = {}
    for field in instance._meta.concrete_fields:
        if field.name in IGNORED_FIELDS:
            continue
        value = getattr(instance, field.attname)
        values[field.name] = "" if value is None else str(value)
    return values


def _changes(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    diff: dict[str, list[str]] = {}
    for name, new in after.items():
        old = before.get(name, "")
        if old != new:
            diff[name] = ["***", "***"] if name in SECRET_FIELDS else [old, new]
    return diff


def _record(instance: models.Model, action: str, changes: dict[str, list[str]]) -> None:
    actor = current_actor()
    user = actor.user if actor and actor.user is not None and getattr(actor.user, "pk", None) else None
    AuditEvent.objects.create(
        actor=user,
        actor_name=(user.get_username() if user else ""),
        ip_address=actor.ip_address if actor else None,
        action=action,
        model=instance._meta.label_lower,
        object_id=str(instance.pk),
        object_repr=str(instance)[:255],
        changes=changes,
    )


def _on_pre_save(sender: type[models.Model], instance: models.Model, raw: bool = False, **_: Any) -> None:
    if raw or instance.pk is None or instance._state.adding:
        instance._audit_before = {}  # type: ignore[attr-defined]
        return
    previous = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = _snapshot(previous) if previous else {}  # type: ignore[attr-defined]


def _on_post_save(instance: models.Model, created: bool, raw: bool = False, **_: Any) -> None:
    if raw:
        return  # fixtures loading: not a change made by anyone
    after = _snapshot(instance)
    before: dict[str, str] = getattr(instance, "_audit_before", {})
    changes = _changes({} if created else before, after)
    if created or changes:
        _record(instance, AuditEvent.Action.CREATE if created else AuditEvent.Action.UPDATE, changes)


def _on_post_delete(instance: models.Model, **_: Any) -> None:
    _record(instance, AuditEvent.Action.DELETE, _changes(_snapshot(instance), {}))


def track(model: type[models.Model]) -> None:
    """Record every change to `model` in the audit trail. Call from the owning app's ready()."""
    uid = f"cchc-audit-{model._meta.label_lower}"
    pre_save.connect(_on_pre_save, sender=model, dispatch_uid=uid)
    post_save.connect(_on_post_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_on_post_delete, sender=model, dispatch_uid=uid)
