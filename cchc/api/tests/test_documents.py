"""POST /api/v1/dossiers/{code}/documents: files checked by content, attached, counted as digitised."""

import hashlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cchc.dossiers.models import Dossier, DossierDocument
from cchc.dossiers.tests.factories import received

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _upload(api, code: str, data: bytes, name: str = "giay-phep.pdf", **fields):
    return api.client.post(f"/api/v1/dossiers/{code}/documents", {"file": SimpleUploadedFile(name, data), **fields})


def test_it_attaches_a_scan_to_a_checklist_entry(api_as, officer, procedure) -> None:
    dossier = received(procedure, officer)
    entry = dossier.documents.first()
    response = _upload(api_as(officer), dossier.code, PDF, name="../../etc/Đơn đề nghị.pdf", document_id=entry.pk)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["id"] == entry.pk
    assert (body["has_file"], body["digitised"], body["content_type"]) == (True, True, "application/pdf")
    assert body["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert body["original_filename"] == "Đơn đề nghị.pdf"
    assert Dossier.objects.get(pk=dossier.pk).has_digitised_input is True
    events = api_as(officer).get(f"/dossiers/{dossier.code}").json()["events"]
    assert events[-1]["action"] == "attach"


def test_it_adds_a_new_document(api_as, officer, procedure) -> None:
    dossier = received(procedure, officer)
    before = dossier.documents.count()
    response = _upload(api_as(officer), dossier.code, PDF, name="bo-sung.pdf")
    assert response.status_code == 201
    assert response.json()["name"] == "bo-sung.pdf"
    assert dossier.documents.count() == before + 1


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"MZ\x90\x00 not a document", "virus.pdf", "Không chấp nhận tệp loại application/x-msdownload"),
        (b"just some words", "ghi-chu.pdf", "PDF"),
        (b"", "rong.pdf", "Tệp rỗng"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(api_as, officer, procedure, data, name, message) -> None:
    dossier = received(procedure, officer)
    response = _upload(api_as(officer), dossier.code, data, name=name)
    assert response.status_code == 400, response.content
    assert message in response.json()["detail"]
    assert not DossierDocument.objects.exclude(file="").exists()


def test_a_file_is_required(api_as, officer, procedure) -> None:
    dossier = received(procedure, officer)
    response = api_as(officer).client.post(f"/api/v1/dossiers/{dossier.code}/documents", {"role": "input"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"file": "Trường này là bắt buộc."}


def test_an_unknown_checklist_entry_or_role_is_refused(api_as, officer, procedure) -> None:
    dossier = received(procedure, officer)
    api = api_as(officer)
    assert _upload(api, dossier.code, PDF, document_id=999999).json()["errors"] == {
        "document_id": "Hồ sơ này không có giấy tờ đó."
    }
    response = _upload(api, dossier.code, PDF, role="poster")
    assert response.status_code == 422
    assert "role" in response.json()["errors"]


def test_outsiders_cannot_upload(api_as, officer, outsider, procedure) -> None:
    dossier = received(procedure, officer)
    response = _upload(api_as(outsider), dossier.code, PDF)
    assert response.status_code == 403
    assert not DossierDocument.objects.exclude(file="").exists()
