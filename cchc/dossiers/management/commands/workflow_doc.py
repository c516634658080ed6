"""Write docs/workflows/dossier.md from the transition table."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from cchc.dossiers.workflow_doc import render


class Command(BaseCommand):
    help = "Regenerate docs/workflows/dossier.md from cchc/dossiers/workflow.py."

    def handle(self, *args: Any, **options: Any) -> None:
        path = settings.BASE_DIR / "docs" / "workflows" / "dossier.md"
        path.write_text(render(), encoding="utf-8")
        self.stdout.write(str(path))
