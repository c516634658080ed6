"""The administrator's override table: it wins, it needs a legal basis, the calendar refreshes."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cchc.core.errors import RuleViolation
from cchc.core.models import AuditEvent
from cchc.workdays import services
from cchc.workdays.models import CalendarOverride

pytestmark = pytest.mark.django_db

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _override(day: date, kind: str, name: str = "Điều chỉnh", basis: str = "Thông báo 01/TB-BNV") -> CalendarOverride:
    return services.override_save(override=CalendarOverride(day=day, kind=kind, name=name, legal_basis=basis))


def test_it_applies_a_new_day_off_at_once(django_capture_on_commit_callbacks) -> None:
    assert services.due_date(date(2026, 3, 2), 1) == date(2026, 3, 3)
    with django_capture_on_commit_callbacks(execute=True):
        _override(date(2026, 3, 3), CalendarOverride.Kind.DAY_OFF, "Nghỉ bù")
    assert services.due_date(date(2026, 3, 2), 1) == date(2026, 3, 4)


def test_a_make_up_saturday_counts(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _override(date(2026, 3, 7), CalendarOverride.Kind.WORKDAY, "Làm bù")
    assert services.due_date(date(2026, 3, 6), 1) == date(2026, 3, 7)


def test_a_removed_holiday_is_a_working_day_again(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _override(date(2026, 11, 24), CalendarOverride.Kind.NOT_HOLIDAY, "Không nghỉ")
    assert services.due_date(date(2026, 11, 23), 1) == date(2026, 11, 24)


def test_deleting_an_override_restores_the_statutory_day(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        override = _override(date(2026, 3, 3), CalendarOverride.Kind.DAY_OFF)
    with django_capture_on_commit_callbacks(execute=True):
        services.override_delete(override=override)
    assert services.due_date(date(2026, 3, 2), 1) == date(2026, 3, 3)


def test_it_refuses_an_override_without_legal_basis_and_saves_nothing() -> None:
    with pytest.raises(RuleViolation, match="căn cứ pháp lý"):
        _override(date(2026, 3, 3), CalendarOverride.Kind.DAY_OFF, basis="  ")
    assert not CalendarOverride.objects.exists()


def test_it_refuses_a_second_override_for_the_same_day() -> None:
    _override(date(2026, 3, 3), CalendarOverride.Kind.DAY_OFF, "Nghỉ bù")
    with pytest.raises(RuleViolation, match="03/03/2026"):
        _override(date(2026, 3, 3), CalendarOverride.Kind.WORKDAY)
    assert CalendarOverride.objects.get().kind == CalendarOverride.Kind.DAY_OFF


def test_it_refuses_dates_outside_the_calendar() -> None:
    with pytest.raises(RuleViolation):
        _override(date(1999, 12, 31), CalendarOverride.Kind.DAY_OFF)


def test_overrides_are_audited() -> None:
    _override(date(2026, 3, 3), CalendarOverride.Kind.DAY_OFF, "Nghỉ bù")
    event = AuditEvent.objects.get(model="workdays.calendaroverride")
    assert event.action == AuditEvent.Action.CREATE
    assert event.changes["name"] == ["", "Nghỉ bù"]


def test_other_processes_see_an_edit_after_the_ttl(monkeypatch: pytest.MonkeyPatch) -> None:
    assert services.due_date(date(2026, 3, 2), 1) == date(2026, 3, 3)
    # Another process edits the table (no on-commit hook here): once the TTL has passed,
    # the changed count of overrides makes this process rebuild.
    CalendarOverride.objects.create(day=date(2026, 3, 3), kind="day_off", name="x", legal_basis="y")
    monkeypatch.setattr(services, "CALENDAR_TTL", 0.0)
    assert services.due_date(date(2026, 3, 2), 1) == date(2026, 3, 4)


def test_due_date_of_an_aware_datetime_uses_the_vietnamese_day() -> None:
    # 18:30 UTC on 12/02 is 01:30 on 13/02 in Hanoi: the count starts on 14/02.
    received = datetime(2026, 2, 12, 18, 30, tzinfo=ZoneInfo("UTC"))
    assert services.due_date(received, 1) == date(2026, 2, 23)
    # "In the day" after the 15:00 cut-off, local time.
    assert services.due_date(datetime(2026, 3, 3, 15, 30, tzinfo=VN), 0) == date(2026, 3, 4)


def test_due_moment_in_hours_is_aware_and_local() -> None:
    moment = services.due_moment_in_hours(datetime(2026, 3, 3, 10, 30, tzinfo=VN), 4)
    assert moment == datetime(2026, 3, 3, 16, 30, tzinfo=VN)


def test_it_refuses_negative_periods_in_vietnamese() -> None:
    with pytest.raises(RuleViolation, match="không được âm"):
        services.due_date(date(2026, 3, 2), -1)


def test_it_extends_the_calendar_for_far_dates() -> None:
    assert services.due_date(date(2060, 1, 5), 1) == date(2060, 1, 6)
