"""Load the demo department (once) and print the demo sign-ins. Refused unless CCHC_DEMO is on."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cchc.demo.loader import load_organisation
from cchc.demo.personas import DEMO_PASSWORD, PEOPLE


class Command(BaseCommand):
    help = "Load the demo department and print the demo sign-ins (development only)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.CCHC_DEMO:
            raise CommandError(_("Demo data is disabled here (CCHC_DEMO is off): it must never reach production."))
        load_organisation()
        self.stdout.write(_("Demo sign-ins (password for all: %(password)s):") % {"password": DEMO_PASSWORD})
        for person in PEOPLE:
            roles = ", ".join(str(role.label) for role, _unit in person.roles)
            self.stdout.write(f"  {person.username:<16} {person.full_name:<18} {roles}")
