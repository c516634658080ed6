"""Procedures from the database as import rows, so the export reads back into the importer unchanged."""

from collections.abc import Iterable

from cchc.catalog.importers.rows import DocumentRow, FeeRow, ProcedureRow, StepRow
from cchc.catalog.models import Procedure


def rows_from_procedures(procedures: Iterable[Procedure]) -> list[ProcedureRow]:
    rows = []
    for number, p in enumerate(
        Procedure.objects.filter(pk__in=[p.pk for p in procedures])
        .select_related("handling_unit")
        .prefetch_related("fees", "required_documents", "steps__unit")
        .order_by("field", "name"),
        start=2,
    ):
        rows.append(
            ProcedureRow(
                row_number=number,
                code=p.code,
                name=p.name,
                field=p.field,
                level=p.level,
                time_limit=p.time_limit,
                time_unit=p.time_unit,
                time_limit_text=p.time_limit_text,
                shortened_time_limit=p.shortened_time_limit,
                online_level=p.online_level,
                legal_basis=p.legal_basis_lines,
                result_name=p.result_name,
                handling_unit_code=p.handling_unit.code,
                status=p.status,
                national_code_confirmed=p.national_code_confirmed,
                fees=[FeeRow(f.name, f.amount_vnd, f.note) for f in p.fees.all()],
                documents=[DocumentRow(d.name, d.kind, d.count, d.template_name) for d in p.required_documents.all()],
                steps=[StepRow(s.name, s.unit.code, s.role, s.days) for s in p.steps.all()],
            )
        )
    return rows
