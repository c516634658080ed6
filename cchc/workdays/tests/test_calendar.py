"""The pure calendar: due dates across several years' Tết, compensatory days and make-up Saturdays."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.workdays.calendar import (
    CalendarRangeError,
    OfficeHours,
    WorkCalendar,
    add_working_hours,
    build_calendar,
    same_day_due,
)
from cchc.workdays.statutory import statutory_days

FIRST, LAST = 2020, 2030


def _calendar(overrides: tuple[tuple[date, str, str], ...] = ()) -> WorkCalendar:
    days_off, make_up = statutory_days(FIRST, LAST)
    return build_calendar(
        first_year=FIRST, last_year=LAST, holidays=days_off, make_up_workdays=make_up, overrides=overrides
    )


CAL = _calendar()
OFFICE = OfficeHours.parse("07:30-11:30,13:30-17:00", "15:00")


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        # Tết 2023 (20–26/01): a dossier received the day before waits until the Friday after.
        (date(2023, 1, 19), 1, date(2023, 1, 27)),
        # 1/1/2023 fell on a Sunday: Monday 2/1 is the compensatory day off.
        (date(2022, 12, 30), 1, date(2023, 1, 3)),
        # Giỗ Tổ (Sat 29/4) and 30/4 (Sun) 2023 gave compensatory days 2/5 and 3/5.
        (date(2023, 4, 28), 1, date(2023, 5, 4)),
        # Quốc khánh 2023: 1/9, 2/9 (Sat) and the compensatory Monday 4/9.
        (date(2023, 8, 31), 2, date(2023, 9, 6)),
        # 2024: 29/4 swapped with the make-up Saturday 4/5, which counts as a working day.
        (date(2024, 4, 26), 3, date(2024, 5, 4)),
        # Tết 2024 (08–14/02).
        (date(2024, 2, 7), 1, date(2024, 2, 15)),
        # 2025: Saturday 26/4 is a make-up working day (swapped with Friday 2/5).
        (date(2025, 4, 25), 1, date(2025, 4, 26)),
        (date(2025, 4, 29), 2, date(2025, 5, 6)),
        # Tết 2025 (27/01–01/02).
        (date(2025, 1, 24), 1, date(2025, 2, 3)),
        # Tết 2026 (16–20/02): the example of the issue.
        (date(2026, 2, 12), 5, date(2026, 2, 26)),
        # Giỗ Tổ 2026 falls on Sunday 26/4: Monday 27/4 is the compensatory day.
        (date(2026, 4, 24), 3, date(2026, 5, 4)),
        # 2026: Monday 31/8 swapped with Saturday 22/8; 1/9 and 2/9 off.
        (date(2026, 8, 21), 1, date(2026, 8, 22)),
        (date(2026, 8, 28), 1, date(2026, 9, 3)),
        # Ngày Văn hóa Việt Nam, 24/11, a day off from 2026.
        (date(2026, 11, 23), 1, date(2026, 11, 25)),
        # Received on a Saturday: the count still starts the next day.
        (date(2026, 11, 28), 1, date(2026, 11, 30)),
        # A long period crosses a year end and Tết 2027 (04–10/02).
        (date(2027, 1, 29), 5, date(2027, 2, 12)),
    ],
)
def test_it_computes_due_dates_across_holidays(received: date, days: int, due: date) -> None:
    assert CAL.add_working_days(received, days) == due


def test_it_treats_make_up_saturdays_as_working_days() -> None:
    assert CAL.is_working_day(date(2024, 5, 4))
    assert CAL.is_working_day(date(2025, 4, 26))
    assert not CAL.is_working_day(date(2025, 4, 19))  # an ordinary Saturday


def test_it_names_days_off() -> None:
    assert CAL.day_off_name(date(2026, 2, 17)) == "Tết Nguyên Đán"
    assert CAL.day_off_name(date(2026, 2, 23)) is None


def test_zero_days_means_the_same_or_next_working_day() -> None:
    assert CAL.add_working_days(date(2026, 2, 12), 0) == date(2026, 2, 12)
    assert CAL.add_working_days(date(2026, 2, 14), 0) == date(2026, 2, 23)


def test_it_refuses_negative_periods_and_dates_outside_the_range() -> None:
    with pytest.raises(ValueError, match="negative"):
        CAL.add_working_days(date(2026, 1, 5), -1)
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(date(2019, 12, 31), 1)
    with pytest.raises(CalendarRangeError):
        CAL.add_working_days(date(2030, 12, 20), 30)


def test_overrides_win_over_the_statutory_rules() -> None:
    calendar = _calendar(
        (
            (date(2026, 3, 2), "day_off", "Nghỉ đột xuất"),
            (date(2026, 3, 7), "workday", "Làm bù thứ Bảy"),
            (date(2026, 11, 24), "not_holiday", "Không áp dụng"),
            (date(2026, 8, 22), "day_off", "Hủy làm bù"),
        )
    )
    assert not calendar.is_working_day(date(2026, 3, 2))
    assert calendar.is_working_day(date(2026, 3, 7))
    assert calendar.is_working_day(date(2026, 11, 24))
    assert not calendar.is_working_day(date(2026, 8, 22))
    # Friday 27/2 + 3: Mon 2/3 off, Tue 3 (1), Wed 4 (2), Thu 5 (3).
    assert calendar.add_working_days(date(2026, 2, 27), 3) == date(2026, 3, 5)
    # Thu 5/3 + 2: Fri 6 (1), Sat 7 make-up (2).
    assert calendar.add_working_days(date(2026, 3, 5), 2) == date(2026, 3, 7)


def test_it_rejects_unknown_override_kinds() -> None:
    with pytest.raises(ValueError, match="unknown override kind"):
        _calendar(((date(2026, 3, 2), "holiday?", "x"),))


def test_working_days_between_counts_the_half_open_interval() -> None:
    assert CAL.working_days_between(date(2026, 2, 12), date(2026, 2, 26)) == 5
    assert CAL.working_days_between(date(2026, 2, 26), date(2026, 2, 12)) == -5
    assert CAL.working_days_between(date(2026, 2, 14), date(2026, 2, 22)) == 0


def test_skipped_days_explain_a_due_date() -> None:
    skipped = CAL.skipped_days(date(2024, 4, 26), date(2024, 5, 4))
    assert skipped == [
        date(2024, 4, 27),
        date(2024, 4, 28),
        date(2024, 4, 29),
        date(2024, 4, 30),
        date(2024, 5, 1),
    ]


days_in_range = st.dates(min_value=date(FIRST, 1, 1), max_value=date(LAST - 1, 6, 30))
periods = st.integers(min_value=0, max_value=120)


@settings(max_examples=300, deadline=None)
@given(start=days_in_range, days=periods)
def test_property_due_is_a_working_day_exactly_n_working_days_later(start: date, days: int) -> None:
    due = CAL.add_working_days(start, days)
    assert CAL.is_working_day(due)
    if days == 0:
        assert due >= start
        assert all(not CAL.is_working_day(start + timedelta(k)) for k in range((due - start).days))
    else:
        assert due > start
        assert CAL.working_days_between(start, due) == days
        # Nothing earlier would do: the day before the due date is still short of the period.
        assert CAL.working_days_between(start, due - timedelta(days=1)) == days - 1


@settings(max_examples=200, deadline=None)
@given(start=days_in_range, first=st.integers(1, 60), second=st.integers(1, 60))
def test_property_periods_compose(start: date, first: int, second: int) -> None:
    assert CAL.add_working_days(start, first + second) == CAL.add_working_days(
        CAL.add_working_days(start, first), second
    )


@settings(max_examples=200, deadline=None)
@given(start=days_in_range, days=st.integers(1, 60), later=st.integers(0, 30))
def test_property_due_dates_never_move_backwards(start: date, days: int, later: int) -> None:
    assert CAL.add_working_days(start + timedelta(days=later), days) >= CAL.add_working_days(start, days)
    assert CAL.add_working_days(start, days + 1) > CAL.add_working_days(start, days)


@settings(max_examples=200, deadline=None)
@given(day=days_in_range)
def test_property_weekdays_are_working_unless_named_and_weekends_only_when_made_up(day: date) -> None:
    if day.weekday() < 5:
        assert CAL.is_working_day(day) == (CAL.day_off_name(day) is None)
    else:
        assert CAL.is_working_day(day) == (day in CAL.workday_names)


class TestOfficeHours:
    def test_it_parses_and_sums_the_periods(self) -> None:
        assert OFFICE.hours_per_day == 7.5
        assert OFFICE.cutoff.hour == 15

    @pytest.mark.parametrize("spec", ["17:00-07:30", "07:30-11:30,11:00-17:00", "", "7h-11h"])
    def test_it_refuses_malformed_hours(self, spec: str) -> None:
        with pytest.raises(ValueError):  # noqa: PT011 - the message varies with the defect
            OfficeHours.parse(spec, "15:00")

    def test_same_day_results_move_after_the_cutoff(self) -> None:
        assert same_day_due(CAL, datetime(2026, 2, 12, 14, 59), OFFICE) == date(2026, 2, 12)
        assert same_day_due(CAL, datetime(2026, 2, 12, 15, 1), OFFICE) == date(2026, 2, 13)
        # Friday after the cut-off before Tết: next working day is after Tết.
        assert same_day_due(CAL, datetime(2026, 2, 13, 16, 0), OFFICE) == date(2026, 2, 23)
        assert same_day_due(CAL, datetime(2026, 2, 14, 9, 0), OFFICE) == date(2026, 2, 23)

    def test_hours_run_only_inside_office_hours(self) -> None:
        # 10:30 + 4 h: 1 h until 11:30, 3 h from 13:30 → 16:30.
        assert add_working_hours(CAL, datetime(2026, 3, 3, 10, 30), 4, OFFICE) == datetime(2026, 3, 3, 16, 30)
        # Received during lunch: counting starts at 13:30.
        assert add_working_hours(CAL, datetime(2026, 3, 3, 12, 0), 1, OFFICE) == datetime(2026, 3, 3, 14, 30)
        # Received after closing on Friday before Tết: counting starts on Monday 23/2 at 07:30.
        assert add_working_hours(CAL, datetime(2026, 2, 13, 18, 0), 8, OFFICE) == datetime(2026, 2, 24, 8, 0)
        with pytest.raises(ValueError, match="negative"):
            add_working_hours(CAL, datetime(2026, 3, 3, 8, 0), -1, OFFICE)


def test_holiday_periods_group_consecutive_days_off() -> None:
    from cchc.workdays.calendar import holiday_periods

    periods = holiday_periods(CAL.days_off(2026))
    tet = next(p for p in periods if p.name == "Tết Nguyên Đán")
    assert (tet.first, tet.last, tet.days) == (date(2026, 2, 16), date(2026, 2, 20), 5)
    hung_kings = next(p for p in periods if p.first == date(2026, 4, 26))
    assert hung_kings.name == "Ngày Giỗ Tổ Hùng Vương"
    assert hung_kings.days == 2
    assert next(p for p in periods if p.first == date(2026, 4, 30)).name == "Ngày Chiến thắng – Ngày Quốc tế Lao động"
