#!/usr/bin/env python
"""Developer helper: refresh the vi catalogue and fill it from translation dictionaries.

    .venv/bin/python scripts/i18n_fill.py [dict.py …]     (default: every var/i18n/*.py)

Each dictionary file defines T = {"English source": "Bản dịch tiếng Việt", …}. The script runs
makemessages, writes the translations of entries that are still empty or fuzzy (never overwriting
a translation already in the catalogue), compiles, and lists what is still missing. The .po file is
the committed source of truth; the dictionaries are scratch input.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def _load(path: Path) -> dict[str, str]:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.T)


def main(args: list[str]) -> int:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cchc.settings.test"}
    subprocess.run([sys.executable, "manage.py", "i18n_check"], cwd=ROOT, env=env, check=False, capture_output=True)
    files = [Path(a) for a in args] or sorted((ROOT / "var" / "i18n").glob("*.py"))
    table: dict[str, str] = {}
    for path in files:
        table.update(_load(path))
    catalogue = polib.pofile(str(PO))
    missing = []
    for entry in catalogue:
        translated = entry.msgstr_plural.get(0) if entry.msgid_plural else entry.msgstr
        if translated and "fuzzy" not in entry.flags:
            continue
        value = table.get(entry.msgid)
        if value is None:
            missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: value}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None
            entry.previous_msgctxt = None
    catalogue.save()
    catalogue.save_as_mofile(str(PO.with_suffix(".mo")))
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
