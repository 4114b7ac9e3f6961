import datetime as dt

import factory

from organisation.tests.factories import PersonFactory, UnitFactory
from pledges.models import ConductStandard, PersonalPlan, Pledge


class PledgeFactory(factory.django.DjangoModelFactory[Pledge]):
    class Meta:
        model = Pledge

    person = factory.SubFactory(PersonFactory)
    year = 2019
    registered_on: dt.date | factory.LazyAttribute = dt.date(2019, 2, 15)
    content = "Tôi xin cam kết học tập và làm theo tấm gương đạo đức Hồ Chí Minh."


class PersonalPlanFactory(factory.django.DjangoModelFactory[PersonalPlan]):
    class Meta:
        model = PersonalPlan

    person = factory.SubFactory(PersonFactory)
    year = 2019
    content = "Kế hoạch năm"
    items = "Hoàn thành nhiệm vụ\nĐọc một tác phẩm của Bác"


class ConductStandardFactory(factory.django.DjangoModelFactory[ConductStandard]):
    class Meta:
        model = ConductStandard

    unit = factory.SubFactory(UnitFactory)
    year = 2019
    kind = ConductStandard.Kind.SPECIFIC
    items = "Đúng giờ\nTận tụy"
