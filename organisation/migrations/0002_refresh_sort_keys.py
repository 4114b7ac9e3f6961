"""Sort keys became plain ASCII (PostgreSQL refuses the NUL byte the first version used)."""

from django.db import migrations


def refresh(apps, schema_editor):
    from core.vn import name_sort_key

    Person = apps.get_model("organisation", "Person")
    people = list(Person.objects.only("pk", "full_name"))
    for person in people:
        person.sort_key = name_sort_key(person.full_name)[:255]
    Person.objects.bulk_update(people, ["sort_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("organisation", "0001_initial")]
    operations = [migrations.RunPython(refresh, migrations.RunPython.noop)]
