"""Write data/sample_procedures.xlsx from the researched JSON, with the demo units' codes.

The spreadsheet is what an administrator would import; it shows the expected columns."""

from typing import Any

from django.core.management.base import BaseCommand

from cchc.catalog.importers.national_db import write_workbook
from cchc.catalog.sample import SAMPLE_XLSX, sample_rows
from cchc.demo.personas import UNITS


class Command(BaseCommand):
    help = "Regenerate cchc/catalog/data/sample_procedures.xlsx from sample_procedures.json."

    def handle(self, *args: Any, **options: Any) -> None:
        rows = sample_rows({unit.key: unit.code for unit in UNITS})
        SAMPLE_XLSX.write_bytes(write_workbook(rows))
        self.stdout.write(f"{SAMPLE_XLSX} ({len(rows)})")
