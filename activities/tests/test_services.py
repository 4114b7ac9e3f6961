import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from activities import services
from activities.models import (
    DEFAULT_KINDS,
    Activity,
    ActivityKind,
    ActivityPhoto,
    Commendation,
)
from activities.tests.factories import ActivityFactory, kind, png_bytes, png_upload
from core.actors import SYSTEM
from organisation.tests.factories import MassOrganisationFactory

pytestmark = pytest.mark.django_db


def save(tree, **extra):
    values = {
        "by": SYSTEM,
        "code": "",
        "organisation": MassOrganisationFactory(name="Đoàn Thanh niên"),
        "unit": tree.cell_a,
        "kind": kind("Hiến máu"),
        "date": dt.date(2019, 3, 26),
        "title": "Hiến máu tình nguyện",
        "participants": 40,
        "quantity": Decimal(36),
        "measure_unit": "",
    }
    values.update(extra)
    return services.activity_save(**values)


def test_kinds_are_preloaded_with_their_units():
    import importlib

    migration = importlib.import_module("activities.migrations.0003_activity_kinds")
    assert migration.KINDS == DEFAULT_KINDS
    for name, _unit in DEFAULT_KINDS:
        kind(name)  # present after migrating (a flushing test may have emptied the table)
    units = dict(ActivityKind.objects.values_list("name", "default_measure_unit"))
    assert units == {
        "Tình nguyện": "",
        "Hiến máu": "đơn vị máu",
        "Từ thiện": "đồng",
        "Trao quà": "suất quà",
        "Văn nghệ - Thể thao": "",
        "Khác": "",
    }


def test_an_activity_gets_a_code_and_the_kinds_unit(tree):
    activity = save(tree)
    assert activity.code == "HD2019-001" and activity.measure_unit == "đơn vị máu"
    assert save(tree).code == "HD2019-002"
    money = save(tree, kind=kind("Từ thiện"), quantity=Decimal(12_500_000), code="TT-1")
    assert money.measure_unit == "đồng" and money.code == "TT-1"


@pytest.mark.parametrize(
    ("field", "extra", "message"),
    [
        ("participants", {"participants": -1}, "Số người tham gia không được âm"),
        ("quantity", {"quantity": Decimal(-5)}, "Số lượng không được âm"),
        ("date", {"date": dt.date(1929, 12, 31)}, "01/01/1930"),
        ("date", {"date": dt.date.today() + dt.timedelta(days=1)}, "hôm nay"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(tree, field, extra, message):
    with pytest.raises(ValidationError) as error:
        save(tree, **extra)
    assert field in error.value.message_dict
    assert message in " ".join(error.value.message_dict[field])
    assert not Activity.objects.exists()


def test_named_people_cannot_exceed_participants(tree):
    with pytest.raises(ValidationError):
        save(tree, participants=1, people=tree.members_a[:2])
    activity = save(tree, participants=3, people=tree.members_a[:2])
    assert set(activity.people.all()) == set(tree.members_a[:2])


def test_a_photo_that_is_not_an_image_is_refused_and_nothing_is_written(tree):
    fake = SimpleUploadedFile("anh.png", b"this is text", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        save(tree, photos=[fake])
    assert "không phải là ảnh" in str(error.value)
    assert not Activity.objects.exists() and not ActivityPhoto.objects.exists()


def test_a_photo_that_is_too_large_is_refused(tree, settings):
    settings.ACTIVITY_PHOTO_MAX_BYTES = 50
    with pytest.raises(ValidationError) as error:
        save(tree, photos=[SimpleUploadedFile("a.png", png_bytes((64, 64)))])
    assert "quá lớn" in str(error.value)
    assert not Activity.objects.exists()


def test_a_real_photo_is_kept(tree):
    activity = save(tree, photos=[png_upload()])
    photo = activity.photos.get()
    assert photo.image.read().startswith(b"\x89PNG")
    services.photo_delete(photo=photo, by=SYSTEM)
    assert not ActivityPhoto.objects.exists()


def test_a_commendation_is_of_a_person_or_a_collective(tree):
    values = {
        "by": SYSTEM,
        "code": "",
        "level": Commendation.Level.GRASSROOTS,
        "form": "Giấy khen",
        "decision_number": "12-QĐ/ĐU",
        "decided_on": dt.date(2019, 5, 19),
        "reason": "Điển hình tiên tiến",
    }
    person = services.commendation_save(person=tree.members_a[0], unit=None, **values)
    collective = services.commendation_save(person=None, unit=tree.cell_b, **values)
    assert person.code == "KT2019-001" and collective.code == "KT2019-002"
    with pytest.raises(ValidationError):
        services.commendation_save(person=tree.members_a[0], unit=tree.cell_a, **values)
    with pytest.raises(ValidationError):
        services.commendation_save(person=None, unit=None, **values)
    assert Commendation.objects.count() == 2


def test_delete_removes_photos(tree):
    activity = ActivityFactory(unit=tree.cell_a)
    services.photo_add(activity=activity, image=png_upload(), by=SYSTEM)
    services.activity_delete(activity=activity, by=SYSTEM)
    assert not ActivityPhoto.objects.exists() and not Activity.objects.exists()
