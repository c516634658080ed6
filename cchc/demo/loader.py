"""Load the demo department through the org services, so every row has its audit trail."""

from __future__ import annotations

from django.db import transaction

from cchc.core.audit import acting_as
from cchc.demo.personas import DEMO_PASSWORD, PEOPLE, UNITS
from cchc.org import services
from cchc.org.models import Unit, User


@transaction.atomic
def load_organisation() -> dict[str, Unit]:
    """Create the demo units and people that do not exist yet. Returns the units by key.

    Idempotent: running it again creates nothing and never resets a changed password.
    """
    units: dict[str, Unit] = {}
    with acting_as(None):
        for spec in UNITS:
            unit = Unit.objects.filter(code=spec.code).first()
            if unit is None:
                unit = services.unit_create(
                    name=spec.name,
                    short_name=spec.short_name,
                    code=spec.code,
                    kind=spec.kind,
                    parent=units[spec.parent] if spec.parent else None,
                )
            units[spec.key] = unit
        for person in PEOPLE:
            user = User.objects.filter(username=person.username).first()
            if user is None:
                user = services.user_create(
                    username=person.username,
                    full_name=person.full_name,
                    email=person.email,
                    password=DEMO_PASSWORD,
                    unit=units[person.unit] if person.unit else None,
                    position=person.position,
                )
            for role, unit_key in person.roles:
                services.membership_grant(user=user, unit=units[unit_key], role=role)
    return units
