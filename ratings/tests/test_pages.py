"""The round's pages: scoping, the flows through the forms, printables, query caps."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from exporters.models import PrintJob
from organisation.tests.factories import PersonFactory, UnitFactory
from ratings import services
from ratings.models import CapCondition, Complaint, Level, Rating
from ratings.tests.conftest import reviewed

pytestmark = pytest.mark.django_db


def test_a_member_sees_only_his_own_rating(tree, users, client_as):
    response = client_as("member").get(reverse("ratings:index"), {"year": 2019})
    body = response.content.decode()
    assert tree.members_a[1].code in body
    assert tree.members_a[2].code not in body and tree.members_b[0].code not in body


def test_a_secretary_sees_only_his_cell(tree, users, client_as):
    body = client_as("secretary").get(reverse("ratings:index"), {"year": 2019}).content.decode()
    assert all(person.code in body for person in tree.members_a)
    assert not any(person.code in body for person in tree.members_b)
    office = client_as("office").get(reverse("ratings:index"), {"year": 2019}).content.decode()
    assert all(person.code in office for person in tree.members_a + tree.members_b)


def test_search_ignores_diacritics(tree, users, client_as):
    person = tree.members_b[2]
    body = (
        client_as("office")
        .get(reverse("ratings:index"), {"year": 2019, "q": person.code.lower()})
        .content.decode()
    )
    assert person.code in body and tree.members_b[0].code not in body


def test_the_member_self_assesses_through_the_form(tree, users, client_as):
    client = client_as("member")
    url = reverse("ratings:self_assess", kwargs={"year": 2019})
    response = client.post(url, {"self_text": "", "self_level": Level.GOOD})
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not Rating.objects.exists()
    response = client.post(url, {"self_text": "Đã hoàn thành tốt.", "self_level": Level.GOOD})
    rating = Rating.objects.get(person=tree.members_a[1], year=2019)
    assert response.status_code == 302 and rating.self_level == Level.GOOD


def test_self_assessment_shows_pledge_and_plan(tree, users, client_as):
    from pledges.models import PersonalPlan, Pledge

    Pledge.objects.create(
        person=tree.members_a[1],
        year=2019,
        registered_on=dt.date(2019, 3, 1),
        content="Cam kết rèn luyện đạo đức",
    )
    PersonalPlan.objects.create(person=tree.members_a[1], year=2019, content="Kế hoạch học tập")
    body = (
        client_as("member")
        .get(reverse("ratings:self_assess", kwargs={"year": 2019}))
        .content.decode()
    )
    assert "Cam kết rèn luyện đạo đức" in body and "Kế hoạch học tập" in body


def test_2025_the_page_explains_the_level_from_the_score(tree, users, client_as):
    client = client_as("member")
    url = reverse("ratings:self_assess", kwargs={"year": 2025})
    client.post(
        url,
        {
            "self_text": "…",
            "self_score": "93",
            "all_tasks_done": "on",
            "beyond_target_percent": "40",
        },
    )
    rating = Rating.objects.get(person=tree.members_a[1], year=2025)
    # QĐ 366: HTTNV needs every task done on time; done but not on time gives HTNV.
    assert rating.self_level == Level.COMPLETE
    body = client.get(reverse("ratings:detail", kwargs={"pk": rating.pk})).content.decode()
    assert "93" in body and "90" in body


def test_the_secretary_proposes_for_his_cell_only(tree, users, client_as, meeting_a):
    services.rating_self_assess(
        person=tree.members_a[1], year=2019, text="…", self_level=Level.GOOD, user=users["member"]
    )
    client = client_as("secretary")
    assert (
        client.get(
            reverse("ratings:cell_review", kwargs={"cell_pk": tree.cell_b.pk, "year": 2019})
        ).status_code
        == 404
    )
    url = reverse("ratings:cell_review", kwargs={"cell_pk": tree.cell_a.pk, "year": 2019})
    # No meeting chosen: an error, the choice kept, nothing written.
    response = client.post(url, {f"level_{tree.members_a[1].pk}": Level.EXCELLENT})
    body = response.content.decode()
    assert response.status_code == 200 and 'role="alert"' in body
    assert 'value="excellent" selected' in body
    assert not Rating.objects.filter(proposed_at__isnull=False).exists()
    response = client.post(
        url,
        {
            "meeting": meeting_a.pk,
            f"level_{tree.members_a[1].pk}": Level.GOOD,
            f"level_{tree.members_b[1].pk}": Level.EXCELLENT,
            "level_cell": Level.GOOD,
        },
    )
    assert response.status_code == 302
    assert Rating.objects.get(person=tree.members_a[1]).proposed_level == Level.GOOD
    assert not Rating.objects.filter(person=tree.members_b[1]).exists()
    assert Rating.objects.get(unit=tree.cell_a).proposed_level == Level.GOOD


def test_the_office_decides_a_page_and_the_quota_message_shows(tree, users, client_as, meeting_a):
    ratings = [reviewed(person, meeting_a, users["office"]) for person in tree.members_a]
    client = client_as("office")
    url = reverse("ratings:decide_list", kwargs={"year": 2019})
    response = client.post(url, {f"level_{ratings[0].pk}": Level.EXCELLENT})
    body = response.content.decode()
    assert response.status_code == 200 and "HTXSNV" in body and "20%" in body
    assert not Rating.objects.exclude(level="").exists()
    response = client.post(url, {f"level_{r.pk}": Level.GOOD for r in ratings})
    assert response.status_code == 302
    assert Rating.objects.filter(level=Level.GOOD).count() == 3


def test_a_capped_member_shows_the_reason_on_the_decision_page(tree, users, client_as, meeting_a):
    rating = reviewed(tree.members_a[1], meeting_a, users["office"], Level.NOT_COMPLETE)
    CapCondition.objects.create(
        person=tree.members_a[1], year=2019, kind=CapCondition.Kind.DISCIPLINED, source="7-QĐ/UBKT"
    )
    client = client_as("office")
    url = reverse("ratings:decide", kwargs={"pk": rating.pk})
    assert "7-QĐ/UBKT" in client.get(url).content.decode()
    response = client.post(url, {"level": Level.GOOD})
    assert response.status_code == 200 and "7-QĐ/UBKT" in response.content.decode()
    rating.refresh_from_db()
    assert rating.level == ""


def test_a_complaint_through_the_pages_keeps_the_level_until_the_answer(
    tree, users, client_as, meeting_a
):
    rating = reviewed(tree.members_a[1], meeting_a, users["office"])
    services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    client = client_as("member")
    response = client.post(
        reverse("ratings:complain", kwargs={"pk": rating.pk}), {"text": "Xin xem xét lại"}
    )
    assert response.status_code == 302
    rating.refresh_from_db()
    complaint = Complaint.objects.get()
    assert rating.level == Level.GOOD and complaint.lodged_by == users["member"]
    office = client_as("office")
    url = reverse("ratings:answer", kwargs={"pk": rating.pk, "complaint_pk": complaint.pk})
    # A change without its decision number is refused next to the field; nothing is written.
    response = office.post(
        url, {"outcome": "change", "level": "complete", "reason": "…", "date": "2020-02-01"}
    )
    assert response.status_code == 200 and "number" in response.context["form"].errors
    rating.refresh_from_db()
    assert rating.level == Level.GOOD
    response = office.post(url, {"outcome": "keep", "reason": "Đúng quy trình."})
    assert response.status_code == 302
    # The member sees every step of his rating's history.
    page = client_as("member").get(reverse("ratings:detail", kwargs={"pk": rating.pk}))
    body = page.content.decode()
    assert "Xin xem xét lại" in body and "Đúng quy trình." in body
    assert len(page.context["decisions"]) == 1


def test_the_office_records_and_deletes_a_capping_condition(tree, users, client_as):
    client = client_as("inspection")
    response = client.post(
        reverse("ratings:cap_add"),
        {"person_code": "NOPE", "year": 2019, "kind": "disciplined", "source": "x"},
    )
    assert response.status_code == 200 and CapCondition.objects.count() == 0
    response = client.post(
        reverse("ratings:cap_add"),
        {"person_code": tree.members_a[1].code, "year": 2019, "kind": "disciplined", "source": "x"},
    )
    assert response.status_code == 302 and CapCondition.objects.count() == 1
    client.post(reverse("ratings:cap_delete", kwargs={"pk": CapCondition.objects.get().pk}))
    assert CapCondition.objects.count() == 0


def test_the_office_adds_a_rule_set_without_code(tree, users, client_as):
    client = client_as("office")
    from ratings.models import RuleSet

    future = RuleSet.objects.get(code="QD366-2025")
    response = client.post(
        reverse("ratings:rule_set_edit", kwargs={"pk": future.pk}),
        {
            "code": future.code,
            "name": future.name,
            "first_year": 2025,
            "last_year": 2029,
            "documents": future.documents,
            "scored": "on",
            "excellent_min_score": 90,
            "good_min_score": 70,
            "complete_min_score": 50,
            "excellent_beyond_target_percent": 30,
            "quota_percent": 20,
            "quota_base": "good",
            "self_assessment_required": "on",
            "self_fixed_exempt": "on",
            "decision_follows_score": "on",
            "review_start_month": 11,
            "review_end_month": 3,
            "citations": '{"quota": "Quy định 366-QĐ/TW"}',
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("ratings:rule_set_add"),
        {
            "code": "QD-2030",
            "name": "Quy định mới",
            "first_year": 2030,
            "documents": "Quy định mới",
            "quota_percent": 15,
            "quota_base": "good",
            "self_assessment_required": "on",
            "review_start_month": 11,
            "review_end_month": 3,
        },
    )
    assert response.status_code == 302
    assert RuleSet.objects.get(code="QD-2030").quota_percent == 15
    body = client.get(reverse("ratings:rule_sets")).content.decode()
    assert "Quy định mới" in body


def _printed(client, url: str) -> bytes:
    """Start a printout as the page's button does, see its page, download its file."""
    response = client.post(url)
    assert response.status_code == 302 and "/ban-in/" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert 'value="100"' in page and "Tải về" in page  # tests run tasks at once
    job = PrintJob.objects.latest("pk")
    download = client.get(reverse("exporters:job_download", kwargs={"pk": job.pk}))
    return b"".join(download.streaming_content)


