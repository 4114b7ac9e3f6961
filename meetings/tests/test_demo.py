"""The demo tells the article's story: run the organisation and meetings builders."""

import datetime as dt

from django.db.models import Q

from core.testing import build_demo
from meetings import demo as meetings_demo
from meetings import oversight, selectors
from meetings.models import Attendance, Meeting

START, END = dt.date(2016, 5, 15), dt.date(2020, 6, 30)


def test_demo_meetings(db):
    ctx = build_demo(meetings_demo.build_meetings)
    assert ctx.data["meetings_done"] is True
    cells = ctx.cells
    assert len(cells) == 32
    conference = Meeting.objects.get(unit=ctx.committee, kind="briefing")
    assert conference.date > START
    assert list(conference.topics.values_list("code", flat=True)) == ["CD-TK-XII"]
    assert conference.attendance.count() > 400
    briefed_2016 = (
        Meeting.objects.filter(
            unit__in=cells,
            kind__in=["briefing", "study"],
            topics__code="CD-TK-XII",
            date__year=2016,
        )
        .values("unit")
        .distinct()
        .count()
    )
    assert briefed_2016 == 32
    for year in range(2016, 2021):
        held = Meeting.objects.filter(
            unit__in=cells, held=True, date__year=year, date__gte=START, date__lte=END
        )
        studied = held.filter(Q(kind__in=["briefing", "study"]) | Q(topics__isnull=False))
        assert studied.values("unit").distinct().count() == 32, year
        assert held.filter(kind="thematic").values("unit").distinct().count() == 32, year
        rows = Attendance.objects.filter(meeting__in=held)
        present = rows.filter(status="present").count() / rows.count()
        assert 0.95 <= present <= 0.975, (year, present)
        assert rows.filter(status="absent").count() < rows.count() * 0.01
    march_2020 = Meeting.objects.filter(
        unit__in=cells, kind="regular", date__year=2020, date__month=3, topics__code="CD-2020"
    )
    assert march_2020.count() == 32
    for year in range(2016, 2021):
        per_cell = Meeting.objects.filter(unit=cells[3], kind="regular", date__year=year).count()
        assert per_cell == 12
        quarters = {
            (m.month - 1) // 3
            for m in Meeting.objects.filter(
                unit=cells[3], kind="thematic", date__year=year
            ).values_list("date", flat=True)
        }
        assert quarters == {0, 1, 2, 3}
    thematic = Meeting.objects.filter(kind="thematic").select_related("focus_area").first()
    assert thematic.focus_area.name.startswith("Văn hóa công sở gắn với việc học tập")
    flagged = [
        oversight.absentees([cell.pk for cell in cells], year, 3) for year in range(2016, 2021)
    ]
    assert any(flagged)
    # Attendance only for members on the roll on the meeting's date.
    sample = Meeting.objects.filter(unit=cells[5], kind="regular").order_by("date")[20]
    roll = set(selectors.roll_on(sample.unit, sample.date).values_list("pk", flat=True))
    assert set(sample.attendance.values_list("person_id", flat=True)) == roll
