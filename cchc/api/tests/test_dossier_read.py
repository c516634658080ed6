"""GET /api/v1/dossiers/{code} and GET /api/v1/dossiers: the caller's scope, filters and paging."""

import pytest

from cchc.core import clock
from cchc.dossiers import services
from cchc.dossiers.tests.factories import APPLICANT, received, vn

pytestmark = pytest.mark.django_db


def test_it_reads_a_dossier_with_events_and_documents(api_as, officer, specialist, procedure) -> None:
    dossier = received(procedure, officer)
    response = api_as(specialist).get(f"/dossiers/{dossier.code}")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == dossier.code
    assert body["procedure"] == procedure.code
    assert body["rule_set"] == "nd118-2025"
    assert body["events"][0] == {
        "action": "submit",
        "action_label": "Nộp hồ sơ",
        "from_status": "",
        "to_status": "submitted",
        "national_status": 1,
        "at": "2026-03-02T09:00:00+07:00",
        "actor": "motcua",
        "actor_name": "Nguyễn Thị Mai",
        "actor_unit": "000.01.26.H56",
        "reason": "",
        "step_order": 0,
        "step_name": "",
        "step_planned_end": None,
        "due_at": None,
        "data": {},
    }
    assert {d["has_file"] for d in body["documents"]} == {False}


def test_outsiders_may_not_read_and_unknown_codes_are_404(api_as, officer, outsider, procedure) -> None:
    dossier = received(procedure, officer)
    response = api_as(outsider).get(f"/dossiers/{dossier.code}")
    assert response.status_code == 403
    assert response.json() == {"detail": "Bạn không được xem hoặc thay đổi hồ sơ này.", "code": "forbidden"}
    missing = api_as(officer).get("/dossiers/000.00.26.H56-260302-9999")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


class TestList:
    @pytest.fixture
    def three(self, procedure, officer):
        first = received(procedure, officer, at=vn(2026, 2, 2, 9))
        other_person = received(
            procedure,
            officer,
            at=vn(2026, 2, 23, 9),
            applicant=services.ApplicantInput(
                "person", "Lê Văn Đức", "079123456780", "0905111222", "1 Lê Lợi, Vũng Tàu"
            ),
            channel="online",
        )
        third = received(procedure, officer, at=vn(2026, 3, 2, 9))
        return first, other_person, third

    def test_it_lists_newest_first_with_paging(self, api_as, officer, three) -> None:
        api = api_as(officer)
        page = api.get("/dossiers", page_size=2).json()
        assert (page["count"], page["pages"], page["page"]) == (3, 2, 1)
        assert [d["code"] for d in page["items"]] == [three[2].code, three[1].code]
        second = api.get("/dossiers", page_size=2, page=2).json()
        assert [d["code"] for d in second["items"]] == [three[0].code]

    def test_it_filters(self, api_as, officer, specialist, procedure, three) -> None:
        first, other, third = three
        with clock.at(vn(2026, 2, 2, 10)):
            services.dossier_transfer(dossier=first, actor=officer)
        api = api_as(officer)

        def codes(**params):
            response = api.get("/dossiers", **params)
            assert response.status_code == 200, response.content
            return {d["code"] for d in response.json()["items"]}

        assert codes(status="in_progress") == {first.code}
        assert codes(channel="online") == {other.code}
        assert codes(q="le van duc") == {other.code}
        assert codes(q="0905 111 222") == {other.code}
        assert codes(q=APPLICANT.id_number) == {first.code, third.code}
        assert codes(procedure=procedure.code) == {first.code, other.code, third.code}
        assert codes(received_from="2026-02-20", received_to="2026-02-28") == {other.code}
        assert codes(due_from="2026-03-01") == {third.code}
        assert codes(due_to="2026-02-26") == {first.code, other.code}
        assert codes(overdue="true") == {first.code, other.code}

    def test_bad_filters_are_explained(self, api_as, officer, three) -> None:
        api = api_as(officer)
        response = api.get("/dossiers", status="lost", received_from="02/03/2026", page_size=1000)
        assert response.status_code == 422
        errors = response.json()["errors"]
        assert set(errors) == {"status", "received_from", "page_size"}
        assert "YYYY-MM-DD" in errors["received_from"]
        unknown = api.get("/dossiers", procedure="0.000000")
        assert unknown.status_code == 422
        assert unknown.json()["errors"]["procedure"] == "Không có thủ tục nào có mã 0.000000."

    def test_outsiders_see_nothing(self, api_as, outsider, three) -> None:
        assert api_as(outsider).get("/dossiers").json()["count"] == 0

    def test_the_query_count_does_not_grow_with_the_page(
        self, api_as, officer, three, django_assert_max_num_queries
    ) -> None:
        api = api_as(officer)
        with django_assert_max_num_queries(12):
            api.get("/dossiers", page_size=3)
