"""The calendar page and the due-date calculator."""

import pytest
from django.test import Client
from django.urls import reverse

from cchc.org.models import User

pytestmark = pytest.mark.django_db


def test_it_shows_a_year_with_tet_and_make_up_days(client: Client, specialist: User) -> None:
    client.force_login(specialist)
    response = client.get(reverse("workdays:year_of", args=[2024]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tết Nguyên Đán" in body
    assert "04/05/2024" in body  # the make-up Saturday
    assert "Lịch ngày làm việc 2024" in body


def test_the_calculator_answers_in_a_fragment(client: Client, officer: User) -> None:
    client.force_login(officer)
    response = client.get(
        reverse("workdays:due_date"),
        {"received": "12/02/2026", "working_days": "5"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "26/02/2026" in body
    assert "<html" not in body
    assert "Giao thừa Tết Nguyên Đán" in body


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"received": "2026-02-30", "working_days": "5"}, "Nhập ngày hợp lệ"),
        ({"received": "2026-02-12", "working_days": "-1"}, "không được âm"),
        ({"received": "2026-02-12", "working_days": "x"}, "số nguyên"),
        ({"received": "1990-01-01", "working_days": "2"}, "ngoài phạm vi"),
    ],
)
def test_the_calculator_explains_bad_input(client: Client, officer: User, params: dict[str, str], message: str) -> None:
    client.force_login(officer)
    response = client.get(reverse("workdays:due_date"), params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("workdays:year"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
