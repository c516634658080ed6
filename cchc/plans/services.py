"""Changes to plans, sections, tasks, comments and targets, and the reminder run.

Each service runs in one transaction, checks the actor's rights (selectors.task_access and friends)
and raises RuleViolation with a Vietnamese message when a rule refuses; nothing changes then. Every
change to a task appends a TaskEvent in the same transaction. Evidence lives in evidence.py, the
import of a plan document in importing.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cchc.core.errors import NotAllowed, RuleViolation
from cchc.notifications.services import notify
from cchc.org.models import Unit, User
from cchc.plans import reminders, schedule, workflow
from cchc.plans.models import (
    OPEN_STATUSES,
    Area,
    Plan,
    PlanStatus,
    Recurrence,
    Section,
    Target,
    Task,
    TaskEvent,
    TaskStatus,
)
from cchc.plans.selectors import can_edit_plan, lead_unit_choices, task_access, unit_heads
from cchc.workdays.services import get_calendar


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise NotAllowed(message)


def _locked(task: Task) -> Task:
    return Task.objects.select_for_update(of=("self",)).select_related("plan", "lead_unit").get(pk=task.pk)


def _event(task: Task, kind: str, actor: Any, **fields: Any) -> TaskEvent:
    return TaskEvent.objects.create(task=task, kind=kind, actor=actor if getattr(actor, "pk", None) else None, **fields)


def _fmt(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _status_label(status: str) -> str:
    return str(TaskStatus(status).label)


def _ensure_live(plan: Plan) -> None:
    if plan.status == PlanStatus.CLOSED:
        raise RuleViolation(_("The plan is closed: nothing in it can change any more."))


def _ensure_in_force(plan: Plan) -> None:
    _ensure_live(plan)
    if plan.status != PlanStatus.IN_FORCE:
        raise RuleViolation(_("The plan is still a draft: units report on tasks once it is in force."))


# --- schedule --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Schedule:
    recurrence: str
    deadline: date | None
    checkins: list[date]


def schedule_check(*, year: int, recurrence: str, deadline: date | None, checkins: Sequence[date] = ()) -> Schedule:
    """The task's schedule as stored: check-ins defaulted from the rhythm, the final deadline set,
    every date inside the plan's year."""
    rhythm = schedule.Recurrence(recurrence)
    dates = sorted(set(checkins)) if rhythm is not schedule.Recurrence.ONCE else []
    if rhythm is not schedule.Recurrence.ONCE and not dates:
        dates = schedule.default_checkins(rhythm, year)
    outside = schedule.outside_year(year, [deadline, *dates])
    if outside:
        raise RuleViolation(
            _("The date %(date)s is outside the plan's year %(year)s: deadlines must fall within the plan's year.")
            % {"date": _fmt(outside[0]), "year": year}
        )
    return Schedule(str(rhythm), schedule.final_deadline(rhythm, deadline, dates), dates)


def apply_schedule(task: Task, planned: Schedule) -> None:
    task.recurrence = planned.recurrence
    task.deadline = planned.deadline
    task.checkin_dates = [d.isoformat() for d in planned.checkins]
    if task.covered_through and planned.checkins and task.covered_through not in planned.checkins:
        task.covered_through = max((d for d in planned.checkins if d <= task.covered_through), default=None)
    task.next_due = schedule.next_due(task.recurrence, task.deadline, planned.checkins, task.covered_through)


# --- plans -----------------------------------------------------------------------------------------


@transaction.atomic
def plan_update(
    *,
    plan: Plan,
    actor: Any,
    number: str,
    title: str,
    issued_on: date | None,
    signer: str = "",
    signer_title: str = "",
    legal_basis: str = "",
    reminder_days: str = "7,2",
) -> Plan:
    _require(can_edit_plan(actor, plan), _("Only the administrative reform officer edits the plan."))
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    _ensure_live(plan)
    if reminders.parse_lead_days(reminder_days) is None:
        raise RuleViolation(_("Reminder lead times are working-day counts from 1 to 60 separated by commas, e.g. 7,2."))
    number = number.strip()
    plan_number_check(unit=plan.unit, year=plan.year, number=number, exclude=plan.pk)
    plan.number, plan.title, plan.issued_on = number, title.strip(), issued_on
    plan.signer, plan.signer_title, plan.legal_basis = signer.strip(), signer_title.strip(), legal_basis.strip()
    plan.reminder_days = ",".join(str(d) for d in reminders.parse_lead_days(reminder_days) or ())
    plan.save()
    return plan


