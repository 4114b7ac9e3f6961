"""The report page, its drill-down lists, section editing, freezing and exports."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from core.actors import SYSTEM
from reports import services
from reports.content import report_content
from reports.models import ExportJob, Review
from reports.page import drill_url

pytestmark = pytest.mark.django_db


def test_start_a_report_in_the_browser(client_as, tree, users):
    from .factories import DocumentFactory

    directive = DocumentFactory()
    client = client_as("office")
    data = {
        "committee": tree.committee.pk,
        "directive": directive.pk,
        "kind": "interim",
        "period_from": "2016-05-15",
        "period_to": "2015-06-30",
        "number_symbol": "15-BC/ĐU",
        "place": "Hà Nội",
        "signer_title": "BÍ THƯ",
        "signer_on_behalf": "T/M ĐẢNG ỦY",
    }
    response = client.post(reverse("reports:create"), data)
    assert response.status_code == 200
    assert "Ngày kết thúc kỳ báo cáo trước ngày bắt đầu." in response.content.decode()
    assert 'value="15-BC/ĐU"' in response.content.decode()  # what was typed is kept
    assert not Review.objects.exists()
    data["period_to"] = "2020-06-30"
    response = client.post(reverse("reports:create"), data)
    review = Review.objects.get()
    assert response.url == reverse("reports:detail", kwargs={"pk": review.pk})
    assert review.created_by == users["office"]


def test_page_links_every_figure_to_its_records(client_as, review, records, tree):
    page = client_as("office").get(review.get_absolute_url()).content.decode()
    assert "sơ kết 4 năm thực hiện Chỉ thị số 05-CT/TW" in page
    assert drill_url(review, "cells_thematic", year=2017).replace("&", "&amp;") in page
    assert "<svg" in page  # charts drawn on the server
    assert ">2016<" in page and "2.016" not in page  # years are not numbers with separators
    figures = report_content(review).figures
    client = client_as("office")
    for name, params, figure in [
        ("roll", {"year": 2017}, figures["years"][1]["members_on_roll"]),
        ("pledged", {"year": 2017}, figures["years"][1]["pledges"]["members_pledged"]),
        (
            "rated",
            {"year": 2018, "level": "excellent"},
            figures["years"][2]["ratings"]["excellent"],
        ),
        ("cells_thematic", {"year": 2019}, figures["years"][3]["thematic_meetings"]["cells_held"]),
        ("meetings", {"year": 2016, "kind": "thematic"}, 2),
        ("remediations", {"year": 2019, "state": "late"}, 1),
        ("roll", {"year": 2017, "cell": "CBA"}, figures["cells"][0]["years"][1]["members_on_roll"]),
    ]:
        response = client.get(drill_url(review, name, **params))
        assert response.status_code == 200, name
        assert response.context["page_obj"].paginator.count == figure, name


def test_drill_rejects_years_outside_the_period(client_as, review):
    client = client_as("office")
    assert client.get(drill_url(review, "roll", year=2015)).status_code == 404
    assert client.get(drill_url(review, "roll", year="x")).status_code == 404
    assert client.get(drill_url(review, "nothing", year=2017)).status_code == 404
    assert client.get(drill_url(review, "roll", year=2017, cell="KHAC")).status_code == 404


def test_edit_a_section_with_htmx(client_as, review):
    client = client_as("office")
    url = reverse("reports:section", kwargs={"pk": review.pk, "key": "limitations"})
    form = client.get(url, HTTP_HX_REQUEST="true")
    assert "<textarea" in form.content.decode()
    saved = client.post(url, {"text": "Một số chi bộ còn hình thức."}, HTTP_HX_REQUEST="true")
    assert "Một số chi bộ còn hình thức." in saved.content.decode()
    assert "<html" not in saved.content.decode()  # only the section comes back
    review.refresh_from_db()
    assert review.sections["limitations"]["text"] == "Một số chi bộ còn hình thức."


def test_frozen_report_refuses_edits_through_the_web(client_as, review):
    client = client_as("office")
    client.post(reverse("reports:freeze", kwargs={"pk": review.pk}))
    review.refresh_from_db()
    assert review.is_frozen
    url = reverse("reports:section", kwargs={"pk": review.pk, "key": "limitations"})
    response = client.post(url, {"text": "Sửa sau khi chốt"}, follow=True)
    assert "Báo cáo đã chốt" in response.content.decode()
    review.refresh_from_db()
    assert review.sections["limitations"]["text"] != "Sửa sau khi chốt"
    form = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<textarea" not in form  # no edit form for a frozen report
    edit = client.get(reverse("reports:edit", kwargs={"pk": review.pk}), follow=True)
    assert "Báo cáo đã chốt" in edit.content.decode()
    copy = client.post(reverse("reports:new_version", kwargs={"pk": review.pk}))
    assert Review.objects.filter(lineage=review.lineage).count() == 2
    assert copy.status_code == 302


def test_export_runs_as_a_task_and_keeps_the_file(client_as, review, records):
    client = client_as("inspection")
    response = client.post(reverse("reports:export", kwargs={"pk": review.pk, "fmt": "json"}))
    job = ExportJob.objects.get()
    assert response.url == reverse("reports:job", kwargs={"pk": job.pk})
    assert job.status == "done" and job.progress == 100
    status = client.get(reverse("reports:job_status", kwargs={"pk": job.pk})).content.decode()
    assert "hx-trigger" not in status  # finished: polling stops
    download = client.get(reverse("reports:job_download", kwargs={"pk": job.pk}))
    data = json.loads(b"".join(download.streaming_content))
    assert data["report"]["id"] == review.pk


def test_a_pending_export_polls(client_as, review):
    job = services.export_job_create(user=SYSTEM, review=review, exporter="review_pdf")
    status = client_as("office").get(reverse("reports:job_status", kwargs={"pk": job.pk}))
    assert 'hx-trigger="every 1s"' in status.content.decode()
    assert (
        client_as("office").get(reverse("reports:job_download", kwargs={"pk": job.pk})).status_code
        == 404
    )


def test_menu_and_dashboard(client_as, review):
    page = client_as("office").get(reverse("core:home")).content.decode()
    assert reverse("reports:list") in page and review.number_symbol in page
    page = client_as("member").get(reverse("core:home")).content.decode()
    assert reverse("reports:list") not in page


def _bigger(tree, cells):
    from .factories import MeetingFactory, PersonFactory, PledgeFactory, UnitFactory

    for _ in range(cells):
        cell = UnitFactory(parent=tree.committee)
        for person in PersonFactory.create_batch(3, unit=cell):
            PledgeFactory(person=person, year=2017, registered_on=dt.date(2017, 6, 1))
        MeetingFactory(unit=cell, kind="thematic", date=dt.date(2017, 6, 1))


@pytest.mark.parametrize("cells", [0, 12])
def test_page_queries_do_not_grow(
    client_as, review, records, tree, cells, django_assert_max_num_queries
):
    _bigger(tree, cells)
    client = client_as("office")
    # The first view starts the figures' computation (run at once by the tests' task
    # backend: one query set per closed year); the views after it read the stored figures.
    with django_assert_max_num_queries(200):
        assert client.get(review.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(review.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(drill_url(review, "pledged", year=2017)).status_code == 200
