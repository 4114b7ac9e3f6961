"""Preload the study topics of rules.md and the documents they implement (reference data)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from documents.reference import load_reference

    load_reference(apps.get_model("documents", "Document"), apps.get_model("documents", "StudyTopic"))


def backwards(apps, schema_editor):
    from documents.reference import TOPICS

    apps.get_model("documents", "StudyTopic").objects.filter(
        code__in=[code for code, *_rest in TOPICS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_topic_search_key")]

    operations = [migrations.RunPython(forwards, backwards)]
