"""The task status table and the plan status table, as data (workflow.py is pure)."""

from datetime import date

import pytest

from cchc.plans import workflow
from cchc.plans.models import PlanStatus, TaskStatus
from cchc.plans.workflow import Status

ALLOWED = {
    (Status.NOT_STARTED, Status.IN_PROGRESS),
    (Status.NOT_STARTED, Status.DONE),
    (Status.NOT_STARTED, Status.DONE_LATE),
    (Status.NOT_STARTED, Status.CANNOT_BE_DONE),
    (Status.IN_PROGRESS, Status.DONE),
    (Status.IN_PROGRESS, Status.DONE_LATE),
    (Status.IN_PROGRESS, Status.CANNOT_BE_DONE),
    (Status.DONE, Status.IN_PROGRESS),
    (Status.DONE_LATE, Status.IN_PROGRESS),
    (Status.CANNOT_BE_DONE, Status.IN_PROGRESS),
}


@pytest.mark.parametrize("current", list(Status))
@pytest.mark.parametrize("target", list(Status))
def test_it_allows_exactly_the_transitions_of_the_table(current: Status, target: Status) -> None:
    assert workflow.can_move(current, target) is ((current, target) in ALLOWED)


def test_it_keeps_the_model_choices_and_the_table_in_step() -> None:
    assert set(TaskStatus.values) == {s.value for s in Status}
    assert set(PlanStatus.values) == {s.value for s in workflow.PlanStatus}


@pytest.mark.parametrize(
    ("deadline", "completed", "expected"),
    [
        (date(2026, 6, 30), date(2026, 6, 30), Status.DONE),
        (date(2026, 6, 30), date(2026, 7, 1), Status.DONE_LATE),
        (None, date(2026, 7, 1), Status.DONE),
    ],
)
def test_it_tells_done_from_done_late(deadline: date | None, completed: date, expected: Status) -> None:
    assert workflow.completion_status(deadline, completed) is expected


def test_it_moves_plans_from_draft_to_in_force_to_closed_and_back() -> None:
    assert workflow.plan_can_move("draft", "in_force")
    assert workflow.plan_can_move("in_force", "closed")
    assert workflow.plan_can_move("closed", "in_force")
    assert not workflow.plan_can_move("draft", "closed")
    assert not workflow.plan_can_move("in_force", "draft")
