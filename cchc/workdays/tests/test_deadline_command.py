"""./dev manage deadline <date> <days>: first line YYYY-MM-DD; bad input → Vietnamese message, non-zero exit."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def _run(*args: str) -> list[str]:
    out = StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue().splitlines()


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        ("2026-02-12", "5", "2026-02-26"),
        ("12/02/2026", "5", "2026-02-26"),
        ("2024-04-26", "3", "2024-05-04"),
        ("2023-01-19", "1", "2023-01-27"),
        ("2025-04-25", "1", "2025-04-26"),
        ("2026-02-12T16:30", "5", "2026-02-26"),
        ("2026-02-12T14:00", "0", "2026-02-12"),
        ("2026-02-12 16:00", "0", "2026-02-13"),
    ],
)
def test_it_prints_the_due_date_first(received: str, days: str, due: str) -> None:
    assert _run(received, days)[0] == due


def test_it_explains_skipped_and_made_up_days() -> None:
    lines = _run("2024-04-26", "3")
    text = "\n".join(lines[1:])
    assert "29/04/2024" in text
    assert "04/05/2024" in text
    assert "Thứ Bảy" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2026-02-30", "5"), "Ngày tiếp nhận"),
        (("hôm nay", "5"), "Ngày tiếp nhận"),
        (("2026-02-12", "-3"), "không được âm"),
        (("2026-02-12", "năm"), "số nguyên"),
        (("2026-02-12",), "Cách dùng"),
        (("1999-12-31", "1"), "ngoài phạm vi"),
    ],
)
def test_it_refuses_bad_input_in_vietnamese(args: tuple[str, ...], message: str) -> None:
    with pytest.raises(CommandError, match=message):
        _run(*args)
