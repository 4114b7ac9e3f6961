"""Correct the preloaded rule sets (issue 12): the years before 2018 get the rule set in force
then (Hướng dẫn 27-HD/BTCTW, 2014) with its level names, and every set gains its conditions
and their citations. Decided ratings get the decision record the history now starts from."""

from django.db import migrations

from ratings.reference import RULE_SETS


def correct(apps, schema_editor):
    RuleSet = apps.get_model("ratings", "RuleSet")
    for values in RULE_SETS:
        RuleSet.objects.update_or_create(
            code=values["code"], defaults={k: v for k, v in values.items() if k != "code"}
        )
    Rating = apps.get_model("ratings", "Rating")
    RatingDecision = apps.get_model("ratings", "RatingDecision")
    decided = Rating.objects.exclude(level="").filter(decisions__isnull=True)
    RatingDecision.objects.bulk_create(
        [
            RatingDecision(
                rating_id=rating.pk,
                kind="imported" if rating.imported else "round",
                level=rating.level,
                decided_by_id=rating.decided_by_id,
            )
            for rating in decided.only("pk", "level", "imported", "decided_by_id")
        ]
    )


def uncorrect(apps, schema_editor):
    apps.get_model("ratings", "RuleSet").objects.filter(code="HD27-2014").delete()


class Migration(migrations.Migration):
    dependencies = [("ratings", "0004_complaints_decisions_conditions")]

    operations = [migrations.RunPython(correct, uncorrect)]
