"""Reminders before, on and after a deadline: exactly the configured ones, once each, in one digest
per person per run, on working days only."""

from datetime import date, timedelta

import pytest
from django.core import mail

from cchc.notifications.models import Notification
from cchc.plans import reminders, services
from cchc.plans.models import PlanStatus, TaskEvent
from cchc.plans.reminders import DueTask, Kind, reminders_due
from cchc.plans.tests.conftest import import_seed
from cchc.workdays.calendar import build_calendar

WEEKDAYS_ONLY = build_calendar(first_year=2026, last_year=2027, holidays={}, make_up_workdays=[])


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# --- the pure rule ---------------------------------------------------------------------------------


def test_it_reminds_at_each_lead_time_on_the_day_and_weekly_while_overdue() -> None:
    due = date(2026, 3, 13)  # a Friday
    task = DueTask(1, due, (7, 2))
    sent: dict[str, date] = {}
    for day in _days(date(2026, 2, 20), date(2026, 4, 10)):
        for reminder in reminders_due([task], today=day, calendar=WEEKDAYS_ONLY, overdue_every=5):
            sent.setdefault(reminder.key, day)
    assert sent == {
        "2026-03-13:before-7": date(2026, 3, 4),
        "2026-03-13:before-2": date(2026, 3, 11),
        "2026-03-13:due": date(2026, 3, 13),
        "2026-03-13:overdue-0": date(2026, 3, 16),
        "2026-03-13:overdue-1": date(2026, 3, 23),
        "2026-03-13:overdue-2": date(2026, 3, 30),
        "2026-03-13:overdue-3": date(2026, 4, 6),
    }


def test_a_missed_run_sends_only_the_tightest_lead_time_that_applies() -> None:
    task = DueTask(1, date(2026, 3, 13), (7, 2))
    [reminder] = reminders_due([task], today=date(2026, 3, 12), calendar=WEEKDAYS_ONLY)
    assert (reminder.kind, reminder.days, reminder.key) == (Kind.BEFORE, 1, "2026-03-13:before-2")


def test_a_deadline_on_a_day_off_is_due_on_the_working_day_before() -> None:
    task = DueTask(1, date(2026, 3, 14), (7, 2))  # a Saturday
    [reminder] = reminders_due([task], today=date(2026, 3, 13), calendar=WEEKDAYS_ONLY)
    assert reminder.kind is Kind.DUE


def test_nothing_is_sent_on_a_day_off() -> None:
    task = DueTask(1, date(2026, 3, 13), (7, 2))
    assert reminders_due([task], today=date(2026, 3, 15), calendar=WEEKDAYS_ONLY) == []


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("7,2", (2, 7)), ("2; 7", (2, 7)), ("10", (10,)), ("", None), ("7,0", None), ("bảy", None), ("7,61", None)],
)
def test_it_reads_the_lead_times(text: str, parsed: tuple[int, ...] | None) -> None:
    assert reminders.parse_lead_days(text) == parsed


# --- the run: an overdue task in the real calendar -------------------------------------------------


@pytest.fixture
def plan_2026(cchc_officer, org):
    return import_seed(cchc_officer, org, year=2026)


def _set_deadline(task, officer, deadline):
    return services.task_update(
        task=task,
        actor=officer,
        title=task.title,
        description=task.description,
        expected_output="",
        lead_unit=task.lead_unit,
        coordinating_units=[],
        recurrence="once",
        deadline=deadline,
    )


def _qlcng(plan, label):
    return plan.tasks.get(section__label="3", section__parent__label="II", label=label)


