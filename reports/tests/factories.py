"""The records the report reads are other apps' models: their own factories, dated inside Chỉ
thị 05's first review period (2016–2020), with the values the report's tests count; and the
factories of the report's own reviews and of the directive it reviews."""

import datetime as dt

import factory

from activities.models import ActivityKind
from activities.tests import factories as activities
from documents.models import Document, StudyTopic
from documents.tests import factories as documents
from inspections.models import Inspection, Remediation
from inspections.tests import factories as inspections
from meetings.tests import factories as meetings
from meetings.tests.factories import AttendanceFactory  # noqa: F401 (re-exported for the tests)
from organisation.tests.factories import (  # noqa: F401 (re-exported for the tests)
    CommitteeFactory,
    MassOrganisationFactory,
    PersonFactory,
    StaffFactory,
    UnitFactory,
)
from pledges.tests import factories as pledges
from ratings.tests import factories as ratings
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


class DeliveryFactory(documents.DeliveryFactory):
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


class MeetingFactory(meetings.MeetingFactory):
    date = dt.date(2017, 3, 10)


class PledgeFactory(pledges.PledgeFactory):
    year = 2017
    registered_on = factory.LazyAttribute(lambda o: dt.date(o.year, 2, 1))


class PlanFactory(pledges.PersonalPlanFactory):
    year = 2017


class StandardFactory(pledges.ConductStandardFactory):
    year = 2017


class ActivityKindFactory(factory.django.DjangoModelFactory[ActivityKind]):
    class Meta:
        model = ActivityKind
        django_get_or_create = ("name",)

    name = "Hiến máu"
    default_measure_unit = "đơn vị máu"


class ActivityFactory(activities.ActivityFactory):
    date = dt.date(2017, 3, 26)
    participants = 30
    quantity = 30


class CommendationFactory(activities.CommendationFactory):
    """A person's commendation when given `person`, a collective's when given `unit`."""

    person = None
    decided_on = dt.date(2017, 12, 20)


class RatingFactory(ratings.RatingFactory):
    year = 2017
    level = "good"


class InspectionFactory(inspections.InspectionFactory):
    form = Inspection.Form.INSPECTION
    year = 2017
    planned_from = None
    planned_to = None


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
