"""Each current person gets the events implied by his postings and dates, so that his
periods, rebuilt from events from now on, are the ones he had."""

from django.db import migrations


def events_from_postings(apps, schema_editor):
    Person = apps.get_model("organisation", "Person")
    Posting = apps.get_model("organisation", "Posting")
    MemberEvent = apps.get_model("organisation", "MemberEvent")
    postings: dict[int, list] = {}
    for posting in Posting.objects.order_by("person_id", "start", "pk"):
        postings.setdefault(posting.person_id, []).append(posting)
    events = []
    for person in Person.objects.all().iterator():
        rows = sorted(postings.get(person.pk, []), key=lambda p: (p.start is not None, p.start))
        if rows and rows[0].start is not None:
            events.append(
                MemberEvent(person_id=person.pk, kind="move_in", date=rows[0].start,
                            to_unit_id=rows[0].unit_id)
            )
        for before, after in zip(rows, rows[1:], strict=False):
            if after.start is not None and before.unit_id != after.unit_id:
                events.append(
                    MemberEvent(person_id=person.pk, kind="transfer", date=after.start,
                                from_unit_id=before.unit_id, to_unit_id=after.unit_id,
                                note=after.note[:255])
                )
        if person.moved_out_on:
            last = rows[-1].unit_id if rows else person.unit_id
            events.append(
                MemberEvent(person_id=person.pk, kind="move_out", date=person.moved_out_on,
                            from_unit_id=last)
            )
            Person.objects.filter(pk=person.pk).update(left_kind="move_out")
    MemberEvent.objects.bulk_create(events, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("organisation", "0004_history")]

    operations = [migrations.RunPython(events_from_postings, migrations.RunPython.noop)]
