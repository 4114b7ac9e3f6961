import datetime as dt

import factory

from organisation.models import MassOrganisation, Person, Posting, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n:03d}")
    name = factory.Sequence(lambda n: f"Chi bộ số {n}")
    kind = Unit.Kind.CELL
    place = "Hà Nội"


class CommitteeFactory(UnitFactory):
    code = factory.Sequence(lambda n: f"DB{n:02d}")
    name = factory.Sequence(lambda n: f"Đảng bộ thử nghiệm {n}")
    kind = Unit.Kind.COMMITTEE
    superior_body = "Đảng bộ Thành phố Hà Nội"


class MassOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MassOrganisation
        django_get_or_create = ("name",)

    name = "Công đoàn"


class PersonFactory(factory.django.DjangoModelFactory):
    """A full party member posted to `unit` since before the records begin."""

    class Meta:
        model = Person
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"P{n:05d}")
    full_name = factory.Iterator(
        [
            "Nguyễn Văn An",
            "Trần Thị Bình",
            "Lê Minh Châu",
            "Phạm Đức Dũng",
            "Hoàng Thu Hà",
            "Vũ Quang Huy",
        ]
    )
    birth_date = dt.date(1980, 5, 1)
    gender = Person.Gender.MALE
    unit = factory.SubFactory(UnitFactory)
    party_status = Person.PartyStatus.FULL
    party_joined_on = dt.date(2005, 3, 2)
    party_official_on = dt.date(2006, 3, 2)

    @factory.post_generation
    def posting(self, create, extracted, **kwargs):
        if create:
            Posting.objects.create(person=self, unit=self.unit, start=None, end=self.moved_out_on)


class StaffFactory(PersonFactory):
    """A non-member (CBCCVC, người lao động)."""

    party_status = ""
    party_joined_on = None
    party_official_on = None
