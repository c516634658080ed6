"""Evidence files are typed by their content and size-limited; links must be web addresses; only
people of the task's units may see, add or remove them."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cchc.core.errors import NotAllowed, RuleViolation
from cchc.plans import evidence, services
from cchc.plans.models import Evidence, TaskEvent

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Biên bản kiểm tra công tác CCHC")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _upload(name: str, content: bytes, claimed: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=claimed)


def _unchanged(task) -> tuple[int, int]:
    return Evidence.objects.filter(task=task).count(), TaskEvent.objects.filter(task=task).count()


@pytest.mark.parametrize(
    ("name", "content", "mime", "ext"),
    [
        ("bien-ban.pdf", PDF, "application/pdf", ".pdf"),
        ("anh-chup.png", PNG, "image/png", ".png"),
        ("bao-cao.docx", None, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
        # A scan renamed to .docx is stored as the PDF it is.
        ("ke-hoach.docx", PDF, "application/pdf", ".pdf"),
    ],
)
def test_it_accepts_documents_and_images_by_their_content(qlcng_task, unit_head, name, content, mime, ext) -> None:
    added = evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_upload(name, content or _docx()))
    assert (added.content_type, added.original_name, added.kind) == (mime, name, "file")
    stored = added.file.name or ""
    assert stored.endswith(ext)
    assert name not in stored
    assert qlcng_task.events.filter(kind=TaskEvent.Kind.EVIDENCE_ADDED).count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 200),  # a Windows program named .pdf
        ("trang.html", b"<html><script>alert(1)</script></html>"),
        ("ghi-chu.txt", "Ghi chú".encode()),
        ("ho-so.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40),
    ],
)
def test_it_refuses_other_types_and_changes_nothing(qlcng_task, unit_head, name, content) -> None:
    before = _unchanged(qlcng_task)
    with pytest.raises(RuleViolation) as refused:
        evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_upload(name, content))
    assert refused.value.message.startswith("Không nhận loại tệp này làm hồ sơ chứng minh. Các loại được nhận: PDF,")
    assert _unchanged(qlcng_task) == before


def test_it_refuses_a_file_over_the_size_limit(qlcng_task, unit_head, settings) -> None:
    settings.CCHC_EVIDENCE_MAX_MB = 1
    before = _unchanged(qlcng_task)
    big = PDF + b"0" * (1024 * 1024 + 512 * 1024)
    with pytest.raises(RuleViolation) as refused:
        evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_upload("lon.pdf", big))
    assert refused.value.message == "Tệp có dung lượng 1,5 MB; hồ sơ chứng minh tối đa 1 MB."
    assert _unchanged(qlcng_task) == before


def test_it_refuses_an_empty_file(qlcng_task, unit_head) -> None:
    before = _unchanged(qlcng_task)
    with pytest.raises(RuleViolation, match="Tệp rỗng"):
        evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_upload("rong.pdf", b""))
    assert _unchanged(qlcng_task) == before


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://files.example/x", "dichvucong.gov.vn", ""])
def test_a_link_must_be_a_web_address(qlcng_task, unit_head, url) -> None:
    before = _unchanged(qlcng_task)
    with pytest.raises(RuleViolation, match="Hãy nhập địa chỉ web bắt đầu bằng http:// hoặc https://"):
        evidence.evidence_add_link(task=qlcng_task, actor=unit_head, url=url, title="Tin bài")
    assert _unchanged(qlcng_task) == before


def test_outsiders_can_neither_attach_nor_download(qlcng_task, unit_head, outsider, client) -> None:
    added = evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_upload("a.pdf", PDF))
    with pytest.raises(NotAllowed, match="Bạn không được đính kèm hồ sơ chứng minh"):
        evidence.evidence_add_file(task=qlcng_task, actor=outsider, upload=_upload("b.pdf", PDF))
    client.force_login(outsider)
    assert client.get(reverse("plans:evidence", args=[added.pk])).status_code == 404
    response = client.post(reverse("plans:evidence_upload", args=[qlcng_task.pk]), {"file": _upload("c.pdf", PDF)})
    assert response.status_code == 404
    assert Evidence.objects.filter(task=qlcng_task).count() == 1


def test_the_download_carries_the_sniffed_type(qlcng_task, unit_head, appraiser, client) -> None:
    added = evidence.evidence_add_file(task=qlcng_task, actor=unit_head, upload=_upload("bien-ban.docx", PDF))
    client.force_login(appraiser)
    response = client.get(reverse("plans:evidence", args=[added.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_removed_evidence_no_longer_counts_for_completion(qlcng_task, unit_head, specialist) -> None:
    added = evidence.evidence_add_file(task=qlcng_task, actor=specialist, upload=_upload("a.pdf", PDF))
    evidence.evidence_remove(evidence=added, actor=unit_head)
    with pytest.raises(RuleViolation, match="Nhiệm vụ chưa có hồ sơ chứng minh"):
        services.task_complete(task=qlcng_task, actor=unit_head)
    with pytest.raises(RuleViolation, match="đã được gỡ"):
        evidence.evidence_remove(evidence=added, actor=unit_head)
    assert qlcng_task.events.filter(kind=TaskEvent.Kind.EVIDENCE_REMOVED).count() == 1