def plan_number_check(*, unit: Unit, year: int, number: str, exclude: int | None = None) -> None:
    if not number:
        raise RuleViolation(_("Give the plan's number and symbol, e.g. 64/KH-SKHCN."))
    same = Plan.objects.filter(unit=unit, year=year, number__iexact=number)
    clash = (same.exclude(pk=exclude) if exclude is not None else same).first()
    if clash is not None:
        raise RuleViolation(
            _("Plan %(number)s of %(year)s already exists (“%(title)s”); a plan is imported once.")
            % {"number": clash.number, "year": year, "title": clash.title}
        )


@transaction.atomic
def plan_set_status(*, plan: Plan, actor: Any, status: str) -> Plan:
    """Put a plan in force (every task needs a lead unit and a deadline), close it, or reopen it."""
    _require(can_edit_plan(actor, plan), _("Only the administrative reform officer edits the plan."))
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if not workflow.plan_can_move(plan.status, status):
        raise RuleViolation(
            _("A plan that is “%(current)s” cannot become “%(target)s”.")
            % {"current": PlanStatus(plan.status).label, "target": PlanStatus(status).label}
        )
    if status == PlanStatus.IN_FORCE:
        incomplete = [t for t in plan.tasks.select_related("section") if t.lead_unit_id is None or t.deadline is None]
        if incomplete:
            names = ", ".join(task_code(t) for t in incomplete[:5]) + ("…" if len(incomplete) > 5 else "")
            raise RuleViolation(
                ngettext(
                    "%(count)s task has no lead unit or no deadline yet (%(tasks)s).",
                    "%(count)s tasks have no lead unit or no deadline yet (%(tasks)s).",
                    len(incomplete),
                )
                % {"count": len(incomplete), "tasks": names}
            )
    plan.status = status
    plan.save(update_fields=["status", "updated_at"])
    return plan


def task_code(task: Task) -> str:
    """ "II.3.đ": the labels from the top of the document."""
    labels = [task.label] if task.label else []
    section: Section | None = task.section
    while section is not None:
        labels.insert(0, section.label)
        section = section.parent
    return ".".join(labels)


@transaction.atomic
def section_update(*, section: Section, actor: Any, title: str, area: str) -> Section:
    _require(can_edit_plan(actor, section.plan), _("Only the administrative reform officer edits the plan."))
    _ensure_live(section.plan)
    if area and area not in Area.values:
        raise RuleViolation(_("Choose one of the reform areas."))
    if not title.strip():
        raise RuleViolation(_("Give the section a title."))
    section.title, section.area = title.strip(), area
    section.save()
    if area:
        for task in Task.objects.filter(section=section).exclude(area=area):
            task.area = area
            task.save(update_fields=["area", "updated_at"])
    return section


# --- tasks: the officer's edits ----------------------------------------------------------------------


def _check_units(plan: Plan, lead_unit: Unit | None, coordinating: Iterable[Unit]) -> None:
    allowed = set(lead_unit_choices(plan_unit=plan.unit).values_list("pk", flat=True))
    for unit in [lead_unit, *coordinating]:
        if unit is not None and unit.pk not in allowed:
            raise RuleViolation(
                _("%(unit)s is not a unit of %(issuer)s.") % {"unit": unit.name, "issuer": plan.unit.name}
            )


