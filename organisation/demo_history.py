"""The demo's merged cell: until 30/06/2018 part of today's cell CB19 was a cell of its own,
and CB19 took its present name at the merger (reports of 2016–2017 print its former name).

Built after the meetings, pledges and ratings of the 32 cells, by handing the former cell its
share of CB19's records before the merger, so that every figure of 2016–2017 counts 33 cells
and those from 2018 on count 32 — as a committee whose units changed over the years would.
"""

from __future__ import annotations

import datetime as dt

from core import demo
from core.actors import SYSTEM
from core.services import save_many

from . import membership, services
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
    former = services.unit_found(
        user=SYSTEM,
        code=FORMER[0],
        name=FORMER[1],
        kind=Unit.Kind.CELL,
        parent=survivor.parent,
        founded_on=None,
    )
    services.unit_profile_update(user=SYSTEM, unit=former, place=survivor.place)
    # Merged into the survivor: nobody is in it yet (its members' history follows).
    services.unit_dissolve(user=SYSTEM, unit=former, on=MERGED_ON, successor=survivor)
    save_many(
        SYSTEM,
        [
            UnitName(
                unit=survivor, name=SURVIVOR_FORMER_NAME, until=MERGED_ON - dt.timedelta(days=1)
            )
        ],
    )
    # Half of CB19's people without other history were in the former cell until the merger.
    moved_ids = set(MemberEvent.objects.values_list("person_id", flat=True))
    people = [
        person
        for person in Person.objects.filter(unit=survivor).order_by("code")
        if person.pk not in moved_ids and (person.moved_out_on or MERGED_ON) >= MERGED_ON
    ][::2]
    save_many(
        SYSTEM,
        [
            MemberEvent(
                person=person,
                kind=MemberEvent.Kind.TRANSFER,
                date=MERGED_ON,
                from_unit=former,
                to_unit=survivor,
                note="Hợp nhất chi bộ",
            )
            for person in people
        ],
    )
    membership.rebuild(person.pk for person in people)
    ids = {person.pk for person in people}
    # Each meeting of CB19 before the merger was held by both cells; the former members'
    # attendance moves to the former cell's sitting.
    originals = list(
        Meeting.objects.filter(unit=survivor, date__lt=MERGED_ON)
        .order_by("date")
        .prefetch_related("topics")
    )
    copies = []
    for meeting in originals:
        copy = Meeting(
            **{
                field.attname: getattr(meeting, field.attname)
                for field in Meeting._meta.concrete_fields
                if not field.primary_key
            }
        )
        copy.code = f"{former.code}{meeting.code[len(survivor.code) :]}"
        copy.unit = former
        copy.chair = copy.secretary = None
        copy.fill_keys()
        copies.append(copy)
    save_many(SYSTEM, copies)
    topic_links = Meeting.topics.through
    save_many(
        SYSTEM,
        [
            topic_links(meeting_id=copy.pk, studytopic_id=topic.pk)
            for meeting, copy in zip(originals, copies, strict=True)
            for topic in meeting.topics.all()
        ],
    )
    sitting = {meeting.pk: copy for meeting, copy in zip(originals, copies, strict=True)}
    attendance = list(Attendance.objects.filter(meeting_id__in=sitting, person_id__in=ids))
    for row in attendance:
        row.meeting = sitting[row.meeting_id]
    save_many(SYSTEM, attendance, ["meeting"])
    ratings = list(Rating.objects.filter(person_id__in=ids, year__lt=MERGED_ON.year))
    for rating in ratings:
        rating.cell = former
    save_many(SYSTEM, ratings, ["cell"])
    cell_ratings = list(Rating.objects.filter(unit=survivor, year__lt=MERGED_ON.year))
    for rating in cell_ratings:
        rating.pk = None
        rating.unit = rating.cell = former
    save_many(SYSTEM, cell_ratings)
    standards = list(ConductStandard.objects.filter(unit=survivor, year__lt=MERGED_ON.year))
    for standard in standards:
        standard.pk = None
        standard.unit = former
    save_many(SYSTEM, standards)
    save_many(
        SYSTEM,
        [
            DocumentDelivery(
                document_id=delivery.document_id, unit=former, sent_on=delivery.sent_on
            )
            for delivery in DocumentDelivery.objects.filter(unit=survivor, sent_on__lt=MERGED_ON)
        ],
    )
    ctx.log(f"  {former.name} hợp nhất vào {survivor.name} ngày 01/07/2018 ({len(people)} người)")
