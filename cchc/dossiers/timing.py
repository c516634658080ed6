"""Dossier deadlines in real time: the pure rules of deadlines.py, on the calendar and office hours
in force, converting between stored (aware) moments and local wall-clock time.

Used by the services and by the historical import, so both count a dossier's time the same way.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from cchc.dossiers import deadlines
from cchc.workdays.calendar import WorkCalendar
from cchc.workdays.services import get_calendar, office_hours


def local(moment: datetime) -> datetime:
    """Naive Asia/Ho_Chi_Minh wall-clock time of an aware moment (a naive one is taken as local)."""
    return timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment


def aware(local_moment: datetime) -> datetime:
    return local_moment.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def calendar_for(*moments: datetime) -> WorkCalendar:
    """The calendar in force, long enough for periods starting at `moments`."""
    return get_calendar(through_year=max(local(m).year for m in moments) + 2)


def due(received: datetime, limit: Decimal, unit: str) -> datetime:
    return aware(deadlines.due_at(calendar_for(received), office_hours(), local(received), limit, unit))


def step_due(started: datetime, days: Decimal) -> datetime:
    return aware(deadlines.step_due_at(calendar_for(started), office_hours(), local(started), days))


def working_days_waited(paused_at: datetime, resumed_at: datetime) -> int:
    calendar = calendar_for(paused_at, resumed_at)
    return max(0, calendar.working_days_between(local(paused_at).date(), local(resumed_at).date()))


def resumed_due(
    *, clock_rule: str, old_due: datetime, paused_at: datetime, resumed_at: datetime, limit: Decimal, unit: str
) -> datetime:
    """The due moment once the missing documents arrive (restart or resume, per the rule set)."""
    return aware(
        deadlines.resume_after_supplement(
            calendar_for(paused_at, resumed_at),
            office_hours(),
            clock=clock_rule,
            old_due=local(old_due),
            paused_at=local(paused_at),
            resumed_at=local(resumed_at),
            limit=limit,
            unit=unit,
        )
    )
