"""For citizens: look a dossier up with its code and phone (or ID) number, and rate the service.

The pair travels in a POST body, never in the address, so it stays out of browser history and
server logs.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.core.errors import RuleViolation
from cchc.core.ratelimit import allow, client_ip
from cchc.dossiers import selectors, services
from cchc.dossiers.forms import LookupForm, RatingForm
from cchc.dossiers.models import Dossier, DossierRating
from cchc.dossiers.workflow import Status

LOOKUPS_PER_WINDOW = 20
WINDOW_SECONDS = 600
PUBLIC_ACTIONS = {
    "submit", "receive", "refuse_intake", "transfer", "request_supplement", "supplement_received",
    "request_payment", "payment_received", "approve", "refuse", "apologise", "withdraw", "return_result",
}  # fmt: skip


def _public_events(dossier: Dossier) -> list[dict[str, object]]:
    """The timeline without staff names or internal notes: what was done, when, and at which step."""
    return [
        {"at": e.at, "action": e.get_action_display(), "status": e.get_to_status_display(), "step": e.step_name}
        for e in dossier.events.order_by("at", "id")
        if e.action in PUBLIC_ACTIONS
    ]


def _result(request: HttpRequest, form: LookupForm, dossier: Dossier | None, *, status: int = 200) -> HttpResponse:
    context: dict[str, object] = {"form": form, "dossier": dossier, "not_found": form.is_bound and dossier is None}
    if dossier is not None:
        context["events"] = _public_events(dossier)
        context["can_rate"] = (
            dossier.status in {Status.RESULT_READY, Status.RETURNED}
            and not DossierRating.objects.filter(dossier=dossier).exists()
        )
        context["rating_form"] = RatingForm()
    return render(request, "dossiers/lookup.html", context, status=status)


def _throttled(request: HttpRequest) -> bool:
    return not allow(f"lookup:{client_ip(request)}", limit=LOOKUPS_PER_WINDOW, window_seconds=WINDOW_SECONDS)


def lookup(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "dossiers/lookup.html", {"form": LookupForm()})
    form = LookupForm(request.POST)
    if _throttled(request):
        return render(request, "dossiers/lookup.html", {"form": form, "throttled": True}, status=429)
    if not form.is_valid():
        return render(request, "dossiers/lookup.html", {"form": form})
    dossier = selectors.dossier_get_public(code=form.cleaned_data["code"], secret=form.cleaned_data["secret"])
    return _result(request, form, dossier)


@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """The applicant rates the handling of their dossier (the same code + phone pair as the lookup)."""
    form = LookupForm(request.POST)
    if _throttled(request):
        return render(request, "dossiers/lookup.html", {"form": form, "throttled": True}, status=429)
    dossier = (
        selectors.dossier_get_public(code=form.cleaned_data["code"], secret=form.cleaned_data["secret"])
        if form.is_valid()
        else None
    )
    rating = RatingForm(request.POST)
    if dossier is None or not rating.is_valid():
        messages.error(request, _("The rating could not be saved. Look the dossier up again."))
        return render(request, "dossiers/lookup.html", {"form": LookupForm()})
    try:
        services.dossier_rate(dossier=dossier, scores=rating.scores(), comment=rating.cleaned_data["comment"])
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Thank you! Your rating helps the department serve you better."))
    return _result(request, form, dossier)
