"""A PDF plan is read by the worker behind a progress page; a damaged PDF fails there with its
reason and leaves nothing behind."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from weasyprint import HTML

from cchc.core.models import Job
from cchc.plans.models import ImportDraft, Plan
from cchc.plans.tests.conftest import SEED

pytestmark = pytest.mark.django_db


def _seed_pdf() -> bytes:
    lines = "".join(f"<p>{html.escape(line) or '&nbsp;'}</p>" for line in SEED.read_text(encoding="utf-8").splitlines())
    return HTML(string=f"<html><body style='font: 11pt serif'>{lines}</body></html>").write_pdf()


def test_a_pdf_is_read_in_the_background_then_previewed(cchc_officer, client, django_capture_on_commit_callbacks):
    client.force_login(cchc_officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plans:import"), {"file": SimpleUploadedFile("ke-hoach.pdf", _seed_pdf())})
    job = Job.objects.get()
    assert response["Location"] == reverse("core:job", args=[job.pk])
    assert job.status == Job.Status.DONE
    draft = ImportDraft.objects.get()
    assert (draft.kind, draft.status) == ("pdf", ImportDraft.Status.READY)
    assert job.result_url == reverse("plans:import_preview", args=[draft.pk])
    page = client.get(job.result_url)
    assert "34 nhiệm vụ" in page.content.decode()
    assert not Plan.objects.exists()


def test_a_damaged_pdf_fails_with_its_reason_and_keeps_nothing(
    cchc_officer, client, django_capture_on_commit_callbacks
):
    client.force_login(cchc_officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("plans:import"), {"file": SimpleUploadedFile("hong.pdf", b"%PDF-1.7\n garbage without objects")}
        )
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert job.message == "Không đọc được tệp: tệp bị hỏng hoặc được đặt mật khẩu."
    assert not ImportDraft.objects.exists()
    assert not Plan.objects.exists()
