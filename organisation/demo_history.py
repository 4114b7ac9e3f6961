"""The demo's merged cell: until 30/06/2018 part of today's cell CB19 was a cell of its own,
and CB19 took its present name at the merger (reports of 2016–2017 print its former name).

Built after the meetings, pledges and ratings of the 32 cells, by handing the former cell its
share of CB19's records before the merger, so that every figure of 2016–2017 counts 33 cells
and those from 2018 on count 32 — as a committee whose units changed over the years would.
"""

from __future__ import annotations

import datetime as dt

from core import demo

from . import membership
from .models import MemberEvent, Person, Unit, UnitName

MERGED_ON = dt.date(2018, 7, 1)
SURVIVOR = "CB19"
FORMER = ("CB19A", "Chi bộ Trung tâm Quản lý Di tích")
SURVIVOR_FORMER_NAME = "Chi bộ Ban Quản lý Danh thắng"


@demo.register(order=55)
def build_merged_cell(ctx: demo.DemoContext) -> None:
    from documents.models import DocumentDelivery
    from meetings.models import Attendance, Meeting
    from pledges.models import ConductStandard
    from ratings.models import Rating

    survivor = Unit.objects.get(code=SURVIVOR)
    former = Unit.objects.create(
        code=FORMER[0],
        name=FORMER[1],
        kind=Unit.Kind.CELL,
        parent=survivor.parent,
        place=survivor.place,
        dissolved_on=MERGED_ON,
        successor=survivor,
    )
    UnitName.objects.create(
        unit=survivor, name=SURVIVOR_FORMER_NAME, until=MERGED_ON - dt.timedelta(days=1)
    )
    # Half of CB19's people without other history were in the former cell until the merger.
    moved_ids = set(MemberEvent.objects.values_list("person_id", flat=True))
    people = [
        person
        for person in Person.objects.filter(unit=survivor).order_by("code")
        if person.pk not in moved_ids and (person.moved_out_on or MERGED_ON) >= MERGED_ON
    ][::2]
    MemberEvent.objects.bulk_create(
        MemberEvent(
            person=person,
            kind=MemberEvent.Kind.TRANSFER,
            date=MERGED_ON,
            from_unit=former,
            to_unit=survivor,
            note="Hợp nhất chi bộ",
        )
        for person in people
    )
    membership.rebuild(person.pk for person in people)
    ids = {person.pk for person in people}
    # Each meeting of CB19 before the merger was held by both cells; the former members'
    # attendance moves to the former cell's sitting.
    for meeting in Meeting.objects.filter(unit=survivor, date__lt=MERGED_ON).order_by("date"):
        topics = list(meeting.topics.all())
        original = meeting.pk
        meeting.pk = None
        meeting.code = f"{former.code}{meeting.code[len(survivor.code) :]}"
        meeting.unit = former
        meeting.chair = meeting.secretary = None
        meeting.fill_keys()
        meeting.save()
        meeting.topics.set(topics)
        Attendance.objects.filter(meeting_id=original, person_id__in=ids).update(meeting=meeting)
    Rating.objects.filter(person_id__in=ids, year__lt=MERGED_ON.year).update(cell=former)
    for rating in Rating.objects.filter(unit=survivor, year__lt=MERGED_ON.year):
        rating.pk = None
        rating.unit = rating.cell = former
        rating.save()
    for standard in ConductStandard.objects.filter(unit=survivor, year__lt=MERGED_ON.year):
        standard.pk = None
        standard.unit = former
        standard.save()
    DocumentDelivery.objects.bulk_create(
        DocumentDelivery(document_id=delivery.document_id, unit=former, sent_on=delivery.sent_on)
        for delivery in DocumentDelivery.objects.filter(unit=survivor, sent_on__lt=MERGED_ON)
    )
    ctx.log(f"  {former.name} hợp nhất vào {survivor.name} ngày 01/07/2018 ({len(people)} người)")
