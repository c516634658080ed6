"""The Vietnamese catalogue is complete and compiled."""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parents[1] / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    catalogue = polib.pofile(str(PO))
    assert len(catalogue) > 100
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_placeholders_survive_translation() -> None:
    import re

    pattern = re.compile(r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}")
    catalogue = polib.pofile(str(PO))
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            continue
        assert sorted(pattern.findall(entry.msgid)) == sorted(pattern.findall(entry.msgstr)), entry.msgid


def test_the_running_product_speaks_vietnamese() -> None:
    from django.utils.translation import gettext, override

    with override("vi"):
        assert gettext("Sign in") == "Đăng nhập"


def test_django_strings_missing_from_its_catalogue_are_vietnamese_too() -> None:
    from django.utils.translation import gettext, override

    with override("vi"):
        assert gettext("- Select an option -") == "— Chọn —"
        assert gettext("Show counts") == "Hiện số lượng"
