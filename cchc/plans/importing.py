"""Importing a plan document: upload → a draft the officer checks and corrects → confirmation.

Nothing of the plan exists before confirmation. The draft (ImportDraft) holds the uploaded bytes and
what the importer recognised; plan_import_confirm() creates the plan, its sections, tasks and targets
in one transaction with the officer's corrections, and deletes the draft. A bad file, a duplicate
plan or a deadline outside the plan's year raises RuleViolation and leaves everything as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from cchc.core.errors import NotAllowed, RuleViolation
from cchc.org.models import Unit
from cchc.org.roles import Role
from cchc.org.scope import scope_for
from cchc.plans import outline
from cchc.plans.importers.extract import ExtractError, Problem, SourceKind, detect_kind, extract_text
from cchc.plans.importers.plan_text import parse_plan_text
from cchc.plans.models import Area, ImportDraft, Plan, Section, Target, Task, TaskEvent
from cchc.plans.services import apply_schedule, plan_number_check, schedule_check, section_area

MAX_IMPORT_BYTES = 20 * 1024 * 1024


def _extract_message(error: ExtractError) -> str:
    messages: dict[Problem, str] = {
        Problem.EMPTY: _("The file is empty."),
        Problem.UNSUPPORTED: _("This type of file cannot be imported. Upload a DOCX, PDF or plain-text (TXT) file."),
        Problem.LEGACY_DOC: _(
            "Word 97-2003 files (.doc) cannot be imported yet. Open the file in Word and save it as DOCX or PDF."
        ),
        Problem.UNREADABLE: _("The file cannot be read: it is damaged or protected by a password."),
        Problem.NO_TEXT: _("No text was found in the file."),
    }
    return messages.get(error.problem, error.message)


def _require_importer(actor: Any, unit: Unit) -> None:
    if not scope_for(actor).can(unit.pk, Role.CCHC_OFFICER):
        raise NotAllowed(_("Only the administrative reform officer imports plans."))


def read_document(content: bytes) -> tuple[dict[str, Any], str, list[int]]:
    """(recognised structure, file kind, pages read by OCR) of a plan document; RuleViolation if
    the file cannot be read or is not a plan."""
    try:
        extracted = extract_text(content)
    except ExtractError as error:
        raise RuleViolation(_extract_message(error)) from error
    parsed = parse_plan_text(extracted.text)
    if not parsed.sections or not any(row.is_task for row in outline.rows_from_parsed(parsed.to_dict())):
        raise RuleViolation(
            _(
                "This file does not look like a reform plan: no parts I, II, III with numbered items and "
                "lettered tasks were found."
            )
        )
    return parsed.to_dict(), str(extracted.kind), list(extracted.ocr_pages)


def needs_background(content: bytes) -> bool:
    """PDFs may need OCR, which takes minutes: they are read by the worker, with a progress page."""
    try:
        return detect_kind(content) is SourceKind.PDF
    except ExtractError:
        return False


@transaction.atomic
def import_draft_create(*, actor: Any, unit: Unit, filename: str, content: bytes) -> ImportDraft:
    """Keep the upload for checking. Text and DOCX are read at once (a bad file raises and nothing is
    kept); a PDF waits for import_draft_read() in the background."""
    _require_importer(actor, unit)
    if not content.strip():
        raise RuleViolation(_("The file is empty."))
    if len(content) > MAX_IMPORT_BYTES:
        raise RuleViolation(_("The file is larger than %(limit)s MB.") % {"limit": MAX_IMPORT_BYTES // 1024 // 1024})
    try:
        kind = detect_kind(content)
    except ExtractError as error:
        raise RuleViolation(_extract_message(error)) from error
    draft = ImportDraft(unit=unit, created_by=actor, filename=filename[:255] or "ke-hoach", content=content, kind=kind)
    if kind is not SourceKind.PDF:
        draft.parsed, draft.kind, draft.ocr_pages = read_document(content)
        draft.status = ImportDraft.Status.READY
    draft.save()
    return draft


def import_draft_read(*, draft_id: Any) -> ImportDraft | str:
    """Read a pending draft (the background job). Returns the ready draft, or the message why the
    file could not be read — the draft is then deleted, so nothing of a bad file stays."""
    draft = ImportDraft.objects.get(pk=draft_id)
    try:
        parsed, kind, ocr_pages = read_document(bytes(draft.content))
    except RuleViolation as error:
        draft.delete()
        return error.message
    ImportDraft.objects.filter(pk=draft.pk).update(
        parsed=parsed, kind=kind, ocr_pages=ocr_pages, status=ImportDraft.Status.READY
    )
    draft.refresh_from_db()
    return draft


@transaction.atomic
def import_draft_discard(*, draft: ImportDraft, actor: Any) -> None:
    if draft.created_by_id != actor.pk:
        raise NotAllowed(_("Only the person who uploaded the file may discard it."))
    draft.delete()


@dataclass(frozen=True, slots=True, kw_only=True)
class HeaderInput:
    number: str
    year: int
    title: str
    issued_on: date | None = None
    parent_issuer: str = ""
    issuer: str = ""
    place: str = ""
    signer: str = ""
    signer_title: str = ""
    legal_basis: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class RowInput:
    title: str
    area: str = ""  # sections
    lead_unit: Unit | None = None  # tasks
    deadline: date | None = None
    recurrence: str = "once"


def suggested_rows(rows: Sequence[outline.Row], year: int) -> dict[str, RowInput]:
    """What the preview proposes before the officer's corrections: the recognised titles, the deadline
    the text names (else the end of the plan's year for a one-off task), no lead unit."""
    suggested: dict[str, RowInput] = {}
    for row in rows:
        if row.is_task:
            deadline = row.deadline
            if deadline is None and row.recurrence == "once":
                deadline = date(year, 12, 31)
            suggested[row.key] = RowInput(title=row.title, deadline=deadline, recurrence=row.recurrence)
        else:
            suggested[row.key] = RowInput(title=row.title, area=row.area)
    return suggested


def row_code(rows: Sequence[outline.Row], row: outline.Row) -> str:
    by_key = {r.key: r for r in rows}
    labels: list[str] = []
    node: outline.Row | None = row
    while node is not None:
        if node.label:
            labels.insert(0, node.label)
        node = by_key.get(node.parent) if node.parent else None
    return ".".join(labels)


_SECTION_KINDS = {outline.PART: Section.Kind.PART, outline.ITEM: Section.Kind.ITEM, outline.POINT: Section.Kind.POINT}


@transaction.atomic
def plan_import_confirm(
    *,
    draft: ImportDraft,
    actor: Any,
    header: HeaderInput,
    rows: Mapping[str, RowInput],
    targets: Sequence[int] | None = None,
) -> Plan:
    """Create the plan from the draft with the officer's corrections (`rows` by row key; a row not
    given keeps what the importer recognised). `targets`: indexes of the recognised targets to keep
    (all when None)."""
    _require_importer(actor, draft.unit)
    if draft.status != ImportDraft.Status.READY:
        raise RuleViolation(_("The document has not been read yet."))
    if not 2000 <= header.year <= 2100:
        raise RuleViolation(_("Give the plan's year, e.g. 2026."))
    if not header.title.strip():
        raise RuleViolation(_("Give the plan's title."))
    plan_number_check(unit=draft.unit, year=header.year, number=header.number.strip())
    allowed = set(Unit.objects.filter(path__startswith=draft.unit.path).values_list("pk", flat=True))
    stranger = next((r.lead_unit for r in rows.values() if r.lead_unit and r.lead_unit.pk not in allowed), None)
    if stranger is not None:
        raise RuleViolation(_("%(unit)s is not a unit of %(issuer)s.") % {"unit": stranger, "issuer": draft.unit})
    parsed_rows = outline.rows_from_parsed(draft.parsed)
    plan = Plan(
        unit=draft.unit,
        number=header.number.strip(),
        year=header.year,
        title=header.title.strip(),
        issued_on=header.issued_on,
        parent_issuer=header.parent_issuer.strip(),
        issuer=header.issuer.strip(),
        place=header.place.strip(),
        signer=header.signer.strip(),
        signer_title=header.signer_title.strip(),
        legal_basis=header.legal_basis.strip(),
        source_name=draft.filename,
        created_by=actor,
    )
    plan.source_file.save(f"{draft.filename[:80]}", ContentFile(bytes(draft.content)), save=False)
    plan.save()
    sections: dict[str, Section] = {}
    task_order = 0
    for order, row in enumerate(parsed_rows, start=1):
        given = rows.get(row.key) or RowInput(
            title=row.title, area=row.area, deadline=row.deadline, recurrence=row.recurrence
        )
        title = given.title.strip() or row.title
        if not row.is_task:
            area = given.area if given.area in Area.values else ""
            sections[row.key] = Section.objects.create(
                plan=plan,
                parent=sections.get(row.parent or ""),
                label=row.label,
                kind=_SECTION_KINDS[row.kind],
                title=title[:500],
                text=row.text,
                area=area if row.kind == outline.ITEM else "",
                order=order,
            )
            continue
        try:
            planned = schedule_check(year=plan.year, recurrence=given.recurrence, deadline=given.deadline)
        except RuleViolation as error:
            raise RuleViolation(f"{_('Task')} {row_code(parsed_rows, row)}: {error.message}") from error
        section = sections[row.parent or ""]
        task_order += 1
        task = Task(
            plan=plan,
            section=section,
            label=row.label,
            order=task_order,
            title=title[:500],
            description=row.text,
            area=section_area(section),
            lead_unit=given.lead_unit,
        )
        apply_schedule(task, planned)
        task.save()
        TaskEvent.objects.create(task=task, kind=TaskEvent.Kind.CREATED, actor=actor, to_status=task.status)
    recognised = draft.parsed.get("targets", [])
    keep = range(len(recognised)) if targets is None else targets
    for order, index in enumerate(sorted(set(keep)), start=1):
        found = recognised[index]
        Target.objects.create(
            plan=plan,
            order=order,
            text=found["text"],
            indicator=found.get("indicator") or "",
            target_value=Decimal(str(found["value"])),
        )
    draft.delete()
    return plan
