"""Importing a plan document in the browser: upload → preview and correct → confirm (or discard)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.core.errors import RuleViolation
from cchc.core.jobs import job_create, job_enqueue
from cchc.org.http import AuthedRequest
from cchc.plans import importing, selectors
from cchc.plans.forms import ImportPreviewForm, ImportUploadForm
from cchc.plans.models import ImportDraft
from cchc.plans.tasks import read_plan_import


@login_required
def import_upload(request: AuthedRequest) -> HttpResponse:
    if not selectors.can_import_plans(request.user):
        raise PermissionDenied
    units = selectors.import_units(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None, units=units)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            draft = importing.import_draft_create(
                actor=request.user,
                unit=form.cleaned_data["unit"],
                filename=upload.name or "",
                content=upload.read(importing.MAX_IMPORT_BYTES + 1),
            )
        except RuleViolation as exc:
            form.add_error("file", exc.message)
        else:
            if draft.status == ImportDraft.Status.PENDING:
                job = job_create(
                    label=_("Reading the plan document %(name)s") % {"name": draft.filename}, user=request.user
                )
                job_enqueue(job, read_plan_import, draft_id=str(draft.pk))
                return redirect("core:job", pk=job.pk)
            return redirect("plans:import_preview", pk=draft.pk)
    return render(request, "plans/import_upload.html", {"form": form})


@login_required
def import_preview(request: AuthedRequest, pk: str) -> HttpResponse:
    draft = selectors.draft_get_for_user(user=request.user, pk=pk)
    if draft.status != ImportDraft.Status.READY:
        messages.info(request, _("The document is still being read."))
        return redirect("plans:import")
    units = selectors.lead_unit_choices(plan_unit=draft.unit)
    form = ImportPreviewForm(request.POST or None, draft=draft, units=units)
    if request.method == "POST":
        if form.is_valid():
            header, rows, targets = form.inputs()
            try:
                plan = importing.plan_import_confirm(
                    draft=draft, actor=request.user, header=header, rows=rows, targets=targets
                )
            except RuleViolation as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("Plan %(number)s was created as a draft with %(count)s tasks. Check it, then put it in force.")
                    % {"number": plan.number, "count": plan.tasks.count()},
                )
                return redirect("plans:detail", pk=plan.pk)
        else:
            messages.error(request, _("Some fields need correcting; they are marked below. Nothing was saved."))
    parsed = draft.parsed
    context = {
        "draft": draft,
        "form": form,
        "rows": form.field_rows(),
        "targets": form.target_rows(),
        "unplaced": parsed.get("unplaced", []),
        "warnings": parsed.get("warnings", []),
        "header": parsed.get("header", {}),
        "task_count": sum(1 for row in form.rows if row.is_task),
        "section_count": sum(1 for row in form.rows if not row.is_task),
    }
    return render(request, "plans/import_preview.html", context)


@login_required
@require_POST
def import_discard(request: AuthedRequest, pk: str) -> HttpResponse:
    draft = selectors.draft_get_for_user(user=request.user, pk=pk)
    importing.import_draft_discard(draft=draft, actor=request.user)
    messages.info(request, _("The uploaded document was discarded; nothing was saved."))
    return redirect("plans:list")
