"""Signing in and out, the lockout after repeated failures, and session expiry."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.urls import reverse

from cchc.demo.personas import DEMO_PASSWORD
from cchc.org.models import User

pytestmark = pytest.mark.django_db


def _login(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_the_sign_in_page_is_in_vietnamese(client: Client) -> None:
    body = client.get(reverse("login")).content.decode()
    assert "Đăng nhập" in body
    assert "Tên đăng nhập" in body


def test_it_signs_in_and_lands_on_the_home_page(client: Client, officer: User) -> None:
    response = _login(client, "motcua", DEMO_PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "Nguyễn Thị Mai" in client.get(reverse("home")).content.decode()


def test_a_wrong_password_gets_a_vietnamese_message(client: Client, officer: User) -> None:
    body = _login(client, "motcua", "sai-mat-khau").content.decode()
    assert "mật khẩu chính xác" in body  # Django's own Vietnamese message


def test_repeated_failures_lock_the_account(client: Client, officer: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "motcua", "sai-mat-khau")
    response = _login(client, "motcua", DEMO_PASSWORD)
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()
    assert AccessAttempt.objects.filter(username="motcua").exists()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_person(client: Client, officer: User, specialist: User) -> None:
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "motcua", "sai-mat-khau")
    assert _login(client, "chuyenvien", DEMO_PASSWORD).status_code == 302


def test_sign_out_needs_a_post_and_ends_the_session(client: Client, officer: User) -> None:
    client.force_login(officer)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_staff_sessions_expire() -> None:
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_SAVE_EVERY_REQUEST  # the age counts from the last request: an idle timeout
    assert 0 < settings.SESSION_COOKIE_AGE <= 8 * 3600
