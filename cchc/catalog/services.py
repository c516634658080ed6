"""Writes to the procedure catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from cchc.catalog.importers.rows import ProcedureRow, RowError
from cchc.catalog.models import Fee, Procedure, ProcessStep, RequiredDocument
from cchc.core.errors import RuleViolation
from cchc.org.models import Unit


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int
    errors: list[RowError]

    @property
    def applied(self) -> bool:
        return not self.errors


def _unit_errors(rows: Sequence[ProcedureRow], units: dict[str, Unit]) -> list[RowError]:
    errors = []
    for row in rows:
        unknown = sorted({row.handling_unit_code, *(s.unit_code for s in row.steps)} - units.keys())
        if unknown:
            errors.append(RowError(row.row_number, _("unknown unit code: %(codes)s") % {"codes": ", ".join(unknown)}))
    return errors


@transaction.atomic
def procedure_import(*, rows: Sequence[ProcedureRow | RowError]) -> ImportReport:
    """Create or update procedures by code. All or nothing: one bad row and nothing of the file is applied.

    Re-importing updates the procedure in place and replaces its fees, documents and steps; dossiers
    already received keep what they recorded at reception.
    """
    errors = [row for row in rows if isinstance(row, RowError)]
    good = [row for row in rows if isinstance(row, ProcedureRow)]
    units = {unit.code: unit for unit in Unit.objects.all()}
    errors += _unit_errors(good, units)
    if errors:
        return ImportReport(0, 0, sorted(errors, key=lambda e: e.row_number))
    created = updated = 0
    for row in good:
        procedure, is_new = Procedure.objects.select_for_update().get_or_create(
            code=row.code,
            defaults={"handling_unit": units[row.handling_unit_code], "time_limit": 0, "shortened_time_limit": 0},
        )
        procedure.name = row.name
        procedure.field = row.field
        procedure.level = row.level
        procedure.time_limit = row.time_limit
        procedure.time_unit = row.time_unit
        procedure.time_limit_text = row.time_limit_text
        procedure.shortened_time_limit = row.shortened_time_limit
        procedure.online_level = row.online_level
        procedure.legal_basis = "\n".join(row.legal_basis)
        procedure.result_name = row.result_name
        procedure.handling_unit = units[row.handling_unit_code]
        procedure.status = row.status
        procedure.national_code_confirmed = row.national_code_confirmed
        procedure.save()
        _replace_children(procedure, row, units)
        created += is_new
        updated += not is_new
    return ImportReport(created, updated, [])


def _sync(existing: list[Any], wanted: list[dict[str, Any]], make: Any) -> None:
    """Update the rows in place position by position, create the missing, delete the surplus.

    In place, so that dossiers pointing at a required document keep pointing at it after a re-import.
    """
    for current, values in zip(existing, wanted, strict=False):
        for name, value in values.items():
            setattr(current, name, value)
        current.save()
    for values in wanted[len(existing) :]:
        make(**values)
    for surplus in existing[len(wanted) :]:
        surplus.delete()


def _replace_children(procedure: Procedure, row: ProcedureRow, units: dict[str, Unit]) -> None:
    _sync(
        list(procedure.fees.order_by("id")),
        [{"name": f.name, "amount_vnd": f.amount_vnd, "note": f.note} for f in row.fees],
        lambda **v: Fee.objects.create(procedure=procedure, **v),
    )
    _sync(
        list(procedure.required_documents.order_by("order", "id")),
        [
            {"order": i, "name": d.name, "kind": d.kind, "count": d.count, "template_name": d.template_name}
            for i, d in enumerate(row.documents, start=1)
        ],
        lambda **v: RequiredDocument.objects.create(procedure=procedure, **v),
    )
    # Step orders are unique per procedure: clear the surplus first, then rewrite in order.
    procedure.steps.filter(order__gt=len(row.steps)).delete()
    _sync(
        list(procedure.steps.order_by("order")),
        [
            {"order": i, "name": s.name, "unit": units[s.unit_code], "role": s.role, "days": s.days}
            for i, s in enumerate(row.steps, start=1)
        ],
        lambda **v: ProcessStep.objects.create(procedure=procedure, **v),
    )


def procedure_set_status(*, procedure: Procedure, status: str) -> Procedure:
    if status not in Procedure.Status.values:
        raise RuleViolation(_("Unknown procedure status."))
    procedure.status = status
    procedure.save(update_fields=["status", "updated_at"])
    return procedure
