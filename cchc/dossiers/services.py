"""Every change to a dossier: intake and one service per workflow action.

Each service runs in one transaction, locks the dossier row, checks the transition against the
workflow table and the actor against the unit scope, applies the change and appends one
DossierEvent. A refused action raises RuleViolation (a Vietnamese message) and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.catalog.models import Procedure
from cchc.core import clock
from cchc.core.errors import Conflict, NotAllowed, RuleViolation
from cchc.dossiers import deadlines, timing
from cchc.dossiers.applicant import ApplicantInput, check_applicant
from cchc.dossiers.models import Channel, Dossier, DossierCounter, DossierEvent, DossierRating, RuleSet
from cchc.dossiers.permissions import actor_kinds
from cchc.dossiers.rulesets import ensure_rule_sets
from cchc.dossiers.workflow import CLOSED, Action, Actor, Status, TransitionNotAllowed, ensure_allowed, national_code
from cchc.lib.vntext import fold
from cchc.notifications.services import notify
from cchc.org.models import Unit, User
from cchc.workdays.services import get_calendar, office_hours

RATING_CRITERIA = 9


class ApplicantInvalid(RuleViolation):
    """The applicant's details do not pass the checks; `errors` maps fields to messages."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class DocumentInput:
    name: str
    form: str = "original"
    count: int = 1
    required_document_id: int | None = None


@dataclass(slots=True)
class IntakeResult:
    dossier: Dossier
    created: bool = True
    warnings: list[str] = field(default_factory=list)


# --- rule sets and codes ------------------------------------------------------------------------------


def rule_set_in_force(day: date) -> RuleSet:
    """The rule set in force on `day` (the shipped ones are recreated if the table was emptied)."""
    if not RuleSet.objects.exists():
        ensure_rule_sets(RuleSet)
    rule_set = RuleSet.objects.filter(effective_from__lte=day).order_by("-effective_from").first()
    if rule_set is None:
        raise RuleViolation(_("No one-stop rule set is in force on %(day)s.") % {"day": f"{day:%d/%m/%Y}"})
    return rule_set


def next_dossier_code(*, unit: Unit, day: date) -> str:
    """`<identifier code>-YYMMDD-NNNN`, sequential per receiving body per day (TT 01/2018 Art. 19).

    The counter row is incremented with a single UPDATE, which takes the row lock until the
    transaction ends, so two concurrent intakes can never read the same number.
    """
    if not transaction.get_connection().in_atomic_block:
        msg = "next_dossier_code must run inside the intake transaction"
        raise RuntimeError(msg)
    counter = DossierCounter.objects.filter(unit=unit, day=day)
    if not counter.update(last=F("last") + 1):
        try:
            with transaction.atomic():
                DossierCounter.objects.create(unit=unit, day=day, last=1)
        except IntegrityError:  # another intake created the row first: take the next number
            counter.update(last=F("last") + 1)
    number = counter.values_list("last", flat=True).get()
    return f"{unit.code}-{day:%y%m%d}-{number:04d}"


# --- events -------------------------------------------------------------------------------------------


def _record(
    dossier: Dossier,
    *,
    action: Action,
    actor: User | None,
    from_status: str,
    reason: str = "",
    at: datetime | None = None,
    data: dict[str, Any] | None = None,
) -> DossierEvent:
    step = dossier.step()
    Dossier.objects.filter(pk=dossier.pk).update(version=F("version") + 1)
    dossier.version += 1
    return DossierEvent.objects.create(
        dossier=dossier,
        action=action,
        from_status=from_status,
        to_status=dossier.status,
        national_status=national_code(dossier.status),
        actor=actor,
        actor_name=actor.get_full_name() if actor else "",
        actor_unit_id=actor.unit_id if actor else None,
        at=at or clock.now(),
        reason=reason,
        step_order=dossier.current_step,
        step_name=str(step["name"]) if step else "",
        step_unit_id=int(step["unit_id"]) if step else None,  # type: ignore[call-overload]
        step_planned_end=dossier.step_due_at,
        due_at=dossier.due_at,
        data=data or {},
    )


