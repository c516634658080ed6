"""Who may call the API: token holders and signed-in staff, with their own scope; nobody else."""

import hashlib

import pytest
from django.core.management import call_command
from django.test import Client

from cchc.api.models import ApiToken
from cchc.api.services import api_token_create, api_token_set_active
from cchc.core.errors import RuleViolation
from cchc.org.services import user_set_active

pytestmark = pytest.mark.django_db


def test_it_answers_with_a_valid_token(api_as, officer, catalogue) -> None:
    response = api_as(officer).get("/procedures")
    assert response.status_code == 200
    assert len(response.json()) >= 40


def test_it_stores_only_the_sha256_of_the_token(officer) -> None:
    token, raw = api_token_create(user=officer, name="Cổng DVC tỉnh")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    stored_values = {str(v) for row in ApiToken.objects.values_list("name", "prefix", "token_hash") for v in row}
    assert raw not in stored_values
    assert raw.startswith(stored.prefix)


@pytest.mark.parametrize("header", [None, "Bearer cchc_sai-ma", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz"])
def test_without_a_valid_token_it_refuses_in_vietnamese(client: Client, header, catalogue) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/procedures", headers=headers)
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Hãy đăng nhập, hoặc gửi mã truy cập API hợp lệ trong tiêu đề Authorization: Bearer …",
        "code": "unauthenticated",
    }
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_switched_off_token_or_person_no_longer_works(api_as, officer, admin_user, catalogue) -> None:
    api = api_as(officer)
    token = ApiToken.objects.get(user=officer)
    api_token_set_active(token=token, active=False)
    assert api.get("/procedures").status_code == 401
    api_token_set_active(token=token, active=True)
    assert api.get("/procedures").status_code == 200
    user_set_active(user=officer, active=False, actor=admin_user)
    assert api.get("/procedures").status_code == 401


def test_it_records_when_a_token_was_last_used(api_as, officer, catalogue) -> None:
    api = api_as(officer)
    assert ApiToken.objects.get(user=officer).last_used_at is None
    api.get("/procedures")
    assert ApiToken.objects.get(user=officer).last_used_at is not None


def test_a_token_needs_a_name_and_an_active_person(officer, admin_user) -> None:
    with pytest.raises(RuleViolation, match="đặt tên"):
        api_token_create(user=officer, name="  ")
    user_set_active(user=officer, active=False, actor=admin_user)
    with pytest.raises(RuleViolation, match="ngừng hoạt động"):
        api_token_create(user=officer, name="Cổng")
    assert not ApiToken.objects.exists()


class TestSession:
    def test_signed_in_staff_may_read(self, client: Client, officer, catalogue) -> None:
        client.force_login(officer)
        assert client.get("/api/v1/procedures").status_code == 200

    def test_unsafe_methods_need_the_csrf_token(self, officer, procedure) -> None:
        from cchc.api.tests.conftest import intake_body
        from cchc.dossiers.models import Dossier

        browser = Client(enforce_csrf_checks=True)
        browser.force_login(officer)
        response = browser.post("/api/v1/dossiers", intake_body(procedure), content_type="application/json")
        assert response.status_code == 403
        assert "CSRF" in response.json()["detail"]
        assert "Tải lại trang" in response.json()["detail"]
        assert not Dossier.objects.exists()
        browser.get("/ho-so/")  # any page sets the CSRF cookie
        token = browser.cookies["csrftoken"].value
        response = browser.post(
            "/api/v1/dossiers", intake_body(procedure), content_type="application/json", headers={"X-CSRFToken": token}
        )
        assert response.status_code == 201, response.content

    def test_anonymous_browsers_are_not_authenticated(self, catalogue) -> None:
        browser = Client(enforce_csrf_checks=True)
        assert browser.post("/api/v1/dossiers", {}, content_type="application/json").status_code == 401


class TestIssuing:
    def test_the_command_prints_the_token_once(self, officer, capsys) -> None:
        call_command("create_api_token", "motcua", "Cổng dịch vụ công tỉnh")
        raw = capsys.readouterr().out.strip()
        token = ApiToken.objects.get()
        assert token.user == officer
        assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()

    def test_the_command_refuses_an_unknown_user(self, org) -> None:
        from django.core.management.base import CommandError

        with pytest.raises(CommandError, match="Không có người dùng"):
            call_command("create_api_token", "khong-ai", "Cổng")
        assert not ApiToken.objects.exists()

    def test_the_administration_shows_the_token_once(self, client: Client, admin_user, officer) -> None:
        client.force_login(admin_user)
        response = client.post(
            "/quan-tri/api/apitoken/add/", {"name": "Cổng DVC quốc gia", "user": officer.pk}, follow=True
        )
        token = ApiToken.objects.get()
        page = response.content.decode()
        assert "sẽ không được hiển thị lại" in page
        shown = page.split("<code>")[1].split("</code>")[0]
        assert hashlib.sha256(shown.encode()).hexdigest() == token.token_hash
        again = client.get(f"/quan-tri/api/apitoken/{token.pk}/change/").content.decode()
        assert shown not in again
        assert token.prefix in again

    def test_other_staff_cannot_open_the_tokens(self, client: Client, officer) -> None:
        client.force_login(officer)
        response = client.get("/quan-tri/api/apitoken/")
        assert response.status_code in {302, 403}
