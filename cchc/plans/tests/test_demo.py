"""The demo plan: the seed imported through the services for the current year, with work under way."""

from datetime import date

import pytest
import time_machine

from cchc.plans.demo import TASK_TITLES, load_demo_plan
from cchc.plans.models import PlanStatus, TaskStatus

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 11, 26))
def test_the_demo_plan_is_live_with_one_overdue_task(org) -> None:
    report = load_demo_plan(org)
    plan = report.plan
    assert (report.sections, report.tasks, report.targets) == (15, 34, 5)
    assert (plan.year, plan.status, plan.number) == (2026, PlanStatus.IN_FORCE, "64/KH-SKHCN")
    assert len([c for c in report.corrected if c.count(".") == 2]) == len(TASK_TITLES) == 34
    overdue = [t for t in plan.tasks.all() if t.is_overdue(date(2026, 11, 26))]
    assert [(t.label, t.section.label, t.lead_unit.code) for t in overdue] == [("đ", "3", org["qlcng"].code)]
    statuses = {t.status for t in plan.tasks.all()}
    assert {TaskStatus.DONE, TaskStatus.DONE_LATE, TaskStatus.IN_PROGRESS, TaskStatus.NOT_STARTED} <= statuses
    for task in plan.tasks.filter(status__in=(TaskStatus.DONE, TaskStatus.DONE_LATE)):
        assert task.evidence.exists()
    assert plan.targets.exclude(actual_value=None).count() == 3
    assert not load_demo_plan(org).created  # idempotent
    assert plan.tasks.count() == 34