def _lock(dossier: Dossier, expected_version: int | None = None) -> Dossier:
    """The dossier row, locked until the transaction ends. With `expected_version` (the version the
    person saw), a dossier changed in the meantime is refused: two people acting on the same screen
    never both succeed."""
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if expected_version is not None and locked.version != expected_version:
        raise Conflict(_("Someone else changed this dossier in the meantime. Reload the page and try again."))
    return locked


def _authorise(actor: User, dossier: Dossier, action: Action) -> None:
    transition = ensure_allowed(dossier.status, action)
    if not (transition.actors & actor_kinds(actor, dossier)):
        raise NotAllowed(
            _("You may not “%(action)s” this dossier: it needs %(who)s.")
            % {"action": action.label, "who": ", ".join(str(Actor(a).label) for a in sorted(transition.actors))}
        )


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if len(reason) < 3:
        raise RuleViolation(_("Give the reason; the applicant will read it."))
    return reason


def _close(dossier: Dossier, now: datetime) -> None:
    dossier.closed_at = now
    dossier.step_due_at = None
    dossier.paused_at = None


# --- intake -------------------------------------------------------------------------------------------


def _steps_snapshot(procedure: Procedure) -> list[dict[str, object]]:
    return [
        {"name": s.name, "unit_id": s.unit_id, "role": s.role, "days": str(s.days)}
        for s in procedure.steps.order_by("order")
    ]


@transaction.atomic
def dossier_intake(
    *,
    actor: User | None,
    receiving_unit: Unit,
    procedure: Procedure,
    applicant: ApplicantInput,
    channel: str,
    documents: list[DocumentInput] | None = None,
    sets_count: int = 1,
    received_at: datetime | None = None,
    idempotency_key: str | None = None,
    receive: bool = True,
) -> IntakeResult:
    """Create a dossier. At the counter (receive=True) it is received at once and due from now;
    an online submission (receive=False) waits for a one-stop officer to receive it.

    The same idempotency key twice returns the first dossier and creates nothing.
    """
    from cchc.dossiers.documents_service import document_add_records

    if idempotency_key:
        existing = Dossier.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return IntakeResult(existing, created=False)
    if channel not in Channel.values:
        raise RuleViolation(_("Unknown submission channel."))
    if procedure.status != Procedure.Status.ACTIVE:
        raise RuleViolation(_("This procedure is suspended and cannot receive dossiers."))
    steps = _steps_snapshot(procedure)
    if len(steps) < 2:
        raise RuleViolation(_("The procedure has no internal process; ask the administrator to define its steps."))
    clean, errors = check_applicant(applicant)
    if errors:
        raise ApplicantInvalid(errors)
    if not 1 <= sets_count <= 50:
        raise RuleViolation(_("The number of sets must be between 1 and 50."))
    if receive and actor is not None and not actor_kinds_for_unit(actor, receiving_unit):
        raise NotAllowed(_("Only a one-stop officer of the receiving body may receive dossiers."))
    now = received_at or clock.now()
    day = timezone.localtime(now).date()
    rule_set = rule_set_in_force(day)
    dossier = Dossier(
        code=next_dossier_code(unit=receiving_unit, day=day),
        unit=receiving_unit,
        procedure=procedure,
        rule_set=rule_set,
        procedure_name=procedure.name,
        time_limit=procedure.shortened_time_limit,
        legal_time_limit=procedure.time_limit,
        time_unit=procedure.time_unit,
        steps=steps,
        status=Status.SUBMITTED,
        channel=channel,
        handling_unit=procedure.handling_unit,
        applicant_kind=clean.kind,
        applicant_name=clean.name,
        applicant_name_folded=fold(clean.name),
        applicant_id_number=clean.id_number,
        applicant_phone=clean.phone,
        applicant_email=clean.email,
        applicant_address=clean.address,
        sets_count=sets_count,
        submitted_at=now,
        idempotency_key=idempotency_key or None,
        created_by=actor,
    )
    try:
        with transaction.atomic():
            dossier.save()
    except IntegrityError as exc:
        if idempotency_key and Dossier.objects.filter(idempotency_key=idempotency_key).exists():
            raise Conflict(_("This submission is already being processed; reload to see it.")) from exc
        raise
    _record(dossier, action=Action.SUBMIT, actor=actor, from_status="", at=now)
    document_add_records(dossier=dossier, documents=documents or [], actor=actor, at=now)
    if receive:
        _receive(dossier, actor=actor, at=now)
    return IntakeResult(dossier)


