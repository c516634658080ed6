"""For citizens: look a dossier up with its code and phone (or ID) number, and rate the service."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cchc.core.errors import RuleViolation
from cchc.core.ratelimit import allow, client_ip
from cchc.dossiers import selectors, services
from cchc.dossiers.forms import LookupForm, RatingForm
from cchc.dossiers.models import Dossier
from cchc.dossiers.workflow import Status

LOOKUPS_PER_WINDOW = 20
WINDOW_SECONDS = 600
PUBLIC_ACTIONS = {
    "submit",
    "receive",
    "refuse_intake",
    "transfer",
    "request_supplement",
    "supplement_received",
    "request_payment",
    "payment_received",
    "approve",
    "refuse",
    "apologise",
    "withdraw",
    "return_result",
}


def _public_events(dossier: Dossier) -> list[dict[str, object]]:
    """The timeline without staff names or internal notes: what was done, when, and at which step."""
    return [
        {"at": e.at, "action": e.get_action_display(), "status": e.get_to_status_display(), "step": e.step_name}
        for e in dossier.events.order_by("at", "id")
        if e.action in PUBLIC_ACTIONS
    ]


def lookup(request: HttpRequest) -> HttpResponse:
    form = LookupForm(request.GET or None)
    dossier = None
    not_found = False
    if form.is_bound:
        if not allow(f"lookup:{client_ip(request)}", limit=LOOKUPS_PER_WINDOW, window_seconds=WINDOW_SECONDS):
            return render(request, "dossiers/lookup.html", {"form": form, "throttled": True}, status=429)
        if form.is_valid():
            dossier = selectors.dossier_get_public(code=form.cleaned_data["code"], secret=form.cleaned_data["secret"])
            not_found = dossier is None
    context: dict[str, object] = {"form": form, "dossier": dossier, "not_found": not_found}
    if dossier is not None:
        context["events"] = _public_events(dossier)
        context["can_rate"] = dossier.status in {Status.RESULT_READY, Status.RETURNED} and not hasattr(
            dossier, "rating"
        )
        context["rating_form"] = RatingForm()
    return render(request, "dossiers/lookup.html", context)


@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """The applicant rates the handling of their dossier (the same code + phone pair as the lookup)."""
    if not allow(f"lookup:{client_ip(request)}", limit=LOOKUPS_PER_WINDOW, window_seconds=WINDOW_SECONDS):
        return render(request, "dossiers/lookup.html", {"form": LookupForm(), "throttled": True}, status=429)
    code, secret = request.POST.get("code", ""), request.POST.get("secret", "")
    dossier = selectors.dossier_get_public(code=code, secret=secret)
    form = RatingForm(request.POST)
    if dossier is None or not form.is_valid():
        messages.error(request, _("The rating could not be saved. Look the dossier up again."))
        return redirect("lookup")
    try:
        services.dossier_rate(dossier=dossier, scores=form.scores(), comment=form.cleaned_data["comment"])
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Thank you! Your rating helps the department serve you better."))
    return redirect(f"{_lookup_url()}?code={dossier.code}&secret={secret}")


def _lookup_url() -> str:
    from django.urls import reverse

    return reverse("lookup")
