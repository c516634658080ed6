"""Historical dossiers from the previous one-stop system, with their full timelines (JSON Lines).

One line is one dossier (docs/dossier-import.md gives the format). A file is imported all or
nothing: every line is checked first — its shape, the catalogue and units it names, and its
timeline replayed event by event through the workflow table (`workflow.ensure_allowed`), so a
history the workflow could not have produced is refused — and only a file without a single bad
line is written, in one transaction. Dossiers whose code already exists are skipped, so running
the same file again imports nothing new.

The replay does what the services do to a dossier's columns (status, steps, clock, due dates) but
records the history as it happened: it checks which action may follow which, not the deadline rules
of the day (a late apology is recorded as late; the KPIs then count it as it was).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from cchc.catalog.models import DocumentKind, Procedure
from cchc.core.errors import RuleViolation
from cchc.core.validation import error_messages
from cchc.dossiers import deadlines, timing
from cchc.dossiers.models import (
    Dossier,
    DossierCounter,
    DossierDocument,
    DossierEvent,
    DossierRating,
    RuleSet,
)
from cchc.dossiers.services import check_rating, rule_set_in_force
from cchc.dossiers.workflow import Action, Status, ensure_allowed, national_code
from cchc.lib.vntext import fold
from cchc.org.models import Unit, User
from cchc.workdays.services import office_hours

CODE = re.compile(r"^(?P<unit>[A-Z0-9]{1,6}(?:\.[A-Z0-9]{1,6}){0,5})-(?P<day>\d{6})-(?P<seq>\d{4,7})$")
# What a file may record. "submit" and "receive" open a timeline; "attach" is not a transition:
# documents come in the line's "documents" list instead.
IMPORTABLE = frozenset(Action) - {Action.ATTACH}
SOURCE = "import"


def _text_only(value: object) -> object:
    """Dates and times must be written out: pydantic alone would read a number as a Unix timestamp."""
    if not isinstance(value, str):
        raise ValueError(_("Enter a date and time in ISO 8601 with the time zone, e.g. 2026-03-02T09:00:00+07:00."))
    return value


def _iso_day(value: object) -> object:
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        raise ValueError(_("Enter a date as YYYY-MM-DD."))
    return value


Moment = Annotated[AwareDatetime, BeforeValidator(_text_only)]
Day = Annotated[date, BeforeValidator(_iso_day)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class LegacyApplicant(_Strict):
    kind: Literal["person", "organisation"] = "person"
    name: str = Field(max_length=255)
    id_number: str = Field(max_length=20)
    phone: str = Field(max_length=20)
    address: str = Field(max_length=500)
    email: str = Field("", max_length=254)


class LegacyDocument(_Strict):
    name: str = Field(min_length=1, max_length=500)
    role: Literal["input", "result", "notice"] = "input"
    form: Literal["original", "copy", "certified_copy", "electronic"] = "original"
    count: int = Field(1, ge=1, le=99)
    digitised: bool = False
    sha256: str | None = Field(None, pattern=r"^[0-9a-f]{64}$")


class LegacyEvent(_Strict):
    action: str
    at: Moment
    actor: str | None = Field(None, max_length=150)
    actor_name: str = Field("", max_length=150)
    actor_unit: str | None = Field(None, max_length=40)
    reason: str = Field("", max_length=4000)
    missing: list[str] = Field(default_factory=list)
    assignee: str | None = Field(None, max_length=150)
    unit: str | None = Field(None, max_length=40)
    amount_vnd: int | None = Field(None, gt=0)
    new_due: Day | None = None
    due_at: Moment | None = None


class LegacyRating(_Strict):
    scores: dict[str, int]
    comment: str = Field("", max_length=2000)


class LegacyDossier(_Strict):
    code: str = Field(max_length=60)
    procedure: str = Field(max_length=20)
    channel: Literal["counter", "post", "online", "national_portal"]
    unit: str | None = Field(None, max_length=40)
    applicant: LegacyApplicant
    sets_count: int = Field(1, ge=1, le=50)
    documents: list[LegacyDocument] = Field(default_factory=list)
    events: list[LegacyEvent] = Field(min_length=1)
    due_at: Moment | None = None
    rating: LegacyRating | None = None


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    code: str
    message: str


@dataclass(slots=True)
class ImportReport:
    lines: int = 0
    imported: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already in CCHC: not imported again
    errors: list[LineError] = field(default_factory=list)

    @property
    def applied(self) -> bool:
        return not self.errors and bool(self.imported)


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(slots=True)
class _Plan:
    """A dossier and its events, replayed, ready to be written."""

    dossier: Dossier
    events: list[DossierEvent]
    documents: list[DossierDocument]
    rating: dict[str, Any] | None
    counter: tuple[int, date, int] | None  # (unit id, day, sequence) the daily counter must reach


class _Lookups:
    """Catalogue, units and people named by the file, each read once."""

    def __init__(self) -> None:
        self.procedures: dict[str, Procedure | None] = {}
        self.units: dict[str, Unit | None] = {}
        self.users: dict[str, User | None] = {}
        self.rule_sets: dict[date, RuleSet] = {}

    def procedure(self, code: str) -> Procedure:
        if code not in self.procedures:
            self.procedures[code] = (
                Procedure.objects.filter(code=code).prefetch_related("steps", "required_documents").first()
            )
        found = self.procedures[code]
        if found is None:
            raise _Refused(_("No procedure has the code %(code)s.") % {"code": code})
        return found

    def unit(self, code: str, what: str) -> Unit:
        if code not in self.units:
            self.units[code] = Unit.objects.filter(code=code).first()
        found = self.units[code]
        if found is None:
            raise _Refused(_("%(what)s: no unit has the identifier code %(code)s.") % {"what": what, "code": code})
        return found

    def user(self, username: str, what: str) -> User:
        if username not in self.users:
            self.users[username] = User.objects.filter(username=username).first()
        found = self.users[username]
        if found is None:
            raise _Refused(_("%(what)s: no user has the username %(username)s.") % {"what": what, "username": username})
        return found

    def rule_set(self, day: date) -> RuleSet:
        if day not in self.rule_sets:
            try:
                self.rule_sets[day] = rule_set_in_force(day)
            except RuleViolation as exc:
                raise _Refused(exc.message) from exc
        return self.rule_sets[day]


# --- time ---------------------------------------------------------------------------------------------


# --- replay -------------------------------------------------------------------------------------------


class _Replay:
    """Applies the line's events to a new Dossier, as the services would have, and records each."""

    def __init__(self, line: LegacyDossier, lookups: _Lookups) -> None:
        self.line = line
        self.lookups = lookups
        self.events: list[DossierEvent] = []
        self.office = office_hours()

    def _step_due(self, started: datetime) -> datetime | None:
        step = self.dossier.step()
        if step is None:
            return None
        return timing.step_due(started, Decimal(str(step["days"])))

    def _enter_step(self, order: int, at: datetime) -> None:
        if not self.dossier.steps:
            return
        order = max(1, min(order, len(self.dossier.steps)))
        self.dossier.current_step = order
        step = self.dossier.step()
        assert step is not None  # noqa: S101 - order is within the steps
        self.dossier.current_unit_id = int(str(step["unit_id"]))
        self.dossier.step_due_at = self._step_due(at)

    def _due_from(self, at: datetime) -> datetime:
        d = self.dossier
        return timing.due(at, d.time_limit, d.time_unit)

    def _receive(self, at: datetime) -> None:
        d = self.dossier
        d.status = Status.RECEIVED
        d.received_at = at
        d.due_at = d.original_due_at = self._due_from(at)
        if d.steps:
            self._enter_step(1, at)
        else:
            d.current_unit_id = d.unit_id

    def _close(self, at: datetime) -> None:
        self.dossier.closed_at = at
        self.dossier.step_due_at = None
        self.dossier.paused_at = None
        self.dossier.consulted_unit = None

    def run(self) -> Dossier:
        line, lookups = self.line, self.lookups
        match = CODE.match(line.code)
        if match is None:
            raise _Refused(
                _("The dossier code %(code)s does not have the form <identifier code>-YYMMDD-NNNN.")
                % {"code": line.code}
            )
        unit = lookups.unit(line.unit or match["unit"], _("receiving body"))
        procedure = lookups.procedure(line.procedure)
        first = line.events[0]
        if first.action not in {Action.SUBMIT, Action.RECEIVE}:
            raise _Refused(_("The history must begin with “submit” or “receive”."))
        received_day = timezone.localtime(first.at).date()
        self.dossier = Dossier(
            code=line.code,
            unit=unit,
            procedure=procedure,
            rule_set=lookups.rule_set(received_day),
            procedure_name=procedure.name,
            time_limit=procedure.shortened_time_limit,
            legal_time_limit=procedure.time_limit,
            time_unit=procedure.time_unit,
            steps=[
                {"name": s.name, "unit_id": s.unit_id, "role": s.role, "days": str(s.days)}
                for s in sorted(procedure.steps.all(), key=lambda s: s.order)
            ],
            status=Status.SUBMITTED,
            channel=line.channel,
            handling_unit_id=procedure.handling_unit_id,
            applicant_kind=line.applicant.kind,
            sets_count=line.sets_count,
            submitted_at=first.at,
        )
        self._applicant()
        previous: datetime | None = None
        for number, event in enumerate(line.events, start=1):
            if previous is not None and event.at < previous:
                raise _Refused(
                    _("Event %(n)s (%(action)s) is dated before the one above it: list the events in order.")
                    % {"n": number, "action": event.action}
                )
            previous = event.at
            try:
                self._apply(number, event)
            except RuleViolation as exc:
                raise _Refused(
                    _("Event %(n)s (%(action)s): %(message)s")
                    % {"n": number, "action": event.action, "message": exc.message}
                ) from exc
        if line.due_at is not None and self.dossier.received_at is not None:
            self.dossier.due_at = line.due_at
            if self.dossier.result_ready_at is not None:
                self.dossier.finished_late = self.dossier.result_ready_at > line.due_at
        self.dossier.version = len(self.events)
        return self.dossier

    def _applicant(self) -> None:
        from cchc.dossiers.applicant import ApplicantInput, check_applicant

        given = self.line.applicant
        clean, errors = check_applicant(
            ApplicantInput(
                kind=given.kind,
                name=given.name,
                id_number=given.id_number,
                phone=given.phone,
                address=given.address,
                email=given.email,
            )
        )
        if errors:
            raise _Refused(" ".join(f"applicant.{name}: {message}" for name, message in errors.items()))
        d = self.dossier
        d.applicant_name, d.applicant_name_folded = clean.name, fold(clean.name)
        d.applicant_id_number, d.applicant_phone = clean.id_number, clean.phone
        d.applicant_email, d.applicant_address = clean.email, clean.address

    def _apply(self, number: int, event: LegacyEvent) -> None:
        d, lookups = self.dossier, self.lookups
        try:
            action = Action(event.action)
        except ValueError:
            action = None
        if action is None or action not in IMPORTABLE:
            raise _Refused(_("Event %(n)s: unknown action “%(action)s”.") % {"n": number, "action": event.action})
        at = event.at
        from_status = "" if action == Action.SUBMIT else d.status
        recorded = action
        data: dict[str, Any] = {"source": SOURCE}
        if action == Action.SUBMIT:
            if number != 1:
                raise RuleViolation(_("A dossier is submitted once, at the start of its history."))
        elif action == Action.RECEIVE and number == 1:
            # The old system recorded counter intake as one step: submitted and received at once.
            from_status = Status.SUBMITTED
            self._receive(at)
        else:
            transition = ensure_allowed(d.status, action)
            if transition.needs_reason and len(event.reason) < 3:
                raise RuleViolation(_("Give the reason; the applicant will read it."))
            recorded, data = self._effect(action, event, transition.target, data)
        if event.due_at is not None and d.received_at is not None:
            d.due_at = event.due_at  # the old system's own date wins over the recomputed one
        actor = lookups.user(event.actor, _("actor")) if event.actor else None
        actor_unit = lookups.unit(event.actor_unit, _("actor unit")) if event.actor_unit else None
        step = d.step()
        self.events.append(
            DossierEvent(
                action=recorded,
                from_status=from_status,
                to_status=d.status,
                national_status=national_code(d.status),
                actor=actor,
                actor_name=event.actor_name or (actor.get_full_name() if actor else ""),
                actor_unit=actor_unit or (actor.unit if actor else None),
                at=at,
                reason=event.reason,
                step_order=d.current_step,
                step_name=str(step["name"]) if step else "",
                step_unit_id=int(str(step["unit_id"])) if step else None,
                step_planned_end=d.step_due_at,
                due_at=d.due_at,
                data=data,
            )
        )

    def _effect(
        self, action: Action, event: LegacyEvent, target: Status | None, data: dict[str, Any]
    ) -> tuple[Action, dict[str, Any]]:
        """The change `action` makes to the dossier's columns (as in dossiers.services)."""
        d, at, lookups = self.dossier, event.at, self.lookups
        recorded = action
        if target is not None:
            d.status = target
        if action == Action.RECEIVE:
            self._receive(at)
        elif action in {Action.TRANSFER, Action.FORWARD}:
            last_processing = max(1, len(d.steps) - 1)
            self._enter_step(min(d.current_step + 1, last_processing), at)
            d.assignee = lookups.user(event.assignee, _("assignee")) if event.assignee else None
        elif action == Action.ASSIGN:
            if not event.assignee:
                raise RuleViolation(_("Choose the handler (username)."))
            d.assignee = lookups.user(event.assignee, _("assignee"))
            data["assignee"] = event.assignee
        elif action == Action.CONSULT:
            if not event.unit:
                raise RuleViolation(_("Give the identifier code of an active unit to consult."))
            d.consulted_unit = lookups.unit(event.unit, _("consulted unit"))
            data["unit"] = event.unit
        elif action == Action.ANSWER:
            data["unit"] = d.consulted_unit.code if d.consulted_unit else ""
            d.consulted_unit = None
        elif action == Action.REQUEST_SUPPLEMENT:
            d.supplement_count += 1
            d.paused_at = at
            data.update(missing=[m for m in event.missing if m], clock=d.rule_set.supplement_clock)
        elif action == Action.SUPPLEMENT_RECEIVED:
            recorded = self._supplement_received(at, data)
        elif action == Action.REQUEST_PAYMENT:
            if event.amount_vnd is None:
                raise RuleViolation(_("Give the amount to pay, in đồng."))
            data["amount_vnd"] = event.amount_vnd
        elif action == Action.APPROVE:
            d.result_ready_at = at
            d.finished_late = d.due_at is not None and at > d.due_at
            self._enter_step(len(d.steps), at)
        elif action == Action.REFUSE:
            d.finished_late = d.due_at is not None and at > d.due_at
            self._close(at)
        elif action == Action.APOLOGISE:
            if event.new_due is None:
                raise RuleViolation(_("Give the new return date."))
            old_due = d.due_at
            d.due_at = timing.aware(deadlines.end_of_day(event.new_due, self.office))
            d.apology_count += 1
            data.update(old_due=old_due.isoformat() if old_due else None, new_due=d.due_at.isoformat())
        elif action == Action.RETURN_RESULT:
            d.returned_at = at
            self._close(at)
        elif action in {Action.REFUSE_INTAKE, Action.WITHDRAW}:
            self._close(at)
        return recorded, data

    def _supplement_received(self, at: datetime, data: dict[str, Any]) -> Action:
        d = self.dossier
        paused = d.paused_at or at
        waited = timing.working_days_waited(paused, at)
        d.supplement_days += waited
        d.paused_at = None
        data["waited_working_days"] = waited
        if d.received_at is None:
            # An incomplete online submission, now complete: received from today (as the services do).
            self._receive(at)
            return Action.RECEIVE
        assert d.due_at is not None  # noqa: S101 - a received dossier has a due date
        d.due_at = timing.resumed_due(
            clock_rule=d.rule_set.supplement_clock,
            old_due=d.due_at,
            paused_at=paused,
            resumed_at=at,
            limit=d.time_limit,
            unit=d.time_unit,
        )
        d.status = Status.IN_PROGRESS
        d.step_due_at = self._step_due(at)
        return Action.SUPPLEMENT_RECEIVED


