"""GET /api/v1/procedures and /api/v1/procedures/{code}."""

import pytest

pytestmark = pytest.mark.django_db


def test_it_searches_without_accents(api_as, officer, catalogue) -> None:
    api = api_as(officer)
    plain = {p["code"] for p in api.get("/procedures", q="buc xa").json()}
    accented = {p["code"] for p in api.get("/procedures", q="BỨC XẠ").json()}
    assert plain == accented
    assert len(plain) >= 3


def test_it_reads_a_procedure_with_its_documents_and_steps(api_as, officer, procedure) -> None:
    body = api_as(officer).get(f"/procedures/{procedure.code}").json()
    assert body["code"] == "2.002131"
    assert (body["time_limit"], body["shortened_time_limit"], body["time_unit"]) == ("5.0", "3.0", "working_days")
    assert [d["id"] for d in body["required_documents"]] == [d.pk for d in procedure.required_documents.all()]
    assert [s["order"] for s in body["steps"]] == [1, 2, 3, 4, 5]
    assert body["handling_unit"] == procedure.handling_unit.code


def test_an_unknown_procedure_is_404(api_as, officer, catalogue) -> None:
    response = api_as(officer).get("/procedures/9.999999")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy: hãy kiểm tra mã trong địa chỉ.", "code": "not_found"}
