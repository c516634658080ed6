"""The dossier workflow as data: statuses, their national codes, and which action may happen when.

Pure: no ORM. `docs/workflows/dossier.md` is drawn from TRANSITIONS and test_workflow.py runs it.
Who may act is named here (an `Actor` kind) and resolved against the user's scope by the services.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cchc.core.errors import RuleViolation


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, not yet received")
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("Being handled")
    CONSULTING = "consulting", _("Awaiting another unit's opinion")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("Awaiting additional documents")
    AWAITING_PAYMENT = "awaiting_payment", _("Awaiting fee payment")
    RESULT_READY = "result_ready", _("Result ready")
    RETURNED = "returned", _("Result returned")
    REFUSED_AT_INTAKE = "refused_at_intake", _("Not received")
    REFUSED = "refused", _("Refused after appraisal")
    WITHDRAWN = "withdrawn", _("Withdrawn, handling stopped")


# The national status codes 1–10 of TT 22/2019 / DVCQG (legal.md §1.2) used for sync and reports.
NATIONAL_CODE: dict[Status, int] = {
    Status.SUBMITTED: 1,
    Status.RECEIVED: 2,
    Status.REFUSED_AT_INTAKE: 3,
    Status.IN_PROGRESS: 4,
    Status.CONSULTING: 4,
    Status.AWAITING_SUPPLEMENT: 5,
    Status.AWAITING_PAYMENT: 6,
    Status.WITHDRAWN: 8,
    Status.REFUSED: 8,
    Status.RESULT_READY: 9,
    Status.RETURNED: 10,
}

CLOSED: frozenset[Status] = frozenset({Status.RETURNED, Status.REFUSED_AT_INTAKE, Status.REFUSED, Status.WITHDRAWN})
OPEN: frozenset[Status] = frozenset(Status) - CLOSED
# The legal clock does not run while the applicant owes documents (it restarts or resumes afterwards).
CLOCK_STOPPED: frozenset[Status] = frozenset({Status.AWAITING_SUPPLEMENT})


class Action(models.TextChoices):
    SUBMIT = "submit", _("Submit")
    RECEIVE = "receive", _("Receive")
    REFUSE_INTAKE = "refuse_intake", _("Refuse to receive")
    TRANSFER = "transfer", _("Transfer for handling")
    FORWARD = "forward", _("Move to the next step")
    ASSIGN = "assign", _("Assign a handler")
    CONSULT = "consult", _("Ask another unit's opinion")
    ANSWER = "answer", _("Give the opinion")
    REQUEST_SUPPLEMENT = "request_supplement", _("Request additional documents")
    SUPPLEMENT_RECEIVED = "supplement_received", _("Additional documents received")
    REQUEST_PAYMENT = "request_payment", _("Request fee payment")
    PAYMENT_RECEIVED = "payment_received", _("Payment received")
    APPROVE = "approve", _("Approve the result")
    REFUSE = "refuse", _("Refuse after appraisal")
    APOLOGISE = "apologise", _("Apologise and set a new date")
    WITHDRAW = "withdraw", _("Withdraw at the applicant's request")
    RETURN_RESULT = "return_result", _("Return the result")
    ATTACH = "attach", _("Attach a document")  # not a transition: recorded in the history only


class Actor(models.TextChoices):
    """Who may take an action, resolved by services against the user's unit scope."""

    DESK = "desk", _("one-stop officer of the receiving body")
    STEP = "step", _("the role the current step names, in the step's unit (or its head)")
    CONSULTED = "consulted", _("staff of the consulted unit")
    HEAD = "head", _("head of the handling unit, or the director")


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    target: Status | None  # None: the status does not change
    actors: frozenset[Actor]
    needs_reason: bool = False


def _t(
    action: Action, sources: set[Status], target: Status | None, actors: set[Actor], *, reason: bool = False
) -> Transition:
    return Transition(action, frozenset(sources), target, frozenset(actors), reason)


HANDLING = {Status.IN_PROGRESS, Status.CONSULTING, Status.AWAITING_PAYMENT}

TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        _t(Action.RECEIVE, {Status.SUBMITTED}, Status.RECEIVED, {Actor.DESK}),
        _t(Action.REFUSE_INTAKE, {Status.SUBMITTED}, Status.REFUSED_AT_INTAKE, {Actor.DESK}, reason=True),
        _t(Action.TRANSFER, {Status.RECEIVED}, Status.IN_PROGRESS, {Actor.DESK}),
        _t(Action.FORWARD, {Status.IN_PROGRESS}, Status.IN_PROGRESS, {Actor.STEP}),
        _t(Action.ASSIGN, {Status.IN_PROGRESS}, None, {Actor.HEAD, Actor.STEP}),
        _t(Action.CONSULT, {Status.IN_PROGRESS}, Status.CONSULTING, {Actor.STEP}, reason=True),
        _t(Action.ANSWER, {Status.CONSULTING}, Status.IN_PROGRESS, {Actor.CONSULTED, Actor.STEP}, reason=True),
        _t(
            Action.REQUEST_SUPPLEMENT,
            {Status.SUBMITTED, Status.IN_PROGRESS},
            Status.AWAITING_SUPPLEMENT,
            {Actor.STEP, Actor.DESK},
            reason=True,
        ),
        _t(Action.SUPPLEMENT_RECEIVED, {Status.AWAITING_SUPPLEMENT}, Status.IN_PROGRESS, {Actor.DESK}),
        _t(Action.REQUEST_PAYMENT, {Status.IN_PROGRESS}, Status.AWAITING_PAYMENT, {Actor.STEP}, reason=True),
        _t(Action.PAYMENT_RECEIVED, {Status.AWAITING_PAYMENT}, Status.IN_PROGRESS, {Actor.DESK}),
        _t(Action.APPROVE, {Status.IN_PROGRESS}, Status.RESULT_READY, {Actor.STEP}),
        _t(Action.REFUSE, HANDLING, Status.REFUSED, {Actor.HEAD}, reason=True),
        _t(Action.APOLOGISE, HANDLING | {Status.RECEIVED}, None, {Actor.HEAD}, reason=True),
        _t(Action.WITHDRAW, set(OPEN) - {Status.RESULT_READY}, Status.WITHDRAWN, {Actor.DESK}, reason=True),
        _t(Action.RETURN_RESULT, {Status.RESULT_READY}, Status.RETURNED, {Actor.DESK}),
    )
}


class TransitionNotAllowed(RuleViolation):
    """The action is not possible in the dossier's current status."""


def can_take(status: Status | str, action: Action | str) -> bool:
    transition = TRANSITIONS.get(Action(action))
    return transition is not None and Status(status) in transition.sources


def ensure_allowed(status: Status | str, action: Action | str) -> Transition:
    """The transition for `action`, or TransitionNotAllowed with a message naming the status."""
    transition = TRANSITIONS[Action(action)]
    if Status(status) not in transition.sources:
        raise TransitionNotAllowed(
            gettext("“%(action)s” is not possible while the dossier is “%(status)s”.")
            % {"action": Action(action).label, "status": Status(status).label}
        )
    return transition


def actions_from(status: Status | str) -> list[Action]:
    return [action for action, t in TRANSITIONS.items() if Status(status) in t.sources]


def national_code(status: Status | str) -> int:
    return NATIONAL_CODE[Status(status)]
