"""POST /api/v1/dossiers: intake through the API, idempotent, with every refusal explained."""

import pytest

from cchc.api.tests.conftest import intake_body
from cchc.dossiers.models import Dossier, DossierDocument, DossierEvent

pytestmark = pytest.mark.django_db


def test_it_receives_a_dossier_with_its_checklist(api_as, officer, procedure) -> None:
    response = api_as(officer).post("/dossiers", intake_body(procedure))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["code"] == "000.00.26.H56-260303-0001"
    assert body["status"] == "received"
    assert body["status_label"] == "Đã tiếp nhận"
    assert body["national_status"] == 2
    assert body["applicant"]["phone"] == "0987654321"
    assert body["due_at"] == "2026-03-06T17:00:00+07:00"
    assert [e["action"] for e in body["events"]] == ["submit", "receive"]
    assert body["events"][1]["actor"] == "motcua"
    assert [d["name"] for d in body["documents"]] == [d.name for d in procedure.required_documents.all()]
    dossier = Dossier.objects.get()
    assert dossier.created_by == officer
    assert dossier.channel == "counter"


def test_the_same_idempotency_key_gives_the_same_dossier_and_creates_nothing(api_as, officer, procedure) -> None:
    api = api_as(officer)
    first = api.post("/dossiers", intake_body(procedure), **{"Idempotency-Key": "portal-7f3a"})
    again = api.post("/dossiers", intake_body(procedure), **{"Idempotency-Key": "portal-7f3a"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["code"] == again.json()["code"]
    assert Dossier.objects.count() == 1
    assert DossierEvent.objects.count() == 2
    other = api.post("/dossiers", intake_body(procedure), **{"Idempotency-Key": "portal-7f3b"})
    assert other.status_code == 201
    assert other.json()["code"].endswith("-0002")


def test_keys_belong_to_their_caller(api_as, officer, procedure) -> None:
    from cchc.org.models import User

    first = api_as(officer).post("/dossiers", intake_body(procedure), **{"Idempotency-Key": "k-1"})
    second_desk = User.objects.create(username="motcua2", full_name="Lê Văn Cửa")
    from cchc.org.models import Unit
    from cchc.org.services import membership_grant

    membership_grant(user=second_desk, unit=Unit.objects.get(parent__isnull=True), role="one_stop_officer")
    other = api_as(second_desk).post("/dossiers", intake_body(procedure), **{"Idempotency-Key": "k-1"})
    assert other.status_code == 201
    assert other.json()["code"] != first.json()["code"]


def test_an_online_submission_waits_for_the_desk(api_as, officer, procedure) -> None:
    api = api_as(officer)
    body = api.post("/dossiers", intake_body(procedure, channel="online", receive=False)).json()
    assert (body["status"], body["national_status"], body["received_at"], body["due_at"]) == (
        "submitted",
        1,
        None,
        None,
    )
    received = api.act(body["code"], "receive").json()
    assert received["status"] == "received"
    assert received["received_at"] == "2026-03-03T10:00:00+07:00"


def test_bad_applicant_details_get_a_message_per_field(api_as, officer, procedure) -> None:
    body = intake_body(procedure)
    body["applicant"] = {**body["applicant"], "id_number": "123", "phone": "abc", "email": "khong-phai-thu"}
    response = api_as(officer).post("/dossiers", body)
    assert response.status_code == 422
    payload = response.json()
    assert payload["code"] == "invalid"
    assert payload["detail"] == "Thông tin người nộp hồ sơ chưa hợp lệ."
    assert set(payload["errors"]) == {"applicant.id_number", "applicant.phone", "applicant.email"}
    assert "12 chữ số" in payload["errors"]["applicant.id_number"]
    assert not Dossier.objects.exists()
    assert not DossierEvent.objects.exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"channel": "fax"}, "channel", "Hãy chọn một trong"),
        ({"procedure": "9.999999"}, "procedure", "Không có thủ tục nào có mã 9.999999"),
        ({"sets_count": 0}, "sets_count", "ít nhất là 1"),
        ({"applicant": None}, "applicant.name", "bắt buộc"),
        ({"documents": [{"required_document_id": 999999}]}, "documents.0.required_document_id", "không thuộc"),
        ({"receiving_unit": "999.99.99.X99"}, "receiving_unit", "Không có đơn vị nào"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(api_as, officer, procedure, change, field, message) -> None:
    response = api_as(officer).post("/dossiers", intake_body(procedure, **change))
    assert response.status_code == 422, response.content
    assert message in response.json()["errors"][field]
    assert not Dossier.objects.exists()


def test_a_missing_field_is_named(api_as, officer, procedure) -> None:
    body = intake_body(procedure)
    del body["channel"]
    response = api_as(officer).post("/dossiers", body)
    assert response.status_code == 422
    assert response.json()["errors"] == {"channel": "Trường này là bắt buộc."}


def test_a_body_that_is_not_json_is_refused(api_as, officer, procedure) -> None:
    api = api_as(officer)
    response = api.client.post("/api/v1/dossiers", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": "Nội dung yêu cầu không phải JSON hợp lệ.", "code": "invalid"}
    assert not Dossier.objects.exists()


def test_only_one_stop_officers_receive(api_as, specialist, outsider, procedure) -> None:
    for person in (specialist, outsider):
        response = api_as(person).post("/dossiers", intake_body(procedure))
        assert response.status_code == 403
        assert response.json() == {
            "detail": "Chỉ cán bộ một cửa của cơ quan tiếp nhận mới được tiếp nhận hồ sơ.",
            "code": "forbidden",
        }
    assert not Dossier.objects.exists()


def test_a_suspended_procedure_receives_nothing(api_as, officer, procedure) -> None:
    procedure.status = "suspended"
    procedure.save()
    response = api_as(officer).post("/dossiers", intake_body(procedure))
    assert response.status_code == 400
    assert response.json()["code"] == "rule_violation"
    assert "tạm dừng" in response.json()["detail"]
    assert not DossierDocument.objects.exists()
