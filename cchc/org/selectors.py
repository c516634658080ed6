"""Reads of units and people, filtered to what the asking user may see."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from cchc.org.models import Membership, Unit, User
from cchc.org.roles import Role
from cchc.org.scope import scope_for


def unit_list_for_user(*, user: Any) -> QuerySet[Unit]:
    """Units the user holds any role over, in tree order."""
    return Unit.objects.filter(pk__in=scope_for(user).units()).order_by("path")


def unit_get_for_user(*, user: Any, pk: int) -> Unit:
    unit = get_object_or_404(Unit, pk=pk)
    if not scope_for(user).can(unit.pk):
        raise PermissionDenied
    return unit


def staff_list_for_user(*, user: Any, unit: Unit | None = None) -> QuerySet[User]:
    """People working in units within the user's scope (optionally only in `unit`'s subtree)."""
    units = scope_for(user).units()
    queryset = User.objects.filter(unit__in=units, is_active=True)
    if unit is not None:
        queryset = queryset.filter(unit__path__startswith=unit.path)
    return (
        queryset.select_related("unit")
        .prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("unit")))
        .order_by("unit__path", "full_name")
    )


def units_for_admin(*, user: Any) -> QuerySet[Unit]:
    return Unit.objects.filter(pk__in=scope_for(user).units(Role.ADMINISTRATOR))


def is_administrator(user: Any) -> bool:
    return scope_for(user).has_role(Role.ADMINISTRATOR)


def department_root() -> Unit | None:
    """The top unit (the department itself) when the tree has exactly one root."""
    roots = list(Unit.objects.filter(parent__isnull=True)[:2])
    return roots[0] if len(roots) == 1 else None
