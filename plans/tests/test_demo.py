"""The demo's plans 2016–2020: targets met and a few missed, measured from the records; the
review report's breakthrough section drawn from them; the office's home page shows both."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document as DocxDocument

from accounts.models import User
from meetings.models import Meeting
from plans import printing, progress
from plans.models import Plan
from reports.content import report_content
from reports.models import Review

TODAY = dt.date(2026, 1, 15)


@pytest.mark.django_db
def test_demo_plans(client):
    call_command("load_demo", stdout=io.StringIO())
    plans = list(Plan.objects.order_by("year"))
    assert [plan.year for plan in plans] == [2016, 2017, 2018, 2019, 2020]
    statuses = [row.status for plan in plans for row in progress.evaluate(plan, TODAY)]
    assert statuses.count(progress.MISSED) >= 2
    assert statuses.count(progress.ACHIEVED) > 2 * statuses.count(progress.MISSED)
    assert set(statuses) == {progress.ACHIEVED, progress.MISSED}  # every date is past

    review = Review.objects.get(committee__code="SVHTT", number_symbol="15-BC/ĐU")
    text = report_content(review).text("breakthrough")
    for plan in plans:
        for area in plan.areas.all():
            assert area.focus_area.name in text
    office_culture = plans[0].areas.filter(focus_area__kind="conduct").get().focus_area
    tagged = Meeting.objects.filter(
        held=True,
        focus_area=office_culture,
        date__gte=review.period_from,
        date__lte=review.period_to,
    ).count()
    assert f"{tagged:,}".replace(",", ".") + " buổi sinh hoạt" in text

    doc = DocxDocument(io.BytesIO(printing_docx(plans[0])))
    body = "\n".join(paragraph.text for paragraph in doc.paragraphs)
    assert "KẾ HOẠCH" in body and "NỘI DUNG ĐỘT PHÁ" in body
    assert plans[0].targets.first().note in body

    client.force_login(User.objects.get(username="vanphong"))
    html = client.get(reverse("core:home")).content.decode()
    assert str(plans[-1]) in html
    assert "Không đạt" in html and "Đạt" in html


def printing_docx(plan):
    from exporters.party import render_docx

    return render_docx(printing.plan_document(plan))
