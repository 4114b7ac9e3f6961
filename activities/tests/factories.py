import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from activities.models import DEFAULT_KINDS, Activity, ActivityKind, Commendation
from organisation.tests.factories import MassOrganisationFactory, PersonFactory, UnitFactory


def png_bytes(size: tuple[int, int] = (8, 8)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def png_upload(name: str = "anh.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def kind(name: str = "Hiến máu") -> ActivityKind:
    """A preloaded kind. Transactional (browser) tests flush the table, so create if absent."""
    units = dict(DEFAULT_KINDS)
    found, _ = ActivityKind.objects.get_or_create(
        name=name, defaults={"default_measure_unit": units.get(name, "")}
    )
    return found


class ActivityFactory(factory.django.DjangoModelFactory[Activity]):
    class Meta:
        model = Activity

    code = factory.Sequence(lambda n: f"HD-T{n:04d}")
    organisation = factory.SubFactory(MassOrganisationFactory, name="Đoàn Thanh niên")
    unit = factory.SubFactory(UnitFactory)
    kind = factory.LazyFunction(kind)
    date = dt.date(2019, 3, 26)
    title = "Ngày hội hiến máu tình nguyện"
    participants = 40
    quantity = 36
    measure_unit = "đơn vị máu"


class CommendationFactory(factory.django.DjangoModelFactory[Commendation]):
    class Meta:
        model = Commendation

    code = factory.Sequence(lambda n: f"KT-T{n:04d}")
    person: factory.SubFactory | None = factory.SubFactory(PersonFactory)
    unit = None
    level = Commendation.Level.GRASSROOTS
    form = "Giấy khen"
    decision_number = "123-QĐ/ĐU"
    decided_on = dt.date(2019, 5, 19)
    reason = "Điển hình tiên tiến trong học tập và làm theo"
