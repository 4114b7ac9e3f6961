"""Fill the search key of the reports saved before Review.save() kept it (the list's search
found none of them)."""

from django.db import migrations


def fill(apps, schema_editor):
    from reports.models import review_search_key

    Review = apps.get_model("reports", "Review")
    for review in Review.objects.select_related("committee", "directive"):
        review.search_key = review_search_key(review)
        review.save(update_fields=["search_key"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_export_job_heartbeat")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
