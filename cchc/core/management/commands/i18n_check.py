"""Refresh the Vietnamese catalogue from the source strings and fail if anything is untranslated.

Used by ./dev lint. It runs makemessages (GNU gettext's xgettext), so new strings land in the .po
for the developer to translate; CI fails until they are.
"""

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

LOCALE = "vi"


class Command(BaseCommand):
    help = "Update the vi catalogue (makemessages) and fail on untranslated or fuzzy entries."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-extract", action="store_true", help="only check the existing .po files")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_extract"]:
            call_command(
                "makemessages",
                locale=[LOCALE],
                domain="django",
                ignore_patterns=[".venv/*", "staticfiles/*", "node_modules/*", "var/*", "benchmarks/*"],
                no_obsolete=True,
                add_location="file",
                verbosity=0,
            )
        problems: list[str] = []
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in Path(locale_dir).glob(f"{LOCALE}/LC_MESSAGES/*.po"):
                catalogue = polib.pofile(str(po_path))
                problems += [f"untranslated: {e.msgid!r}" for e in catalogue.untranslated_entries()]
                problems += [f"fuzzy: {e.msgid!r}" for e in catalogue.fuzzy_entries()]
        if problems:
            raise CommandError("The vi catalogue is incomplete:\n  " + "\n  ".join(problems))
        call_command("i18n_compile", verbosity=0)
        self.stdout.write("vi catalogue complete")
