"""The calendar page: a year's days off and make-up days, and the due-date calculator."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from cchc.core.errors import RuleViolation
from cchc.workdays.forms import DueDateForm
from cchc.workdays.models import CalendarOverride
from cchc.workdays.services import FIRST_YEAR, due_date, get_calendar


@login_required
def year(request: HttpRequest, year: int | None = None) -> HttpResponse:
    shown = year or timezone.localdate().year
    calendar = get_calendar(through_year=shown + 1)
    if not calendar.covers(date(max(shown, FIRST_YEAR), 1, 1)) or shown < FIRST_YEAR:
        shown = timezone.localdate().year
    overrides = {o.day: o for o in CalendarOverride.objects.filter(day__year=shown)}
    days_off = calendar.days_off(shown)
    make_up = sorted(d for d in calendar.workday_names if d.year == shown)
    working = (
        calendar.working_days_between(date(shown - 1, 12, 31), date(shown, 12, 31)) if shown > FIRST_YEAR else None
    )
    return render(
        request,
        "workdays/year.html",
        {
            "year": shown,
            "days_off": days_off,
            "make_up": [(d, calendar.workday_names[d]) for d in make_up],
            "overrides": overrides,
            "working_days": working,
            "form": DueDateForm(initial={"received": timezone.localdate(), "working_days": 5}),
        },
    )


@login_required
def due_date_calc(request: HttpRequest) -> HttpResponse:
    form = DueDateForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        received = form.cleaned_data["received"]
        days = form.cleaned_data["working_days"]
        try:
            due = due_date(received, days)
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            calendar = get_calendar(through_year=due.year)
            result = {
                "received": received,
                "days": days,
                "due": due,
                "skipped": [(d, calendar.day_off_name(d)) for d in calendar.skipped_days(received, due)],
            }
    return render(request, "workdays/year.html#calculator", {"form": form, "result": result})
