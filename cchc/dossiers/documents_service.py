"""Documents of a dossier: the checklist at intake, scanned copies, results and their digitisation.

Uploads are checked by content (not by the file name the browser sends), limited in size, stored
under a name derived from their checksum, and served only through a view that checks access.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from cchc.catalog.models import DocumentKind
from cchc.core import clock, uploads
from cchc.core.errors import NotAllowed, RuleViolation
from cchc.dossiers.models import Dossier, DossierDocument, DossierEvent
from cchc.dossiers.permissions import actor_kinds
from cchc.dossiers.workflow import CLOSED, Status, national_code

if TYPE_CHECKING:
    from cchc.dossiers.services import DocumentInput
    from cchc.org.models import User

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def sniff(data: bytes) -> tuple[str, str]:
    """(content type, extension) from the bytes, or RuleViolation for a type CCHC does not accept."""
    mime, kind = uploads.guess(data)
    if not mime:
        raise RuleViolation(_("The file type is not recognised; upload a PDF, an image or an Office file."))
    if kind is None:
        raise RuleViolation(
            _("Files of type %(type)s are not accepted; upload a PDF, an image or an Office file.") % {"type": mime}
        )
    return kind.mime, f".{kind.extension}"


def document_add_records(
    *, dossier: Dossier, documents: Sequence[DocumentInput], actor: User | None, at: datetime | None = None
) -> list[DossierDocument]:
    """The checklist of documents received (paper), without files yet."""
    records = []
    own = set(dossier.procedure.required_documents.values_list("pk", flat=True))
    for doc in documents:
        if doc.required_document_id is not None and doc.required_document_id not in own:
            raise RuleViolation(_("A document of the checklist does not belong to this procedure."))
        name = (doc.name or "").strip()
        if not name:
            raise RuleViolation(_("Every document in the checklist needs a name."))
        if doc.form not in DocumentKind.values:
            raise RuleViolation(_("Unknown document form."))
        if not 1 <= doc.count <= 99:
            raise RuleViolation(_("The number of copies must be between 1 and 99."))
        records.append(
            DossierDocument(
                dossier=dossier,
                role=DossierDocument.Role.INPUT,
                required_document_id=doc.required_document_id,
                name=name[:500],
                form=doc.form,
                count=doc.count,
                uploaded_by=actor,
                uploaded_at=at or clock.now(),
            )
        )
    return DossierDocument.objects.bulk_create(records)


def _may_handle_documents(actor: User, dossier: Dossier) -> None:
    if not actor_kinds(actor, dossier):
        raise NotAllowed(_("You may not add documents to this dossier."))
    if Status(dossier.status) in CLOSED:
        raise RuleViolation(_("The dossier is closed; its documents can no longer change."))


@transaction.atomic
def document_upload(
    *,
    dossier: Dossier,
    actor: User,
    data: bytes,
    filename: str,
    role: str = DossierDocument.Role.INPUT,
    name: str = "",
    document: DossierDocument | None = None,
    digitised: bool = True,
) -> DossierDocument:
    """Attach a file: a scan of a paper document (digitised), an electronic submission, or the result.

    With `document`, the file is attached to that checklist entry; otherwise a new entry is made.
    """
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    _may_handle_documents(actor, dossier)
    if role not in DossierDocument.Role.values:
        raise RuleViolation(_("Unknown document type."))
    if not data:
        raise RuleViolation(_("The file is empty."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise RuleViolation(_("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)})
    mime, extension = sniff(data)
    if document is not None and document.dossier_id != dossier.pk:
        raise RuleViolation(_("That document belongs to another dossier."))
    if role == DossierDocument.Role.RESULT and dossier.status not in {
        Status.IN_PROGRESS,
        Status.RESULT_READY,
    }:
        raise RuleViolation(_("A result can be attached while the dossier is handled or ready for return."))
    record = document or DossierDocument(
        dossier=dossier, role=role, name=(name or uploads.safe_filename(filename))[:500], form=DocumentKind.ELECTRONIC
    )
    record.sha256 = hashlib.sha256(data).hexdigest()
    record.extension = extension
    record.content_type = mime
    record.size = len(data)
    record.original_filename = uploads.safe_filename(filename)
    record.digitised = digitised
    record.uploaded_by = actor
    record.uploaded_at = clock.now()
    record.file.save(f"{record.sha256[:16]}{extension}", ContentFile(data), save=False)
    record.save()
    _flag_digitisation(dossier)
    DossierEvent.objects.create(
        dossier=dossier,
        action="attach",
        from_status=dossier.status,
        to_status=dossier.status,
        national_status=national_code(dossier.status),
        actor=actor,
        actor_name=actor.get_full_name(),
        actor_unit_id=actor.unit_id,
        at=clock.now(),
        reason=record.name,
        step_order=dossier.current_step,
        due_at=dossier.due_at,
        data={"role": record.role, "sha256": record.sha256, "size": record.size, "digitised": record.digitised},
    )
    return record


def _flag_digitisation(dossier: Dossier) -> None:
    documents = dossier.documents.all()
    dossier.has_digitised_input = documents.filter(role=DossierDocument.Role.INPUT, digitised=True).exists()
    dossier.has_digitised_result = documents.filter(role=DossierDocument.Role.RESULT, digitised=True).exists()
    dossier.save(update_fields=["has_digitised_input", "has_digitised_result", "updated_at"])


def document_may_download(user: Any, document: DossierDocument) -> bool:
    from cchc.dossiers.permissions import can_see

    return bool(document.file) and can_see(user, document.dossier)
