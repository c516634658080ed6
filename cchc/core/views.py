"""The progress page of a background job (polled by htmx while the job runs)."""

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from cchc.core.models import Job


@login_required
def job_detail(request: HttpRequest, pk: uuid.UUID) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk)
    if job.created_by_id != request.user.pk:
        raise Http404  # someone else's job: do not reveal that it exists
    template = "core/job.html#progress" if request.headers.get("HX-Request") else "core/job.html"
    return render(request, template, {"job": job})
