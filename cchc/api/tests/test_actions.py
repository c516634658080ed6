"""POST /api/v1/dossiers/{code}/actions/{action}: every path of the workflow, and every refusal."""

from datetime import date
from typing import Any

import pytest

from cchc.api.tests.conftest import intake_body
from cchc.core import clock
from cchc.dossiers.models import Dossier, DossierEvent, DossierRating
from cchc.dossiers.tests.factories import vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(api_as, officer):
    return api_as(officer)


def _intake(desk, procedure, **body) -> dict[str, Any]:
    response = desk.post("/dossiers", intake_body(procedure, **body))
    assert response.status_code == 201, response.content
    return response.json()


def _ok(response) -> dict[str, Any]:
    assert response.status_code == 200, response.content
    return response.json()


def test_the_main_path_to_result_returned(desk, api_as, procedure, specialist, unit_head, director) -> None:
    code = _intake(desk, procedure)["code"]
    body = _ok(desk.act(code, "transfer", assignee="chuyenvien"))
    assert (body["status"], body["current_step"], body["assignee"]) == ("in_progress", 2, "chuyenvien")
    _ok(api_as(specialist).act(code, "forward", reason="Hồ sơ hợp lệ", expected_version=body["version"]))
    _ok(api_as(unit_head).act(code, "forward"))
    body = _ok(api_as(director).act(code, "approve"))
    assert (body["status"], body["national_status"], body["finished_late"]) == ("result_ready", 9, False)
    body = _ok(desk.act(code, "return_result", rating={f"c{i}": 2 for i in range(1, 10)}, comment="Nhanh, gọn"))
    assert (body["status"], body["national_status"]) == ("returned", 10)
    assert [e["action"] for e in body["events"]] == [
        "submit",
        "receive",
        "transfer",
        "forward",
        "forward",
        "approve",
        "return_result",
    ]
    assert DossierRating.objects.get(dossier__code=code).total == 18


def test_supplement_stops_and_restarts_the_clock(desk, api_as, procedure, specialist) -> None:
    code = _intake(desk, procedure)["code"]
    _ok(desk.act(code, "transfer"))
    body = _ok(api_as(specialist).act(code, "request_supplement", missing=["Bản sao giấy phép"], reason="Thiếu"))
    assert (body["status"], body["national_status"], body["paused_at"]) == (
        "awaiting_supplement",
        5,
        "2026-03-03T10:00:00+07:00",
    )
    with clock.at(vn(2026, 3, 9, 8)):
        body = _ok(desk.act(code, "supplement_received"))
    assert (body["status"], body["due_at"], body["supplement_count"]) == (
        "in_progress",
        "2026-03-12T17:00:00+07:00",
        1,
    )


def test_refusal_at_intake(desk, procedure) -> None:
    code = _intake(desk, procedure, channel="online", receive=False)["code"]
    body = _ok(desk.act(code, "refuse_intake", reason="Không thuộc thẩm quyền giải quyết của Sở"))
    assert (body["status"], body["national_status"]) == ("refused_at_intake", 3)
    assert body["closed_at"] is not None


def test_refusal_after_appraisal(desk, api_as, procedure, unit_head) -> None:
    code = _intake(desk, procedure)["code"]
    _ok(desk.act(code, "transfer"))
    body = _ok(api_as(unit_head).act(code, "refuse", reason="Thiết bị không đạt yêu cầu an toàn bức xạ"))
    assert (body["status"], body["national_status"]) == ("refused", 8)


def test_apology_sets_a_new_date_once(desk, api_as, procedure, unit_head) -> None:
    code = _intake(desk, procedure)["code"]
    _ok(desk.act(code, "transfer"))
    head = api_as(unit_head)
    body = _ok(head.act(code, "apologise", reason="Chờ kết quả kiểm định", new_due="2026-03-13"))
    assert (body["due_at"], body["apology_count"]) == ("2026-03-13T17:00:00+07:00", 1)
    again = head.act(code, "apologise", reason="Lần nữa", new_due="2026-03-20")
    assert again.status_code == 400
    assert again.json() == {
        "detail": "Chỉ được hẹn lại ngày trả kết quả một lần, và hồ sơ này đã được hẹn lại.",
        "code": "rule_violation",
    }


def test_withdrawal(desk, procedure) -> None:
    code = _intake(desk, procedure)["code"]
    body = _ok(desk.act(code, "withdraw", reason="Công dân xin rút hồ sơ để bổ sung sau"))
    assert (body["status"], body["national_status"]) == ("withdrawn", 8)


def test_consult_and_payment(desk, api_as, procedure, specialist, outsider) -> None:
    code = _intake(desk, procedure)["code"]
    _ok(desk.act(code, "transfer"))
    body = _ok(api_as(specialist).act(code, "consult", unit="000.07.26.H56", reason="Xin ý kiến về tiêu chuẩn"))
    assert body["status"] == "consulting"
    _ok(api_as(outsider).act(code, "answer", reason="Đạt tiêu chuẩn TCVN"))
    body = _ok(api_as(specialist).act(code, "request_payment", amount_vnd=500_000, reason="Phí thẩm định"))
    assert (body["status"], body["national_status"]) == ("awaiting_payment", 6)
    assert _ok(desk.act(code, "payment_received"))["status"] == "in_progress"


