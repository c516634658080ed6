"""The working-day calendar as pure, precomputed arithmetic. No database, no Django.

Every deadline in CCHC is counted on this calendar. Rules (legal.md §1.3, §8):

* A working day is Monday–Friday that is not a day off, or a weekend day the government made a
  working day (a make-up Saturday, "ngày làm bù").
* A period of N working days starts on the day *after* the triggering event (Civil Code 2015
  Art. 147) and ends at the end of the N-th working day counted from there, so weekends, holidays
  and compensatory days are skipped, and a make-up Saturday counts.
* Periods in working hours run only inside office hours; the same-day cut-off (NĐ 61/2018 Art. 18:
  received after 15:00 → next working day) decides when an "in the day" result is due.

Lookups are two list indexings on arrays built once per calendar: `cumulative[i]` counts the working
days up to and including day i of the range, `ordinals` lists the working days in order. A million
due dates take a fraction of a second (benchmarks/bench_workdays.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


class CalendarRangeError(ValueError):
    """The date (or the result) lies outside the years this calendar was built for."""


@dataclass(frozen=True, slots=True)
class DayOff:
    day: date
    name: str


class WorkCalendar:
    """Working days of the years first_year..last_year (inclusive)."""

    __slots__ = ("_base", "_cumulative", "_names", "_ordinals", "first_year", "last_year", "workday_names")

    def __init__(
        self,
        *,
        first_year: int,
        last_year: int,
        days_off: Mapping[date, str],
        extra_workdays: Mapping[date, str],
    ) -> None:
        if last_year < first_year:
            msg = "last_year must not be before first_year"
            raise ValueError(msg)
        self.first_year = first_year
        self.last_year = last_year
        self._names = dict(days_off)
        self.workday_names = dict(extra_workdays)
        base = date(first_year, 1, 1).toordinal()
        end = date(last_year, 12, 31).toordinal()
        off = {d.toordinal() for d in days_off}
        extra = {d.toordinal() for d in extra_workdays}
        cumulative: list[int] = []
        ordinals: list[int] = []
        count = 0
        for ordinal in range(base, end + 1):
            # date.toordinal() of a Monday is ≡ 1 (mod 7); weekday() = (ordinal + 6) % 7.
            weekend = (ordinal + 6) % 7 >= 5
            if ordinal in extra or (not weekend and ordinal not in off):
                count += 1
                ordinals.append(ordinal)
            cumulative.append(count)
        self._base = base
        self._cumulative = cumulative
        self._ordinals = ordinals

    def _index(self, day: date) -> int:
        i = day.toordinal() - self._base
        if i < 0 or i >= len(self._cumulative):
            msg = f"{day.isoformat()} is outside {self.first_year}–{self.last_year}"
            raise CalendarRangeError(msg)
        return i

    def covers(self, day: date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def is_working_day(self, day: date) -> bool:
        i = self._index(day)
        previous = self._cumulative[i - 1] if i else 0
        return self._cumulative[i] != previous

    def day_off_name(self, day: date) -> str | None:
        """The name of the holiday or day off on `day`, if it is one (weekends have no name)."""
        return self._names.get(day)

    def days_off(self, year: int) -> list[DayOff]:
        return sorted((DayOff(d, n) for d, n in self._names.items() if d.year == year), key=lambda x: x.day)

    def add_working_days(self, start: date, days: int) -> date:
        """The end of a period of `days` working days triggered on `start`.

        days >= 1: the days-th working day strictly after `start` (the count starts the next day).
        days == 0: `start` itself when it is a working day, otherwise the next working day.
        """
        if days < 0:
            msg = "days must not be negative"
            raise ValueError(msg)
        i = self._index(start)
        if days == 0:
            previous = self._cumulative[i - 1] if i else 0
            target = previous  # index into ordinals of the first working day on or after start
        else:
            target = self._cumulative[i] + days - 1
        if target >= len(self._ordinals):
            msg = f"{days} working days after {start.isoformat()} is beyond {self.last_year}"
            raise CalendarRangeError(msg)
        return date.fromordinal(self._ordinals[target])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how many working days have passed from start to end.

        Negative when end is before start. working_days_between(d, add_working_days(d, n)) == n.
        """
        return self._cumulative[self._index(end)] - self._cumulative[self._index(start)]

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, otherwise the first working day after it."""
        return self.add_working_days(day, 0)

    def skipped_days(self, start: date, end: date) -> list[date]:
        """The non-working days in (start, end], for explaining a due date to a person."""
        return [
            start + timedelta(days=k)
            for k in range(1, (end - start).days + 1)
            if not self.is_working_day(start + timedelta(days=k))
        ]


@dataclass(frozen=True, slots=True)
class HolidayPeriod:
    """Consecutive days off shown as one line: "Tết Nguyên Đán, 16/02–20/02"."""

    first: date
    last: date
    name: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def _period_name(names: list[str]) -> str:
    # Tết's days carry their own names (29 Tết, Giao thừa, Mùng hai…); the period is simply Tết.
    if any("Tết Nguyên Đán" in name for name in names):
        return "Tết Nguyên Đán"
    distinct: list[str] = []
    for name in names:
        base = name.split(" (")[0].strip()
        if base not in distinct:
            distinct.append(base)
    return " – ".join(distinct)


def holiday_periods(days_off: list[DayOff]) -> list[HolidayPeriod]:
    """Group days off that follow each other (calendar days) into periods, in date order."""
    periods: list[HolidayPeriod] = []
    run: list[DayOff] = []
    for day_off in sorted(days_off, key=lambda d: d.day):
        if run and (day_off.day - run[-1].day).days > 1:
            periods.append(HolidayPeriod(run[0].day, run[-1].day, _period_name([d.name for d in run])))
            run = []
        run.append(day_off)
    if run:
        periods.append(HolidayPeriod(run[0].day, run[-1].day, _period_name([d.name for d in run])))
    return periods


def build_calendar(
    *,
    first_year: int,
    last_year: int,
    holidays: Mapping[date, str],
    make_up_workdays: Iterable[date] | Mapping[date, str],
    overrides: Iterable[tuple[date, str, str]] = (),
) -> WorkCalendar:
    """Combine the statutory holidays with the administrator's overrides; the override wins.

    `overrides` holds (day, kind, name) with kind one of "day_off" (an extra day off), "workday"
    (a make-up working day) or "not_holiday" (a holiday that does not apply: the day reverts to its
    ordinary weekday rule).
    """
    days_off = dict(holidays)
    if isinstance(make_up_workdays, Mapping):
        workdays = dict(make_up_workdays)
    else:
        workdays = dict.fromkeys(make_up_workdays, "Ngày làm việc bù")
    for day, kind, name in overrides:
        if kind == "day_off":
            days_off[day] = name
            workdays.pop(day, None)
        elif kind == "workday":
            workdays[day] = name
            days_off.pop(day, None)
        elif kind == "not_holiday":
            days_off.pop(day, None)
            workdays.pop(day, None)
        else:
            msg = f"unknown override kind {kind!r}"
            raise ValueError(msg)
    return WorkCalendar(first_year=first_year, last_year=last_year, days_off=days_off, extra_workdays=workdays)


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """Office hours of the one-stop desk: working periods of a day, and the same-day cut-off."""

    periods: tuple[tuple[time, time], ...]
    cutoff: time

    @classmethod
    def parse(cls, periods: str, cutoff: str) -> OfficeHours:
        """From settings text: "07:30-11:30,13:30-17:00" and "15:00"."""
        parsed: list[tuple[time, time]] = []
        for part in periods.split(","):
            begin, _, finish = part.strip().partition("-")
            start_t, end_t = time.fromisoformat(begin.strip()), time.fromisoformat(finish.strip())
            if end_t <= start_t or (parsed and start_t < parsed[-1][1]):
                msg = f"office hours {periods!r} are not increasing periods"
                raise ValueError(msg)
            parsed.append((start_t, end_t))
        if not parsed:
            msg = "office hours are empty"
            raise ValueError(msg)
        return cls(periods=tuple(parsed), cutoff=time.fromisoformat(cutoff.strip()))

    @property
    def hours_per_day(self) -> float:
        return sum(_minutes(end) - _minutes(start) for start, end in self.periods) / 60


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(minutes // 60, minutes % 60))


def same_day_due(calendar: WorkCalendar, received: datetime, office: OfficeHours) -> date:
    """Due date of a result promised "in the day": the reception day, or the next working day when
    the dossier arrives after the cut-off or on a day off."""
    day = received.date()
    if calendar.is_working_day(day) and received.time() <= office.cutoff:
        return day
    return calendar.add_working_days(day, 1)


def add_working_hours(calendar: WorkCalendar, start: datetime, hours: float, office: OfficeHours) -> datetime:
    """The moment `hours` of office time after `start` (a naive local datetime).

    Time outside office hours does not count: a start during the lunch break counts from the
    afternoon opening, a start after closing from the next working day's opening.
    """
    if hours < 0:
        msg = "hours must not be negative"
        raise ValueError(msg)
    remaining = math.ceil(round(hours * 60, 6))  # whole minutes; round() absorbs float noise
    day = start.date()
    now = _minutes(start.time()) + (1 if start.second or start.microsecond else 0)
    while True:
        if calendar.is_working_day(day):
            for period_start, period_end in office.periods:
                begin, finish = max(now, _minutes(period_start)), _minutes(period_end)
                if begin >= finish:
                    continue
                if remaining <= finish - begin:
                    return _at(day, begin + remaining)
                remaining -= finish - begin
        day += timedelta(days=1)
        now = 0
