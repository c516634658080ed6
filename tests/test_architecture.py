"""Import rules of style.md §7.2, checked on the source: pure stays pure, layers point one way."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "cchc"

# An app may import only from its own level or the levels before it.
LAYERS: list[set[str]] = [
    {"lib", "settings", "formats"},
    {"core"},
    {"org"},
    {"workdays", "notifications"},
    {"catalog"},
    {"dossiers", "feedback", "surveys", "plans", "scorecard"},
    {"kpis"},
    {"reports"},
    {"api", "integrations", "shell", "demo"},
]
LEVEL = {app: i for i, apps in enumerate(LAYERS) for app in apps}

PURE_MODULES = [
    "lib/vntext.py",
    "lib/vndates.py",
    "workdays/calendar.py",
    "workdays/statutory.py",
    "lib/nd30.py",
    "lib/pdf.py",
]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def _source_files() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if "migrations" not in p.parts and "tests" not in p.parts]


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_modules_import_no_django_and_no_models(module: str) -> None:
    imported = _imports(ROOT / module)
    assert not [name for name in imported if name.startswith("django")], imported
    assert not [name for name in imported if name.startswith("cchc") and not name.startswith("cchc.lib")]


def test_apps_import_only_from_lower_layers() -> None:
    offences = []
    for path in _source_files():
        app = path.relative_to(ROOT).parts[0]
        if app not in LEVEL:
            continue
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "cchc" or len(parts) < 2 or parts[1] not in LEVEL:
                continue
            if LEVEL[parts[1]] > LEVEL[app]:
                offences.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offences == []


def test_every_app_is_placed_in_a_layer() -> None:
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert apps <= set(LEVEL), apps - set(LEVEL)
