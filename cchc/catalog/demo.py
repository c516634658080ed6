"""Load the sample catalogue into the demo department (idempotent: re-import updates in place)."""

from cchc.catalog.importers.rows import ProcedureRow
from cchc.catalog.sample import sample_rows
from cchc.catalog.services import ImportReport, procedure_import
from cchc.core.errors import RuleViolation
from cchc.org.models import Unit


def load_sample_catalogue(units: dict[str, Unit]) -> ImportReport:
    rows: list[ProcedureRow] = sample_rows({key: unit.code for key, unit in units.items()})
    report = procedure_import(rows=rows)
    if not report.applied:
        problems = "; ".join(f"{e.row_number}: {e.message}" for e in report.errors)
        raise RuleViolation(f"sample catalogue: {problems}")
    return report
