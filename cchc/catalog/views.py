"""The procedure catalogue pages: search, a procedure's details, import and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cchc.catalog import selectors, services
from cchc.catalog.forms import ProcedureImportForm, ProcedureSearchForm
from cchc.catalog.importers.national_db import ImportFileError, read_workbook, write_workbook
from cchc.catalog.rows_from_models import rows_from_procedures
from cchc.org.http import AuthedRequest
from cchc.org.selectors import is_administrator


def procedure_list(request: HttpRequest) -> HttpResponse:
    """Public: anyone may browse the catalogue (citizens look up what to bring)."""
    form = ProcedureSearchForm(request.GET or None)
    query = field = ""
    if form.is_valid():
        query, field = form.cleaned_data["q"], form.cleaned_data["field"]
    page = Paginator(selectors.procedure_search(query=query, field=field), 20).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": query, "field": field, "fields": selectors.procedure_fields()}
    template = "catalog/procedure_list.html#results" if request.htmx else "catalog/procedure_list.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def procedure_detail(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "catalog/procedure_detail.html", {"procedure": selectors.procedure_get(code=code)})


@login_required
def procedure_import(request: AuthedRequest) -> HttpResponse:
    if not is_administrator(request.user):
        raise PermissionDenied
    form = ProcedureImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_workbook(form.cleaned_data["file"].read())
        except ImportFileError as exc:
            form.add_error("file", exc.message)
        else:
            report = services.procedure_import(rows=rows)
            if report.applied:
                messages.success(
                    request,
                    _("Imported: %(created)s new procedures, %(updated)s updated.")
                    % {"created": report.created, "updated": report.updated},
                )
                return redirect("catalog:list")
    return render(request, "catalog/procedure_import.html", {"form": form, "report": report})


def procedure_export(request: HttpRequest) -> HttpResponse:
    data = write_workbook(rows_from_procedures(selectors.procedure_search(active_only=False)))
    response = HttpResponse(data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="danh-muc-tthc.xlsx"'
    return response