def actor_kinds_for_unit(actor: User, unit: Unit) -> bool:
    from cchc.org.roles import Role
    from cchc.org.scope import scope_for

    return scope_for(actor).can(unit.pk, Role.ONE_STOP_OFFICER)


def _receive(dossier: Dossier, *, actor: User | None, at: datetime) -> None:
    from_status = dossier.status
    dossier.status = Status.RECEIVED
    dossier.received_at = at
    dossier.due_at = dossier.original_due_at = timing.due(at, dossier.time_limit, dossier.time_unit)
    dossier.current_step = 1
    first = dossier.step(1)
    dossier.current_unit_id = int(first["unit_id"]) if first else dossier.unit_id  # type: ignore[call-overload]
    dossier.step_due_at = timing.step_due(at, Decimal(str(first["days"]))) if first else None
    dossier.save()
    _record(dossier, action=Action.RECEIVE, actor=actor, from_status=from_status, at=at)


@dataclass(slots=True)
class _Move:
    """One action in progress: the locked dossier, who acts, the status before, and the moment."""

    dossier: Dossier
    actor: User
    action: Action
    before: str
    now: datetime


def _begin(dossier: Dossier, actor: User, action: Action, expected_version: int | None) -> _Move:
    """Lock the dossier, check the action is allowed now and for this person."""
    locked = _lock(dossier, expected_version)
    _authorise(actor, locked, action)
    return _Move(locked, actor, action, locked.status, clock.now())


def _commit(move: _Move, *, reason: str = "", data: dict[str, Any] | None = None) -> Dossier:
    """Save the dossier and append the event of this action."""
    move.dossier.save()
    _record(
        move.dossier,
        action=move.action,
        actor=move.actor,
        from_status=move.before,
        reason=reason,
        at=move.now,
        data=data,
    )
    return move.dossier


@transaction.atomic
def dossier_receive(*, dossier: Dossier, actor: User, expected_version: int | None = None) -> Dossier:
    """Receive an online submission: the code stays, the legal clock starts now."""
    move = _begin(dossier, actor, Action.RECEIVE, expected_version)
    _receive(move.dossier, actor=actor, at=move.now)
    return move.dossier


@transaction.atomic
def dossier_refuse_intake(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, reason: str
) -> Dossier:
    """Refuse to receive (Mẫu 03): wrong competence, or not receivable."""
    move = _begin(dossier, actor, Action.REFUSE_INTAKE, expected_version)
    reason = _require_reason(reason)
    move.dossier.status = Status.REFUSED_AT_INTAKE
    _close(move.dossier, move.now)
    return _commit(move, reason=reason)


# --- moving through the process -------------------------------------------------------------------------


def _enter_step(dossier: Dossier, order: int, at: datetime, assignee: User | None = None) -> None:
    step = dossier.step(order)
    if step is None:
        raise RuleViolation(_("The dossier has no step %(order)s.") % {"order": order})
    dossier.current_step = order
    dossier.current_unit_id = int(step["unit_id"])  # type: ignore[call-overload]
    # A step never ends after the dossier itself is due (a process longer than the limit is the
    # catalogue's problem, and must not make a step look on time when the dossier is late).
    step_due = timing.step_due(at, Decimal(str(step["days"])))
    dossier.step_due_at = min(step_due, dossier.due_at) if dossier.due_at else step_due
    dossier.assignee = assignee
    if assignee is not None:
        _check_assignee(assignee, dossier.current_unit_id)
        _tell_assignee(dossier, assignee, order, str(step["name"]))


def _tell_assignee(dossier: Dossier, assignee: User, order: int, step_name: str) -> None:
    from django.urls import reverse

    notify(
        recipients=[assignee],
        event_key=f"dossier:{dossier.code}:step:{order}:{assignee.pk}",
        title=_("Dossier %(code)s is yours: %(step)s") % {"code": dossier.code, "step": step_name},
        body=_("%(procedure)s — %(applicant)s. Due %(due)s.")
        % {
            "procedure": dossier.procedure_name,
            "applicant": dossier.applicant_name,
            "due": f"{timezone.localtime(dossier.due_at):%H:%M %d/%m/%Y}" if dossier.due_at else "—",
        },
        url=reverse("dossiers:detail", args=[dossier.code]),
    )


