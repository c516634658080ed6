"""Deadlines and check-in dates of one-off and recurring tasks (schedule.py is pure)."""

from datetime import date

import pytest

from cchc.plans import schedule
from cchc.plans.models import Recurrence

QUARTERS = [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]


def test_it_keeps_the_model_choices_and_the_rhythms_in_step() -> None:
    assert set(Recurrence.values) == {r.value for r in schedule.Recurrence}


@pytest.mark.parametrize(
    ("rhythm", "count", "first", "last"),
    [
        ("once", 0, None, None),
        ("monthly", 12, date(2026, 1, 31), date(2026, 12, 31)),
        ("quarterly", 4, date(2026, 3, 31), date(2026, 12, 31)),
        ("six_monthly", 2, date(2026, 6, 30), date(2026, 12, 31)),
        ("yearly", 1, date(2026, 12, 31), date(2026, 12, 31)),
        ("regular", 4, date(2026, 3, 31), date(2026, 12, 31)),
    ],
)
def test_it_sets_check_ins_at_the_ends_of_the_periods(rhythm, count, first, last) -> None:
    dates = schedule.default_checkins(rhythm, 2026)
    assert len(dates) == count
    if dates:
        assert (dates[0], dates[-1]) == (first, last)


def test_a_february_check_in_knows_leap_years() -> None:
    assert schedule.default_checkins("monthly", 2028)[1] == date(2028, 2, 29)


def test_a_report_covers_the_first_open_check_in_once_its_period_has_begun() -> None:
    covered = schedule.covered_by_report(QUARTERS, None, date(2026, 2, 10))
    assert covered == date(2026, 3, 31)
    # A second report in the same quarter does not answer the next one.
    assert schedule.covered_by_report(QUARTERS, covered, date(2026, 3, 20)) == covered
    # After 31/03 it answers the second quarter.
    assert schedule.covered_by_report(QUARTERS, covered, date(2026, 4, 2)) == date(2026, 6, 30)


def test_a_late_report_covers_the_quarter_it_missed() -> None:
    assert schedule.covered_by_report(QUARTERS, None, date(2026, 5, 5)) == date(2026, 3, 31)


def test_the_next_due_date_is_the_first_uncovered_check_in_or_the_deadline() -> None:
    assert schedule.next_due("quarterly", date(2026, 12, 31), QUARTERS, date(2026, 6, 30)) == date(2026, 9, 30)
    assert schedule.next_due("quarterly", date(2026, 12, 31), QUARTERS, date(2026, 12, 31)) is None
    assert schedule.next_due("once", date(2026, 5, 15), [], None) == date(2026, 5, 15)


def test_it_finds_dates_outside_the_year() -> None:
    assert schedule.outside_year(2026, [date(2026, 1, 1), None, date(2027, 1, 15)]) == [date(2027, 1, 15)]


@pytest.mark.parametrize(
    ("period", "bounds"),
    [
        ("q1", (date(2026, 1, 1), date(2026, 3, 31))),
        ("h1", (date(2026, 1, 1), date(2026, 6, 30))),
        ("q3", (date(2026, 7, 1), date(2026, 9, 30))),
        ("year", (date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_it_knows_the_reporting_periods(period, bounds) -> None:
    assert schedule.period_bounds(2026, period) == bounds