@pytest.mark.django_db
def test_an_overdue_task_triggers_exactly_the_configured_reminders(
    plan_2026, cchc_officer, unit_head, specialist, django_capture_on_commit_callbacks
) -> None:
    task = _set_deadline(_qlcng(plan_2026, "a"), cchc_officer, date(2026, 11, 13))  # a Friday
    services.task_assign(task=task, actor=unit_head, assignees=[specialist])
    sent_on: dict[str, date] = {}
    for day in _days(date(2026, 10, 26), date(2026, 12, 1)):
        with django_capture_on_commit_callbacks(execute=True):
            services.reminders_send(today=day)
        for event in TaskEvent.objects.filter(task=task, kind=TaskEvent.Kind.REMINDED):
            sent_on.setdefault(event.key, day)
    # Lead times 7 and 2 working days, the day itself, then every 5 working days while overdue;
    # 24/11/2026 (Vietnamese Culture Day) is not a working day, so the third overdue one is on 01/12.
    assert sent_on == {
        "2026-11-13:before-7": date(2026, 11, 4),
        "2026-11-13:before-2": date(2026, 11, 11),
        "2026-11-13:due": date(2026, 11, 13),
        "2026-11-13:overdue-0": date(2026, 11, 16),
        "2026-11-13:overdue-1": date(2026, 11, 23),
        "2026-11-13:overdue-2": date(2026, 12, 1),
    }
    for person in (unit_head, specialist):
        notes = Notification.objects.filter(recipient=person).order_by("created_at", "id")
        assert notes.count() == 6
    last = Notification.objects.filter(recipient=unit_head).order_by("-id").first()
    assert last.title == "Kế hoạch CCHC: 1 nhiệm vụ cần anh/chị lưu ý"
    assert "Quá hạn 11 ngày làm việc — II.3.a" in last.body
    assert "(hạn 13/11/2026)" in last.body
    assert last.url == "/ke-hoach/nhiem-vu/"
    assert len([m for m in mail.outbox if m.to == [unit_head.email]]) == 6
    # Nobody outside the lead unit is reminded.
    assert not Notification.objects.exclude(recipient__in=[unit_head, specialist]).exists()


@pytest.mark.django_db
def test_it_sends_one_digest_per_person_and_never_twice(plan_2026, cchc_officer, unit_head) -> None:
    for label in ("a", "e", "g"):
        _set_deadline(_qlcng(plan_2026, label), cchc_officer, date(2026, 11, 13))
    assert services.reminders_send(today=date(2026, 11, 13)) == 1
    [digest] = Notification.objects.filter(recipient=unit_head)
    assert digest.title == "Kế hoạch CCHC: 3 nhiệm vụ cần anh/chị lưu ý"
    assert digest.body.count("Đến hạn hôm nay") == 3
    assert services.reminders_send(today=date(2026, 11, 13)) == 0
    assert Notification.objects.filter(recipient=unit_head).count() == 1
    assert TaskEvent.objects.filter(kind=TaskEvent.Kind.REMINDED).count() == 3


@pytest.mark.django_db
def test_a_finished_task_is_not_reminded(plan_2026, cchc_officer, unit_head) -> None:
    task = _set_deadline(_qlcng(plan_2026, "a"), cchc_officer, date(2026, 11, 13))
    services.task_complete(task=task, actor=unit_head, no_evidence_reason="Đã báo cáo bằng văn bản giấy.")
    assert services.reminders_send(today=date(2026, 11, 16)) == 0
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_a_draft_plan_is_not_reminded(cchc_officer, unit_head, org) -> None:
    draft = import_seed(cchc_officer, org, year=2026, in_force=False)
    _set_deadline(_qlcng(draft, "a"), cchc_officer, date(2026, 11, 13))
    assert draft.status == PlanStatus.DRAFT
    assert services.reminders_send(today=date(2026, 11, 13)) == 0
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_the_plan_sets_its_own_lead_times(plan_2026, cchc_officer, unit_head) -> None:
    services.plan_update(
        plan=plan_2026,
        actor=cchc_officer,
        number=plan_2026.number,
        title=plan_2026.title,
        issued_on=None,
        reminder_days="3",
    )
    _set_deadline(_qlcng(plan_2026, "a"), cchc_officer, date(2026, 11, 13))
    assert services.reminders_send(today=date(2026, 11, 4)) == 0  # 7 working days: no longer a lead time
    assert services.reminders_send(today=date(2026, 11, 10)) == 1
    assert TaskEvent.objects.get(kind=TaskEvent.Kind.REMINDED).key == "2026-11-13:before-3"
