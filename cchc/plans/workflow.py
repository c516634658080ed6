"""Task statuses and the transitions between them, as data. Pure: no Django, no database.

A task starts "not started", moves to "in progress" with its first progress report, and ends "done"
(on or before its deadline), "done late" (after it) or "cannot be done" (with a reason). An ended
task may be reopened with a reason — the CCHC officer sends it back when the evidence falls short.
Plans go from draft to in force (units see and report on their tasks) to closed (read-only).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DONE_LATE = "done_late"
    CANNOT_BE_DONE = "cannot_be_done"


OPEN = frozenset({Status.NOT_STARTED, Status.IN_PROGRESS})
ENDED = frozenset({Status.DONE, Status.DONE_LATE, Status.CANNOT_BE_DONE})

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.NOT_STARTED: frozenset({Status.IN_PROGRESS, Status.DONE, Status.DONE_LATE, Status.CANNOT_BE_DONE}),
    Status.IN_PROGRESS: frozenset({Status.DONE, Status.DONE_LATE, Status.CANNOT_BE_DONE}),
    Status.DONE: frozenset({Status.IN_PROGRESS}),
    Status.DONE_LATE: frozenset({Status.IN_PROGRESS}),
    Status.CANNOT_BE_DONE: frozenset({Status.IN_PROGRESS}),
}


def can_move(current: str, target: str) -> bool:
    return Status(target) in TRANSITIONS.get(Status(current), frozenset())


def completion_status(deadline: date | None, completed_on: date) -> Status:
    """Done, or done late when completed after the deadline."""
    return Status.DONE_LATE if deadline is not None and completed_on > deadline else Status.DONE


class PlanStatus(StrEnum):
    DRAFT = "draft"
    IN_FORCE = "in_force"
    CLOSED = "closed"


PLAN_TRANSITIONS: dict[PlanStatus, frozenset[PlanStatus]] = {
    PlanStatus.DRAFT: frozenset({PlanStatus.IN_FORCE}),
    PlanStatus.IN_FORCE: frozenset({PlanStatus.CLOSED}),
    PlanStatus.CLOSED: frozenset({PlanStatus.IN_FORCE}),
}


def plan_can_move(current: str, target: str) -> bool:
    return PlanStatus(target) in PLAN_TRANSITIONS.get(PlanStatus(current), frozenset())
