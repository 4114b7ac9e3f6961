"""The report's pages without htmx: editing the facts, the sections, freezing and publishing,
each answering with the page and a message the user can read."""

import datetime as dt

import pytest
from django.urls import reverse

from news.models import Article

pytestmark = pytest.mark.django_db


def _form_data(response) -> dict:
    """What the page's form would post back unchanged."""
    form = response.context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = "" if value is None else value
    return data


def test_edit_the_facts_of_a_report(client_as, review):
    client = client_as("office")
    url = reverse("reports:edit", kwargs={"pk": review.pk})
    data = _form_data(client.get(url))
    data["place"] = "Hải Phòng"
    response = client.post(url, data)
    assert response.url == review.get_absolute_url()
    review.refresh_from_db()
    assert review.place == "Hải Phòng"
    # A period that ends before it starts is refused next to the form, and nothing is saved.
    data = _form_data(client.get(url))
    data.update(place="Huế", period_to="2015-01-01")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ngày kết thúc kỳ báo cáo trước ngày bắt đầu." in response.content.decode()
    review.refresh_from_db()
    assert review.place == "Hải Phòng" and review.period_to == dt.date(2020, 6, 30)


def test_sections_work_without_htmx(client_as, review):
    client = client_as("office")
    url = reverse("reports:section", kwargs={"pk": review.pk, "key": "limitations"})
    page = client.get(url)
    assert "<html" in page.content.decode() and "<textarea" in page.content.decode()
    saved = client.post(url, {"text": "Còn hình thức."})
    assert saved.url == f"{review.get_absolute_url()}#section-limitations"
    review.refresh_from_db()
    assert review.sections["limitations"]["text"] == "Còn hình thức."
    cancel = client.get(url, {"cancel": "1"})
    assert cancel.url == f"{review.get_absolute_url()}#section-limitations"
    # A drafted section given back to the figures, with and without htmx.
    reset = reverse("reports:section_reset", kwargs={"pk": review.pk, "key": "leading"})
    client.post(
        reverse("reports:section", kwargs={"pk": review.pk, "key": "leading"}), {"text": "Tay."}
    )
    assert client.post(reset).url == f"{review.get_absolute_url()}#section-leading"
    review.refresh_from_db()
    assert "leading" not in review.sections
    answer = client.post(reset, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in answer
    for name in ("section", "section_reset"):
        missing = reverse(f"reports:{name}", kwargs={"pk": review.pk, "key": "nothing"})
        assert client.post(missing).status_code == 404


def test_a_frozen_section_answers_with_its_text(client_as, review):
    client = client_as("office")
    client.post(reverse("reports:freeze", kwargs={"pk": review.pk}))
    url = reverse("reports:section", kwargs={"pk": review.pk, "key": "limitations"})
    page = client.get(url, follow=True).content.decode()
    assert "Báo cáo đã chốt" in page
    refused = client.post(url, {"text": "Sửa"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in refused and "Báo cáo đã chốt" in refused
    reset = reverse("reports:section_reset", kwargs={"pk": review.pk, "key": "leading"})
    assert "Báo cáo đã chốt" in client.post(reset, follow=True).content.decode()


def test_a_report_without_its_written_sections_cannot_be_frozen(client_as, draft):
    review = draft
    client = client_as("office")
    page = client.post(reverse("reports:freeze", kwargs={"pk": review.pk}), follow=True)
    assert "Cần viết các phần sau trước khi khóa báo cáo" in page.content.decode()
    review.refresh_from_db()
    assert not review.is_frozen


def test_publishing_twice_opens_the_one_article(client_as, review):
    client = client_as("office")
    url = reverse("reports:publish", kwargs={"pk": review.pk})
    first = client.post(url)
    assert first.url == review.get_absolute_url()
    article = Article.objects.get(origin=f"report:{review.pk}")
    again = client.post(url)
    assert again.url == reverse("news:article_edit", kwargs={"pk": article.pk})
    assert Article.objects.filter(origin=f"report:{review.pk}").count() == 1


def test_the_list_finds_a_report_by_its_number(client_as, review):
    client = client_as("office")
    found = client.get(reverse("reports:list"), {"q": "15-BC"}).content.decode()
    assert "15-BC/ĐU" in found
    assert "15-BC/ĐU" not in client.get(reverse("reports:list"), {"q": "99-BC"}).content.decode()