def test_printables_are_word_and_pdf_printed_in_the_background(tree, users, client_as, meeting_a):
    rating = reviewed(tree.members_a[1], meeting_a, users["office"])
    services.rating_decide(rating=rating, level=Level.GOOD, user=users["office"])
    client = client_as("office")
    kwargs = {"cell_pk": tree.cell_a.pk, "year": 2019, "fmt": "docx"}
    document = Document(io.BytesIO(_printed(client, reverse("ratings:cell_print", kwargs=kwargs))))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "DANH SÁCH" in text and tree.members_a[1].full_name in cells
    assert "Hoàn thành tốt nhiệm vụ" in cells and "10/12/2019" in text
    url = reverse("ratings:decision_print", kwargs={"year": 2019, "fmt": "pdf"})
    pages = PdfReader(io.BytesIO(_printed(client, url))).pages
    pdf = "".join(page.extract_text() for page in pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in pdf and tree.members_a[1].full_name in pdf
    odt = reverse("ratings:decision_print", kwargs={"year": 2019, "fmt": "odt"})
    assert client.post(odt).status_code == 404


def _populate(tree, cells_count: int, per_cell: int, users):
    """Cells with members, each with a decided 2018 and a self-assessed 2019 rating."""
    ratings = []
    for index in range(cells_count):
        cell = UnitFactory.create(parent=tree.committee, code=f"CX{index}{per_cell}")
        for person in PersonFactory.create_batch(per_cell, unit=cell):
            ratings.append(
                Rating(
                    person=person, year=2018, level=Level.GOOD, cell=cell, committee=tree.committee
                )
            )
            ratings.append(
                Rating(
                    person=person,
                    year=2019,
                    cell=cell,
                    committee=tree.committee,
                    self_text="…",
                    self_level=Level.GOOD,
                    self_assessed_at="2019-12-01T00:00Z",
                )
            )
        ratings.append(
            Rating(unit=cell, year=2018, level=Level.GOOD, cell=cell, committee=tree.committee)
        )
    Rating.objects.bulk_create(ratings)


@pytest.mark.parametrize("size", [(2, 3), (6, 8)])
def test_round_pages_run_a_fixed_number_of_queries(
    tree, users, client_as, django_assert_max_num_queries, size
):
    _populate(tree, *size, users)
    client = client_as("office")
    for name, kwargs, params in [
        ("ratings:index", {}, {"year": 2019}),
        ("ratings:progress", {}, {"year": 2018}),
        ("ratings:progress", {}, {"year": 2019}),
        ("ratings:decide_list", {"year": 2019}, {}),
        ("ratings:caps", {}, {}),
        ("ratings:rule_sets", {}, {}),
    ]:
        with django_assert_max_num_queries(16):
            assert client.get(reverse(name, kwargs=kwargs), params).status_code == 200
    with django_assert_max_num_queries(16):
        response = client.get(
            reverse("ratings:cell_review", kwargs={"cell_pk": tree.cell_a.pk, "year": 2019})
        )
        assert response.status_code == 200


def test_progress_and_summary_figures(tree, users, client_as):
    _populate(tree, 2, 5, users)
    from ratings import overview

    summary = overview.summary(tree.committee, 2018)
    assert summary.overall.rated == 10 and summary.overall.good_or_better_percent == 100
    assert summary.units.of(Level.GOOD) == 2
    state = overview.progress(users["office"], 2019)
    # 6 tree members never assessed; the 10 new ones self-assessed in 2019.
    assert len(state.not_self_assessed) == 6
    assert state.undecided_members == 16
    body = client_as("office").get(reverse("ratings:progress"), {"year": 2018}).content.decode()
    assert "100%" in body


@pytest.mark.parametrize("role", ["office", "secretary", "member"])
@pytest.mark.parametrize("year", [2018, 2019])
def test_the_round_counts_are_the_progress_counts(tree, users, role, year):
    """The home page's rating round counts without building the rows: the same numbers."""
    _populate(tree, 2, 5, users)
    committee, proposed = tree.committee, "2019-12-05T00:00Z"
    Rating.objects.bulk_create(
        [
            Rating(person=tree.members_a[0], year=2019, cell=tree.cell_a, committee=committee),
            Rating(person=tree.members_a[1], year=2019, cell=tree.cell_a, proposed_at=proposed),
            Rating(person=tree.members_b[0], year=2019, cell=tree.cell_b, level=Level.GOOD),
            Rating(unit=tree.cell_b, year=2019, cell=tree.cell_b, proposed_at=proposed),
        ]
    )
    from ratings import overview

    state = overview.progress(users[role], year)
    counts = overview.round_counts(users[role], year)
    assert (
        counts.members,
        counts.not_self_assessed,
        counts.cells_not_proposed,
        counts.undecided_members,
    ) == (
        len(state.rows),
        len(state.not_self_assessed),
        len(state.not_proposed_cells),
        state.undecided_members,
    )


def test_a_member_cannot_open_another_members_rating(tree, users, client_as):
    other = services.rating_open(person=tree.members_a[2], year=2019)
    client = client_as("member")
    assert client.get(reverse("ratings:detail", kwargs={"pk": other.pk})).status_code == 404
    assert client.get(reverse("ratings:complain", kwargs={"pk": other.pk})).status_code == 404
    assert client.get(reverse("ratings:self_assess", kwargs={"year": 2099})).status_code == 404
