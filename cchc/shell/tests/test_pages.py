"""The shell: a home page per role, navigation by role, error pages in Vietnamese."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from cchc.org.models import User

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_persons_roles(client: Client, officer: User) -> None:
    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert "Xin chào, Nguyễn Thị Mai" in body
    assert "Cán bộ một cửa" in body
    assert "Sở Khoa học và Công nghệ" in body


def test_administration_is_in_the_navigation_of_administrators_only(
    client: Client, admin_user: User, specialist: User
) -> None:
    client.force_login(admin_user)
    assert reverse("admin:index") in client.get(reverse("home")).content.decode()
    client.force_login(specialist)
    assert reverse("admin:index") not in client.get(reverse("home")).content.decode()


def test_a_person_without_roles_is_told_what_to_do(client: Client, org) -> None:
    from cchc.org.services import user_create

    newcomer = user_create(username="moi", full_name="Người Mới", password="mot-mat-khau-dai")
    client.force_login(newcomer)
    assert "Bạn chưa có vai trò nào" in client.get(reverse("home")).content.decode()


def test_the_404_page_is_in_vietnamese(client: Client) -> None:
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@override_settings(DEBUG=False)
def test_the_500_page_is_in_vietnamese_and_standalone() -> None:
    from django.template.loader import render_to_string

    body = render_to_string("500.html")
    assert "Đã có lỗi" in body


def test_pages_carry_a_strict_content_security_policy(client: Client, officer: User) -> None:
    client.force_login(officer)
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy


def test_healthz_answers(client: Client) -> None:
    assert client.get(reverse("healthz")).json() == {"status": "ok"}


def test_the_home_page_counts_the_dossiers_of_the_units(client: Client, procedure, officer, director) -> None:
    from cchc.dossiers.tests.factories import received

    received(procedure, officer)
    client.force_login(director)
    body = client.get(reverse("home")).content.decode()
    assert "Hồ sơ một cửa của đơn vị" in body
    assert "đang quá hạn" in body
