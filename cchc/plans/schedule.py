"""When a task is due: its deadline, or the check-in dates of a recurring task. Pure: no Django.

A one-off task is due on its deadline. A recurring one ("hằng quý", "thường xuyên") reports at each
check-in date; a report covers the first check-in not yet covered once that check-in's period has
begun (after the previous check-in date), so two early reports do not cover two quarters. The next
due date is the first check-in not yet covered.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date
from enum import StrEnum


class Recurrence(StrEnum):
    ONCE = "once"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SIX_MONTHLY = "six_monthly"
    YEARLY = "yearly"
    REGULAR = "regular"


_MONTHS: dict[Recurrence, tuple[int, ...]] = {
    Recurrence.MONTHLY: tuple(range(1, 13)),
    Recurrence.QUARTERLY: (3, 6, 9, 12),
    Recurrence.SIX_MONTHLY: (6, 12),
    Recurrence.YEARLY: (12,),
    # "Regularly" has no rhythm of its own; the quarterly reports are where progress is checked.
    Recurrence.REGULAR: (3, 6, 9, 12),
}


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def default_checkins(recurrence: str, year: int) -> list[date]:
    """The check-in dates of a recurring task in `year`: the ends of its periods. None for a one-off."""
    months = _MONTHS.get(Recurrence(recurrence), ())
    return [month_end(year, m) for m in months]


def final_deadline(recurrence: str, deadline: date | None, checkins: Sequence[date]) -> date | None:
    """The date by which the whole task must be done: the deadline, or the last check-in."""
    if Recurrence(recurrence) is Recurrence.ONCE or not checkins:
        return deadline
    return max(checkins)


def covered_by_report(checkins: Sequence[date], covered: date | None, reported_on: date) -> date | None:
    """The check-in date covered after a progress report made on `reported_on`."""
    ordered = sorted(checkins)
    pending = [c for c in ordered if covered is None or c > covered]
    if not pending:
        return covered
    current = pending[0]
    previous = max((c for c in ordered if c < current), default=None)
    if previous is not None and reported_on <= previous:
        return covered  # still the previous period: an early second report does not count twice
    return current


def next_due(recurrence: str, deadline: date | None, checkins: Sequence[date], covered: date | None) -> date | None:
    if Recurrence(recurrence) is Recurrence.ONCE or not checkins:
        return deadline
    pending = [c for c in sorted(checkins) if covered is None or c > covered]
    return pending[0] if pending else None


def outside_year(year: int, dates: Sequence[date | None]) -> list[date]:
    """The dates that fall outside the plan's year."""
    return [d for d in dates if d is not None and d.year != year]


def period_bounds(year: int, period: str) -> tuple[date, date]:
    """First and last day of a reporting period: q1–q4, h1 (six months), h2, year."""
    spans = {
        "q1": (1, 3),
        "q2": (4, 6),
        "q3": (7, 9),
        "q4": (10, 12),
        "h1": (1, 6),
        "h2": (7, 12),
        "year": (1, 12),
    }
    first, last = spans[period]
    return date(year, first, 1), month_end(year, last)
