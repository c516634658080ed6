from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client

from cchc.api.services import api_token_create
from cchc.core import clock
from cchc.dossiers.tests.factories import vn
from cchc.org.models import User


@pytest.fixture(autouse=True)
def _tuesday_morning() -> Iterator[None]:
    """Requests happen on Tuesday 03/03/2026 at 10:00 unless a test says otherwise (as in the
    dossiers' tests: the factories receive on Monday 02/03/2026 at 09:00)."""
    with clock.at(vn(2026, 3, 3, 10)):
        yield


class Api:
    """A client calling /api/v1 with a bearer token acting as one user."""

    def __init__(self, user: User) -> None:
        _token, self.token = api_token_create(user=user, name=f"tests {user.username}")
        self.client = Client(HTTP_AUTHORIZATION=f"Bearer {self.token}")

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params)

    def post(self, path: str, body: Any = None, **headers: str) -> Any:
        return self.client.post(f"/api/v1{path}", body or {}, content_type="application/json", headers=headers)

    def act(self, code: str, action: str, **body: Any) -> Any:
        return self.post(f"/dossiers/{code}/actions/{action}", body)


@pytest.fixture
def api_as() -> Callable[[User], Api]:
    return Api


def intake_body(proc: Any, **overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "procedure": proc.code,
        "channel": "counter",
        "applicant": {
            "kind": "person",
            "name": "Trần Thị Bé",
            "id_number": "079198765432",
            "phone": "0987 654 321",
            "address": "45 Trần Hưng Đạo, phường Bà Rịa",
        },
        "documents": [{"required_document_id": d.pk} for d in proc.required_documents.all()],
    }
    body.update(overrides)
    return body