def _plan(line: LegacyDossier, lookups: _Lookups) -> _Plan:
    replay = _Replay(line, lookups)
    dossier = replay.run()
    first_at = line.events[0].at
    documents = [
        DossierDocument(
            role=doc.role,
            name=doc.name,
            form=doc.form if doc.form in DocumentKind.values else DocumentKind.ORIGINAL,
            count=doc.count,
            sha256=doc.sha256 or "",
            digitised=doc.digitised,
            uploaded_at=dossier.result_ready_at if doc.role == "result" and dossier.result_ready_at else first_at,
        )
        for doc in line.documents
    ]
    dossier.has_digitised_input = any(d.digitised and d.role == "input" for d in documents)
    dossier.has_digitised_result = any(d.digitised and d.role == "result" for d in documents)
    rating = None
    if line.rating is not None:
        if dossier.status not in {Status.RESULT_READY, Status.RETURNED}:
            raise _Refused(_("A dossier can be rated when its result is ready."))
        try:
            scores = check_rating(line.rating.scores)
        except RuleViolation as exc:
            raise _Refused(exc.message) from exc
        rating = {"scores": scores, "total": sum(scores.values()), "comment": line.rating.comment}
    counter = None
    match = CODE.match(line.code)
    if match and match["unit"] == dossier.unit.code and len(match["seq"]) == 4:
        try:
            day = datetime.strptime(match["day"], "%y%m%d").date()  # noqa: DTZ007 - a calendar day, no time
        except ValueError:
            day = None
        if day is not None:
            counter = (dossier.unit_id, day, int(match["seq"]))
    return _Plan(dossier, replay.events, documents, rating, counter)


