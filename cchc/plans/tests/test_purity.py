"""The plan's rules are pure (style.md §7.2 rule 3): no Django, no models, only other pure modules."""

import ast
from pathlib import Path

import pytest

PLANS = Path(__file__).resolve().parents[1]
PURE = [
    "workflow.py",
    "schedule.py",
    "reminders.py",
    "outline.py",
    "importers/plan_text.py",
    "importers/vi_repair.py",
    "importers/extract.py",
]
ALLOWED_FIRST_PARTY = ("cchc.lib", "cchc.plans.importers")


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


@pytest.mark.parametrize("module", PURE)
def test_it_imports_no_django_and_no_models(module: str) -> None:
    imported = _imports(PLANS / module)
    assert [n for n in imported if n.startswith("django")] == []
    assert [n for n in imported if n.startswith("cchc") and not n.startswith(ALLOWED_FIRST_PARTY)] == []
