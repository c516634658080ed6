"""Domain errors → JSON responses, in one place (style.md rule 9).

Every error body is `{"detail": "<one Vietnamese sentence>", "code": "<machine code>"}`, plus
`"errors": {"field": "message"}` when particular fields are at fault:

| raised | status | code |
|---|---|---|
| TransitionNotAllowed (wrong state), Conflict (stale version, duplicate) | 409 | transition_not_allowed, conflict |
| any other RuleViolation (missing reason, deadline rule, file too large, …) | 400 | rule_violation |
| NotAllowed, PermissionDenied (role, unit scope) | 403 | forbidden |
| Http404 (unknown dossier, procedure or action) | 404 | not_found |
| ApplicantInvalid, InvalidInput, request validation | 422 | invalid |
| no or unknown credentials | 401 | unauthenticated |
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cchc.core.errors import Conflict, NotAllowed, RuleViolation
from cchc.core.validation import error_messages
from cchc.dossiers.services import ApplicantInvalid
from cchc.dossiers.workflow import TransitionNotAllowed

# ninja puts where a value came from first ("body", "query", "path", "header", "form", "file").
# For a body the schema's parameter name follows ("payload"): both say nothing to the caller.
_BODY_PARAMETERS = frozenset({"payload"})


class InvalidInput(RuleViolation):
    """The request is well-formed but a value does not fit (an unknown unit code, a missing field
    for this action). `errors` maps fields to messages, like ApplicantInvalid."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


def _body(detail: str, code: str, **extra: Any) -> dict[str, Any]:
    return {"detail": detail, "code": code, **extra}


def _validation_fields(errors: list[dict[str, Any]]) -> dict[str, str]:
    cleaned = []
    for error in errors:
        loc = list(error.get("loc", ()))[1:]
        if loc and loc[0] in _BODY_PARAMETERS:
            loc = loc[1:]
        cleaned.append({**error, "loc": loc})
    return error_messages(cleaned)


def install(api: NinjaAPI) -> None:
    """Register CCHC's exception handlers on `api`."""

    def respond(request: HttpRequest, status: int, body: dict[str, Any]) -> HttpResponse:
        return api.create_response(request, body, status=status)

    @api.exception_handler(ApplicantInvalid)
    def applicant_invalid(request: HttpRequest, exc: ApplicantInvalid) -> HttpResponse:
        fields = {f"applicant.{name}": message for name, message in exc.errors.items()}
        return respond(request, 422, _body(_("The applicant's details are not valid."), "invalid", errors=fields))

    @api.exception_handler(InvalidInput)
    def invalid_input(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
        return respond(request, 422, _body(exc.message, "invalid", errors=exc.errors))

    @api.exception_handler(TransitionNotAllowed)
    def transition_not_allowed(request: HttpRequest, exc: TransitionNotAllowed) -> HttpResponse:
        return respond(request, 409, _body(exc.message, "transition_not_allowed"))

    @api.exception_handler(Conflict)
    def conflict(request: HttpRequest, exc: Conflict) -> HttpResponse:
        return respond(request, 409, _body(exc.message, "conflict"))

    @api.exception_handler(NotAllowed)
    def not_allowed(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
        return respond(request, 403, _body(exc.message, "forbidden"))

    @api.exception_handler(RuleViolation)
    def rule_violation(request: HttpRequest, exc: RuleViolation) -> HttpResponse:
        return respond(request, 400, _body(exc.message, "rule_violation"))

    @api.exception_handler(PermissionDenied)
    def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return respond(request, 403, _body(_("You may not see or change this dossier."), "forbidden"))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return respond(request, 404, _body(_("Not found: check the code in the address."), "not_found"))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        response = respond(
            request,
            401,
            _body(_("Sign in, or send a valid API token in the header Authorization: Bearer …"), "unauthenticated"),
        )
        response["WWW-Authenticate"] = 'Bearer realm="cchc"'
        return response

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):  # ninja's own wording
            return respond(request, 400, _body(_("The request body is not valid JSON."), "invalid"))
        return respond(request, exc.status_code, _body(str(exc), "forbidden" if exc.status_code == 403 else "error"))

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        fields = _validation_fields(list(exc.errors))
        return respond(request, 422, _body(_("Some values are missing or not valid."), "invalid", errors=fields))
