"""Dossiers through the API: intake, read, list, actions, documents.

Each operation is a thin edge over dossiers.services and dossiers.selectors: it turns the request
into the service's arguments and the result into JSON. Rules, permissions and unit scope are the
services' and selectors' (the same as in the staff screens); errors become JSON in api/errors.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Annotated, Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema
from ninja import Status as Reply
from ninja.files import UploadedFile
from ninja.params.functions import Header as HeaderParam
from pydantic import Field

from cchc.api.errors import InvalidInput
from cchc.api.v1.schemas import (
    ActionIn,
    DocumentOut,
    DossierCreateIn,
    DossierOut,
    DossierPageOut,
    ErrorOut,
    IsoDate,
    document_out,
    dossier_out,
    dossier_summary,
)
from cchc.catalog.models import Procedure
from cchc.core.errors import NotAllowed
from cchc.dossiers import selectors, services
from cchc.dossiers.applicant import ApplicantInput
from cchc.dossiers.documents_service import document_upload
from cchc.dossiers.models import Channel, Dossier, DossierDocument
from cchc.dossiers.workflow import Action, Status
from cchc.org.models import Unit, User
from cchc.org.roles import Role
from cchc.org.scope import scope_for

router = Router(tags=["dossiers"])

ERRORS: dict[int, type[Schema]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    422: ErrorOut,
}
MAX_PAGE_SIZE = 100


def _user(request: HttpRequest) -> User:
    user: User = request.auth  # type: ignore[attr-defined]
    return user


# --- create ---------------------------------------------------------------------------------------


def _receiving_unit(user: User, code: str | None) -> Unit:
    """The body whose desk receives the dossier: the one named, or the top one the caller's desk
    role covers. A caller without the one-stop role there may not create dossiers at all."""
    desk_units = scope_for(user).units(Role.ONE_STOP_OFFICER)
    units = Unit.objects.filter(pk__in=desk_units)
    unit = units.filter(code=code).first() if code else units.order_by("path").first()
    if unit is None:
        if code and not Unit.objects.filter(code=code).exists():
            raise InvalidInput({"receiving_unit": _("No unit has the identifier code %(code)s.") % {"code": code}})
        raise NotAllowed(_("Only a one-stop officer of the receiving body may receive dossiers."))
    return unit


def _procedure(code: str) -> Procedure:
    procedure = Procedure.objects.select_related("handling_unit").filter(code=code.strip()).first()
    if procedure is None:
        raise InvalidInput({"procedure": _("No procedure has the code %(code)s.") % {"code": code}})
    return procedure


def _documents(procedure: Procedure, payload: DossierCreateIn) -> list[services.DocumentInput]:
    """The checklist; entries naming a required document take the catalogue's name, form and count
    unless given."""
    required = {d.pk: d for d in procedure.required_documents.all()}
    documents = []
    for index, doc in enumerate(payload.documents):
        known = required.get(doc.required_document_id) if doc.required_document_id is not None else None
        if doc.required_document_id is not None and known is None:
            raise InvalidInput(
                {f"documents.{index}.required_document_id": _("This document is not required by the procedure.")}
            )
        documents.append(
            services.DocumentInput(
                name=doc.name or (known.name if known else ""),
                form=str(doc.form or (known.kind if known else "original")),
                count=doc.count or (known.count if known else 1),
                required_document_id=known.pk if known else None,
            )
        )
    return documents


@router.post(
    "/dossiers",
    response={200: DossierOut, 201: DossierOut, **ERRORS},
    summary="Create a dossier",
    operation_id="dossier_create",
)
def dossier_create(
    request: HttpRequest,
    payload: DossierCreateIn,
    idempotency_key: Annotated[
        str | None,
        HeaderParam(
            alias="Idempotency-Key",
            max_length=64,
            description="The same key twice returns the first dossier (200) and creates nothing",
        ),
    ] = None,
) -> Reply[dict[str, Any]]:
    """Receive a dossier at the counter or by post (`receive: true`, due from now), or record an online
    submission that waits for the desk (`receive: false`). Returns 201, or 200 when the
    `Idempotency-Key` was seen before."""
    user = _user(request)
    procedure = _procedure(payload.procedure)
    applicant = payload.applicant
    result = services.dossier_intake(
        actor=user,
        receiving_unit=_receiving_unit(user, payload.receiving_unit),
        procedure=procedure,
        applicant=ApplicantInput(
            kind=applicant.kind,
            name=applicant.name,
            id_number=applicant.id_number,
            phone=applicant.phone,
            address=applicant.address,
            email=applicant.email,
        ),
        channel=payload.channel,
        documents=_documents(procedure, payload),
        sets_count=payload.sets_count,
        # Keys are the caller's own: the same key from another account is another submission.
        idempotency_key=f"api:{user.pk}:{key}" if (key := (idempotency_key or "").strip()) else None,
        receive=payload.receive,
    )
    return Reply(201 if result.created else 200, dossier_out(result.dossier))


# --- read, list -----------------------------------------------------------------------------------


@router.get(
    "/dossiers/{code}", response={200: DossierOut, **ERRORS}, summary="Read a dossier", operation_id="dossier_get"
)
def dossier_get(request: HttpRequest, code: str) -> dict[str, Any]:
    """The dossier with its history (events) and documents (metadata; files are not sent here)."""
    return dossier_out(selectors.dossier_get_for_user(user=_user(request), code=code))


class DossierListQuery(Schema):
    q: str = Field("", max_length=100, description="Code, applicant name (accents ignored), ID number or phone")
    status: Status | None = None
    procedure: str | None = Field(None, max_length=20, description="Procedure code")
    channel: Channel | None = None
    received_from: IsoDate | None = None
    received_to: IsoDate | None = None
    due_from: IsoDate | None = None
    due_to: IsoDate | None = None
    overdue: bool = False
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(25, ge=1, le=MAX_PAGE_SIZE)


def _day_start(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time.min)) if day else None


def _day_end(day: date | None) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, time.max)) if day else None


@router.get("/dossiers", response={200: DossierPageOut, **ERRORS}, summary="List dossiers", operation_id="dossier_list")
def dossier_list(request: HttpRequest, filters: Query[DossierListQuery]) -> dict[str, Any]:
    """Dossiers the caller may see, newest submission first, a page at a time."""
    procedure_id = None
    if filters.procedure:
        procedure_id = Procedure.objects.filter(code=filters.procedure.strip()).values_list("pk", flat=True).first()
        if procedure_id is None:
            raise InvalidInput({"procedure": _("No procedure has the code %(code)s.") % {"code": filters.procedure}})
    queryset = selectors.dossier_list_for_user(
        user=_user(request),
        filters=selectors.DossierFilters(
            query=filters.q,
            procedure_id=procedure_id,
            status=filters.status or "",
            channel=filters.channel or "",
            due_from=_day_start(filters.due_from),
            due_to=_day_end(filters.due_to),
            overdue=filters.overdue,
        ),
    ).select_related("unit")
    # DossierFilters has no reception range (yet); narrowing the selector's result keeps its scope.
    if filters.received_from:
        queryset = queryset.filter(received_at__gte=_day_start(filters.received_from))
    if filters.received_to:
        queryset = queryset.filter(received_at__lte=_day_end(filters.received_to))
    count = queryset.count()
    start = (filters.page - 1) * filters.page_size
    items = list(queryset[start : start + filters.page_size])
    return {
        "count": count,
        "page": filters.page,
        "page_size": filters.page_size,
        "pages": max(1, math.ceil(count / filters.page_size)),
        "items": [dossier_summary(d) for d in items],
    }


# --- actions --------------------------------------------------------------------------------------


def _person(username: str | None, field: str, *, required: bool) -> User | None:
    if not username:
        if required:
            raise InvalidInput({field: _("Choose the handler (username).")})
        return None
    person = User.objects.filter(username=username, is_active=True).first()
    if person is None:
        raise InvalidInput({field: _("No active user has the username %(username)s.") % {"username": username}})
    return person


def _unit(code: str | None) -> Unit:
    unit = Unit.objects.filter(code=code, is_active=True).first() if code else None
    if unit is None:
        raise InvalidInput({"unit": _("Give the identifier code of an active unit to consult.")})
    return unit


def _required(value: Any, field: str, message: str) -> Any:
    if value is None:
        raise InvalidInput({field: message})
    return value


def _perform(action: Action, dossier: Dossier, actor: User, body: ActionIn) -> Dossier:
    """The service for `action`, with the fields it reads."""
    common: dict[str, Any] = {"dossier": dossier, "actor": actor, "expected_version": body.expected_version}
    reason = body.reason
    handlers: dict[Action, Callable[[], Dossier]] = {
        Action.RECEIVE: lambda: services.dossier_receive(**common),
        Action.REFUSE_INTAKE: lambda: services.dossier_refuse_intake(**common, reason=reason),
        Action.TRANSFER: lambda: services.dossier_transfer(
            **common, assignee=_person(body.assignee, "assignee", required=False), note=reason
        ),
        Action.FORWARD: lambda: services.dossier_forward(
            **common, assignee=_person(body.assignee, "assignee", required=False), note=reason
        ),
        Action.ASSIGN: lambda: services.dossier_assign(
            **common,
            assignee=_person(body.assignee, "assignee", required=True),  # type: ignore[arg-type]
        ),
        Action.CONSULT: lambda: services.dossier_consult(**common, unit=_unit(body.unit), question=reason),
        Action.ANSWER: lambda: services.dossier_answer(**common, answer=reason),
        Action.REQUEST_SUPPLEMENT: lambda: services.dossier_request_supplement(
            **common, missing=body.missing, reason=reason
        ),
        Action.SUPPLEMENT_RECEIVED: lambda: services.dossier_supplement_received(**common, note=reason),
        Action.REQUEST_PAYMENT: lambda: services.dossier_request_payment(
            **common,
            amount_vnd=_required(body.amount_vnd, "amount_vnd", _("Give the amount to pay, in đồng.")),
            reason=reason,
        ),
        Action.PAYMENT_RECEIVED: lambda: services.dossier_payment_received(**common, note=reason),
        Action.APPROVE: lambda: services.dossier_approve(**common, note=reason),
        Action.REFUSE: lambda: services.dossier_refuse(**common, reason=reason),
        Action.APOLOGISE: lambda: services.dossier_apologise(
            **common,
            reason=reason,
            new_due=_required(body.new_due, "new_due", _("Give the new return date.")),
        ),
        Action.WITHDRAW: lambda: services.dossier_withdraw(**common, reason=reason),
        Action.RETURN_RESULT: lambda: services.dossier_return_result(
            **common, note=reason, rating=dict(body.rating) if body.rating else None, comment=body.comment
        ),
    }
    return handlers[action]()


# The actions a caller may ask for (submit and attach happen through the other operations).
ACTIONS = (
    Action.RECEIVE,
    Action.REFUSE_INTAKE,
    Action.TRANSFER,
    Action.FORWARD,
    Action.ASSIGN,
    Action.CONSULT,
    Action.ANSWER,
    Action.REQUEST_SUPPLEMENT,
    Action.SUPPLEMENT_RECEIVED,
    Action.REQUEST_PAYMENT,
    Action.PAYMENT_RECEIVED,
    Action.APPROVE,
    Action.REFUSE,
    Action.APOLOGISE,
    Action.WITHDRAW,
    Action.RETURN_RESULT,
)


@router.post(
    "/dossiers/{code}/actions/{action}",
    response={200: DossierOut, **ERRORS},
    summary="Apply a workflow action",
    operation_id="dossier_act",
)
def dossier_act(request: HttpRequest, code: str, action: str, payload: ActionIn) -> dict[str, Any]:
    """Actions: receive, refuse_intake (reason), transfer (assignee?), forward (assignee?), assign
    (assignee), consult (unit, reason), answer (reason), request_supplement (missing, reason),
    supplement_received, request_payment (amount_vnd, reason), payment_received, approve, refuse
    (reason), apologise (new_due, reason), withdraw (reason), return_result (rating?, comment?).

    An unknown action is 404; an action not possible in the dossier's status 409; an action the
    caller's role or units do not allow 403; a stale `expected_version` 409."""
    chosen = next((a for a in ACTIONS if a.value == action), None)
    if chosen is None:
        raise Http404
    user = _user(request)
    dossier = selectors.dossier_get_for_user(user=user, code=code)
    # The dossier as the service left it. Not read again through the selector: after an answer or a
    # move to another unit the caller may no longer see it, yet must learn what their action did.
    return dossier_out(_perform(chosen, dossier, user, payload))


