"""Starting, editing, freezing and versioning a report; refusals leave nothing written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from core.actors import SYSTEM
from news.models import Article
from reports import services
from reports.content import report_content
from reports.models import Review

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


def next_year_review(committee, number_symbol: str) -> Review:
    """The committee's report on the year after the `review` fixture's period."""
    return services.review_create(
        user=SYSTEM,
        committee=committee,
        period_from=dt.date(2020, 7, 1),
        period_to=dt.date(2021, 6, 30),
        number_symbol=number_symbol,
    )


def test_sections_follow_the_figures_until_edited(
    review, records, tree, django_capture_on_commit_callbacks
):
    content = report_content(review)
    assert "đăng ký đạt 100% trong các năm 2016–2020" in content.text("standards")
    # A pledge goes missing: the live draft changes with the records (once committed).
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        tree.members_a[0].pledges.filter(year=2017).delete()
    members = len(tree.members_a + tree.members_b)
    share = f"trên {100 * (members - 1) // members}%"
    assert (
        f"đăng ký đạt 100% trong các năm 2016, 2018, 2019, 2020 và {share} trong năm 2017"
        in report_content(review).text("standards")
    )
    services.review_section_save(
        user=SYSTEM, review=review, key="standards", text="Văn bản của tôi."
    )
    review.refresh_from_db()
    section = next(s for s in report_content(review).sections if s.key == "standards")
    assert section.text == "Văn bản của tôi." and section.edited
    services.review_section_reset(user=SYSTEM, review=review, key="standards")
    review.refresh_from_db()
    assert f"{share} trong năm 2017" in report_content(review).text("standards")


def test_a_frozen_report_never_changes(review, records, tree, users):
    services.review_section_save(user=SYSTEM, review=review, key="directions", text="1. Tiếp tục.")
    frozen = services.review_freeze(review=review, user=users["office"])
    assert frozen.is_frozen and frozen.frozen_by == users["office"]
    before = report_content(frozen)
    # Records change after signing: the frozen report keeps its figures and text.
    tree.members_a[0].pledges.all().delete()
    after = report_content(Review.objects.get(pk=frozen.pk))
    assert after.figures == before.figures and after.frozen
    assert after.figures["years"][1]["pledges"]["percent"] == 100.0
    with pytest.raises(ValidationError, match="đã chốt"):
        services.review_section_save(user=SYSTEM, review=frozen, key="directions", text="Khác.")
    with pytest.raises(ValidationError):
        services.review_update(user=SYSTEM, review=frozen, signer_name="Người khác")
    with pytest.raises(ValidationError):
        services.review_freeze(user=SYSTEM, review=frozen)
    frozen.refresh_from_db()
    assert frozen.signer_name == "Nguyễn Văn An"
    assert frozen.snapshot["sections"]["directions"] == "1. Tiếp tục."


def test_new_version_is_a_live_draft_with_the_signed_text(review, records, users):
    services.review_section_save(
        user=SYSTEM, review=review, key="limitations", text="Còn hình thức."
    )
    frozen = services.review_freeze(user=SYSTEM, review=review)
    copy = services.review_new_version(review=frozen, user=users["office"])
    assert copy.version == 2 and not copy.is_frozen and copy.lineage == frozen.lineage
    assert copy.number_symbol == frozen.number_symbol  # same report, next version
    assert report_content(copy).text("limitations") == "Còn hình thức."


def test_number_must_be_unique_among_the_committees_documents(review, tree):
    with pytest.raises(ValidationError) as error:
        next_year_review(tree.committee, "15-BC/ĐU")
    assert "number_symbol" in error.value.message_dict
    DocumentFactory(number_symbol="20-BC/ĐU", issuer="Đảng ủy thử nghiệm", issued_by=tree.committee)
    with pytest.raises(ValidationError):
        next_year_review(tree.committee, "20-BC/ĐU")
    assert Review.objects.count() == 1


def test_bad_periods_are_refused(tree):
    with pytest.raises(ValidationError) as error:
        services.review_create(
            user=SYSTEM,
            committee=tree.committee,
            period_from=dt.date(2020, 7, 1),
            period_to=dt.date(2020, 6, 30),
            number_symbol="1-BC/ĐU",
        )
    assert "period_to" in error.value.message_dict
    assert not Review.objects.exists()


def test_written_sections_start_from_the_previous_report(review, tree):
    services.review_section_save(user=SYSTEM, review=review, key="directions", text="1. Việc cũ.")
    services.review_section_save(user=SYSTEM, review=review, key="causes", text="Nguyên nhân cũ.")
    later = next_year_review(tree.committee, "30-BC/ĐU")
    content = report_content(later)
    assert content.text("directions") == "1. Việc cũ."
    assert content.text("causes") == "Nguyên nhân cũ."


def test_publish_creates_a_draft_article_for_the_editor(tree, review, records, users):
    article, created = services.review_publish(review=review, user=users["office"])
    assert created
    article = Article.objects.get(pk=article.pk)
    assert article.origin == f"report:{review.pk}"
    assert article.unit == review.committee  # its committee's editors manage it
    assert article.title == "Đảng ủy thử nghiệm sơ kết 4 năm thực hiện Chỉ thị 05-CT/TW"
    assert article.lead.startswith(
        "Ngày 30/6/2020, Đảng ủy thử nghiệm ban hành Báo cáo số 15-BC/ĐU"
    )
    assert "2/2 chi bộ" in article.lead
    members = len(tree.members_a + tree.members_b)
    assert f"có 2 chi bộ với {members} đảng viên" in article.body
    assert "10 buổi sinh hoạt chuyên đề" in article.body  # 2 cells × 5 years
    assert article.slug.endswith("-chi-thi-05-cttw")  # cut at a word, never inside one
    assert article.status != "published"
    review.refresh_from_db()
    assert review.article_id == article.pk
    # One article per report: publishing again gives the same article, no second draft.
    again, created = services.review_publish(review=review, user=users["office"])
    assert again.pk == article.pk and not created
    assert Article.objects.filter(origin=f"report:{review.pk}").count() == 1
