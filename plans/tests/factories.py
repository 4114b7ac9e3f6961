import datetime as dt

import factory

from plans.models import BreakthroughArea, Plan, PlanItem, Target


class PlanFactory(factory.django.DjangoModelFactory[Plan]):
    class Meta:
        model = Plan

    year = 2024
    number_symbol = factory.Sequence(lambda n: f"{n + 10}-KH/ĐU")
    issued_on = dt.date(2024, 1, 10)
    title = "thực hiện Chỉ thị số 05-CT/TW năm 2024"


class PlanItemFactory(factory.django.DjangoModelFactory[PlanItem]):
    class Meta:
        model = PlanItem

    plan = factory.SubFactory(PlanFactory)
    content = "Quán triệt kế hoạch đến đảng viên"
    deadline = dt.date(2024, 3, 31)


class TargetFactory(factory.django.DjangoModelFactory[Target]):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    figure = "pledges_percent"
    value = 100
    due = dt.date(2024, 3, 31)


class AreaFactory(factory.django.DjangoModelFactory[BreakthroughArea]):
    class Meta:
        model = BreakthroughArea

    plan = factory.SubFactory(PlanFactory)
    actions = "Sinh hoạt chuyên đề về văn hóa công sở"
