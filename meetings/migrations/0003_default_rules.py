"""Load the default meeting rules (meetings/reference.py) as data the office can edit."""

from django.db import migrations


def load(apps, schema_editor):
    from meetings.reference import DEFAULT_RULES

    MeetingRules = apps.get_model("meetings", "MeetingRules")
    for row in DEFAULT_RULES:
        MeetingRules.objects.get_or_create(
            committee=None, effective_from=row["effective_from"], defaults=row
        )


def unload(apps, schema_editor):
    from meetings.reference import DEFAULT_RULES

    MeetingRules = apps.get_model("meetings", "MeetingRules")
    MeetingRules.objects.filter(
        committee=None, effective_from__in=[row["effective_from"] for row in DEFAULT_RULES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_details_minutes_rules")]
    operations = [migrations.RunPython(load, unload)]
