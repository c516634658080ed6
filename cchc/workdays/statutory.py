"""Statutory holidays and make-up working days of Vietnam, from the `holidays` package.

The package knows the Labour Code holidays (Tết, Hùng Kings' day by the Vietnamese lunar calendar,
30/4, 1/5, 2/9 and its adjacent day, 1/1, from 2026 also 24/11), the compensatory days for
holidays falling on a weekend, and the swaps the government has announced up to its release
(`weekend_workdays` are the make-up Saturdays). Years the government has not yet decided are the
package's projection: administrators correct them with overrides (legal.md §8, stack.md G8).
"""

from datetime import date

import holidays


def statutory_days(first_year: int, last_year: int) -> tuple[dict[date, str], dict[date, str]]:
    """(days off, make-up working days) of the civil-service calendar, with Vietnamese names."""
    vn = holidays.country_holidays("VN", years=range(first_year, last_year + 1), language="vi")
    days_off = {day: str(name) for day, name in vn.items()}
    make_up = {
        day: "Làm việc bù" for day in getattr(vn, "weekend_workdays", set()) if first_year <= day.year <= last_year
    }
    return days_off, make_up
