"""Changes to units, people and roles. Each runs in one transaction; the audit trail records it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cchc.core.errors import RuleViolation
from cchc.org.models import Membership, Unit, User
from cchc.org.roles import Role
from cchc.org.scope import forget


def _path_for(unit: Unit) -> str:
    prefix = unit.parent.path if unit.parent_id and unit.parent else ""
    return f"{prefix}{unit.pk:06d}."


def _validate(instance: Unit | User) -> None:
    try:
        instance.full_clean()
    except ValidationError as exc:
        raise RuleViolation("; ".join(exc.messages)) from exc


@transaction.atomic
def unit_save(*, unit: Unit) -> Unit:
    """Create or update a unit and keep the materialised paths of it and its subtree right."""
    if unit.parent_id and unit.pk:
        parent = Unit.objects.select_for_update().get(pk=unit.parent_id)
        if parent.path.startswith(Unit.objects.get(pk=unit.pk).path):
            raise RuleViolation(_("A unit cannot be placed under itself or under one of its own sub-units."))
    _validate(unit)
    old_path = Unit.objects.filter(pk=unit.pk).values_list("path", flat=True).first() if unit.pk else None
    unit.save()
    new_path = _path_for(unit)
    if new_path != unit.path:
        unit.path = new_path
        unit.save(update_fields=["path"])
    if old_path and old_path != new_path:
        # Move the subtree: each descendant's path keeps its tail under the new prefix.
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).order_by("path"):
            child.path = new_path + child.path[len(old_path) :]
            child.save(update_fields=["path"])
    return unit


def unit_create(
    *, name: str, code: str, kind: str, parent: Unit | None = None, short_name: str = "", order: int = 0
) -> Unit:
    return unit_save(unit=Unit(name=name, code=code, kind=kind, parent=parent, short_name=short_name, order=order))


@transaction.atomic
def user_create(
    *,
    username: str,
    full_name: str,
    email: str = "",
    password: str | None = None,
    unit: Unit | None = None,
    position: str = "",
    phone: str = "",
) -> User:
    user = User(username=username, full_name=full_name, email=email, unit=unit, position=position, phone=phone)
    if password:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise RuleViolation(" ".join(exc.messages)) from exc
        user.set_password(password)
    else:
        user.set_unusable_password()
    if User.objects.filter(username__iexact=username).exists():
        raise RuleViolation(_("The username %(username)s is already taken.") % {"username": username})
    _validate(user)
    user.save()
    return user


@transaction.atomic
def membership_grant(*, user: User, unit: Unit, role: Role | str) -> Membership:
    """Give `user` the `role` over `unit` and its sub-units. Granting twice changes nothing."""
    role = Role(role)
    if role == Role.APPRAISER and unit.parent_id is not None:
        raise RuleViolation(_("An appraiser reads the whole department: assign the role on the top unit."))
    membership, _created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    forget(user)
    return membership


@transaction.atomic
def membership_revoke(*, user: User, unit: Unit, role: Role | str) -> None:
    deleted = 0
    for membership in Membership.objects.filter(user=user, unit=unit, role=Role(role)):
        membership.delete()  # one by one so the audit trail records each
        deleted += 1
    if not deleted:
        raise RuleViolation(_("This person does not hold that role in that unit."))
    forget(user)


def user_set_active(*, user: User, active: bool, actor: Any = None) -> User:
    if actor is not None and actor.pk == user.pk and not active:
        raise RuleViolation(_("You cannot deactivate your own account."))
    user.is_active = active
    user.save(update_fields=["is_active"])
    return user