@transaction.atomic
def task_create(
    *,
    section: Section,
    actor: Any,
    title: str,
    description: str = "",
    lead_unit: Unit | None = None,
    coordinating_units: Sequence[Unit] = (),
    recurrence: str = Recurrence.ONCE,
    deadline: date | None = None,
    checkins: Sequence[date] = (),
    expected_output: str = "",
    label: str = "",
) -> Task:
    plan = section.plan
    _require(can_edit_plan(actor, plan), _("Only the administrative reform officer edits the plan."))
    _ensure_live(plan)
    if not title.strip():
        raise RuleViolation(_("Give the task a title."))
    _check_units(plan, lead_unit, coordinating_units)
    planned = schedule_check(year=plan.year, recurrence=recurrence, deadline=deadline, checkins=checkins)
    last = Task.objects.filter(plan=plan).order_by("-order").values_list("order", flat=True).first() or 0
    task = Task(
        plan=plan,
        section=section,
        label=label,
        order=last + 1,
        title=title.strip(),
        description=description.strip(),
        area=section_area(section),
        lead_unit=lead_unit,
        expected_output=expected_output.strip(),
    )
    apply_schedule(task, planned)
    task.save()
    task.coordinating_units.set(coordinating_units)
    _event(task, TaskEvent.Kind.CREATED, actor, to_status=task.status)
    return task


def section_area(section: Section) -> str:
    node: Section | None = section
    while node is not None:
        if node.area:
            return node.area
        node = node.parent
    return ""


_EDITABLE = ("title", "description", "expected_output", "lead_unit", "recurrence", "deadline", "checkin_dates")


def _display(task: Task, name: str) -> str:
    value = getattr(task, name)
    if name == "lead_unit":
        return value.name if value else ""
    if name == "recurrence":
        return str(Recurrence(value).label)
    if name == "deadline":
        return _fmt(value)
    if name == "checkin_dates":
        return ", ".join(_fmt(date.fromisoformat(d)) for d in value)
    return str(value)


@transaction.atomic
def task_update(
    *,
    task: Task,
    actor: Any,
    title: str,
    description: str,
    expected_output: str,
    lead_unit: Unit | None,
    coordinating_units: Sequence[Unit],
    recurrence: str,
    deadline: date | None,
    checkins: Sequence[date] = (),
) -> Task:
    """The officer changes what the task is, who leads it, and when it is due."""
    _require(task_access(actor, task).edit, _("Only the administrative reform officer edits the plan."))
    task = _locked(task)
    _ensure_live(task.plan)
    if not title.strip():
        raise RuleViolation(_("Give the task a title."))
    _check_units(task.plan, lead_unit, coordinating_units)
    planned = schedule_check(year=task.plan.year, recurrence=recurrence, deadline=deadline, checkins=checkins)
    before = {name: _display(task, name) for name in _EDITABLE}
    before_units = sorted(u.name for u in task.coordinating_units.all())
    task.title, task.description, task.expected_output = title.strip(), description.strip(), expected_output.strip()
    task.lead_unit = lead_unit
    apply_schedule(task, planned)
    task.save()
    task.coordinating_units.set(coordinating_units)
    changes = {name: [before[name], _display(task, name)] for name in _EDITABLE if before[name] != _display(task, name)}
    after_units = sorted(u.name for u in coordinating_units)
    if after_units != before_units:
        changes["coordinating_units"] = ["; ".join(before_units), "; ".join(after_units)]
    if changes:
        _event(task, TaskEvent.Kind.EDITED, actor, changes=changes)
    return task


@transaction.atomic
def task_assign(*, task: Task, actor: Any, assignees: Sequence[User]) -> Task:
    """The lead unit's head names the people who carry the task out (they get its reminders)."""
    _require(task_access(actor, task).assign, _("Only the head of the lead unit assigns its staff."))
    task = _locked(task)
    lead_path = task.lead_unit.path if task.lead_unit else "-"
    strangers = [u for u in assignees if not (u.unit and u.unit.path.startswith(lead_path))]
    if strangers:
        raise RuleViolation(
            _("%(name)s does not work in %(unit)s.") % {"name": strangers[0], "unit": task.lead_unit or "—"}
        )
    before = sorted(str(u) for u in task.assignees.all())
    task.assignees.set(assignees)
    after = sorted(str(u) for u in assignees)
    if before != after:
        _event(task, TaskEvent.Kind.ASSIGNED, actor, changes={"assignees": ["; ".join(before), "; ".join(after)]})
    return task


# --- tasks: the lead unit's reports --------------------------------------------------------------


def _transition(task: Task, target: str) -> None:
    if not workflow.can_move(task.status, target):
        raise RuleViolation(
            _("A task that is “%(current)s” cannot become “%(target)s”.")
            % {"current": _status_label(task.status), "target": _status_label(target)}
        )


