"""The workbook's writes of meetings and attendance: many rows in a few queries, for a
workbook of tens of thousands of attendance rows (the sheets check the rows first)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from documents.models import StudyTopic
from organisation.models import Person, Unit

from .models import Attendance, Meeting

BATCH = 2000


def meetings_import(*, rows: Sequence[Any]) -> None:
    """Held meetings from a workbook, in bulk, by code: each row has code, kind, unit (a code),
    date, content, topics (codes) and combined (None: keep). The topics become exactly the
    row's."""
    if not rows:
        return
    units = dict(Unit.objects.values_list("code", "pk"))
    topics = dict(StudyTopic.objects.values_list("code", "pk"))
    by_code = {
        meeting.code: meeting
        for meeting in Meeting.objects.filter(code__in=[row["code"] for row in rows])
    }
    new: list[Meeting] = []
    updated: list[Meeting] = []
    for row in rows:
        meeting = by_code.get(row["code"]) or Meeting(code=row["code"])
        meeting.kind = row["kind"]
        meeting.unit_id = units[row["unit"]]
        meeting.date = row["date"]
        meeting.content = row["content"] or ""
        meeting.held = True
        if row["combined"] is not None:
            meeting.combined = row["combined"]
        meeting.fill_keys()
        (updated if meeting.pk else new).append(meeting)
    Meeting.objects.bulk_create(new, batch_size=BATCH)
    if updated:
        Meeting.objects.bulk_update(
            updated,
            ["kind", "unit", "date", "content", "held", "combined", "search_key"],
            batch_size=BATCH,
        )
    ids = dict(
        Meeting.objects.filter(code__in=[row["code"] for row in rows]).values_list("code", "pk")
    )
    through = Meeting.topics.through
    through.objects.filter(meeting_id__in=ids.values()).delete()
    through.objects.bulk_create(
        [
            through(meeting_id=ids[row["code"]], studytopic_id=topics[code])
            for row in rows
            for code in row["topics"] or []
        ],
        batch_size=BATCH,
    )


def attendances_import(*, rows: Sequence[Any]) -> None:
    """Attendance from a workbook, in bulk: each row has meeting and person (codes) and status."""
    if not rows:
        return
    meetings = _ids(Meeting, {row["meeting"] for row in rows})
    people = _ids(Person, {row["person"] for row in rows})
    existing: dict[tuple[int, int], Attendance] = {}
    meeting_ids = list(meetings.values())
    for start in range(0, len(meeting_ids), BATCH):
        for item in Attendance.objects.filter(meeting_id__in=meeting_ids[start : start + BATCH]):
            existing[(item.meeting_id, item.person_id)] = item
    new: list[Attendance] = []
    updated: list[Attendance] = []
    for row in rows:
        key = (meetings[row["meeting"]], people[row["person"]])
        found = existing.get(key)
        if found is None:
            new.append(Attendance(meeting_id=key[0], person_id=key[1], status=row["status"]))
        else:
            found.status = row["status"]
            updated.append(found)
    Attendance.objects.bulk_create(new, batch_size=BATCH)
    if updated:
        Attendance.objects.bulk_update(updated, ["status"], batch_size=BATCH)


def _ids(model: Any, codes: set[str]) -> dict[str, int]:
    """{code: primary key}, in batches (SQLite limits the parameters of one query)."""
    ordered, found = sorted(codes), {}
    for start in range(0, len(ordered), BATCH):
        chunk = ordered[start : start + BATCH]
        found.update(model.objects.filter(code__in=chunk).values_list("code", "pk"))
    return found
