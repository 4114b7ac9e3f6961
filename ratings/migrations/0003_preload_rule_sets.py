"""The four rule sets of rules.md, preloaded so that every year is judged by its own rules."""

from django.db import migrations

from ratings.reference import RULE_SETS

def preload(apps, schema_editor):
    RuleSet = apps.get_model("ratings", "RuleSet")
    # Only the fields this migration's model has: later migrations add the others (0005).
    known = {field.name for field in RuleSet._meta.get_fields()}
    for values in RULE_SETS:
        code = values["code"]
        RuleSet.objects.update_or_create(
            code=code, defaults={k: v for k, v in values.items() if k != "code" and k in known}
        )


def unload(apps, schema_editor):
    RuleSet = apps.get_model("ratings", "RuleSet")
    RuleSet.objects.filter(code__in=[values["code"] for values in RULE_SETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("ratings", "0002_round_and_rule_sets")]

    operations = [migrations.RunPython(preload, unload)]
