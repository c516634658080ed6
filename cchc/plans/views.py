"""The plan pages: the plan tree, "my unit's tasks", the task page with its actions, targets and the
progress report. Thin: selectors read and check access, services change, forms validate."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from cchc.core.errors import RuleViolation
from cchc.org.http import AuthedRequest
from cchc.org.models import User
from cchc.plans import evidence as evidence_services
from cchc.plans import forms, selectors, services
from cchc.plans.models import PlanStatus, Task
from cchc.plans.report_data import report_data
from cchc.plans.report_docx import report_docx
from cchc.plans.report_xlsx import report_xlsx


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _filters(form: forms.FilterForm) -> selectors.Filters:
    if not form.is_valid():
        return selectors.Filters()
    data = form.cleaned_data
    unit = data.get("unit")
    return selectors.Filters(
        area=data.get("area") or "",
        unit=unit.pk if unit else None,
        status=data.get("status") or "",
        overdue=bool(data.get("overdue")),
    )


# --- plans -----------------------------------------------------------------------------------------


@login_required
def plan_list(request: AuthedRequest) -> HttpResponse:
    plans = selectors.plan_list_for_user(user=request.user)
    if not plans.exists() and not selectors.can_import_plans(request.user):
        return redirect("plans:my_tasks")  # unit staff work from their tasks
    return render(
        request,
        "plans/plan_list.html",
        {"plans": plans, "can_import": selectors.can_import_plans(request.user)},
    )


@login_required
def plan_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    filter_form = forms.FilterForm(request.GET or None, units=selectors.units_for_filter(plan=plan))
    filters = _filters(filter_form)
    tree = selectors.plan_tree(plan=plan, filters=filters)
    context = {
        "plan": plan,
        "tree": tree,
        "rows": tree.rows(),
        "filter_form": filter_form,
        "filters": filters,
        "can_edit": selectors.can_edit_plan(request.user, plan),
        "targets": plan.targets.all(),
        "today": timezone.localdate(),
        "PlanStatus": PlanStatus,
        "report_form": forms.ReportForm(),
    }
    template = "plans/plan_detail.html#tree" if _is_htmx(request) else "plans/plan_detail.html"
    return render(request, template, context)


@login_required
def plan_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for_edit(user=request.user, pk=pk)
    form = forms.PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.plan_update(
                plan=selectors.plan_get_for_edit(user=request.user, pk=pk),  # a fresh copy: the form changed `plan`
                actor=request.user,
                number=data["number"],
                title=data["title"],
                issued_on=data.get("issued_on"),
                signer=data.get("signer", ""),
                signer_title=data.get("signer_title", ""),
                legal_basis=data.get("legal_basis", ""),
                reminder_days=data["reminder_days"],
            )
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("plans:detail", pk=pk)
    return render(request, "plans/plan_form.html", {"plan": plan, "form": form})


@login_required
@require_POST
def plan_status(request: AuthedRequest, pk: int, status: str) -> HttpResponse:
    plan = selectors.plan_get_for_edit(user=request.user, pk=pk)
    if status not in PlanStatus.values:
        raise PermissionDenied
    try:
        services.plan_set_status(plan=plan, actor=request.user, status=status)
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The plan is now “%(status)s”.") % {"status": PlanStatus(status).label})
    return redirect("plans:detail", pk=pk)


@login_required
def section_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    section = selectors.section_get_for_edit(user=request.user, pk=pk)
    form = forms.SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():
        try:
            services.section_update(
                section=selectors.section_get_for_edit(user=request.user, pk=pk),
                actor=request.user,
                title=form.cleaned_data["title"],
                area=form.cleaned_data["area"],
            )
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("plans:detail", pk=section.plan_id)
    return render(request, "plans/section_form.html", {"section": section, "form": form})


@login_required
def target_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    target = selectors.target_get_for_edit(user=request.user, pk=pk)
    form = forms.TargetForm(request.POST or None, instance=target)
    if request.method == "POST" and form.is_valid():
        try:
            services.target_record_actual(
                target=selectors.target_get_for_edit(user=request.user, pk=pk),
                actor=request.user,
                value=form.cleaned_data.get("actual_value"),
                source=form.cleaned_data.get("actual_source") or "",
                as_of=form.cleaned_data.get("actual_on"),
            )
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The actual value was saved."))
            return redirect("plans:detail", pk=target.plan_id)
    return render(request, "plans/target_form.html", {"target": target, "form": form})


@login_required
def plan_report(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    form = forms.ReportForm(request.GET)
    period = form.cleaned_data["period"] if form.is_valid() else "year"
    data = report_data(plan=plan, period=period, today=timezone.localdate())
    name = f"bao-cao-ke-hoach-cchc-{plan.year}-{period}"
    if fmt == "xlsx":
        content = report_xlsx(data)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = report_docx(data)
        mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


# --- tasks -----------------------------------------------------------------------------------------


@login_required
def my_tasks(request: AuthedRequest) -> HttpResponse:
    filter_form = forms.FilterForm(request.GET or None, units=selectors.units_for_filter(user=request.user))
    filters = _filters(filter_form)
    tasks = selectors.my_unit_tasks(user=request.user, filters=filters)
    context = {"tasks": tasks, "filter_form": filter_form, "today": timezone.localdate(), "filters": filters}
    template = "plans/my_tasks.html#rows" if _is_htmx(request) else "plans/my_tasks.html"
    return render(request, template, context)


def _people(task: Task) -> QuerySet[User]:
    if task.lead_unit is None:
        return User.objects.none()
    return User.objects.filter(unit__path__startswith=task.lead_unit.path, is_active=True).order_by("full_name")


def _task_context(request: AuthedRequest, task: Task, access: selectors.TaskAccess, **forms_: Any) -> dict[str, Any]:
    detail = selectors.task_detail(task)
    context: dict[str, Any] = {
        "task": task,
        "access": access,
        "code": services.task_code(task),
        "plan_reader": selectors.can_read_plan(request.user, task.plan),
        "today": timezone.localdate(),
        "overdue": task.is_overdue(),
        "has_evidence": bool(detail["evidence"]),
        "progress_form": forms.ProgressForm(initial={"progress": task.progress}),
        "complete_form": forms.CompleteForm(),
        "cannot_form": forms.ReasonForm(prefix="cannot"),
        "reopen_form": forms.ReasonForm(prefix="reopen"),
        "file_form": forms.EvidenceFileForm(),
        "link_form": forms.EvidenceLinkForm(prefix="link"),
        "comment_form": forms.CommentForm(),
        "assign_form": forms.AssignForm(people=_people(task), initial={"assignees": task.assignees.all()}),
        **detail,
    }
    context.update(forms_)
    return context


@login_required
def task_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    task, access = selectors.task_get_for_user(user=request.user, pk=pk)
    return render(request, "plans/task_detail.html", _task_context(request, task, access))


def _done(request: HttpRequest, task: Task, message: str) -> HttpResponse:
    messages.success(request, message)
    url = reverse("plans:task", args=[task.pk])
    return HttpResponseClientRedirect(url) if _is_htmx(request) else redirect(url)


def _task_action(
    request: AuthedRequest,
    pk: int,
    *,
    right: str,
    form_name: str,
    make_form: Callable[[AuthedRequest, Task], Any],
    perform: Callable[[Task, dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    """Validate the form, call the service; on a refusal show the form again with the message."""
    task, access = selectors.task_get_for_user(user=request.user, pk=pk)
    if not getattr(access, right):
        raise PermissionDenied
    form = make_form(request, task)
    if form.is_valid():
        try:
            perform(task, form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            return _done(request, task, success)
    context = _task_context(request, task, access, **{form_name: form})
    if _is_htmx(request):
        return render(request, f"plans/task_detail.html#{form_name.replace('_', '-')}", context)
    return render(request, "plans/task_detail.html", context, status=400)


@login_required
@require_POST
def task_progress(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="update",
        form_name="progress_form",
        make_form=lambda r, t: forms.ProgressForm(r.POST),
        perform=lambda t, d: services.task_report_progress(
            task=t, actor=request.user, progress=d["progress"], note=d.get("note", "")
        ),
        success=_("Progress was reported."),
    )


@login_required
@require_POST
def task_complete(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="update",
        form_name="complete_form",
        make_form=lambda r, t: forms.CompleteForm(r.POST),
        perform=lambda t, d: services.task_complete(
            task=t, actor=request.user, note=d.get("note", ""), no_evidence_reason=d.get("no_evidence_reason", "")
        ),
        success=_("The task was marked done."),
    )


@login_required
@require_POST
def task_cannot(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="update",
        form_name="cannot_form",
        make_form=lambda r, t: forms.ReasonForm(r.POST, prefix="cannot"),
        perform=lambda t, d: services.task_mark_cannot_be_done(task=t, actor=request.user, reason=d["reason"]),
        success=_("The task was marked as cannot be done."),
    )


@login_required
@require_POST
def task_reopen(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="reopen",
        form_name="reopen_form",
        make_form=lambda r, t: forms.ReasonForm(r.POST, prefix="reopen"),
        perform=lambda t, d: services.task_reopen(task=t, actor=request.user, reason=d["reason"]),
        success=_("The task was reopened."),
    )


@login_required
@require_POST
def evidence_upload(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="contribute",
        form_name="file_form",
        make_form=lambda r, t: forms.EvidenceFileForm(r.POST, r.FILES),
        perform=lambda t, d: evidence_services.evidence_add_file(
            task=t, actor=request.user, upload=d["file"], title=d.get("title", "")
        ),
        success=_("The evidence file was attached."),
    )


@login_required
@require_POST
def evidence_link(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="contribute",
        form_name="link_form",
        make_form=lambda r, t: forms.EvidenceLinkForm(r.POST, prefix="link"),
        perform=lambda t, d: evidence_services.evidence_add_link(
            task=t, actor=request.user, url=d["url"], title=d["title"]
        ),
        success=_("The link was attached."),
    )


@login_required
@require_POST
def task_comment(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="comment",
        form_name="comment_form",
        make_form=lambda r, t: forms.CommentForm(r.POST),
        perform=lambda t, d: services.comment_add(task=t, actor=request.user, body=d["body"]),
        success=_("Your comment was added."),
    )


@login_required
@require_POST
def task_assign(request: AuthedRequest, pk: int) -> HttpResponse:
    return _task_action(
        request,
        pk,
        right="assign",
        form_name="assign_form",
        make_form=lambda r, t: forms.AssignForm(r.POST, people=_people(t)),
        perform=lambda t, d: services.task_assign(task=t, actor=request.user, assignees=list(d["assignees"])),
        success=_("The assignees were saved."),
    )


@login_required
def task_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    task, access = selectors.task_get_for_user(user=request.user, pk=pk)
    if not access.edit:
        raise PermissionDenied
    units = selectors.lead_unit_choices(plan_unit=task.plan.unit)
    form = forms.TaskForm(request.POST or None, instance=task, units=units)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fresh, _access = selectors.task_get_for_user(user=request.user, pk=pk)
        try:
            services.task_update(
                task=fresh,
                actor=request.user,
                title=data["title"],
                description=data.get("description", ""),
                expected_output=data.get("expected_output", ""),
                lead_unit=data.get("lead_unit"),
                coordinating_units=list(data.get("coordinating_units") or []),
                recurrence=data["recurrence"],
                deadline=data.get("deadline"),
                checkins=data.get("checkins") or [],
            )
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The task was saved."))
            return redirect("plans:task", pk=pk)
    return render(request, "plans/task_form.html", {"task": task, "form": form, "code": services.task_code(task)})


@login_required
def evidence_download(request: AuthedRequest, pk: int) -> HttpResponseBase:
    evidence, _access = selectors.evidence_get_for_user(user=request.user, pk=pk)
    if not evidence.file:
        return redirect(evidence.url)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name or evidence.file.name or "minh-chung",
        content_type=evidence.content_type or "application/octet-stream",
    )


@login_required
@require_POST
def evidence_remove(request: AuthedRequest, pk: int) -> HttpResponse:
    evidence, access = selectors.evidence_get_for_user(user=request.user, pk=pk)
    if not access.contribute:
        raise PermissionDenied
    try:
        evidence_services.evidence_remove(evidence=evidence, actor=request.user)
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The evidence was removed."))
    return redirect("plans:task", pk=evidence.task_id)
