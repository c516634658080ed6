"""Dates as Vietnamese civil servants write them (dd/mm/yyyy) and the weekday names of the calendar."""

from datetime import date, datetime

WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def format_date(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def weekday_name(value: date) -> str:
    return WEEKDAY_NAMES[value.weekday()]


def parse_date_or_datetime(text: str) -> date | datetime:
    """Parse 2026-02-12, 12/02/2026, 2026-02-12T16:30 or "12/02/2026 16:30". Raises ValueError otherwise.

    A datetime comes back naive: the caller decides the time zone (Asia/Ho_Chi_Minh in CCHC).
    """
    text = " ".join(text.strip().replace("T", " ").split())
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M"):
        try:
            return datetime.strptime(text, fmt)  # noqa: DTZ007 - naive on purpose, see docstring
        except ValueError:
            continue
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValueError(text)
