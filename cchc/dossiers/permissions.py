"""Who may act on a dossier, and who may see it: the dossier side of org/scope.py."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from cchc.dossiers.models import Dossier
from cchc.dossiers.workflow import Actor
from cchc.org.roles import Role
from cchc.org.scope import scope_for

HANDLERS = (Role.SPECIALIST, Role.UNIT_HEAD, Role.DIRECTOR)


def actor_kinds(user: Any, dossier: Dossier) -> frozenset[Actor]:
    """The ways `user` may act on `dossier` now (see workflow.Actor)."""
    scope = scope_for(user)
    kinds: set[Actor] = set()
    if scope.can(dossier.unit_id, Role.ONE_STOP_OFFICER):
        kinds.add(Actor.DESK)
    step = dossier.step()
    if step is not None:
        unit_id = int(step["unit_id"])  # type: ignore[call-overload]
        if scope.can(unit_id, Role(str(step["role"])), Role.UNIT_HEAD, Role.DIRECTOR):
            kinds.add(Actor.STEP)
    if dossier.consulted_unit_id and scope.can(dossier.consulted_unit_id, *HANDLERS):
        kinds.add(Actor.CONSULTED)
    if scope.can(dossier.handling_unit_id, Role.UNIT_HEAD, Role.DIRECTOR):
        kinds.add(Actor.HEAD)
    return frozenset(kinds)


def visible_filter(user: Any) -> Q:
    """Dossiers the user may see: received by, handled by, currently at or consulted with a unit in scope."""
    units = scope_for(user).units()
    if not units:
        return Q(pk__in=[])
    return Q(unit__in=units) | Q(handling_unit__in=units) | Q(current_unit__in=units) | Q(consulted_unit__in=units)


def can_see(user: Any, dossier: Dossier) -> bool:
    units = scope_for(user).units()
    return any(
        unit_id in units
        for unit_id in (dossier.unit_id, dossier.handling_unit_id, dossier.current_unit_id, dossier.consulted_unit_id)
    )
