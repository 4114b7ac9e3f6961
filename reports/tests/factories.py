"""Factories for the records the report reads (other apps' models) and for reviews."""

import datetime as dt

import factory

from activities.models import Activity, ActivityKind, Commendation
from documents.models import Document, DocumentDelivery, StudyTopic
from inspections.models import Inspection, Remediation
from meetings.models import Attendance, Meeting
from organisation.tests.factories import (  # noqa: F401 (re-exported for the tests)
    CommitteeFactory,
    MassOrganisationFactory,
    PersonFactory,
    StaffFactory,
    UnitFactory,
)
from pledges.models import ConductStandard, PersonalPlan, Pledge
from ratings.models import Rating
from reports.models import Review


class DocumentFactory(factory.django.DjangoModelFactory[Document]):
    class Meta:
        model = Document
        django_get_or_create = ("number_symbol", "issuer")

    number_symbol = "05-CT/TW"
    kind = Document.Kind.DIRECTIVE
    issued_on = dt.date(2016, 5, 15)
    issuer = "Bộ Chính trị"
    summary = "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


class DeliveryFactory(factory.django.DjangoModelFactory[DocumentDelivery]):
    class Meta:
        model = DocumentDelivery

    document = factory.SubFactory(DocumentFactory)
    sent_on = dt.date(2017, 3, 1)


class TopicFactory(factory.django.DjangoModelFactory[StudyTopic]):
    class Meta:
        model = StudyTopic
        django_get_or_create = ("code",)

    code = "CD-TK-XII"
    title = "Những nội dung cơ bản của tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    kind = StudyTopic.Kind.TERM
    start_year = 2016
    end_year = 2021


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"HN{n:05d}")
    kind = Meeting.Kind.REGULAR
    date = dt.date(2017, 3, 10)
    held = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class AttendanceFactory(factory.django.DjangoModelFactory[Attendance]):
    class Meta:
        model = Attendance

    status = Attendance.Status.PRESENT


class PledgeFactory(factory.django.DjangoModelFactory[Pledge]):
    class Meta:
        model = Pledge

    year = 2017
    registered_on = factory.LazyAttribute(lambda o: dt.date(o.year, 2, 1))


class PlanFactory(factory.django.DjangoModelFactory[PersonalPlan]):
    class Meta:
        model = PersonalPlan

    year = 2017


class StandardFactory(factory.django.DjangoModelFactory[ConductStandard]):
    class Meta:
        model = ConductStandard

    year = 2017
    kind = ConductStandard.Kind.SPECIFIC
    items = "Đúng giờ\nTận tụy"


class ActivityKindFactory(factory.django.DjangoModelFactory[ActivityKind]):
    class Meta:
        model = ActivityKind
        django_get_or_create = ("name",)

    name = "Hiến máu"
    default_measure_unit = "đơn vị máu"


class ActivityFactory(factory.django.DjangoModelFactory[Activity]):
    class Meta:
        model = Activity

    code = factory.Sequence(lambda n: f"HD{n:05d}")
    organisation = factory.SubFactory(MassOrganisationFactory, name="Đoàn Thanh niên")
    kind = factory.SubFactory(ActivityKindFactory)
    date = dt.date(2017, 3, 26)
    title = "Ngày hội hiến máu"
    participants = 30
    quantity = 30
    measure_unit = "đơn vị máu"


class CommendationFactory(factory.django.DjangoModelFactory[Commendation]):
    class Meta:
        model = Commendation

    code = factory.Sequence(lambda n: f"KT{n:05d}")
    level = Commendation.Level.GRASSROOTS
    form = "Giấy khen"
    decided_on = dt.date(2017, 12, 20)


class RatingFactory(factory.django.DjangoModelFactory[Rating]):
    class Meta:
        model = Rating

    year = 2017
    level = "good"


class InspectionFactory(factory.django.DjangoModelFactory[Inspection]):
    class Meta:
        model = Inspection

    code = factory.Sequence(lambda n: f"KT-{n:04d}")
    form = Inspection.Form.INSPECTION
    year = 2017
    content = "Kiểm tra việc học tập và làm theo"


class RemediationFactory(factory.django.DjangoModelFactory[Remediation]):
    class Meta:
        model = Remediation

    content = "Bổ sung biên bản"
    deadline = dt.date(2017, 9, 30)


class ReviewFactory(factory.django.DjangoModelFactory[Review]):
    class Meta:
        model = Review

    directive = factory.SubFactory(DocumentFactory)
    kind = Review.Kind.INTERIM
    period_from = dt.date(2016, 5, 15)
    period_to = dt.date(2020, 6, 30)
    number_symbol = factory.Sequence(lambda n: f"{n + 10}-BC/ĐU")
    place = "Hà Nội"
    issued_on = dt.date(2020, 6, 5)
    signer_name = "Nguyễn Văn An"
