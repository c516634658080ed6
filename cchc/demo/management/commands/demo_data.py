"""Load the demo department (once) and print the demo sign-ins. Refused unless CCHC_DEMO is on."""

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from cchc.demo.dossiers import DEFAULT_COUNT, load_demo_catalogue, load_demo_dossiers
from cchc.demo.loader import load_organisation
from cchc.demo.personas import DEMO_PASSWORD, PEOPLE
from cchc.plans.demo import load_demo_plan


class Command(BaseCommand):
    help = "Load the demo department and print the demo sign-ins (development only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dossiers", type=int, default=DEFAULT_COUNT, help="how many demo dossiers (a year)")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.CCHC_DEMO:
            raise CommandError(_("Demo data is disabled here (CCHC_DEMO is off): it must never reach production."))
        units = load_organisation()
        load_demo_catalogue(units)
        started = time.monotonic()
        year = load_demo_dossiers(units, count=options.get("dossiers", DEFAULT_COUNT))
        if year.made:
            self.stdout.write(
                _("A year of demo dossiers: %(count)s, made in %(seconds)s s.")
                % {"count": year.made, "seconds": round(time.monotonic() - started)}
            )
        plan = load_demo_plan(units)
        if plan.created:
            self.stdout.write(
                _("Reform plan %(number)s: %(sections)s sections, %(tasks)s tasks, %(targets)s targets imported.")
                % {"number": plan.plan.number, "sections": plan.sections, "tasks": plan.tasks, "targets": plan.targets}
            )
        self.stdout.write(_("Demo sign-ins (password for all: %(password)s):") % {"password": DEMO_PASSWORD})
        for person in PEOPLE:
            roles = ", ".join(str(role.label) for role, _unit in person.roles)
            self.stdout.write(f"  {person.username:<16} {person.full_name:<18} {roles}")
