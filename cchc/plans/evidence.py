"""Evidence of a task ("hồ sơ chứng minh"): files whose type is sniffed from their bytes, and links.

The type comes from the content, never from the file name or the browser's claim: a renamed
executable is refused, a scan saved as ".docx" is stored as the PDF it is. Files larger than
CCHC_EVIDENCE_MAX_MB (default 20) are refused before they are read.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cchc.core import uploads
from cchc.core.errors import NotAllowed, RuleViolation
from cchc.plans.models import Evidence, Task, TaskEvent
from cchc.plans.selectors import task_access

ALLOWED = uploads.ACCEPTED
SNIFF_BYTES = uploads.SNIFF_BYTES


def max_bytes() -> int:
    return int(getattr(settings, "CCHC_EVIDENCE_MAX_MB", 20)) * 1024 * 1024


def allowed_labels() -> str:
    return uploads.accepted_labels()


def sniff(head: bytes) -> uploads.FileType | None:
    """The allowed type of a file from its first bytes, or None."""
    return uploads.guess(head)[1]


def _can_contribute(actor: Any, task: Task) -> None:
    if not task_access(actor, task).contribute:
        raise NotAllowed(_("You cannot attach evidence to this task."))


@transaction.atomic
def evidence_add_file(*, task: Task, actor: Any, upload: UploadedFile[bytes], title: str = "") -> Evidence:
    _can_contribute(actor, task)
    size = upload.size or 0
    if size == 0:
        raise RuleViolation(_("The file is empty."))
    if size > max_bytes():
        raise RuleViolation(
            _("The file is %(size)s MB; evidence files may be at most %(limit)s MB.")
            % {"size": f"{size / 1024 / 1024:.1f}".replace(".", ","), "limit": max_bytes() // 1024 // 1024}
        )
    upload.seek(0)
    kind = sniff(upload.read(SNIFF_BYTES))
    if kind is None:
        raise RuleViolation(
            _("This type of file is not accepted as evidence. Accepted: %(types)s.") % {"types": allowed_labels()}
        )
    upload.seek(0)
    name = PurePath(upload.name or "").name[:255] or f"minh-chung.{kind.extension}"
    evidence = Evidence(
        task=task,
        kind=Evidence.Kind.FILE,
        title=(title.strip() or PurePath(name).stem)[:255],
        original_name=name,
        content_type=kind.mime,
        size=size,
        added_by=actor,
    )
    evidence.file.save(f"evidence.{kind.extension}", ContentFile(upload.read()), save=False)
    evidence.save()
    TaskEvent.objects.create(task=task, kind=TaskEvent.Kind.EVIDENCE_ADDED, actor=actor, note=evidence.title)
    return evidence


@transaction.atomic
def evidence_add_link(*, task: Task, actor: Any, url: str, title: str) -> Evidence:
    """A link to evidence that lives elsewhere (the province's document system, a news article)."""
    _can_contribute(actor, task)
    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise RuleViolation(_("Give a web address that starts with http:// or https://."))
    if not title.strip():
        raise RuleViolation(_("Give the evidence a title."))
    evidence = Evidence.objects.create(
        task=task, kind=Evidence.Kind.LINK, title=title.strip()[:255], url=url, added_by=actor
    )
    TaskEvent.objects.create(task=task, kind=TaskEvent.Kind.EVIDENCE_ADDED, actor=actor, note=evidence.title)
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: Any) -> Evidence:
    """Withdraw evidence added by mistake while the task is open. The file is kept for the history."""
    task = evidence.task
    access = task_access(actor, task)
    if not (access.contribute and (evidence.added_by_id == actor.pk or access.update or access.edit)):
        raise NotAllowed(_("Only the person who added it, the head of the lead unit or the officer may remove it."))
    if not task.is_open:
        raise RuleViolation(_("The task is finished; reopen it before changing its evidence."))
    updated = Evidence.objects.filter(pk=evidence.pk, removed_at=None).update(
        removed_at=timezone.now(), removed_by=actor
    )
    if updated != 1:
        raise RuleViolation(_("This evidence was already removed."))
    TaskEvent.objects.create(task=task, kind=TaskEvent.Kind.EVIDENCE_REMOVED, actor=actor, note=evidence.title)
    evidence.refresh_from_db()
    return evidence