class TestRefusals:
    @pytest.fixture
    def code(self, desk, procedure) -> str:
        return _intake(desk, procedure)["code"]

    def _unchanged(self, code: str, events: int = 2) -> None:
        dossier = Dossier.objects.get(code=code)
        assert (dossier.status, dossier.events.count()) == ("received", events)

    @pytest.mark.parametrize("action", ["fly", "submit", "attach", "RECEIVE"])
    def test_an_unknown_action_is_404(self, desk, code, action) -> None:
        response = desk.act(code, action)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
        self._unchanged(code)

    def test_a_wrong_state_is_409(self, desk, code) -> None:
        response = desk.act(code, "return_result")
        assert response.status_code == 409
        assert response.json() == {
            "detail": "Không thể “Trả kết quả” khi hồ sơ đang ở trạng thái “Đã tiếp nhận”.",
            "code": "transition_not_allowed",
        }
        self._unchanged(code)

    def test_a_wrong_role_is_403(self, api_as, specialist, outsider, code) -> None:
        response = api_as(specialist).act(code, "transfer")
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"
        assert "Bạn không được “Chuyển xử lý”" in response.json()["detail"]
        assert api_as(outsider).act(code, "transfer").status_code == 403
        self._unchanged(code)

    def test_a_stale_version_is_409(self, desk, code) -> None:
        seen = Dossier.objects.get(code=code).version
        _ok(desk.act(code, "transfer", expected_version=seen))
        response = desk.act(code, "withdraw", reason="Rút hồ sơ", expected_version=seen)
        assert response.status_code == 409
        assert response.json()["code"] == "conflict"
        assert "Người khác vừa thay đổi" in response.json()["detail"]
        assert Dossier.objects.get(code=code).status == "in_progress"

    def test_a_missing_reason_is_400(self, desk, code) -> None:
        response = desk.act(code, "withdraw")
        assert response.status_code == 400
        assert response.json() == {
            "detail": "Hãy ghi rõ lý do; người nộp hồ sơ sẽ đọc nội dung này.",
            "code": "rule_violation",
        }
        self._unchanged(code)

    @pytest.mark.parametrize(
        ("who", "action", "body", "field"),
        [
            ("unit_head", "assign", {}, "assignee"),
            ("specialist", "forward", {"assignee": "khong-co-ai"}, "assignee"),
            ("specialist", "consult", {"reason": "Xin ý kiến"}, "unit"),
            ("specialist", "consult", {"reason": "Xin ý kiến", "unit": "999.99"}, "unit"),
            ("specialist", "request_payment", {"reason": "Phí"}, "amount_vnd"),
            ("specialist", "request_payment", {"reason": "Phí", "amount_vnd": -5}, "amount_vnd"),
            ("unit_head", "apologise", {"reason": "Trễ"}, "new_due"),
            ("unit_head", "apologise", {"reason": "Trễ", "new_due": "13/03/2026"}, "new_due"),
            ("specialist", "request_supplement", {"reason": "Thiếu", "missing": "Bản sao"}, "missing"),
            ("specialist", "forward", {"expected_version": "hai"}, "expected_version"),
        ],
    )
    def test_missing_or_bad_fields_are_422(self, desk, api_as, request, code, who, action, body, field) -> None:
        _ok(desk.act(code, "transfer"))
        response = api_as(request.getfixturevalue(who)).act(code, action, **body)
        assert response.status_code == 422, response.content
        assert field in response.json()["errors"], response.json()
        assert response.json()["errors"][field]
        assert DossierEvent.objects.filter(dossier__code=code).count() == 3

    def test_a_bad_rating_is_refused(self, desk, api_as, unit_head, specialist, director, code) -> None:
        _ok(desk.act(code, "transfer"))
        _ok(api_as(specialist).act(code, "forward"))
        _ok(api_as(unit_head).act(code, "forward"))
        _ok(api_as(director).act(code, "approve"))
        response = desk.act(code, "return_result", rating={"c1": 5})
        assert response.status_code == 422
        assert "rating.c1" in response.json()["errors"]
        response = desk.act(code, "return_result", rating={"c12": 2})
        assert response.status_code == 400
        assert "c12" in response.json()["detail"]
        assert Dossier.objects.get(code=code).status == "result_ready"

    def test_an_apology_too_late_is_refused(self, desk, api_as, unit_head, code) -> None:
        _ok(desk.act(code, "transfer"))
        with clock.at(vn(2026, 3, 6, 9)):
            response = api_as(unit_head).act(code, "apologise", reason="Trễ", new_due=str(date(2026, 3, 13)))
        assert response.status_code == 400
        assert response.json()["detail"].startswith("Đã quá thời điểm xin lỗi")
        assert Dossier.objects.get(code=code).apology_count == 0
