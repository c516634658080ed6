"""The shapes of API v1 requests and responses (the OpenAPI document is generated from them).

Field names are English like the code; values that are choices use the code's values
("in_progress", "counter"); every response also carries the Vietnamese label where a person reads it.
Times are ISO 8601 in Vietnam time (+07:00).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BeforeValidator

from cchc.catalog.models import DocumentKind, Procedure
from cchc.dossiers.models import ApplicantKind, Channel, Dossier, DossierDocument, DossierEvent
from cchc.dossiers.workflow import Status

# --- requests --------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone would also read "0" as a Unix timestamp (1970-01-01)."""
    if isinstance(value, str) and not _ISO_DATE.match(value.strip()):
        raise ValueError(_("Enter a date as YYYY-MM-DD."))
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(_("Enter a date as YYYY-MM-DD."))
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class ApplicantIn(Schema):
    kind: ApplicantKind = Field(ApplicantKind.PERSON, description="person or organisation")
    name: str = Field(..., max_length=255, description="Full name, or the organisation's name")
    id_number: str = Field(
        ..., max_length=20, description="Citizen ID (12 digits), old ID (9), passport, or tax code (10 or 10-3)"
    )
    phone: str = Field(..., max_length=20, description="10 digits starting with 0, or +84…")
    address: str = Field(..., max_length=500)
    email: str = Field("", max_length=254)


class DocumentIn(Schema):
    """One entry of the checklist of documents received. With `required_document_id` (from
    GET /procedures/{code}) the name, form and count default to the catalogue's."""

    required_document_id: int | None = None
    name: str = Field("", max_length=500)
    form: DocumentKind | None = None
    count: int | None = Field(None, ge=1, le=99)


class DossierCreateIn(Schema):
    procedure: str = Field(..., max_length=20, description="National procedure code, e.g. 2.002131")
    channel: Channel
    applicant: ApplicantIn
    documents: list[DocumentIn] = Field(default_factory=list, max_length=100)
    sets_count: int = Field(1, ge=1, le=50)
    receive: bool = Field(
        True,
        description="true: received now (counter, post). false: an online submission that waits for a "
        "one-stop officer to receive it (action `receive`); the legal clock starts then.",
    )
    receiving_unit: str | None = Field(
        None, max_length=40, description="Identifier code of the receiving body; default: the caller's one-stop desk"
    )


class ActionIn(Schema):
    """What an action needs; each action reads only its own fields (see the operation's description)."""

    expected_version: int | None = Field(
        None, ge=0, description="The `version` the caller last saw; a dossier changed since then is refused (409)"
    )
    reason: str = Field("", max_length=4000, description="Reason, question, answer or note")
    missing: list[str] = Field(default_factory=list, max_length=50, description="request_supplement: what is missing")
    new_due: IsoDate | None = Field(None, description="apologise: the new return date (a working day)")
    assignee: str | None = Field(None, max_length=150, description="transfer, forward, assign: username")
    unit: str | None = Field(None, max_length=40, description="consult: identifier code of the unit asked")
    amount_vnd: int | None = Field(None, ge=0, description="request_payment: amount in đồng")
    rating: dict[str, Literal[0, 1, 2]] | None = Field(
        None, description="return_result: the applicant's scores c1…c9, each 2, 1 or 0"
    )
    comment: str = Field("", max_length=2000, description="return_result: the applicant's comment")


# --- responses -------------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str
    code: str
    errors: dict[str, str] | None = None


class ApplicantOut(Schema):
    kind: ApplicantKind
    name: str
    id_number: str
    phone: str
    email: str
    address: str


class EventOut(Schema):
    action: str
    action_label: str
    from_status: str
    to_status: Status
    national_status: int
    at: datetime
    actor: str | None
    actor_name: str
    actor_unit: str | None
    reason: str
    step_order: int
    step_name: str
    step_planned_end: datetime | None
    due_at: datetime | None
    data: dict[str, Any]


class DocumentOut(Schema):
    id: int
    role: DossierDocument.Role
    name: str
    form: DocumentKind
    count: int
    required_document_id: int | None
    has_file: bool
    original_filename: str
    content_type: str
    size: int
    sha256: str
    digitised: bool
    uploaded_at: datetime


class DossierSummaryOut(Schema):
    code: str
    status: Status
    status_label: str
    national_status: int
    procedure: str
    procedure_name: str
    channel: Channel
    applicant_name: str
    unit: str
    handling_unit: str
    current_unit: str | None
    current_step: int
    assignee: str | None
    submitted_at: datetime
    received_at: datetime | None
    due_at: datetime | None
    closed_at: datetime | None
    overdue: bool
    version: int


class DossierOut(DossierSummaryOut):
    applicant: ApplicantOut
    sets_count: int
    rule_set: str
    time_limit: str
    time_unit: str
    original_due_at: datetime | None
    paused_at: datetime | None
    supplement_count: int
    apology_count: int
    result_ready_at: datetime | None
    returned_at: datetime | None
    finished_late: bool | None
    has_digitised_input: bool
    has_digitised_result: bool
    events: list[EventOut]
    documents: list[DocumentOut]


class DossierPageOut(Schema):
    count: int
    page: int
    page_size: int
    pages: int
    items: list[DossierSummaryOut]


class FeeOut(Schema):
    name: str
    amount_vnd: int
    note: str


