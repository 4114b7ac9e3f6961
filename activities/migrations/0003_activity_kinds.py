"""Preload the activity kinds the committee uses; users may add more later (the list is data)."""

from django.db import migrations

KINDS = [
    ("Tình nguyện", ""),
    ("Hiến máu", "đơn vị máu"),
    ("Từ thiện", "đồng"),
    ("Trao quà", "suất quà"),
    ("Văn nghệ - Thể thao", ""),
    ("Khác", ""),
]


def add_kinds(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    for name, unit in KINDS:
        ActivityKind.objects.get_or_create(name=name, defaults={"default_measure_unit": unit})


def remove_kinds(apps, schema_editor):
    ActivityKind = apps.get_model("activities", "ActivityKind")
    ActivityKind.objects.filter(name__in=[name for name, _ in KINDS], activities=None).delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0002_activity_description_activity_people_and_more")]

    operations = [migrations.RunPython(add_kinds, remove_kinds)]