@transaction.atomic
def task_report_progress(*, task: Task, actor: Any, progress: int, note: str = "") -> Task:
    """The lead unit reports how far the task is; the first report starts it. For a recurring task
    the report answers the current check-in."""
    _require(task_access(actor, task).update, _("Only the head of the lead unit updates this task."))
    task = _locked(task)
    _ensure_in_force(task.plan)
    if not task.is_open:
        raise RuleViolation(
            _("The task is “%(status)s”; reopen it before reporting progress.") % {"status": _status_label(task.status)}
        )
    if not 0 <= progress <= 100:
        raise RuleViolation(_("Progress is a percentage from 0 to 100."))
    before = task.status
    if before == TaskStatus.NOT_STARTED:
        _transition(task, TaskStatus.IN_PROGRESS)
    task.status = TaskStatus.IN_PROGRESS
    task.progress = progress
    today = timezone.localdate()
    if task.checkins:
        task.covered_through = schedule.covered_by_report(task.checkins, task.covered_through, today)
    task.next_due = schedule.next_due(task.recurrence, task.deadline, task.checkins, task.covered_through)
    task.save()
    _event(
        task,
        TaskEvent.Kind.PROGRESS,
        actor,
        from_status=before,
        to_status=task.status,
        progress=progress,
        note=note.strip(),
    )
    return task


@transaction.atomic
def task_complete(*, task: Task, actor: Any, note: str = "", no_evidence_reason: str = "") -> Task:
    """Done (or done late after the deadline). Without evidence only with the head's reason."""
    _require(task_access(actor, task).update, _("Only the head of the lead unit updates this task."))
    task = _locked(task)
    _ensure_in_force(task.plan)
    today = timezone.localdate()
    target = workflow.completion_status(task.deadline, today)
    _transition(task, target)
    has_evidence = task.evidence.filter(removed_at=None).exists()
    reason = no_evidence_reason.strip()
    if not has_evidence and not reason:
        raise RuleViolation(
            _(
                "The task has no evidence yet. Attach the evidence, or write why the task is done without it "
                "(only the head of the lead unit may)."
            )
        )
    before = task.status
    task.status, task.progress, task.completed_on = target, 100, today
    task.status_reason = "" if has_evidence else reason
    task.save()
    _event(
        task,
        TaskEvent.Kind.STATUS,
        actor,
        from_status=before,
        to_status=target,
        progress=100,
        note="\n".join(filter(None, [note.strip(), "" if has_evidence else _("Without evidence: ") + reason])),
    )
    return task


@transaction.atomic
def task_mark_cannot_be_done(*, task: Task, actor: Any, reason: str) -> Task:
    _require(task_access(actor, task).update, _("Only the head of the lead unit updates this task."))
    task = _locked(task)
    _ensure_in_force(task.plan)
    _transition(task, TaskStatus.CANNOT_BE_DONE)
    if not reason.strip():
        raise RuleViolation(_("Write why the task cannot be done."))
    before = task.status
    task.status, task.status_reason, task.completed_on = TaskStatus.CANNOT_BE_DONE, reason.strip(), timezone.localdate()
    task.save()
    _event(task, TaskEvent.Kind.STATUS, actor, from_status=before, to_status=task.status, note=reason.strip())
    return task


@transaction.atomic
def task_reopen(*, task: Task, actor: Any, reason: str) -> Task:
    """Back to in progress: the officer finds the evidence short, or the unit resumes the work."""
    _require(task_access(actor, task).reopen, _("Only the officer or the head of the lead unit reopens a task."))
    task = _locked(task)
    _ensure_in_force(task.plan)
    _transition(task, TaskStatus.IN_PROGRESS)
    if not reason.strip():
        raise RuleViolation(_("Write why the task is reopened."))
    before = task.status
    task.status, task.status_reason, task.completed_on = TaskStatus.IN_PROGRESS, "", None
    task.progress = min(task.progress, 90)
    task.save()
    _event(task, TaskEvent.Kind.STATUS, actor, from_status=before, to_status=task.status, note=reason.strip())
    return task


