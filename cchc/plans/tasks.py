"""Background work of the plan: the daily reminder run, reading uploaded PDFs, clearing old drafts.

The scheduler (manage.py crontask) loads this module and runs the @cron tasks; the worker runs them.
"""

from __future__ import annotations

from datetime import timedelta

from crontask import cron
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.core.jobs import job_fail, job_finish, job_progress
from cchc.plans import importing, services
from cchc.plans.models import ImportDraft


@cron("0 7 * * *")  # type: ignore[untyped-decorator]  # 07:00 local time; reminders.py skips days off
@task()
def send_plan_reminders() -> int:
    """Remind lead units of tasks due soon, due today or overdue: one digest per person."""
    return services.reminders_send()


@cron("30 2 * * *")  # type: ignore[untyped-decorator]
@task()
def purge_import_drafts() -> int:
    """Uploaded plan documents the officer never confirmed are dropped after a day."""
    deleted, _details = ImportDraft.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
    return deleted


@task()
def read_plan_import(job_id: str, draft_id: str) -> None:
    """Read an uploaded PDF (OCR for scanned pages can take minutes) and point the job at the preview."""
    job_progress(job_id, done=0, total=1, message=_("Reading the document; a scanned document takes a few minutes."))
    try:
        result = importing.import_draft_read(draft_id=draft_id)
    except Exception:
        job_fail(job_id, message=_("The document could not be read because of a system error."))
        raise
    if isinstance(result, str):
        job_fail(job_id, message=result)
        return
    job_finish(
        job_id,
        message=_("The document was read. Check what was recognised and confirm."),
        result_url=reverse("plans:import_preview", args=[result.pk]),
    )