def _check_assignee(assignee: User, unit_id: int) -> None:
    from cchc.org.scope import scope_for

    if not assignee.is_active or not scope_for(assignee).can(unit_id):
        raise RuleViolation(
            _("%(name)s does not work in the unit handling this step.") % {"name": assignee.get_full_name()}
        )


@transaction.atomic
def dossier_transfer(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, assignee: User | None = None, note: str = ""
) -> Dossier:
    """Hand the received dossier to the first handling step (same working day; after 15:00 the next)."""
    move = _begin(dossier, actor, Action.TRANSFER, expected_version)
    move.dossier.status = Status.IN_PROGRESS
    _enter_step(move.dossier, move.dossier.current_step + 1, move.now, assignee)
    return _commit(move, reason=note)


@transaction.atomic
def dossier_forward(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, assignee: User | None = None, note: str = ""
) -> Dossier:
    """Pass the dossier to the next processing step (appraisal → review → signature)."""
    move = _begin(dossier, actor, Action.FORWARD, expected_version)
    if move.dossier.is_last_processing_step:
        raise TransitionNotAllowed(_("This is the last step: approve the result or refuse the dossier."))
    _enter_step(move.dossier, move.dossier.current_step + 1, move.now, assignee)
    return _commit(move, reason=note)


@transaction.atomic
def dossier_assign(*, dossier: Dossier, actor: User, expected_version: int | None = None, assignee: User) -> Dossier:
    move = _begin(dossier, actor, Action.ASSIGN, expected_version)
    assert move.dossier.current_unit_id is not None  # noqa: S101 - an in-progress dossier is at a unit
    _check_assignee(assignee, move.dossier.current_unit_id)
    move.dossier.assignee = assignee
    return _commit(move, data={"assignee": assignee.username})


@transaction.atomic
def dossier_consult(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, unit: Unit, question: str
) -> Dossier:
    """Ask another unit for its opinion; the dossier waits (the legal clock keeps running)."""
    move = _begin(dossier, actor, Action.CONSULT, expected_version)
    question = _require_reason(question)
    if unit.pk == move.dossier.current_unit_id:
        raise RuleViolation(_("Choose another unit than the one handling the step."))
    move.dossier.status = Status.CONSULTING
    move.dossier.consulted_unit = unit
    return _commit(move, reason=question, data={"unit": unit.code})


@transaction.atomic
def dossier_answer(*, dossier: Dossier, actor: User, expected_version: int | None = None, answer: str) -> Dossier:
    move = _begin(dossier, actor, Action.ANSWER, expected_version)
    answer = _require_reason(answer)
    unit_code = move.dossier.consulted_unit.code if move.dossier.consulted_unit else ""
    move.dossier.status = Status.IN_PROGRESS
    move.dossier.consulted_unit = None
    return _commit(move, reason=answer, data={"unit": unit_code})


# --- supplement, payment ---------------------------------------------------------------------------------


@transaction.atomic
def dossier_request_supplement(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, missing: list[str], reason: str
) -> Dossier:
    """Ask the applicant, once and completely, for what is missing (Mẫu 02). The clock stops."""
    move = _begin(dossier, actor, Action.REQUEST_SUPPLEMENT, expected_version)
    d, now = move.dossier, move.now
    reason = _require_reason(reason)
    missing = [m.strip() for m in missing if m and m.strip()]
    if not missing:
        raise RuleViolation(_("List the documents the applicant must add or complete."))
    rules = d.rule_set
    if d.supplement_count >= rules.supplement_rounds:
        raise RuleViolation(
            _("The applicant has already been asked for additional documents; the rules allow it only once.")
        )
    if d.received_at is not None:
        calendar = get_calendar(through_year=timezone.localtime(now).year + 1)
        elapsed = calendar.working_days_between(
            timezone.localtime(d.received_at).date(), timezone.localtime(now).date()
        )
        if elapsed > rules.supplement_within_days:
            raise RuleViolation(
                _("A request for additional documents must go out within %(days)s working days of reception.")
                % {"days": rules.supplement_within_days}
            )
    d.status = Status.AWAITING_SUPPLEMENT
    d.supplement_count += 1
    d.paused_at = now
    return _commit(move, reason=reason, data={"missing": missing, "clock": rules.supplement_clock})


