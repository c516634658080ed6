"""The calendar in force: statutory days plus the administrator's overrides, built once and cached.

Building is cheap (a few milliseconds per decade) but not free, so each process keeps the built
calendar and re-checks the override table at most every CALENDAR_TTL seconds; the process that
edits an override drops its copy at once. Other processes see the edit within the TTL.
"""

from __future__ import annotations

import threading
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.core.errors import RuleViolation
from cchc.workdays.calendar import (
    CalendarRangeError,
    OfficeHours,
    WorkCalendar,
    add_working_hours,
    build_calendar,
    same_day_due,
)
from cchc.workdays.models import CalendarOverride
from cchc.workdays.statutory import statutory_days

CALENDAR_TTL = 30.0
FIRST_YEAR = 2000
YEARS_AHEAD = 15
LAST_SUPPORTED_YEAR = 2199

_lock = threading.Lock()
_cached: tuple[WorkCalendar, tuple[object, ...], float] | None = None


def _override_stamp() -> tuple[object, ...]:
    agg = CalendarOverride.objects.aggregate(n=Count("pk"), latest=Max("updated_at"))
    return (agg["n"], agg["latest"])


def _build(last_year: int) -> WorkCalendar:
    days_off, make_up = statutory_days(FIRST_YEAR, last_year)
    overrides = CalendarOverride.objects.values_list("day", "kind", "name")
    return build_calendar(
        first_year=FIRST_YEAR,
        last_year=last_year,
        holidays=days_off,
        make_up_workdays=make_up,
        overrides=list(overrides),
    )


def get_calendar(*, through_year: int | None = None) -> WorkCalendar:
    """The calendar in force, covering at least FIRST_YEAR .. max(this year + 15, through_year)."""
    global _cached
    wanted = max(timezone.localdate().year + YEARS_AHEAD, through_year or 0)
    if wanted > LAST_SUPPORTED_YEAR:
        raise RuleViolation(_("The calendar only goes up to the year %(year)s.") % {"year": LAST_SUPPORTED_YEAR})
    with _lock:
        now = time.monotonic()
        if _cached is not None:
            calendar, stamp, checked = _cached
            fresh = now - checked < CALENDAR_TTL
            if calendar.last_year >= wanted and (fresh or _override_stamp() == stamp):
                if not fresh:
                    _cached = (calendar, stamp, now)
                return calendar
        stamp = _override_stamp()
        calendar = _build(max(wanted, _cached[0].last_year if _cached else 0))
        _cached = (calendar, stamp, now)
        return calendar


def forget_calendar() -> None:
    global _cached
    with _lock:
        _cached = None


def office_hours() -> OfficeHours:
    return OfficeHours.parse(settings.CCHC_OFFICE_HOURS, settings.CCHC_SAME_DAY_CUTOFF)


def _local(moment: datetime) -> datetime:
    """A naive local (Asia/Ho_Chi_Minh) wall-clock time for an aware or naive datetime."""
    if timezone.is_aware(moment):
        return timezone.localtime(moment).replace(tzinfo=None)
    return moment


def due_date(received: date | datetime, working_days: int) -> date:
    """The due date of a period of `working_days` working days triggered at `received`.

    0 means "in the day": the reception day, or the next working day after the 15:00 cut-off.
    """
    if working_days < 0:
        raise RuleViolation(_("The number of working days cannot be negative."))
    year_hint = (received.year if isinstance(received, date) else 0) + working_days // 200 + 1
    calendar = get_calendar(through_year=year_hint)
    try:
        if working_days == 0 and isinstance(received, datetime):
            return same_day_due(calendar, _local(received), office_hours())
        day = _local(received).date() if isinstance(received, datetime) else received
        return calendar.add_working_days(day, working_days)
    except CalendarRangeError as exc:
        raise RuleViolation(_("The date is outside the calendar (from %(first)s).") % {"first": FIRST_YEAR}) from exc


def due_moment_in_hours(received: datetime, hours: float) -> datetime:
    """The due moment of a period counted in working hours, as an aware local datetime."""
    local = _local(received)
    calendar = get_calendar(through_year=local.year + 1)
    moment = add_working_hours(calendar, local, hours, office_hours())
    return moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


@transaction.atomic
def override_save(*, override: CalendarOverride) -> CalendarOverride:
    """Create or change an override; this process sees the new calendar at once."""
    if not override.legal_basis.strip():
        raise RuleViolation(_("Give the legal basis of the change (the decision or notice)."))
    if override.day.year < FIRST_YEAR or override.day.year > LAST_SUPPORTED_YEAR:
        raise RuleViolation(_("The date is outside the calendar (from %(first)s).") % {"first": FIRST_YEAR})
    clash = CalendarOverride.objects.filter(day=override.day).exclude(pk=override.pk).first()
    if clash is not None:
        raise RuleViolation(
            _("%(day)s already has an override: %(name)s.") % {"day": f"{override.day:%d/%m/%Y}", "name": clash.name}
        )
    override.updated_at = timezone.now()
    override.save()
    transaction.on_commit(forget_calendar)
    return override


@transaction.atomic
def override_delete(*, override: CalendarOverride) -> None:
    override.delete()
    transaction.on_commit(forget_calendar)
