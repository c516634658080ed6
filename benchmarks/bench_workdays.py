"""A million due dates on the working-day calendar (target: well under a second)."""

import random
import time
from datetime import date, timedelta

from cchc.workdays.calendar import build_calendar
from cchc.workdays.statutory import statutory_days

N = 1_000_000


def run() -> None:
    started = time.perf_counter()
    days_off, make_up = statutory_days(2000, 2041)
    calendar = build_calendar(first_year=2000, last_year=2041, holidays=days_off, make_up_workdays=make_up)
    print(f"build calendar 2000–2041: {(time.perf_counter() - started) * 1000:.1f} ms")

    rng = random.Random(2026)
    base = date(2023, 1, 1)
    starts = [base + timedelta(days=rng.randrange(0, 4 * 365)) for _ in range(N)]
    periods = [rng.choice((1, 3, 5, 7, 10, 15, 20, 30, 45)) for _ in range(N)]

    add = calendar.add_working_days
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for start, days in zip(starts, periods, strict=True):
            add(start, days)
        best = min(best, time.perf_counter() - t0)
    print(f"{N:,} due dates: {best:.3f} s ({best / N * 1e9:.0f} ns each, best of 3)")

    t0 = time.perf_counter()
    between = calendar.working_days_between
    for start, days in zip(starts, periods, strict=True):
        between(start, start + timedelta(days=days))
    print(f"{N:,} working-day counts: {time.perf_counter() - t0:.3f} s")
