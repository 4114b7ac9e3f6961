import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.actors import SYSTEM
from pledges import selectors, services
from pledges.models import ConductStandard, Pledge, PledgeVersion
from pledges.tests.factories import ConductStandardFactory, PledgeFactory

pytestmark = pytest.mark.django_db


def create(person, **extra):
    values = {
        "person": person,
        "year": 2019,
        "registered_on": dt.date(2019, 2, 1),
        "content": "Cam kết",
        "by": SYSTEM,
    }
    values.update(extra)
    return services.pledge_create(**values)


def test_a_pledge_is_recorded_once_per_person_and_year(tree):
    person = tree.members_a[0]
    create(person)
    with pytest.raises(ValidationError) as error:
        create(person, content="Bản thứ hai")
    assert "đã có bản cam kết năm 2019" in str(error.value)
    assert Pledge.objects.filter(person=person).count() == 1
    assert Pledge.objects.get(person=person).content == "Cam kết"


def test_a_person_who_had_left_cannot_pledge(leaver):
    with pytest.raises(ValidationError) as error:
        create(leaver, registered_on=dt.date(2019, 4, 1))
    assert "không thuộc" in str(error.value) and "01/04/2019" in str(error.value)
    assert not Pledge.objects.exists()
    assert create(leaver, registered_on=dt.date(2019, 2, 1)).pk


def test_a_person_not_yet_posted_cannot_pledge(newcomer):
    with pytest.raises(ValidationError):
        create(newcomer, registered_on=dt.date(2019, 5, 1))
    assert create(newcomer, registered_on=dt.date(2019, 6, 2)).person == newcomer


def test_dates_must_fit_the_year(tree):
    with pytest.raises(ValidationError) as error:
        create(tree.members_a[0], registered_on=dt.date(2017, 5, 1))
    assert "năm 2019" in str(error.value)
    with pytest.raises(ValidationError):
        create(tree.members_a[0], year=2099, registered_on=dt.date(2099, 1, 1))
    # Late in the year before is fine (pledges are often registered in December).
    assert create(tree.members_a[0], registered_on=dt.date(2018, 12, 20)).pk


def test_paper_pledge_keeps_its_signed_scan(tree):
    scan = SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4 scan", content_type="application/pdf")
    pledge = create(tree.members_a[0], scan=scan, source=Pledge.Source.PAPER)
    assert pledge.source == Pledge.Source.PAPER
    assert pledge.scan.read().startswith(b"%PDF")


def test_a_scan_that_is_not_a_pdf_or_image_is_refused(tree):
    fake = SimpleUploadedFile("ban-ky.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        create(tree.members_a[0], scan=fake)
    assert "PDF, PNG hoặc JPEG" in str(error.value)
    assert not Pledge.objects.exists()


def test_a_scan_that_is_too_large_is_refused(tree, settings):
    settings.PLEDGE_SCAN_MAX_BYTES = 100
    big = SimpleUploadedFile("ban-ky.pdf", b"%PDF" + b"0" * 200, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        create(tree.members_a[0], scan=big)
    assert "quá lớn" in str(error.value)
    assert not Pledge.objects.exists()


def test_confirmed_pledge_is_locked_and_changes_become_versions(tree, users):
    pledge = create(tree.members_a[1], content="Bản đầu")
    services.pledge_confirm(pledge=pledge, by=users["secretary"])
    pledge.refresh_from_db()
    assert pledge.is_locked and pledge.confirmed_by == users["secretary"]
    changed = services.pledge_update(
        pledge=pledge, registered_on=pledge.registered_on, content="Bản sửa", by=users["member"]
    )
    assert changed.version == 2 and not changed.is_locked and changed.content == "Bản sửa"
    old = PledgeVersion.objects.get(pledge=pledge)
    assert old.version == 1 and old.content == "Bản đầu" and old.confirmed_at is not None
    assert old.replaced_by == users["member"]
    # Before confirmation, changes are made in place: no new version.
    services.pledge_update(
        pledge=changed, registered_on=pledge.registered_on, content="Bản sửa 2", by=SYSTEM
    )
    assert PledgeVersion.objects.count() == 1
    assert Pledge.objects.get(pk=pledge.pk).version == 2
    # The audit trail records who changed it.
    assert pledge.history.filter(history_user=users["member"]).exists()


def test_an_unchanged_save_makes_no_version(tree, users):
    pledge = create(tree.members_a[1])
    services.pledge_confirm(pledge=pledge, by=users["secretary"])
    services.pledge_update(
        pledge=pledge, registered_on=pledge.registered_on, content=pledge.content, by=SYSTEM
    )
    assert not PledgeVersion.objects.exists()


def test_plan_items_are_cleaned(tree):
    plan = services.plan_save(
        person=tree.members_a[0],
        year=2019,
        content=" Mục tiêu ",
        items="- Một\n\n• Hai\n",
        by=SYSTEM,
    )
    assert plan.item_list == ["Một", "Hai"]
    again = services.plan_save(
        person=tree.members_a[0], year=2019, content="", items="Ba", by=SYSTEM
    )
    assert again.pk == plan.pk and again.item_list == ["Ba"]
    with pytest.raises(ValidationError):
        services.plan_save(person=tree.members_a[0], year=2020, content="x", items=" ", by=SYSTEM)


def test_standards_are_common_for_the_committee_and_specific_for_a_cell(tree):
    common = services.standard_save(unit=tree.committee, year=2019, items="Chung 1", by=SYSTEM)
    specific = services.standard_save(unit=tree.cell_a, year=2019, items="Riêng 1", by=SYSTEM)
    assert common.kind == ConductStandard.Kind.COMMON
    assert specific.kind == ConductStandard.Kind.SPECIFIC
    # Versioned by year: 2020 is a new record, 2019 stays.
    services.standard_save(unit=tree.cell_a, year=2020, items="Riêng 2020", by=SYSTEM)
    assert ConductStandard.objects.get(unit=tree.cell_a, year=2019).items == "Riêng 1"


def test_the_pledge_is_prefilled_from_template_and_standards(tree):
    services.template_save(committee=tree.committee, year=2019, text="Mẫu năm {year}.", by=SYSTEM)
    ConductStandardFactory(unit=tree.committee, kind="common", items="Trung thành")
    ConductStandardFactory(unit=tree.cell_a, items="Đúng giờ")
    ConductStandardFactory(unit=tree.cell_b, items="Của chi bộ B")
    text = selectors.prefilled_pledge(tree.members_a[0], 2019)
    assert text.startswith("Mẫu năm 2019.")
    assert "- Trung thành" in text and "- Đúng giờ" in text
    assert "Của chi bộ B" not in text


def test_the_default_template_is_used_when_none_is_set(tree):
    text = selectors.prefilled_pledge(tree.members_a[0], 2018)
    assert "năm 2018" in text and "05-CT/TW" in text


def test_factory_pledges_have_unique_person_year(tree):
    PledgeFactory(person=tree.members_a[0])
    with pytest.raises(Exception):  # noqa: B017 (the database constraint)
        PledgeFactory(person=tree.members_a[0])