# --- reading and writing --------------------------------------------------------------------------------


def _parse(number: int, raw: str) -> LegacyDossier:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _Refused(_("Not valid JSON (%(error)s).") % {"error": exc.msg}) from exc
    if not isinstance(data, dict):
        raise _Refused(_("A line must hold one JSON object (one dossier)."))
    try:
        return LegacyDossier.model_validate(data)
    except PydanticValidationError as exc:
        problems = error_messages(exc.errors(include_url=False))
        raise _Refused("; ".join(f"{name}: {message}" for name, message in problems.items())) from exc


def check_lines(lines: Iterable[str]) -> tuple[ImportReport, list[_Plan]]:
    """Every line checked and replayed; nothing written. The plans of new dossiers come back with the
    report (whose errors, if any, mean the file must not be imported)."""
    report = ImportReport()
    lookups = _Lookups()
    parsed: list[tuple[int, LegacyDossier]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        text = raw.lstrip("\ufeff").strip() if number == 1 else raw.strip()
        if not text:
            continue
        report.lines += 1
        try:
            line = _parse(number, text)
        except _Refused as exc:
            report.errors.append(LineError(number, "", exc.message))
            continue
        if line.code in seen:
            report.errors.append(
                LineError(
                    number, line.code, _("The same code is already on line %(line)s.") % {"line": seen[line.code]}
                )
            )
            continue
        seen[line.code] = number
        parsed.append((number, line))
    existing = set(Dossier.objects.filter(code__in=list(seen)).values_list("code", flat=True)) if seen else set()
    plans = []
    for number, line in parsed:
        if line.code in existing:
            report.skipped.append(line.code)
            continue
        try:
            plans.append(_plan(line, lookups))
        except _Refused as exc:
            report.errors.append(LineError(number, line.code, exc.message))
    return report, plans


@transaction.atomic
def _write(plans: list[_Plan]) -> None:
    for plan in plans:
        plan.dossier.save(force_insert=True)
        for event in plan.events:
            event.dossier = plan.dossier
        DossierEvent.objects.bulk_create(plan.events)
        for document in plan.documents:
            document.dossier = plan.dossier
        DossierDocument.objects.bulk_create(plan.documents)
        if plan.rating is not None:
            DossierRating.objects.create(
                dossier=plan.dossier, created_at=plan.dossier.returned_at or timezone.now(), **plan.rating
            )
        if plan.counter is not None:
            # Codes of the import day must not be issued again by the live desk.
            unit_id, day, sequence = plan.counter
            counter, _created = DossierCounter.objects.get_or_create(unit_id=unit_id, day=day)
            DossierCounter.objects.filter(pk=counter.pk).update(last=Greatest(F("last"), sequence))


def import_dossiers(lines: Iterable[str], *, dry_run: bool = False) -> ImportReport:
    """Check every line, then — when none is refused — write the new dossiers in one transaction."""
    report, plans = check_lines(lines)
    if report.errors or dry_run:
        return report
    _write(plans)
    report.imported = [plan.dossier.code for plan in plans]
    return report
