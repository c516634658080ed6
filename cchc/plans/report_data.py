"""The figures of a progress report on a plan, for a period (quarter, six months, year).

Everything is stated as of the end of the period, or today when the period has not ended: statuses,
progress and evidence come from the task's history (TaskEvent, evidence timestamps), so a report for
the third quarter written in November still shows the tasks as they stood on 30 September.
report_docx.py and report_xlsx.py lay these figures out; they read nothing themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext as _

from cchc.plans.models import OPEN_STATUSES, Area, Plan, Target, Task, TaskEvent, TaskStatus
from cchc.plans.schedule import Recurrence, period_bounds
from cchc.plans.services import task_code


def period_label(period: str) -> str:
    labels = {
        "q1": _("the first quarter"),
        "q2": _("the second quarter"),
        "h1": _("the first six months"),
        "q3": _("the third quarter"),
        "q4": _("the fourth quarter"),
        "h2": _("the last six months"),
        "year": _("the whole year"),
    }
    return labels[period]


@dataclass(slots=True)
class TaskRow:
    code: str
    area: str
    title: str
    lead_unit: str
    coordinating: str
    due: date | None
    status: str  # a TaskStatus value, as of the report date
    status_label: str
    progress: int
    overdue: bool
    evidence: list[str]
    note: str


@dataclass(slots=True)
class AreaRow:
    area: str
    label: str
    total: int = 0
    done: int = 0
    done_late: int = 0
    in_progress: int = 0
    not_started: int = 0
    cannot: int = 0
    overdue: int = 0
    progress_sum: int = 0

    @property
    def finished(self) -> int:
        return self.done + self.done_late

    @property
    def average(self) -> int:
        return round(self.progress_sum / self.total) if self.total else 0


@dataclass(slots=True)
class TargetRow:
    text: str
    indicator: str
    target: Decimal
    actual: Decimal | None
    source: str
    met: bool | None


@dataclass(slots=True)
class ReportData:
    plan: Plan
    period: str
    period_label: str
    start: date
    end: date
    as_of: date
    tasks: list[TaskRow]
    areas: list[AreaRow]
    totals: AreaRow
    targets: list[TargetRow] = field(default_factory=list)

    @property
    def overdue(self) -> list[TaskRow]:
        return [t for t in self.tasks if t.overdue or t.status == TaskStatus.CANNOT_BE_DONE]


def _end_of(day: date) -> datetime:
    return datetime.combine(day, time.max, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _state_at(task: Task, events: list[TaskEvent], moment: datetime) -> tuple[str, int, str]:
    """(status, progress, latest note) of `task` at `moment`, replayed from its history."""
    status, progress, note = TaskStatus.NOT_STARTED.value, 0, ""
    for event in events:
        if event.at > moment:
            break
        if event.to_status:
            status = event.to_status
        if event.progress is not None:
            progress = event.progress
        if event.note and event.kind in {TaskEvent.Kind.PROGRESS, TaskEvent.Kind.STATUS, TaskEvent.Kind.COMMENTED}:
            note = event.note
    return status, progress, note


def _due_at(task: Task, as_of: date) -> date | None:
    if task.recurrence == Recurrence.ONCE or not task.checkins:
        return task.deadline
    # Coverage only moves forward: a check-in still open today was open on the report date.
    return task.next_due if task.next_due is not None else task.deadline


def report_data(*, plan: Plan, period: str, today: date) -> ReportData:
    start, end = period_bounds(plan.year, period)
    as_of = min(today, end)
    moment = _end_of(as_of)
    tasks = list(
        plan.tasks.select_related("lead_unit", "section", "section__parent")
        .prefetch_related("coordinating_units", "evidence", "events")
        .order_by("order")
    )
    areas = {value: AreaRow(value, str(label)) for value, label in Area.choices}
    totals = AreaRow("", _("Total"))
    rows: list[TaskRow] = []
    for task in tasks:
        events = sorted(task.events.all(), key=lambda e: (e.at, e.pk))
        status, progress, note = _state_at(task, events, moment)
        due = _due_at(task, as_of)
        overdue = status in OPEN_STATUSES and due is not None and due < as_of
        if status == TaskStatus.CANNOT_BE_DONE:
            note = task.status_reason or note
        evidence = [
            e.title
            for e in task.evidence.all()
            if e.added_at <= moment and (e.removed_at is None or e.removed_at > moment)
        ]
        rows.append(
            TaskRow(
                code=task_code(task),
                area=task.area,
                title=task.title,
                lead_unit=task.lead_unit.short_name or task.lead_unit.name if task.lead_unit else "",
                coordinating="; ".join(u.short_name or u.name for u in task.coordinating_units.all()),
                due=due,
                status=status,
                status_label=str(TaskStatus(status).label),
                progress=progress,
                overdue=overdue,
                evidence=evidence,
                note=note,
            )
        )
        for bucket in filter(None, (areas.get(task.area), totals)):
            bucket.total += 1
            bucket.progress_sum += progress
            bucket.overdue += overdue
            if status == TaskStatus.DONE:
                bucket.done += 1
            elif status == TaskStatus.DONE_LATE:
                bucket.done_late += 1
            elif status == TaskStatus.IN_PROGRESS:
                bucket.in_progress += 1
            elif status == TaskStatus.CANNOT_BE_DONE:
                bucket.cannot += 1
            else:
                bucket.not_started += 1
    targets = [_target_row(t) for t in plan.targets.all()]
    return ReportData(
        plan=plan,
        period=period,
        period_label=period_label(period),
        start=start,
        end=end,
        as_of=as_of,
        tasks=rows,
        areas=[a for a in areas.values() if a.total],
        totals=totals,
        targets=targets,
    )


def _target_row(target: Target) -> TargetRow:
    return TargetRow(
        text=target.get_indicator_display() if target.indicator else target.text,
        indicator=target.indicator,
        target=target.target_value,
        actual=target.actual_value,
        source=target.actual_source,
        met=target.met,
    )