# --- documents ------------------------------------------------------------------------------------


class UploadForm(Schema):
    role: DossierDocument.Role = DossierDocument.Role.INPUT
    name: str = Field("", max_length=500, description="Document name; default: the file's name")
    document_id: int | None = Field(None, description="Attach the file to this checklist entry")
    digitised: bool = Field(True, description="The file is a scan or electronic original of a paper document")


@router.post(
    "/dossiers/{code}/documents",
    response={201: DocumentOut, **ERRORS},
    summary="Upload a document",
    operation_id="document_upload",
)
def dossier_document_upload(
    request: HttpRequest, code: str, form: Form[UploadForm], file: File[UploadedFile]
) -> Reply[dict[str, Any]]:
    """Attach a PDF, image or Office file (checked by content, at most 20 MB) as an input document,
    a result or a notice. Returns the document's metadata and checksum."""
    user = _user(request)
    dossier = selectors.dossier_get_for_user(user=user, code=code)
    existing = None
    if form.document_id is not None:
        existing = DossierDocument.objects.filter(pk=form.document_id, dossier=dossier).first()
        if existing is None:
            raise InvalidInput({"document_id": _("This dossier has no such document.")})
    document = document_upload(
        dossier=dossier,
        actor=user,
        data=file.read(),
        filename=file.name or "",
        role=form.role,
        name=form.name,
        document=existing,
        digitised=form.digitised,
    )
    return Reply(201, document_out(document))
