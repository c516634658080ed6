"""Due dates of dossiers and of their process steps, on the working-day calendar (pure).

Times are naive local (Asia/Ho_Chi_Minh) wall-clock datetimes; services convert at the edges.
A result due "on day D" is due at the close of office hours on D, so a dossier finished any time
that day is on time (Civil Code 2015 Art. 148: a period ends at the end of its last day).
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from cchc.workdays.calendar import OfficeHours, WorkCalendar, add_working_hours, same_day_due

HOURS_PER_DAY = Decimal(8)


def end_of_day(day: date, office: OfficeHours) -> datetime:
    return datetime.combine(day, office.periods[-1][1])


def due_at(calendar: WorkCalendar, office: OfficeHours, received: datetime, limit: Decimal, unit: str) -> datetime:
    """When a result is due, for a period of `limit` in `unit` ("working_days", "days", "hours")."""
    if unit == "hours":
        return add_working_hours(calendar, received, float(limit), office)
    if limit == 0:
        return end_of_day(same_day_due(calendar, received, office), office)
    if unit == "days":
        # Calendar days; a period ending on a day off ends on the next working day (Civil Code Art. 148).
        last = received.date() + timedelta(days=math.ceil(limit))
        return end_of_day(calendar.next_working_day(last), office)
    if limit != limit.to_integral_value():
        # Half days (e.g. 0.5): count them in office hours, 8 to the day.
        return add_working_hours(calendar, received, float(limit * HOURS_PER_DAY), office)
    return end_of_day(calendar.add_working_days(received.date(), int(limit)), office)


def step_due_at(calendar: WorkCalendar, office: OfficeHours, started: datetime, days: Decimal) -> datetime:
    """Planned end of a process step given its quota in working days (counted in office hours)."""
    return add_working_hours(calendar, started, float(days * HOURS_PER_DAY), office)


def resume_after_supplement(
    calendar: WorkCalendar,
    office: OfficeHours,
    *,
    clock: str,
    old_due: datetime,
    paused_at: datetime,
    resumed_at: datetime,
    limit: Decimal,
    unit: str,
) -> datetime:
    """The new due moment once the missing documents arrive.

    clock="restart": NĐ 61/2018 Art. 19(4) — the period is counted again from zero.
    clock="pause": the working days spent waiting are added to the old due date.
    """
    if clock == "restart":
        return due_at(calendar, office, resumed_at, limit, unit)
    if clock != "pause":
        msg = f"unknown supplement clock rule {clock!r}"
        raise ValueError(msg)
    waited = max(0, calendar.working_days_between(paused_at.date(), resumed_at.date()))
    if waited == 0:
        return old_due
    new_day = calendar.add_working_days(old_due.date(), waited)
    return datetime.combine(new_day, old_due.time())


def latest_apology_day(calendar: WorkCalendar, due: datetime, lead_days: int) -> date:
    """The last day on which the apology letter may still go out: `lead_days` working days before the
    due date (NĐ 61/2018 Art. 19(9): no later than one day before)."""
    day = due.date()
    for _ in range(lead_days):
        day -= timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
    return day


def timeliness(finished: datetime, due: datetime | None) -> str:
    """ "early", "on_time" or "late" for a finished step or dossier (the control sheet's column)."""
    if due is None:
        return "on_time"
    if finished.date() < due.date():
        return "early"
    return "on_time" if finished <= due else "late"


def is_overdue(now: datetime, due: datetime | None) -> bool:
    return due is not None and now > due


def at_time(day: date, moment: time) -> datetime:
    return datetime.combine(day, moment)
