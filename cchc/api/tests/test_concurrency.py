"""Concurrent requests on PostgreSQL: intake never duplicates a code, and two people acting on the same
screen never both succeed. (SQLite serialises writers, so there is nothing to race there.)"""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from cchc.api.services import api_token_create
from cchc.api.tests.conftest import intake_body
from cchc.dossiers.models import Dossier, DossierEvent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers"),
    # Real transactions, so every thread sees the others' commits; the rule sets of the data
    # migration are restored afterwards.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 8


def _in_parallel(work: Callable[[int], Any], n: int) -> list[Any]:
    """Run work(0..n-1) in n threads released together; each closes its own DB connection."""
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[i] = work(i)
        except Exception as exc:  # reported by the assertions below
            results[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def bearer(officer) -> str:
    _token, raw = api_token_create(user=officer, name="concurrency")
    return f"Bearer {raw}"


def test_parallel_intake_never_duplicates_a_code(bearer: str, procedure) -> None:
    body = intake_body(procedure)

    def intake(_i: int) -> tuple[int, str]:
        response = Client(HTTP_AUTHORIZATION=bearer).post("/api/v1/dossiers", body, content_type="application/json")
        return response.status_code, response.json().get("code", response.content.decode())

    results = _in_parallel(intake, THREADS)
    assert [status for status, _code in results] == [201] * THREADS, results
    codes = sorted(code for _status, code in results)
    assert len(set(codes)) == THREADS
    prefix = codes[0][:-4]
    assert codes == [f"{prefix}{n:04d}" for n in range(1, THREADS + 1)]
    assert Dossier.objects.count() == THREADS


def test_two_transitions_with_the_same_version_never_both_succeed(bearer: str, procedure) -> None:
    client = Client(HTTP_AUTHORIZATION=bearer)
    created = client.post("/api/v1/dossiers", intake_body(procedure), content_type="application/json").json()
    code, version = created["code"], created["version"]
    actions = [("transfer", {}), ("withdraw", {"reason": "Công dân xin rút hồ sơ"})]

    def act(i: int) -> tuple[int, dict[str, Any]]:
        action, extra = actions[i]
        response = Client(HTTP_AUTHORIZATION=bearer).post(
            f"/api/v1/dossiers/{code}/actions/{action}",
            {"expected_version": version, **extra},
            content_type="application/json",
        )
        return response.status_code, response.json()

    results = _in_parallel(act, 2)
    statuses = sorted(status for status, _body in results)
    assert statuses == [200, 409], results
    loser = next(body for status, body in results if status == 409)
    assert loser["code"] == "conflict"
    assert "Người khác vừa thay đổi" in loser["detail"]
    dossier = Dossier.objects.get(code=code)
    assert dossier.version == version + 1
    assert DossierEvent.objects.filter(dossier=dossier).count() == 3


def test_the_same_transition_twice_at_once_happens_once(bearer: str, procedure) -> None:
    client = Client(HTTP_AUTHORIZATION=bearer)
    code = client.post("/api/v1/dossiers", intake_body(procedure), content_type="application/json").json()["code"]

    def transfer(_i: int) -> int:
        response = Client(HTTP_AUTHORIZATION=bearer).post(
            f"/api/v1/dossiers/{code}/actions/transfer", {}, content_type="application/json"
        )
        return response.status_code

    assert sorted(_in_parallel(transfer, 4)) == [200, 409, 409, 409]
    assert DossierEvent.objects.filter(dossier__code=code, action="transfer").count() == 1
