"""Which reminders are due today for which tasks. Pure: no Django, no database.

For each open task with a due date (its deadline or next check-in) the lead unit is reminded:

* before: when the working days left reach one of the plan's lead times (e.g. 7, then 2);
* on the day: when no working day is left before the due date;
* overdue: on the first working day after it, then every `overdue_every` working days while the
  task stays open.

Each reminder has a key (due date + kind) that the caller stores once per task, so a reminder is
never sent twice, and a run missed by a day still sends the reminder it owed (only the tightest
lead time that applies, not every one passed). Reminders go out on working days only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol


class Calendar(Protocol):
    def is_working_day(self, day: date) -> bool: ...

    def working_days_between(self, start: date, end: date) -> int: ...


class Kind(StrEnum):
    BEFORE = "before"
    DUE = "due"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class DueTask:
    task_id: int
    due: date
    lead_days: tuple[int, ...] = (7, 2)


@dataclass(frozen=True, slots=True)
class Reminder:
    task_id: int
    due: date
    kind: Kind
    days: int  # working days left (before), 0 (due), working days overdue (overdue)
    key: str


OVERDUE_EVERY = 5  # working days between two reminders of the same overdue task: a week


def reminders_due(
    tasks: Iterable[DueTask], *, today: date, calendar: Calendar, overdue_every: int = OVERDUE_EVERY
) -> list[Reminder]:
    if not calendar.is_working_day(today):
        return []
    due: list[Reminder] = []
    for task in tasks:
        reminder = _reminder(task, today, calendar, max(1, overdue_every))
        if reminder is not None:
            due.append(reminder)
    return due


def _reminder(task: DueTask, today: date, calendar: Calendar, every: int) -> Reminder | None:
    if task.due < today:
        late = calendar.working_days_between(task.due, today)  # ≥ 1: today is a working day
        round_ = (late - 1) // every
        return Reminder(task.task_id, task.due, Kind.OVERDUE, late, f"{task.due.isoformat()}:overdue-{round_}")
    left = calendar.working_days_between(today, task.due)
    if task.due == today or left == 0:
        return Reminder(task.task_id, task.due, Kind.DUE, 0, f"{task.due.isoformat()}:due")
    leads = [lead for lead in task.lead_days if lead >= left]
    if not leads:
        return None
    lead = min(leads)
    return Reminder(task.task_id, task.due, Kind.BEFORE, left, f"{task.due.isoformat()}:before-{lead}")


def parse_lead_days(text: str) -> tuple[int, ...] | None:
    """ "7,2" → (2, 7); None when the text is not a list of working-day counts between 1 and 60."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not parts or not all(p.isdigit() and 1 <= int(p) <= 60 for p in parts):
        return None
    return tuple(sorted({int(p) for p in parts}))


def horizon_days(lead_days: Sequence[int]) -> int:
    """Calendar days ahead worth loading: the longest lead time, with room for weekends and Tết."""
    return max(lead_days, default=0) * 2 + 14