class RequiredDocumentOut(Schema):
    id: int
    name: str
    form: DocumentKind
    count: int
    template_name: str


class StepOut(Schema):
    order: int
    name: str
    unit: str
    role: str
    days: str


class ProcedureSummaryOut(Schema):
    code: str
    name: str
    field: str
    level: str
    time_limit: str
    shortened_time_limit: str
    time_unit: str
    online_level: str
    handling_unit: str
    status: str


class ProcedureOut(ProcedureSummaryOut):
    time_limit_text: str
    legal_basis: list[str]
    result_name: str
    national_code_confirmed: bool
    fees: list[FeeOut]
    required_documents: list[RequiredDocumentOut]
    steps: list[StepOut]


# --- from models ----------------------------------------------------------------------------------


def _local(moment: datetime | None) -> datetime | None:
    return timezone.localtime(moment) if moment is not None else None


def dossier_summary(dossier: Dossier) -> dict[str, Any]:
    return {
        "code": dossier.code,
        "status": dossier.status,
        "status_label": str(dossier.get_status_display()),
        "national_status": dossier.national_status,
        "procedure": dossier.procedure.code,
        "procedure_name": dossier.procedure_name,
        "channel": dossier.channel,
        "applicant_name": dossier.applicant_name,
        "unit": dossier.unit.code,
        "handling_unit": dossier.handling_unit.code,
        "current_unit": dossier.current_unit.code if dossier.current_unit else None,
        "current_step": dossier.current_step,
        "assignee": dossier.assignee.username if dossier.assignee else None,
        "submitted_at": _local(dossier.submitted_at),
        "received_at": _local(dossier.received_at),
        "due_at": _local(dossier.due_at),
        "closed_at": _local(dossier.closed_at),
        "overdue": dossier.is_overdue,
        "version": dossier.version,
    }


def event_out(event: DossierEvent) -> dict[str, Any]:
    return {
        "action": event.action,
        "action_label": str(event.get_action_display()),
        "from_status": event.from_status,
        "to_status": event.to_status,
        "national_status": event.national_status,
        "at": _local(event.at),
        "actor": event.actor.username if event.actor else None,
        "actor_name": event.actor_name,
        "actor_unit": event.actor_unit.code if event.actor_unit else None,
        "reason": event.reason,
        "step_order": event.step_order,
        "step_name": event.step_name,
        "step_planned_end": _local(event.step_planned_end),
        "due_at": _local(event.due_at),
        "data": event.data,
    }


def document_out(document: DossierDocument) -> dict[str, Any]:
    return {
        "id": document.pk,
        "role": document.role,
        "name": document.name,
        "form": document.form,
        "count": document.count,
        "required_document_id": document.required_document_id,
        "has_file": bool(document.file),
        "original_filename": document.original_filename,
        "content_type": document.content_type,
        "size": document.size,
        "sha256": document.sha256,
        "digitised": document.digitised,
        "uploaded_at": _local(document.uploaded_at),
    }


def dossier_out(dossier: Dossier) -> dict[str, Any]:
    events = dossier.events.select_related("actor", "actor_unit").order_by("at", "id")
    return {
        **dossier_summary(dossier),
        "applicant": {
            "kind": dossier.applicant_kind,
            "name": dossier.applicant_name,
            "id_number": dossier.applicant_id_number,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "address": dossier.applicant_address,
        },
        "sets_count": dossier.sets_count,
        "rule_set": dossier.rule_set.key,
        "time_limit": str(dossier.time_limit),
        "time_unit": dossier.time_unit,
        "original_due_at": _local(dossier.original_due_at),
        "paused_at": _local(dossier.paused_at),
        "supplement_count": dossier.supplement_count,
        "apology_count": dossier.apology_count,
        "result_ready_at": _local(dossier.result_ready_at),
        "returned_at": _local(dossier.returned_at),
        "finished_late": dossier.finished_late,
        "has_digitised_input": dossier.has_digitised_input,
        "has_digitised_result": dossier.has_digitised_result,
        "events": [event_out(e) for e in events],
        "documents": [document_out(d) for d in dossier.documents.order_by("role", "id")],
    }


def procedure_summary(procedure: Procedure) -> dict[str, Any]:
    return {
        "code": procedure.code,
        "name": procedure.name,
        "field": procedure.field,
        "level": procedure.level,
        "time_limit": str(procedure.time_limit),
        "shortened_time_limit": str(procedure.shortened_time_limit),
        "time_unit": procedure.time_unit,
        "online_level": procedure.online_level,
        "handling_unit": procedure.handling_unit.code,
        "status": procedure.status,
    }


def procedure_out(procedure: Procedure) -> dict[str, Any]:
    return {
        **procedure_summary(procedure),
        "time_limit_text": procedure.time_limit_text,
        "legal_basis": procedure.legal_basis_lines,
        "result_name": procedure.result_name,
        "national_code_confirmed": procedure.national_code_confirmed,
        "fees": [{"name": f.name, "amount_vnd": f.amount_vnd, "note": f.note} for f in procedure.fees.all()],
        "required_documents": [
            {"id": d.pk, "name": d.name, "form": d.kind, "count": d.count, "template_name": d.template_name}
            for d in procedure.required_documents.all()
        ],
        "steps": [
            {"order": s.order, "name": s.name, "unit": s.unit.code, "role": s.role, "days": str(s.days)}
            for s in procedure.steps.all()
        ],
    }
