import factory

from ratings.models import CapCondition, Rating


class RatingFactory(factory.django.DjangoModelFactory[Rating]):
    class Meta:
        model = Rating

    year = 2019


class CapConditionFactory(factory.django.DjangoModelFactory[CapCondition]):
    class Meta:
        model = CapCondition

    year = 2019
    kind = CapCondition.Kind.DISCIPLINED
    source = "05-QĐ/UBKT"