@transaction.atomic
def dossier_supplement_received(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, note: str = ""
) -> Dossier:
    """The complete documents arrived: the clock restarts or resumes, as the dossier's rule set says."""
    move = _begin(dossier, actor, Action.SUPPLEMENT_RECEIVED, expected_version)
    d, now = move.dossier, move.now
    assert d.paused_at is not None  # noqa: S101 - set by dossier_request_supplement
    waited = timing.working_days_waited(d.paused_at, now)
    d.supplement_days += waited
    paused_at, d.paused_at = d.paused_at, None
    if d.received_at is None:
        # Incomplete online submission: now complete, it is received and due from today.
        _receive(d, actor=actor, at=now)
        return d
    assert d.due_at is not None  # noqa: S101
    d.due_at = timing.resumed_due(
        clock_rule=d.rule_set.supplement_clock,
        old_due=d.due_at,
        paused_at=paused_at,
        resumed_at=now,
        limit=d.time_limit,
        unit=d.time_unit,
    )
    d.status = Status.IN_PROGRESS
    step = d.step()
    d.step_due_at = timing.step_due(now, Decimal(str(step["days"]))) if step else None
    return _commit(move, reason=note, data={"waited_working_days": waited})


@transaction.atomic
def dossier_request_payment(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, amount_vnd: int, reason: str
) -> Dossier:
    move = _begin(dossier, actor, Action.REQUEST_PAYMENT, expected_version)
    reason = _require_reason(reason)
    if amount_vnd <= 0:
        raise RuleViolation(_("The amount to pay must be more than 0 đồng."))
    move.dossier.status = Status.AWAITING_PAYMENT
    return _commit(move, reason=reason, data={"amount_vnd": amount_vnd})


@transaction.atomic
def dossier_payment_received(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, note: str = ""
) -> Dossier:
    move = _begin(dossier, actor, Action.PAYMENT_RECEIVED, expected_version)
    move.dossier.status = Status.IN_PROGRESS
    return _commit(move, reason=note)


# --- outcomes ------------------------------------------------------------------------------------------


@transaction.atomic
def dossier_approve(*, dossier: Dossier, actor: User, expected_version: int | None = None, note: str = "") -> Dossier:
    """Sign the result: the dossier goes back to the one-stop desk for return (status 9)."""
    move = _begin(dossier, actor, Action.APPROVE, expected_version)
    d, now = move.dossier, move.now
    if not d.is_last_processing_step:
        raise TransitionNotAllowed(
            _("The result can only be approved at the last processing step; move the dossier on first.")
        )
    d.status = Status.RESULT_READY
    d.result_ready_at = now
    d.finished_late = d.due_at is not None and now > d.due_at
    _enter_step(d, len(d.steps), now)
    return _commit(move, reason=note)


@transaction.atomic
def dossier_refuse(*, dossier: Dossier, actor: User, expected_version: int | None = None, reason: str) -> Dossier:
    """Refuse after appraisal (Phiếu từ chối giải quyết), within the dossier's deadline."""
    move = _begin(dossier, actor, Action.REFUSE, expected_version)
    reason = _require_reason(reason)
    if move.dossier.due_at is not None and move.now > move.dossier.due_at:
        raise RuleViolation(
            _("The deadline has passed: a refusal must be sent within it. Send an apology with a new date first.")
        )
    move.dossier.status = Status.REFUSED
    move.dossier.finished_late = False
    move.dossier.consulted_unit = None
    _close(move.dossier, move.now)
    return _commit(move, reason=reason)


