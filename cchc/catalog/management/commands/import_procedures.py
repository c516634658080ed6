"""./dev manage import_procedures FILE.xlsx — import or update the catalogue from a spreadsheet."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from cchc.catalog.importers.national_db import ImportFileError, read_workbook
from cchc.catalog.services import procedure_import


class Command(BaseCommand):
    help = "Import procedures from a spreadsheet in the national database's export shape (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        try:
            rows = read_workbook(file.read_bytes())
        except ImportFileError as exc:
            raise CommandError(exc.message) from exc
        report = procedure_import(rows=rows)
        if not report.applied:
            for error in report.errors:
                self.stderr.write(_("Row %(row)s: %(message)s") % {"row": error.row_number, "message": error.message})
            raise CommandError(_("Nothing was imported: %(count)s rows have errors.") % {"count": len(report.errors)})
        self.stdout.write(
            _("Imported: %(created)s new procedures, %(updated)s updated.")
            % {"created": report.created, "updated": report.updated}
        )
