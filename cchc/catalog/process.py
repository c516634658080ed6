"""Pure rules of the procedure catalogue: the internal process must add up to the department's limit."""

from decimal import Decimal

HOURS_PER_WORKING_DAY = Decimal(8)


def limit_in_days(limit: Decimal, unit: str) -> Decimal:
    """The limit as working days: hours count 8 to the day (the usual one-stop convention)."""
    if unit == "hours":
        return limit / HOURS_PER_WORKING_DAY
    return limit


def steps_total_matches(limit: Decimal, unit: str, step_days: list[Decimal]) -> bool:
    """True when the steps' allotments add up exactly to the limit (to the hundredth of a day)."""
    return abs(sum(step_days, Decimal(0)) - limit_in_days(limit, unit)) < Decimal("0.005")
