"""Home pages by role, and the health check."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from cchc.dossiers.selectors import dossier_summary
from cchc.notifications.models import Notification
from cchc.org.http import AuthedRequest
from cchc.org.models import Membership
from cchc.org.roles import Role
from cchc.org.scope import scope_for
from cchc.workdays.calendar import holiday_periods
from cchc.workdays.services import get_calendar


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    today = timezone.localdate()
    calendar = get_calendar(through_year=today.year + 1)
    horizon = today + timedelta(days=120)
    upcoming = [
        period
        for period in holiday_periods(calendar.days_off(today.year) + calendar.days_off(today.year + 1))
        if period.last >= today and period.first <= horizon
    ][:4]
    scope = scope_for(request.user)
    return render(
        request,
        "shell/home.html",
        {
            "memberships": Membership.objects.filter(user=request.user).select_related("unit"),
            "notifications": Notification.objects.filter(recipient=request.user)[:5],
            "upcoming_days_off": upcoming,
            "today": today,
            "today_is_working": calendar.is_working_day(today),
            "is_admin": scope.has_role(Role.ADMINISTRATOR),
            "is_officer": scope.has_role(Role.ONE_STOP_OFFICER),
            "has_work_queue": scope.has_role(Role.ONE_STOP_OFFICER, Role.SPECIALIST, Role.UNIT_HEAD, Role.DIRECTOR),
            "dossiers": dossier_summary(user=request.user),
            "roles": scope.roles,
            "Role": Role,
        },
    )


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: answers 200 when the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def locked_out(request: HttpRequest, credentials: object = None, *args: object, **kwargs: object) -> HttpResponse:
    """django-axes calls this after too many failed sign-ins (status 429, Too Many Requests)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "registration/locked_out.html", {"cooloff_minutes": minutes}, status=429)
