"""Read a plan document and print what was recognised, or import it as a draft plan.

    manage.py import_plan ke_hoach.pdf --dry-run     the tree (one line per node, with its kind) and targets
    manage.py import_plan ke_hoach.docx --json       one JSON object: header, targets, sections, unplaced
    manage.py import_plan ke_hoach.txt --as cchc     create the plan as a draft, as that CCHC officer

--dry-run and --json save nothing.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils.translation import gettext as _

from cchc.core.audit import acting_as
from cchc.core.errors import RuleViolation
from cchc.org.models import User
from cchc.plans import importing, outline
from cchc.plans.selectors import import_units


def _node_json(node: dict[str, Any]) -> dict[str, Any]:
    return {
        "label": node["label"],
        "kind": node["kind"],
        "title": node["title"],
        "children": [_node_json(child) for child in node.get("children", [])],
    }


def as_json(parsed: dict[str, Any]) -> dict[str, Any]:
    """The JSON of --json: header (issuer, number, place, date, title), targets (text, value),
    sections (label, kind, title, children) and the unplaced text."""
    header = parsed.get("header", {})
    return {
        "header": {key: header.get(key) for key in ("issuer", "number", "place", "date", "title")},
        "targets": [{"text": t["text"], "value": t["value"]} for t in parsed.get("targets", [])],
        "sections": [_node_json(node) for node in parsed.get("sections", [])],
        "unplaced": list(parsed.get("unplaced", [])),
    }


class Command(BaseCommand):
    help = "Read a plan document (TXT, DOCX, PDF) and print the recognised tree, or import it as a draft."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the plan document")
        parser.add_argument(
            "--dry-run", action="store_true", help="print the recognised tree and targets; save nothing"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object instead; save nothing")
        parser.add_argument("--as", dest="username", help="the CCHC officer who imports the plan (without --dry-run)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot open %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from error
        try:
            parsed, kind, ocr_pages = importing.read_document(content)
        except RuleViolation as error:
            raise CommandError(error.message) from error
        if options["json"]:
            self.stdout.write(json.dumps(as_json(parsed), ensure_ascii=False, indent=2))
            return
        if options["dry_run"]:
            self._print_tree(parsed, kind, ocr_pages)
            return
        self._import(options.get("username"), path.name, content)

    def _print_tree(self, parsed: dict[str, Any], kind: str, ocr_pages: list[int]) -> None:
        header = parsed.get("header", {})
        self.stdout.write(f"{header.get('number') or '?'} · {header.get('place') or '?'} · {header.get('date') or '?'}")
        self.stdout.write(f"{header.get('parent_issuer') or ''} / {header.get('issuer') or '?'}")
        self.stdout.write(f"{header.get('title') or '?'}")
        if ocr_pages:
            self.stdout.write(_("Pages read by OCR: %(pages)s") % {"pages": ", ".join(map(str, ocr_pages))})
        self.stdout.write("")

        def show(node: dict[str, Any], depth: int) -> None:
            label = f"{node['label']}." if node["kind"] in {"part", "item"} else f"{node['label']})"
            if node["kind"] == "bullet":
                label = node["label"]
            area = f"  [{node['area']}]" if node.get("area") else ""
            self.stdout.write(f"{'  ' * depth}{node['kind']:<7} {label} {node['title']}{area}")
            for child in node.get("children", []):
                show(child, depth + 1)

        for node in parsed.get("sections", []):
            show(node, 0)
        self.stdout.write("")
        targets = parsed.get("targets", [])
        self.stdout.write(_("Targets: %(count)s") % {"count": len(targets)})
        for target in targets:
            self.stdout.write(f"  {target['value']:g}%  {target.get('indicator') or '-'}  {target['text'][:100]}")
        unplaced = parsed.get("unplaced", [])
        self.stdout.write(_("Unplaced text: %(count)s") % {"count": len(unplaced)})
        for text in unplaced:
            self.stdout.write(f"  {text}")
        for warning in parsed.get("warnings", []):
            self.stdout.write(self.style.WARNING(warning))
        rows = outline.rows_from_parsed(parsed)
        self.stdout.write(
            _("Would create %(sections)s sections and %(tasks)s tasks. Nothing was saved.")
            % {"sections": sum(not r.is_task for r in rows), "tasks": sum(r.is_task for r in rows)}
        )

    def _import(self, username: str | None, filename: str, content: bytes) -> None:
        if not username:
            raise CommandError(_("Give --as with the username of the CCHC officer, or use --dry-run."))
        user = User.objects.filter(username=username, is_active=True).first()
        unit = import_units(user).first() if user else None
        if user is None or unit is None:
            raise CommandError(_("%(username)s is not an active CCHC officer.") % {"username": username})
        with acting_as(user), transaction.atomic():
            try:
                draft = importing.import_draft_create(actor=user, unit=unit, filename=filename, content=content)
                header = draft.parsed.get("header", {})
                year = header.get("year") or 0
                rows = outline.rows_from_parsed(draft.parsed)
                plan = importing.plan_import_confirm(
                    draft=draft,
                    actor=user,
                    header=importing.HeaderInput(
                        number=header.get("number") or "",
                        year=year,
                        title=header.get("title") or "",
                        issued_on=date.fromisoformat(header["date"]) if header.get("date") else None,
                        parent_issuer=header.get("parent_issuer") or "",
                        issuer=header.get("issuer") or "",
                        place=header.get("place") or "",
                        signer=header.get("signer") or "",
                        legal_basis="\n".join(header.get("legal_basis", [])),
                    ),
                    rows=importing.suggested_rows(rows, year),
                )
            except RuleViolation as error:
                raise CommandError(error.message) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Plan %(number)s was created as a draft with %(count)s tasks; assign the lead units in the browser.")
                % {"number": plan.number, "count": plan.tasks.count()}
            )
        )
