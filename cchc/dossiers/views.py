"""Staff screens for dossiers: counter intake, my work, search, the dossier page and its actions."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.catalog.models import Procedure
from cchc.core import clock
from cchc.core.errors import RuleViolation
from cchc.dossiers import printing, selectors, services
from cchc.dossiers.applicant import ApplicantInput, check_applicant
from cchc.dossiers.documents_service import document_may_download, document_upload
from cchc.dossiers.forms import ActionForm, IntakeForm, SearchForm, UploadForm
from cchc.dossiers.models import Dossier, DossierDocument, DossierRating
from cchc.dossiers.permissions import actor_kinds, can_see
from cchc.dossiers.workflow import TRANSITIONS, Action, actions_from
from cchc.org.http import AuthedRequest
from cchc.org.models import Unit
from cchc.org.roles import Role
from cchc.org.scope import scope_for
from cchc.workdays.services import get_calendar


def _receiving_unit(request: AuthedRequest) -> Unit:
    """The body whose desk this officer works at: the top unit they hold the one-stop role in."""
    units = Unit.objects.filter(pk__in=scope_for(request.user).units(Role.ONE_STOP_OFFICER)).order_by("path")
    unit = units.first()
    if unit is None:
        raise PermissionDenied
    return unit


@login_required
def intake(request: AuthedRequest) -> HttpResponse:
    unit = _receiving_unit(request)
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        procedure: Procedure = data["procedure"]
        wanted = {int(pk) for pk in data["documents"]}
        documents = [
            services.DocumentInput(name=d.name, form=d.kind, count=d.count, required_document_id=d.pk)
            for d in procedure.required_documents.all()
            if d.pk in wanted
        ]
        applicant = ApplicantInput(
            kind=data["applicant_kind"],
            name=data["applicant_name"],
            id_number=data["applicant_id_number"],
            phone=data["applicant_phone"],
            address=data["applicant_address"],
            email=data["applicant_email"],
        )
        try:
            result = services.dossier_intake(
                actor=request.user,
                receiving_unit=unit,
                procedure=procedure,
                applicant=applicant,
                channel=data["channel"],
                documents=documents,
                sets_count=data["sets_count"],
                idempotency_key=request.POST.get("idempotency_key") or None,
            )
        except services.ApplicantInvalid as exc:
            for field, message in exc.errors.items():
                form.add_error(f"applicant_{field}" if f"applicant_{field}" in form.fields else None, message)
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            if result.created:
                message = _("Dossier %(code)s received. Print the receipt for the applicant.")
            else:
                message = _("This dossier was already received as %(code)s; nothing was created twice.")
            messages.success(request, message % {"code": result.dossier.code})
            return redirect("dossiers:detail", code=result.dossier.code)
    elif request.method == "POST":
        _add_applicant_errors(form)
    chosen = Procedure.objects.filter(pk=request.POST.get("procedure") or 0).first() if form.is_bound else None
    checked = {int(pk) for pk in request.POST.getlist("documents") if pk.isdigit()} if form.is_bound else None
    context = {
        "form": form,
        "unit": unit,
        "procedure": chosen,
        "checked": checked,
        "idempotency_key": request.POST.get("idempotency_key") or uuid.uuid4().hex,
    }
    return render(request, "dossiers/intake.html", context)


def _add_applicant_errors(form: IntakeForm) -> None:
    """Show every problem with the applicant at once, not only those the form fields caught first."""
    data = form.data
    _clean, errors = check_applicant(
        ApplicantInput(
            kind=str(data.get("applicant_kind", "person")),
            name=str(data.get("applicant_name", "")),
            id_number=str(data.get("applicant_id_number", "")),
            phone=str(data.get("applicant_phone", "")),
            address=str(data.get("applicant_address", "")),
            email=str(data.get("applicant_email", "")),
        )
    )
    for field, message in errors.items():
        name = f"applicant_{field}"
        if name in form.fields and not form.has_error(name):
            form.add_error(name, message)


@login_required
def checklist(request: AuthedRequest) -> HttpResponse:
    """The required documents of the chosen procedure, as checkboxes (htmx fragment)."""
    procedure = (
        Procedure.objects.filter(pk=request.GET.get("procedure") or 0).prefetch_related("required_documents").first()
    )
    return render(request, "dossiers/intake.html#checklist", {"procedure": procedure})


@login_required
def my_work(request: AuthedRequest) -> HttpResponse:
    queue = selectors.my_work(user=request.user)
    return render(request, "dossiers/my_work.html", {"queue": queue, "now": clock.now()})


@login_required
def dossier_list(request: AuthedRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    filters = selectors.DossierFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.DossierFilters(
            query=data["q"],
            procedure_id=data["procedure"].pk if data["procedure"] else None,
            status=data["status"],
            channel=data["channel"],
            due_from=_start(data["due_from"]),
            due_to=_end(data["due_to"]),
            overdue=data["overdue"],
        )
    page = Paginator(selectors.dossier_list_for_user(user=request.user, filters=filters), 25).get_page(
        request.GET.get("page")
    )
    template = (
        "dossiers/dossier_list.html#results" if request.headers.get("HX-Request") else "dossiers/dossier_list.html"
    )
    return render(request, template, {"form": form, "page": page, "now": clock.now(), "query": request.GET.urlencode()})


def _start(day: Any) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, datetime.min.time())) if day else None


def _end(day: Any) -> datetime | None:
    return timezone.make_aware(datetime.combine(day, datetime.max.time())) if day else None


def _detail_context(request: AuthedRequest, dossier: Dossier) -> dict[str, Any]:
    kinds = actor_kinds(request.user, dossier)
    available = [a for a in actions_from(dossier.status) if TRANSITIONS[a].actors & kinds]
    if dossier.is_last_processing_step:
        available = [a for a in available if a != Action.FORWARD]
    else:
        available = [a for a in available if a != Action.APPROVE]
    now = clock.now()
    remaining = None
    if dossier.due_at and dossier.closed_at is None:
        calendar = get_calendar(through_year=timezone.localtime(dossier.due_at).year + 1)
        remaining = calendar.working_days_between(
            timezone.localtime(now).date(), timezone.localtime(dossier.due_at).date()
        )
    return {
        "dossier": dossier,
        "events": dossier.events.select_related("actor", "actor_unit", "step_unit").order_by("at", "id"),
        "documents": dossier.documents.all(),
        "actions": [
            (a, ActionForm(action=a, dossier=dossier, initial={"version": dossier.version})) for a in available
        ],
        "upload_form": UploadForm(),
        "can_upload": bool(kinds) and dossier.closed_at is None,
        "steps": [
            {**s, "order": i, "unit": Unit.objects.filter(pk=s["unit_id"]).first()}
            for i, s in enumerate(dossier.steps, start=1)
        ],
        "remaining": remaining,
        "now": now,
        "late_days": -remaining if remaining is not None and remaining < 0 else 0,
        "rating": DossierRating.objects.filter(dossier=dossier).first(),
        "printable": printing.printable(dossier),
    }


@login_required
def dossier_detail(request: AuthedRequest, code: str) -> HttpResponse:
    dossier = selectors.dossier_get_for_user(user=request.user, code=code)
    return render(request, "dossiers/dossier_detail.html", _detail_context(request, dossier))


def _perform(action: Action, dossier: Dossier, request: AuthedRequest, form: ActionForm) -> Dossier:
    data = form.cleaned_data
    common: dict[str, Any] = {"dossier": dossier, "actor": request.user, "expected_version": data.get("version")}
    reason = data.get("reason", "")
    handlers: dict[Action, Callable[[], Dossier]] = {
        Action.RECEIVE: lambda: services.dossier_receive(**common),
        Action.REFUSE_INTAKE: lambda: services.dossier_refuse_intake(**common, reason=reason),
        Action.TRANSFER: lambda: services.dossier_transfer(**common, assignee=data.get("assignee"), note=reason),
        Action.FORWARD: lambda: services.dossier_forward(**common, assignee=data.get("assignee"), note=reason),
        Action.ASSIGN: lambda: services.dossier_assign(**common, assignee=data["assignee"]),
        Action.CONSULT: lambda: services.dossier_consult(**common, unit=data["unit"], question=reason),
        Action.ANSWER: lambda: services.dossier_answer(**common, answer=reason),
        Action.REQUEST_SUPPLEMENT: lambda: services.dossier_request_supplement(
            **common, missing=form.missing_lines, reason=reason
        ),
        Action.SUPPLEMENT_RECEIVED: lambda: services.dossier_supplement_received(**common, note=reason),
        Action.REQUEST_PAYMENT: lambda: services.dossier_request_payment(
            **common, amount_vnd=data["amount_vnd"], reason=reason
        ),
        Action.PAYMENT_RECEIVED: lambda: services.dossier_payment_received(**common, note=reason),
        Action.APPROVE: lambda: services.dossier_approve(**common, note=reason),
        Action.REFUSE: lambda: services.dossier_refuse(**common, reason=reason),
        Action.APOLOGISE: lambda: services.dossier_apologise(**common, reason=reason, new_due=data["new_due"]),
        Action.WITHDRAW: lambda: services.dossier_withdraw(**common, reason=reason),
        Action.RETURN_RESULT: lambda: services.dossier_return_result(**common, note=reason, rating=form.rating()),
    }
    return handlers[action]()


@login_required
def dossier_act(request: AuthedRequest, code: str, action: str) -> HttpResponse:
    dossier = selectors.dossier_get_for_user(user=request.user, code=code)
    if request.method != "POST":  # a bookmarked or reloaded action address: show the dossier
        return redirect("dossiers:detail", code=dossier.code)
    try:
        chosen = Action(action)
    except ValueError as exc:
        raise Http404 from exc
    if chosen not in ActionForm.FIELDS:
        raise Http404
    form = ActionForm(request.POST, action=chosen, dossier=dossier)
    if form.is_valid():
        try:
            dossier = _perform(chosen, dossier, request, form)
        except RuleViolation as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": chosen.label})
    else:
        errors = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(str(m) for m in e)}"
            for f, e in form.errors.items()
        )
        messages.error(request, errors)
    if not can_see(request.user, dossier):
        return redirect("dossiers:my_work")  # e.g. the opinion was given: the dossier left this unit
    return redirect("dossiers:detail", code=dossier.code)


@login_required
@require_POST
def document_add(request: AuthedRequest, code: str) -> HttpResponse:
    dossier = selectors.dossier_get_for_user(user=request.user, code=code)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        existing = None
        if form.cleaned_data["document"]:
            existing = DossierDocument.objects.filter(pk=form.cleaned_data["document"], dossier=dossier).first()
        try:
            document_upload(
                dossier=dossier,
                actor=request.user,
                data=upload.read(),
                filename=upload.name,
                role=form.cleaned_data["role"],
                name=form.cleaned_data["name"],
                document=existing,
            )
        except RuleViolation as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("File attached and marked as digitised."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("dossiers:detail", code=dossier.code)


@login_required
def document_download(request: AuthedRequest, code: str, pk: int) -> FileResponse:
    document = get_object_or_404(DossierDocument.objects.select_related("dossier"), pk=pk, dossier__code=code)
    if not document_may_download(request.user, document):
        raise Http404
    filename = document.original_filename or f"{document.pk}{document.extension}"
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=filename, content_type=document.content_type
    )


FILE_NAMES = {
    "receipt": "giay-tiep-nhan",
    "supplement": "phieu-yeu-cau-bo-sung",
    "refusal": "phieu-tu-choi",
    "apology": "phieu-xin-loi-hen-lai",
    "stop_notice": "thong-bao-dung-giai-quyet",
    "control_sheet": "phieu-kiem-soat",
}


@login_required
def dossier_form(request: AuthedRequest, code: str, kind: str, fmt: str) -> HttpResponse:
    """A standard form filled from the dossier, as PDF (to print) or DOCX (to edit before signing)."""
    dossier = selectors.dossier_get_for_user(user=request.user, code=code)
    try:
        content = printing.render(dossier, kind, fmt)
    except RuleViolation as exc:
        messages.error(request, exc.message)
        return redirect("dossiers:detail", code=code)
    content_type = (
        "application/pdf" if fmt == "pdf" else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if fmt == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{FILE_NAMES.get(kind, kind)}-{dossier.code}.{fmt}"'
    return response


@login_required
def tracking_book(request: AuthedRequest) -> HttpResponse:
    """Mẫu 06/07 Sổ theo dõi hồ sơ for a date range, as XLSX (one-stop officers)."""
    from cchc.dossiers.documents.xlsx_forms import tracking_book_xlsx
    from cchc.dossiers.forms import TrackingBookForm

    unit = _receiving_unit(request)
    form = TrackingBookForm(request.GET or None)
    if not form.is_valid():
        return render(request, "dossiers/tracking_book.html", {"form": form, "unit": unit})
    data = printing.tracking_book(unit, form.cleaned_data["date_from"], form.cleaned_data["date_to"])
    response = HttpResponse(
        tracking_book_xlsx(data), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"so-theo-doi-{form.cleaned_data['date_from']:%Y%m%d}-{form.cleaned_data['date_to']:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
