"""Write the API's OpenAPI document to docs/api/openapi.json (committed; a test checks it is current)."""

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from cchc.api.v1.api import api

DEFAULT_PATH = Path(settings.BASE_DIR) / "docs" / "api" / "openapi.json"


def openapi_text() -> str:
    """The document as committed: sorted keys, two-space indent, non-ASCII kept, final newline."""
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


class Command(BaseCommand):
    help = "Write the OpenAPI document of API v1 (default: docs/api/openapi.json)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", default=str(DEFAULT_PATH), help="file to write, or - for standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        text = openapi_text()
        if options["output"] == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(options["output"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"{path}")
