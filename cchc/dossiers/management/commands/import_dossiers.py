"""./dev manage import_dossiers FILE — historical dossiers with their timelines (docs/dossier-import.md)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cchc.dossiers.legacy_import import import_dossiers


class Command(BaseCommand):
    help = "Import historical dossiers from a JSON Lines file, all or nothing (see docs/dossier-import.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="JSON Lines, UTF-8: one dossier per line")
        parser.add_argument("--dry-run", action="store_true", help="check every line, write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            with path.open(encoding="utf-8-sig") as lines:
                report = import_dossiers(lines, dry_run=options["dry_run"])
        except OSError as exc:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": path, "error": exc.strerror}) from exc
        except UnicodeDecodeError as exc:
            raise CommandError(_("%(file)s is not UTF-8 text.") % {"file": path}) from exc
        if report.errors:
            for error in report.errors:
                where = _("line %(line)s") % {"line": error.line}
                self.stderr.write(f"{where}{f' ({error.code})' if error.code else ''}: {error.message}")
            raise CommandError(
                ngettext(
                    "Nothing was imported: %(count)s line of %(lines)s was refused. Correct it and run again.",
                    "Nothing was imported: %(count)s lines of %(lines)s were refused. Correct them and run again.",
                    len(report.errors),
                )
                % {"count": len(report.errors), "lines": report.lines}
            )
        if report.skipped:
            self.stdout.write(
                ngettext(
                    "%(count)s dossier was imported before; skipped.",
                    "%(count)s dossiers were imported before; skipped.",
                    len(report.skipped),
                )
                % {"count": len(report.skipped)}
            )
        if options["dry_run"]:
            self.stdout.write(_("Checked: every line can be imported. Nothing was written (--dry-run)."))
        elif report.imported:
            self.stdout.write(
                ngettext(
                    "Imported %(count)s dossier with its history.",
                    "Imported %(count)s dossiers with their history.",
                    len(report.imported),
                )
                % {"count": len(report.imported)}
            )
        else:
            self.stdout.write(_("Nothing new to import."))
