"""The one-stop rule sets known to CCHC (cchc/dossiers/rulesets.py). Administrators can adjust them."""

from django.db import migrations

from cchc.dossiers.rulesets import ensure_rule_sets


def add_rule_sets(apps, schema_editor):
    ensure_rule_sets(apps.get_model("dossiers", "RuleSet"))


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [migrations.RunPython(add_rule_sets, migrations.RunPython.noop)]
