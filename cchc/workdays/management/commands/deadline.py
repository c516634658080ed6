"""./dev manage deadline <reception date or datetime> <working days>: print the due date.

The first line is the due date as YYYY-MM-DD (for scripts); the lines after it explain it.
"""

from datetime import date, datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from cchc.core.errors import RuleViolation
from cchc.lib.vndates import format_date, parse_date_or_datetime, weekday_name
from cchc.workdays.services import due_date, get_calendar, office_hours


class Command(BaseCommand):
    help = "Print the due date of a period of N working days from a reception date or moment."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("received", nargs="?", help="2026-02-12, 12/02/2026 or 2026-02-12T16:30")
        parser.add_argument("working_days", nargs="?", help="number of working days (0 = in the day)")

    def handle(self, *args: Any, **options: Any) -> None:
        raw_received, raw_days = options["received"], options["working_days"]
        if raw_received is None or raw_days is None:
            raise CommandError(_("Usage: deadline <reception date> <working days>, e.g. deadline 2026-02-12 5"))
        try:
            received = parse_date_or_datetime(raw_received)
        except ValueError as exc:
            raise CommandError(
                _("Invalid reception date “%(value)s”: use YYYY-MM-DD or dd/mm/yyyy, optionally with a time HH:MM.")
                % {"value": raw_received}
            ) from exc
        try:
            days = int(raw_days)
        except ValueError as exc:
            raise CommandError(
                _("Invalid number of working days “%(value)s”: give a whole number.") % {"value": raw_days}
            ) from exc
        if days < 0:
            raise CommandError(_("The number of working days cannot be negative."))
        try:
            due = due_date(received, days)
        except RuleViolation as exc:
            raise CommandError(exc.message) from exc

        self.stdout.write(due.isoformat())
        self._explain(received, days, due)

    def _explain(self, received: date | datetime, days: int, due: date) -> None:
        calendar = get_calendar(through_year=due.year)
        day = received.date() if isinstance(received, datetime) else received
        moment = f" {received:%H:%M}" if isinstance(received, datetime) else ""
        self.stdout.write(
            _("Received:     %(day)s %(date)s%(time)s")
            % {
                "day": weekday_name(day),
                "date": format_date(day),
                "time": moment,
            }
        )
        if days == 0:
            self.stdout.write(
                _("Result in the day; after %(cutoff)s it is due the next working day.")
                % {"cutoff": office_hours().cutoff.strftime("%H:%M")}
            )
        else:
            self.stdout.write(_("Counting starts the next day (Civil Code 2015, Art. 147)."))
        self.stdout.write(_("Due:          %(day)s %(date)s") % {"day": weekday_name(due), "date": format_date(due)})
        for skipped in calendar.skipped_days(day, due):
            reason = calendar.day_off_name(skipped) or weekday_name(skipped)
            self.stdout.write(_("  skipped %(date)s: %(reason)s") % {"date": format_date(skipped), "reason": reason})
        for worked in sorted(d for d in calendar.workday_names if day < d <= due):
            self.stdout.write(
                _("  counted %(date)s (%(day)s): make-up working day")
                % {"date": format_date(worked), "day": weekday_name(worked)}
            )
