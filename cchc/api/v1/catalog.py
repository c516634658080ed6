"""The procedure catalogue through the API (reads only), over catalog.selectors."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from cchc.api.v1.schemas import ErrorOut, ProcedureOut, ProcedureSummaryOut, procedure_out, procedure_summary
from cchc.catalog import selectors

router = Router(tags=["catalogue"])


class ProcedureQuery(Schema):
    q: str = Field("", max_length=100, description="Words of the name, field or code; accents and case ignored")
    field: str = Field("", max_length=200, description="Exactly this field (lĩnh vực)")
    include_suspended: bool = False


@router.get(
    "/procedures",
    response={200: list[ProcedureSummaryOut], 401: ErrorOut, 422: ErrorOut},
    summary="List procedures",
    operation_id="procedure_list",
)
def procedure_list(request: HttpRequest, filters: Query[ProcedureQuery]) -> list[dict[str, Any]]:
    """The department's procedures, by field and name ("thu tuc" finds "thủ tục")."""
    procedures = selectors.procedure_search(
        query=filters.q, field=filters.field, active_only=not filters.include_suspended
    )
    return [procedure_summary(p) for p in procedures]


@router.get(
    "/procedures/{code}",
    response={200: ProcedureOut, 401: ErrorOut, 404: ErrorOut},
    summary="Read a procedure",
    operation_id="procedure_get",
)
def procedure_get(request: HttpRequest, code: str) -> dict[str, Any]:
    """One procedure with its fees, required documents (their ids go into a new dossier's
    checklist) and internal process steps."""
    return procedure_out(selectors.procedure_get(code=code))
