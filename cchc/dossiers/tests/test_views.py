"""The staff screens and the public lookup."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cchc.dossiers.models import Dossier, DossierDocument
from cchc.dossiers.tests.factories import received
from cchc.dossiers.workflow import Status

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _intake_post(procedure, **overrides):
    data = {
        "procedure": procedure.pk,
        "channel": "counter",
        "applicant_kind": "person",
        "applicant_name": "Trần Thị Bé",
        "applicant_id_number": "079198765432",
        "applicant_phone": "0987654321",
        "applicant_email": "",
        "applicant_address": "45 Trần Hưng Đạo, phường Bà Rịa",
        "sets_count": 1,
        "documents": [str(d.pk) for d in procedure.required_documents.all()],
        "idempotency_key": "form-1",
    }
    data.update(overrides)
    return data


def test_the_counter_officer_receives_a_dossier(client: Client, procedure, officer) -> None:
    client.force_login(officer)
    page = client.get(reverse("dossiers:intake"))
    assert "Tiếp nhận hồ sơ" in page.content.decode()
    response = client.post(reverse("dossiers:intake"), _intake_post(procedure))
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:detail", args=[dossier.code])
    assert dossier.documents.count() == procedure.required_documents.count()
    # The same form posted twice (a double click) makes one dossier.
    client.post(reverse("dossiers:intake"), _intake_post(procedure))
    assert Dossier.objects.count() == 1


def test_bad_intake_input_is_explained_and_nothing_saved(client: Client, procedure, officer) -> None:
    client.force_login(officer)
    response = client.post(
        reverse("dossiers:intake"), _intake_post(procedure, applicant_id_number="12", applicant_phone="abc")
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "12 chữ số" in body
    assert "10 chữ số (di động)" in body
    assert not Dossier.objects.exists()


def test_only_one_stop_officers_see_the_intake_form(client: Client, catalogue, specialist) -> None:
    client.force_login(specialist)
    assert client.get(reverse("dossiers:intake")).status_code == 403


def test_the_checklist_follows_the_procedure(client: Client, procedure, officer) -> None:
    client.force_login(officer)
    fragment = client.get(reverse("dossiers:checklist"), {"procedure": procedure.pk}).content.decode()
    assert procedure.required_documents.first().name in fragment
    assert "<html" not in fragment


def test_the_dossier_page_shows_the_actions_allowed_now(client: Client, procedure, officer, specialist) -> None:
    dossier = received(procedure, officer)
    client.force_login(officer)
    body = client.get(reverse("dossiers:detail", args=[dossier.code])).content.decode()
    assert "Chuyển xử lý" in body
    assert "Duyệt kết quả" not in body
    response = client.post(
        reverse("dossiers:act", args=[dossier.code, "transfer"]),
        {"transfer-version": dossier.version, "transfer-assignee": specialist.pk},
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert (dossier.status, dossier.assignee) == (Status.IN_PROGRESS, specialist)


def test_a_refused_action_shows_the_rule_and_changes_nothing(client: Client, procedure, officer) -> None:
    dossier = received(procedure, officer)
    client.force_login(officer)
    response = client.post(
        reverse("dossiers:act", args=[dossier.code, "return_result"]),
        {"return_result-version": dossier.version},
        follow=True,
    )
    assert "Không thể “Trả kết quả”" in response.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED


def test_outsiders_cannot_see_or_act(client: Client, procedure, officer, outsider) -> None:
    dossier = received(procedure, officer)
    client.force_login(outsider)
    assert client.get(reverse("dossiers:detail", args=[dossier.code])).status_code == 403
    assert client.post(reverse("dossiers:act", args=[dossier.code, "transfer"])).status_code == 403
    assert dossier.code not in client.get(reverse("dossiers:list")).content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == Status.RECEIVED


def test_the_handling_unit_sees_its_dossiers_in_my_work(client: Client, procedure, officer, specialist) -> None:
    from cchc.dossiers import services

    dossier = services.dossier_transfer(dossier=received(procedure, officer), actor=officer)
    client.force_login(specialist)
    assert dossier.code in client.get(reverse("dossiers:my_work")).content.decode()
    client.force_login(officer)
    assert "Tiếp nhận hồ sơ" in client.get(reverse("dossiers:my_work")).content.decode()


def test_search_is_accent_insensitive_on_the_applicant(client: Client, procedure, officer) -> None:
    dossier = received(procedure, officer)
    client.force_login(officer)
    for query in ("nguyen van an", "NGUYỄN VĂN AN", "0912345678", dossier.code[-6:]):
        assert dossier.code in client.get(reverse("dossiers:list"), {"q": query}).content.decode(), query
    assert dossier.code not in client.get(reverse("dossiers:list"), {"q": "le thi"}).content.decode()


class TestDocuments:
    def test_a_scan_is_attached_checked_and_served_to_those_allowed(
        self, client: Client, procedure, officer, outsider
    ) -> None:
        dossier = received(procedure, officer)
        entry = dossier.documents.first()
        client.force_login(officer)
        client.post(
            reverse("dossiers:document_add", args=[dossier.code]),
            {"file": SimpleUploadedFile("../../etc/scan.pdf", PDF), "document": entry.pk, "role": "input"},
        )
        entry.refresh_from_db()
        assert entry.digitised
        assert entry.sha256
        assert entry.original_filename == "scan.pdf"
        assert Dossier.objects.get(pk=dossier.pk).has_digitised_input
        url = reverse("dossiers:document", args=[dossier.code, entry.pk])
        assert client.get(url).status_code == 200
        client.force_login(outsider)
        assert client.get(url).status_code == 404

    def test_a_file_is_judged_by_its_content_not_its_name(self, client: Client, procedure, officer) -> None:
        dossier = received(procedure, officer)
        client.force_login(officer)
        response = client.post(
            reverse("dossiers:document_add", args=[dossier.code]),
            {"file": SimpleUploadedFile("hop-le.pdf", b"MZ\x90\x00 this is a program"), "role": "input"},
            follow=True,
        )
        assert "Không chấp nhận tệp loại application/x-msdownload" in response.content.decode()
        assert not DossierDocument.objects.filter(dossier=dossier, original_filename="hop-le.pdf").exists()

    def test_a_too_large_file_is_refused(self, procedure, officer) -> None:
        from cchc.core.errors import RuleViolation
        from cchc.dossiers.documents_service import MAX_UPLOAD_BYTES, document_upload

        dossier = received(procedure, officer)
        with pytest.raises(RuleViolation, match="lớn hơn 20 MB"):
            document_upload(dossier=dossier, actor=officer, data=PDF + b"0" * MAX_UPLOAD_BYTES, filename="big.pdf")


class TestPublicLookup:
    def test_code_and_phone_show_the_status_without_staff_names(self, client: Client, procedure, officer) -> None:
        dossier = received(procedure, officer)
        body = client.post(reverse("lookup"), {"code": dossier.code, "secret": "0912 345 678"}).content.decode()
        assert "Đã tiếp nhận" in body
        assert officer.full_name not in body

    def test_a_wrong_pair_reveals_nothing(self, client: Client, procedure, officer) -> None:
        dossier = received(procedure, officer)
        wrong_phone = client.post(reverse("lookup"), {"code": dossier.code, "secret": "0900000000"}).content.decode()
        unknown_code = client.post(
            reverse("lookup"), {"code": "000-000000-0000", "secret": "0900000000"}
        ).content.decode()
        message = "Không tìm thấy hồ sơ nào khớp"
        assert message in wrong_phone
        assert message in unknown_code
        assert dossier.procedure_name not in wrong_phone

    def test_it_is_rate_limited(self, client: Client, catalogue) -> None:
        cache.clear()
        statuses = [
            client.post(reverse("lookup"), {"code": f"X-{i}", "secret": "0900000000"}).status_code for i in range(25)
        ]
        assert statuses[:20] == [200] * 20
        assert statuses[-1] == 429
        cache.clear()

    def test_the_applicant_rates_once_when_the_result_is_ready(
        self, client: Client, procedure, officer, director, specialist, unit_head
    ) -> None:
        from cchc.dossiers import services

        cache.clear()
        dossier = services.dossier_transfer(dossier=received(procedure, officer), actor=officer)
        dossier = services.dossier_forward(dossier=dossier, actor=specialist)
        dossier = services.dossier_forward(dossier=dossier, actor=unit_head)
        dossier = services.dossier_approve(dossier=dossier, actor=director)
        scores = {f"c{i}": "2" for i in range(1, 10)}
        client.post(reverse("rate"), {"code": dossier.code, "secret": "0912345678", **scores, "comment": "Nhanh"})
        assert dossier.rating.total == 18
        response = client.post(reverse("rate"), {"code": dossier.code, "secret": "0912345678", "c1": "0"}, follow=True)
        assert "đã được đánh giá" in response.content.decode()
        assert Dossier.objects.get(pk=dossier.pk).rating.total == 18


def test_my_work_shows_the_steps_of_my_role(client: Client, procedure, officer, specialist, unit_head) -> None:
    from cchc.dossiers import services
    from cchc.dossiers.selectors import my_work

    at_appraisal = services.dossier_transfer(dossier=received(procedure, officer), actor=officer)
    at_review = services.dossier_forward(
        dossier=services.dossier_transfer(dossier=received(procedure, officer), actor=officer), actor=specialist
    )
    assert [d.code for d in my_work(user=specialist).mine] == [at_appraisal.code]
    assert {d.code for d in my_work(user=unit_head).mine} == {at_appraisal.code, at_review.code}


def test_the_applicant_can_rate_at_the_desk_when_collecting(
    client: Client, procedure, officer, specialist, unit_head, director
) -> None:
    from cchc.dossiers import services

    dossier = services.dossier_transfer(dossier=received(procedure, officer), actor=officer)
    dossier = services.dossier_forward(dossier=dossier, actor=specialist)
    dossier = services.dossier_forward(dossier=dossier, actor=unit_head)
    dossier = services.dossier_approve(dossier=dossier, actor=director)
    client.force_login(officer)
    client.post(
        reverse("dossiers:act", args=[dossier.code, "return_result"]),
        {"return_result-version": dossier.version, "return_result-c1": "2", "return_result-c7": "1"},
    )
    dossier.refresh_from_db()
    assert dossier.status == Status.RETURNED
    assert dossier.rating.scores == {"c1": 2, "c7": 1}


def test_a_rejected_intake_keeps_the_checklist_and_shows_every_problem(client: Client, procedure, officer) -> None:
    client.force_login(officer)
    first_document = procedure.required_documents.first()
    response = client.post(
        reverse("dossiers:intake"),
        _intake_post(procedure, applicant_name=" ", applicant_phone="abc", documents=[str(first_document.pk)]),
    )
    body = response.content.decode()
    assert "Trường này là bắt buộc" in body  # the name
    assert "10 chữ số (di động)" in body  # shown together with the name, not on the next submit
    assert f'value="{first_document.pk}" id="doc-{first_document.pk}" checked' in body
    assert not Dossier.objects.exists()
    client.post(reverse("dossiers:intake"), _intake_post(procedure, documents=[str(first_document.pk)]))
    assert [d.required_document_id for d in Dossier.objects.get().documents.all()] == [first_document.pk]


def test_the_handler_is_told_and_only_people_of_the_step_are_offered(
    procedure, officer, specialist, director, appraiser, unit_head
) -> None:
    from cchc.dossiers import services
    from cchc.dossiers.forms import ActionForm
    from cchc.dossiers.workflow import Action
    from cchc.notifications.models import Notification

    dossier = services.dossier_transfer(dossier=received(procedure, officer), actor=officer, assignee=specialist)
    note = Notification.objects.get(recipient=specialist)
    assert dossier.code in note.title
    dossier = services.dossier_forward(
        dossier=services.dossier_forward(dossier=dossier, actor=specialist), actor=unit_head
    )
    # The director's signature step: the appraiser and the administrator hold roles at the same unit
    # but cannot sign, so they are not offered.
    offered = set(ActionForm(action=Action.ASSIGN, dossier=dossier).fields["assignee"].queryset)
    assert director in offered
    assert appraiser not in offered


def test_a_result_not_yet_digitised_is_pointed_out(
    client: Client, procedure, officer, specialist, unit_head, director
) -> None:
    from cchc.dossiers import services

    dossier = services.dossier_transfer(dossier=received(procedure, officer), actor=officer)
    dossier = services.dossier_forward(dossier=dossier, actor=specialist)
    dossier = services.dossier_forward(dossier=dossier, actor=unit_head)
    dossier = services.dossier_approve(dossier=dossier, actor=director)
    client.force_login(officer)
    url = reverse("dossiers:detail", args=[dossier.code])
    assert "Kết quả chưa được số hóa" in client.get(url).content.decode()
    client.post(
        reverse("dossiers:document_add", args=[dossier.code]),
        {"file": SimpleUploadedFile("ket-qua.pdf", PDF), "role": "result", "name": "Giấy xác nhận khai báo"},
    )
    assert Dossier.objects.get(pk=dossier.pk).has_digitised_result
    assert "Kết quả chưa được số hóa" not in client.get(url).content.decode()
