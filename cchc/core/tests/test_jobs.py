"""Background jobs report progress that only their owner sees; the database queue really runs tasks."""

import contextlib

import pytest
from django.core.management import call_command
from django.tasks import task, task_backends
from django.test import Client
from django.urls import reverse

from cchc.core.jobs import job_create, job_fail, job_finish, job_progress
from cchc.core.models import Job
from cchc.org.models import User


@task()
def _count_to(job_id: str, n: int) -> int:
    for i in range(1, n + 1):
        job_progress(job_id, done=i, total=n, message=f"{i}/{n}")
    job_finish(job_id, message="Xong")
    return n


@pytest.mark.django_db
def test_progress_moves_forward_and_stops_when_finished(officer: User) -> None:
    job = job_create(label="Nhập danh mục", user=officer, total=10)
    job_progress(job.pk, done=4)
    job.refresh_from_db()
    assert (job.status, job.percent) == (Job.Status.RUNNING, 40)
    job_finish(job.pk, message="Đã nhập 10 thủ tục")
    job_progress(job.pk, done=5)  # a late report must not reopen a finished job
    job.refresh_from_db()
    assert (job.status, job.percent, job.done) == (Job.Status.DONE, 100, 10)


@pytest.mark.django_db
def test_a_failed_job_keeps_its_message(officer: User) -> None:
    job = job_create(label="Nhập kế hoạch", user=officer)
    job_fail(job.pk, message="Tệp không đọc được")
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert job.message == "Tệp không đọc được"


@pytest.mark.django_db
def test_the_progress_page_is_for_its_owner_only(client: Client, officer: User, outsider: User) -> None:
    job = job_create(label="Nhập danh mục", user=officer, total=4)
    job_progress(job.pk, done=1)
    client.force_login(officer)
    page = client.get(reverse("core:job", args=[job.pk]))
    assert page.status_code == 200
    assert 'data-width="25"' in page.content.decode()
    fragment = client.get(reverse("core:job", args=[job.pk]), headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    assert 'hx-trigger="every 1s"' in fragment
    client.force_login(outsider)
    assert client.get(reverse("core:job", args=[job.pk])).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_runs_a_task_through_the_worker(settings, officer: User) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    _forget_task_backends()
    try:
        job = job_create(label="Đếm", user=officer)
        result = _count_to.enqueue(job_id=str(job.pk), n=3)
        job.refresh_from_db()
        assert job.status == Job.Status.QUEUED  # nothing ran yet: it waits for the worker
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        job.refresh_from_db()
        assert (job.status, job.done, job.message) == (Job.Status.DONE, 3, "Xong")
        result.refresh()
        assert result.return_value == 3
    finally:
        _forget_task_backends()


def _forget_task_backends() -> None:
    # django.tasks caches its backends; Django does not reset them when TASKS changes in a test.
    task_backends.__dict__.pop("settings", None)
    task_backends._settings = None
    with contextlib.suppress(AttributeError):
        del task_backends["default"]
