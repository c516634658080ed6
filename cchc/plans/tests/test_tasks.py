"""The scheduled jobs: the daily reminder run and the cleanup of unconfirmed uploads."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from cchc.notifications.models import Notification
from cchc.plans import tasks
from cchc.plans.models import ImportDraft
from cchc.plans.tests.conftest import SEED

pytestmark = pytest.mark.django_db


def test_the_reminder_run_is_scheduled_every_morning() -> None:
    from crontask import scheduler

    jobs = {job.name: job for job in scheduler.get_jobs()}
    job = next(job for name, job in jobs.items() if "send_plan_reminders" in name)
    assert str(job.trigger).startswith("cron[month='*', day='*', day_of_week='*', hour='7', minute='0']")


def test_unconfirmed_uploads_are_dropped_after_a_day(cchc_officer, org) -> None:
    old = ImportDraft.objects.create(unit=org["so"], created_by=cchc_officer, filename="cu.txt", content=b"x")
    ImportDraft.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    fresh = ImportDraft.objects.create(
        unit=org["so"], created_by=cchc_officer, filename="moi.txt", content=SEED.read_bytes()
    )
    assert tasks.purge_import_drafts.call() == 1
    assert list(ImportDraft.objects.all()) == [fresh]


@time_machine.travel(datetime(2024, 1, 3, 7, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")))
def test_the_reminder_task_sends_each_unit_head_one_digest(plan, unit_head) -> None:
    # Every task of the 2023 plan is overdue; only the specialised-management division has a head.
    assert tasks.send_plan_reminders.call() == 1
    [digest] = Notification.objects.filter(recipient=unit_head)
    assert digest.body.count("Quá hạn 2 ngày làm việc") == 7
