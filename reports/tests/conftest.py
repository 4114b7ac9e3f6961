import datetime as dt

import pytest

from reports import services

from .factories import DocumentFactory


@pytest.fixture
def draft(tree, users):
    """A draft report of the shared tree's committee, started by the office, nothing written."""
    return services.review_create(
        committee=tree.committee,
        directive=DocumentFactory(),
        period_from=dt.date(2016, 5, 15),
        period_to=dt.date(2020, 6, 30),
        number_symbol="15-BC/ĐU",
        issued_on=dt.date(2020, 6, 30),
        signer_name="Nguyễn Văn An",
        recipients="Ban Tuyên giáo Thành ủy\nCác chi bộ trực thuộc",
        user=users["office"],
    )


@pytest.fixture
def review(draft, users):
    """The draft with the sections only people write written (a report cannot be frozen
    without them)."""
    from reports.models import WRITTEN_SECTIONS

    review = draft
    for key in WRITTEN_SECTIONS:
        review = services.review_section_save(
            review=review, key=key, text=f"Phần {key} do Đảng ủy viết.", user=users["office"]
        )
    return review


@pytest.fixture
def records(tree):
    """Some records in the shared tree over 2016–2020, so that figures are not all zero."""
    from .factories import (
        ActivityFactory,
        AttendanceFactory,
        InspectionFactory,
        MeetingFactory,
        PledgeFactory,
        RatingFactory,
        RemediationFactory,
        TopicFactory,
    )

    topic = TopicFactory()
    members = tree.members_a + tree.members_b
    for year in range(2016, 2021):
        for cell in (tree.cell_a, tree.cell_b):
            meeting = MeetingFactory(
                unit=cell, kind="thematic", date=dt.date(year, 6, 10), topics=[topic]
            )
            for person in tree.members_a if cell == tree.cell_a else tree.members_b:
                AttendanceFactory(meeting=meeting, person=person)
            MeetingFactory(unit=cell, kind="regular", date=dt.date(year, 6, 5))
        for index, person in enumerate(members):
            PledgeFactory(person=person, year=year, registered_on=dt.date(year, 6, 1))
            if year < 2020:
                RatingFactory(person=person, year=year, level="excellent" if index == 0 else "good")
        ActivityFactory(unit=tree.cell_a, date=dt.date(year, 6, 20))
    inspection = InspectionFactory(subject_unit=tree.cell_a, year=2018)
    RemediationFactory(inspection=inspection, deadline=dt.date(2018, 10, 1))
    return topic
