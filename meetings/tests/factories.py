import datetime as dt

import factory

from documents.models import StudyTopic
from meetings.models import Attendance, FocusArea, Guest, Meeting, Minutes, TopicDeadline
from organisation.tests.factories import UnitFactory

TOPIC_TITLES = {
    "CD-TK-XII": (
        "Những nội dung cơ bản của tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "term",
        2016,
        2021,
    ),
    "CD-2017": ("Chuyên đề năm 2017", "annual", 2017, 2017),
    "CD-2018": ("Chuyên đề năm 2018", "annual", 2018, 2018),
    "CD-2019": ("Chuyên đề năm 2019", "annual", 2019, 2019),
    "CD-2020": ("Chuyên đề năm 2020", "annual", 2020, 2020),
    "CD-TK-XIII": ("Chuyên đề toàn khóa XIII", "term", 2021, 2025),
}


def topic(code: str) -> StudyTopic:
    """A study topic by code (the documents app preloads them; tests make their own)."""
    title, kind, start, end = TOPIC_TITLES.get(code, (f"Chuyên đề {code}", "annual", 2024, 2024))
    found, _ = StudyTopic.objects.get_or_create(
        code=code, defaults={"title": title, "kind": kind, "start_year": start, "end_year": end}
    )
    return found


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"HN{n:05d}")
    kind = Meeting.Kind.REGULAR
    unit = factory.SubFactory(UnitFactory)
    date = dt.date(2024, 3, 15)
    held = True
    content = "Sinh hoạt chi bộ định kỳ"
    start_time = dt.time(14, 0)
    end_time = dt.time(16, 0)
    place = "Phòng họp"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


def briefing_of(unit) -> Meeting:
    """A briefing conference of `unit` on 2 April 2024 on the term's study topic."""
    return MeetingFactory.create(
        unit=unit,
        kind=Meeting.Kind.BRIEFING,
        date=dt.date(2024, 4, 2),
        topics=[topic("CD-TK-XIII")],
    )


class AttendanceFactory(factory.django.DjangoModelFactory[Attendance]):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    status = Attendance.Status.PRESENT


class GuestFactory(factory.django.DjangoModelFactory[Guest]):
    class Meta:
        model = Guest

    meeting = factory.SubFactory(MeetingFactory, kind=Meeting.Kind.BRIEFING)
    name = "Nguyễn Văn Khách"
    organisation = "Ban Tuyên giáo Thành ủy"


class MinutesFactory(factory.django.DjangoModelFactory[Minutes]):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    version = 1
    proceedings = "Đồng chí Bí thư khai mạc."


class FocusAreaFactory(factory.django.DjangoModelFactory[FocusArea]):
    class Meta:
        model = FocusArea

    kind = FocusArea.Kind.CODE_OF_CONDUCT
    name = factory.Sequence(lambda n: f"Văn hóa công sở {n}")


class TopicDeadlineFactory(factory.django.DjangoModelFactory[TopicDeadline]):
    class Meta:
        model = TopicDeadline

    deadline = dt.date(2024, 6, 30)
