"""Who may see and act on which unit: the one place where unit-scoped permissions are expressed.

A role held in a unit covers that unit and every unit below it. Selectors in every app filter by
`scope_for(user).units(...)`; nothing else writes its own permission `if`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cchc.org.models import Membership, Unit
from cchc.org.roles import Role

_CACHE_ATTR = "_cchc_scope"


@dataclass(frozen=True, slots=True)
class Scope:
    by_role: dict[Role, frozenset[int]] = field(default_factory=dict)

    def units(self, *roles: Role) -> frozenset[int]:
        """Unit ids covered by any of `roles` (by any role when none is given)."""
        wanted: Iterable[Role] = roles or self.by_role.keys()
        covered: set[int] = set()
        for role in wanted:
            covered |= self.by_role.get(role, frozenset())
        return frozenset(covered)

    def has_role(self, *roles: Role) -> bool:
        return any(self.by_role.get(role) for role in roles)

    def can(self, unit_id: int | None, *roles: Role) -> bool:
        """True when the user holds one of `roles` (any role when none given) over `unit_id`."""
        return unit_id is not None and unit_id in self.units(*roles)

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, units in self.by_role.items() if units)


EMPTY = Scope()


def _descendants(paths: Iterable[str], units: list[tuple[int, str]]) -> frozenset[int]:
    prefixes = tuple(paths)
    return frozenset(pk for pk, path in units if path.startswith(prefixes))


def scope_for(user: Any) -> Scope:
    """The user's scope, computed once per user object (so once per request)."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return EMPTY
    cached: Scope | None = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    units = [(pk, path) for pk, path in Unit.objects.filter(is_active=True).values_list("pk", "path")]
    paths_by_role: dict[Role, list[str]] = {}
    memberships = Membership.objects.filter(user=user, unit__is_active=True).values_list("role", "unit__path")
    for role, path in memberships:
        paths_by_role.setdefault(Role(role), []).append(path)
    if user.is_superuser:
        # A superuser (created with createsuperuser) administers everything, for recovery.
        paths_by_role.setdefault(Role.ADMINISTRATOR, []).append("")
    scope = Scope({role: _descendants(paths, units) for role, paths in paths_by_role.items()})
    setattr(user, _CACHE_ATTR, scope)
    return scope


def forget(user: Any) -> None:
    """Drop the cached scope after the user's roles changed."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