@transaction.atomic
def dossier_apologise(
    *, dossier: Dossier, actor: User, expected_version: int | None = None, reason: str, new_due: date
) -> Dossier:
    """The dossier will be late: apologise in writing and set a new date (Mẫu 04), at most once and at
    least one working day before the due date (NĐ 61/2018 Art. 19(9))."""
    move = _begin(dossier, actor, Action.APOLOGISE, expected_version)
    d, now = move.dossier, move.now
    reason = _require_reason(reason)
    rules = d.rule_set
    if d.apology_count >= rules.extensions_allowed:
        raise RuleViolation(_("The return date can be re-set only once, and it already was."))
    assert d.due_at is not None  # noqa: S101 - a received dossier has a due date
    calendar = get_calendar(through_year=new_due.year + 1)
    last_day = deadlines.latest_apology_day(calendar, timing.local(d.due_at), rules.apology_lead_days)
    if timezone.localtime(now).date() > last_day:
        raise RuleViolation(
            _("Too late to apologise: the letter must go out by %(day)s, %(lead)s working day(s) before the due date.")
            % {"day": f"{last_day:%d/%m/%Y}", "lead": rules.apology_lead_days}
        )
    if new_due <= timezone.localtime(d.due_at).date():
        raise RuleViolation(_("The new date must be after the current due date."))
    if not calendar.is_working_day(new_due):
        raise RuleViolation(_("The new date %(day)s is not a working day.") % {"day": f"{new_due:%d/%m/%Y}"})
    old_due = d.due_at
    d.due_at = timing.aware(deadlines.end_of_day(new_due, office_hours()))
    d.apology_count += 1
    return _commit(move, reason=reason, data={"old_due": old_due.isoformat(), "new_due": d.due_at.isoformat()})


@transaction.atomic
def dossier_withdraw(*, dossier: Dossier, actor: User, expected_version: int | None = None, reason: str) -> Dossier:
    """The applicant withdraws; handling stops (status 7 then 8; TT 03/2025 Mẫu 05 notice)."""
    move = _begin(dossier, actor, Action.WITHDRAW, expected_version)
    reason = _require_reason(reason)
    move.dossier.status = Status.WITHDRAWN
    move.dossier.consulted_unit = None
    _close(move.dossier, move.now)
    return _commit(move, reason=reason)


@transaction.atomic
def dossier_return_result(
    *,
    dossier: Dossier,
    actor: User,
    expected_version: int | None = None,
    note: str = "",
    rating: dict[str, int] | None = None,
    comment: str = "",
) -> Dossier:
    """Hand the result over (status 10), with the applicant's rating when given."""
    move = _begin(dossier, actor, Action.RETURN_RESULT, expected_version)
    move.dossier.status = Status.RETURNED
    move.dossier.returned_at = move.now
    _close(move.dossier, move.now)
    returned = _commit(move, reason=note)
    if rating is not None:
        dossier_rate(dossier=returned, scores=rating, comment=comment)
    return returned


def check_rating(scores: dict[str, int]) -> dict[str, int]:
    """Nine indices c1…c9 (TT 01/2018 Art. 13), each 2, 1 or 0; an index may be left out (no data)."""
    clean: dict[str, int] = {}
    for key, value in scores.items():
        if key not in {f"c{i}" for i in range(1, RATING_CRITERIA + 1)}:
            raise RuleViolation(_("Unknown rating criterion %(key)s.") % {"key": key})
        if value not in (0, 1, 2):
            raise RuleViolation(_("Each criterion is scored 2, 1 or 0."))
        clean[key] = int(value)
    if not clean:
        raise RuleViolation(_("Score at least one criterion."))
    return clean


@transaction.atomic
def dossier_rate(*, dossier: Dossier, scores: dict[str, int], comment: str = "") -> DossierRating:
    if dossier.status not in {Status.RESULT_READY, Status.RETURNED}:
        raise RuleViolation(_("A dossier can be rated when its result is ready."))
    clean = check_rating(scores)
    if DossierRating.objects.filter(dossier=dossier).exists():
        raise Conflict(_("This dossier has already been rated."))
    return DossierRating.objects.create(
        dossier=dossier, scores=clean, total=sum(clean.values()), comment=(comment or "").strip()[:2000]
    )


def is_closed(dossier: Dossier) -> bool:
    return Status(dossier.status) in CLOSED
