import datetime as dt

import factory

from organisation import membership
from organisation.models import MassOrganisation, MemberEvent, Person, Unit


class UnitFactory(factory.django.DjangoModelFactory[Unit]):
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


class MassOrganisationFactory(factory.django.DjangoModelFactory[MassOrganisation]):
    class Meta:
        model = MassOrganisation
        django_get_or_create = ("name",)

    name = "Công đoàn"


class PersonFactory(factory.django.DjangoModelFactory[Person]):
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
    party_status: str = Person.PartyStatus.FULL
    party_joined_on: dt.date | None = dt.date(2005, 3, 2)
    party_official_on: dt.date | None = dt.date(2006, 3, 2)

    @factory.post_generation
    def posting(self, create, extracted, **kwargs):
        """`moved_out_on=` is shorthand for a move-out event; the periods are derived."""
        if create:
            if self.moved_out_on:
                MemberEvent.objects.create(
                    person=self,
                    kind=MemberEvent.Kind.MOVE_OUT,
                    date=self.moved_out_on,
                    from_unit=self.unit,
                )
            membership.rebuild([self.pk])
            self.refresh_from_db()


class StaffFactory(PersonFactory):
    """A non-member (CBCCVC, người lao động)."""

    party_status = ""
    party_joined_on = None
    party_official_on = None