@transaction.atomic
def comment_add(*, task: Task, actor: Any, body: str) -> TaskEvent:
    _require(task_access(actor, task).comment, _("You cannot comment on this task."))
    if not body.strip():
        raise RuleViolation(_("Write the comment first."))
    task.comments.create(author=actor, body=body.strip())
    return _event(task, TaskEvent.Kind.COMMENTED, actor, note=body.strip())


# --- targets ---------------------------------------------------------------------------------------


@transaction.atomic
def target_record_actual(
    *, target: Target, actor: Any, value: Decimal | None, source: str, as_of: date | None = None
) -> Target:
    """The officer types the actual value with its source, until the KPI capability fills it live."""
    _require(can_edit_plan(actor, target.plan), _("Only the administrative reform officer edits the plan."))
    _ensure_live(target.plan)
    if value is not None and not Decimal(0) <= value <= Decimal(100):
        raise RuleViolation(_("The actual value is a percentage from 0 to 100."))
    if value is not None and not source.strip():
        raise RuleViolation(_("Give the source of the actual value (a report, a system)."))
    target.actual_value = value
    target.actual_source = source.strip() if value is not None else ""
    target.actual_on = (as_of or timezone.localdate()) if value is not None else None
    target.save()
    return target


# --- reminders -------------------------------------------------------------------------------------


def _reminder_line(task: Task, reminder: reminders.Reminder) -> str:
    if reminder.kind is reminders.Kind.OVERDUE:
        when = ngettext("Overdue by %(days)s working day", "Overdue by %(days)s working days", reminder.days) % {
            "days": reminder.days
        }
    elif reminder.kind is reminders.Kind.DUE:
        when = _("Due today")
    else:
        when = ngettext("%(days)s working day left", "%(days)s working days left", reminder.days) % {
            "days": reminder.days
        }
    return _("%(when)s — %(code)s %(title)s (due %(due)s)") % {
        "when": when,
        "code": task_code(task),
        "title": task.title,
        "due": _fmt(reminder.due),
    }


@transaction.atomic
def reminders_send(*, today: date | None = None) -> int:
    """Remind the lead units' heads and the assignees of tasks due soon, due today or overdue, in
    one digest per person. Each reminder is claimed once per task (TaskEvent.key), so a repeated or
    concurrent run sends nothing twice. Returns the number of digests sent."""
    today = today or timezone.localdate()
    calendar = get_calendar(through_year=today.year + 1)
    claimed: list[tuple[Task, reminders.Reminder]] = []
    for plan in Plan.objects.filter(status=PlanStatus.IN_FORCE):
        horizon = today + timedelta(days=reminders.horizon_days(plan.lead_days))
        tasks = {
            t.pk: t
            for t in plan.tasks.filter(
                status__in=OPEN_STATUSES, next_due__isnull=False, next_due__lte=horizon
            ).select_related("lead_unit", "lead_unit__parent", "section", "section__parent")
        }
        due = [reminders.DueTask(t.pk, t.next_due, plan.lead_days) for t in tasks.values() if t.next_due]
        for reminder in reminders.reminders_due(due, today=today, calendar=calendar):
            task = tasks[reminder.task_id]
            try:
                with transaction.atomic():
                    _event(task, TaskEvent.Kind.REMINDED, None, key=reminder.key, note=_reminder_line(task, reminder))
            except IntegrityError:
                continue  # sent before
            claimed.append((task, reminder))
    by_person: dict[int, tuple[User, list[str]]] = {}
    for task, reminder in claimed:
        for person in [*unit_heads(task.lead_unit), *task.assignees.filter(is_active=True)]:
            by_person.setdefault(person.pk, (person, []))[1].append(_reminder_line(task, reminder))
    url = reverse("plans:my_tasks")
    for person, lines in by_person.values():
        digest = hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()[:16]
        notify(
            recipients=[person],
            event_key=f"plan-reminders:{today.isoformat()}:{digest}",
            title=ngettext(
                "Reform plan: %(count)s task needs your attention",
                "Reform plan: %(count)s tasks need your attention",
                len(lines),
            )
            % {"count": len(lines)},
            body="\n".join(f"• {line}" for line in lines),
            url=url,
        )
    return len(by_person)
