"""Progress of long background jobs, so a page can show a progress bar while a worker runs.

A view creates the Job and enqueues a task with its id; the task reports with `job_progress()`
and ends with `job_finish()` or `job_fail()`. Updates are single UPDATE statements so that a
worker never overwrites a newer state with an older object.
"""

import uuid
from typing import Any

from django.db import transaction
from django.utils import timezone

from cchc.core.models import Job


def job_create(*, label: str, user: Any = None, total: int = 0) -> Job:
    return Job.objects.create(label=label, created_by=user if getattr(user, "pk", None) else None, total=total)


def job_progress(job_id: uuid.UUID | str, *, done: int, total: int | None = None, message: str = "") -> None:
    fields: dict[str, Any] = {"status": Job.Status.RUNNING, "done": done, "updated_at": timezone.now()}
    if total is not None:
        fields["total"] = total
    if message:
        fields["message"] = message
    Job.objects.filter(pk=job_id).exclude(status__in=(Job.Status.DONE, Job.Status.FAILED)).update(**fields)


def job_finish(job_id: uuid.UUID | str, *, message: str = "", result_url: str = "") -> None:
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job_id).update(
        status=Job.Status.DONE,
        done=max(job.done, job.total),
        message=message,
        result_url=result_url,
        updated_at=timezone.now(),
    )


def job_fail(job_id: uuid.UUID | str, *, message: str) -> None:
    Job.objects.filter(pk=job_id).update(status=Job.Status.FAILED, message=message, updated_at=timezone.now())


def job_enqueue(job: Job, task: Any, **kwargs: Any) -> None:
    """Enqueue `task(job_id=…, **kwargs)` once the current transaction has committed."""
    transaction.on_commit(lambda: task.enqueue(job_id=str(job.pk), **kwargs))
