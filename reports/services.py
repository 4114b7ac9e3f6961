"""Every write of the reports app: reports, their sections, freezing, versions, exports, news.

Keyword-only, one transaction each, validated with `full_clean()`; the acting user is required
(`core.actors.SYSTEM` for the demo and commands), checked against `reports.policies` and
recorded in the audit trail. A frozen report refuses every change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.actors import acting, recorded
from core.policy import ADD, CHANGE
from core.services import model_update, record_actor, stamp
from documents.models import Document
from news.models import Article
from news.services import article_create
from organisation.models import Unit

from .content import report_content
from .models import SECTION_KEYS, WRITTEN_SECTIONS, Review
from .news import news_draft
from .policies import reviews

EDITABLE_FIELDS = (
    "directive",
    "kind",
    "period_from",
    "period_to",
    "number_symbol",
    "place",
    "issued_on",
    "signer_name",
    "signer_title",
    "signer_on_behalf",
    "recipients",
)


def _refuse_frozen(review: Review) -> None:
    if review.is_frozen:
        raise ValidationError(
            _("This report is frozen: it can no longer be changed. Draft a new version instead.")
        )


def previous_review(committee: Unit, before: dt.date, exclude_lineage: int | None = None):
    """The committee's latest report over an earlier period (its written sections seed ours)."""
    reviews = Review.objects.filter(committee=committee, period_to__lte=before)
    if exclude_lineage:
        reviews = reviews.exclude(lineage=exclude_lineage)
    return reviews.order_by("-period_to", "-version", "-pk").first()


def review_preview(
    *,
    committee_code: str,
    period_from: dt.date,
    period_to: dt.date,
    kind: str = Review.Kind.INTERIM,
    directive_number: str = "",
    number_symbol: str = "",
) -> Review:
    """The report the command line writes: the committee's saved report of that period if
    there is one and no number or directive is asked for; otherwise an unsaved report,
    checked like a saved one and written nowhere."""
    committee = Unit.objects.filter(code=committee_code.strip()).first()
    if committee is None:
        raise ValidationError(
            _("No party committee has the code “%(code)s”.") % {"code": committee_code}
        )
    if not directive_number and not number_symbol:
        # The committee's own report of that period, when there is one, gives the number,
        # the directive, the texts and the signer; its newest version is the one in force.
        saved = (
            Review.objects.filter(
                committee=committee, period_from=period_from, period_to=period_to, kind=kind
            )
            .select_related("committee", "directive")
            .order_by("-version", "-pk")
            .first()
        )
        if saved is not None:
            return saved
    if period_to < period_from:
        raise ValidationError(_("The period ends before it starts."))
    directive = _directive_for(committee, directive_number, period_to)
    review = Review(
        committee=committee,
        directive=directive,
        kind=kind,
        period_from=period_from,
        period_to=period_to,
        number_symbol=number_symbol,
        place=committee.place,
    )
    review.full_clean(exclude=["number_symbol"] if not number_symbol else None)
    return review


def _directive_for(committee: Unit, number: str, until: dt.date) -> Document | None:
    """The document `number` of the register; without a number, the committee's only
    directive or resolution under review (none: a report on the period's tasks)."""
    from .selectors import directives_under_review

    if number:
        directive = Document.objects.filter(number_symbol__iexact=number.strip()).first()
        if directive is None:
            raise ValidationError(
                _("No document “%(number)s” is in the register.") % {"number": number}
            )
        return directive
    candidates = list(directives_under_review(committee, until)[:10])
    if len(candidates) > 1:
        raise ValidationError(
            _("Several directives could be reviewed (%(numbers)s); choose one with --directive.")
            % {"numbers": ", ".join(document.number_symbol for document in candidates)}
        )
    return candidates[0] if candidates else None


@transaction.atomic
def review_create(
    *,
    committee: Unit,
    period_from: dt.date,
    period_to: dt.date,
    number_symbol: str,
    directive: Document | None = None,
    kind: str = Review.Kind.INTERIM,
    place: str = "",
    issued_on: dt.date | None = None,
    signer_name: str = "",
    signer_title: str = "BÍ THƯ",
    signer_on_behalf: str = "T/M ĐẢNG ỦY",
    recipients: str = "",
    user: Any,
) -> Review:
    """Start a report; its limitations, causes and directions start from the previous one."""
    reviews.check(acting(user), ADD, Review(committee=committee))
    review = Review(
        committee=committee,
        directive=directive,
        kind=kind,
        period_from=period_from,
        period_to=period_to,
        number_symbol=number_symbol.strip(),
        place=place or committee.place,
        issued_on=issued_on,
        signer_name=signer_name,
        signer_title=signer_title,
        signer_on_behalf=signer_on_behalf,
        recipients=recipients,
        created_by=recorded(user),
    )
    previous = previous_review(committee, period_from)
    if previous is not None:
        texts = report_content(previous).sections
        review.sections = {
            section.key: {"text": section.text, "edited": True}
            for section in texts
            if section.key in WRITTEN_SECTIONS and section.text
        }
    review.full_clean()
    record_actor(review, user)
    review.save()
    review.lineage = review.pk
    review.save(update_fields=["lineage"])
    return review


@transaction.atomic
def review_update(*, review: Review, user: Any, **fields: Any) -> Review:
    """Change the report's facts (number, period, signer …); refused once frozen."""
    reviews.check(acting(user), CHANGE, review)
    review = Review.objects.select_for_update().get(pk=review.pk)
    _refuse_frozen(review)
    model_update(review, fields, allowed=EDITABLE_FIELDS, user=user, strip=True)
    return review


@transaction.atomic
def review_section_save(*, review: Review, key: str, text: str, user: Any) -> Review:
    """Keep what people wrote in one section; it no longer follows the figures."""
    reviews.check(acting(user), CHANGE, review)
    if key not in SECTION_KEYS:
        raise ValidationError(_("This section does not exist."))
    review = Review.objects.select_for_update().get(pk=review.pk)
    _refuse_frozen(review)
    sections = dict(review.sections or {})
    sections[key] = {"text": text.replace("\r\n", "\n").strip(), "edited": True}
    review.sections = sections
    review.full_clean()
    record_actor(review, user)
    review.save()
    return review


@transaction.atomic
def review_section_reset(*, review: Review, key: str, user: Any) -> Review:
    """Give a section back to the figures: it is drafted from them again."""
    reviews.check(acting(user), CHANGE, review)
    if key not in SECTION_KEYS:
        raise ValidationError(_("This section does not exist."))
    review = Review.objects.select_for_update().get(pk=review.pk)
    _refuse_frozen(review)
    sections = dict(review.sections or {})
    sections.pop(key, None)
    review.sections = sections
    record_actor(review, user)
    review.save()
    return review


@transaction.atomic
def review_freeze(*, review: Review, user: Any) -> Review:
    """Keep the figures and the text as they are now; the report never changes again."""
    reviews.check(acting(user), CHANGE, review)
    review = Review.objects.select_for_update().get(pk=review.pk)
    _refuse_frozen(review)
    review.full_clean()
    content = report_content(review)
    if content.unwritten:
        raise ValidationError(
            _("Write these sections before freezing the report: %(titles)s.")
            % {"titles": ", ".join(section.title for section in content.unwritten)}
        )
    review.snapshot = {
        "figures": content.figures,
        "sections": {section.key: section.text for section in content.sections},
    }
    review.status = Review.Status.FROZEN
    stamp(review, user, "frozen").save()
    return review


# What a new version takes over from the draft it follows (its sections are copied below).
VERSION_COPIES = (
    *("committee", "directive", "kind", "period_from", "period_to", "number_symbol", "place"),
    *("issued_on", "signer_name", "signer_title", "signer_on_behalf", "recipients", "lineage"),
)


@transaction.atomic
def review_new_version(*, review: Review, user: Any) -> Review:
    """A new draft copied from `review` (same number, same lineage), live again."""
    reviews.check(acting(user), CHANGE, review)
    latest = Review.objects.filter(lineage=review.lineage).order_by("-version").first()
    copy = Review(
        **{name: getattr(review, name) for name in VERSION_COPIES},
        version=(latest.version if latest else review.version) + 1,
        previous=review,
        created_by=recorded(user),
    )
    if review.is_frozen and review.snapshot:
        # What was signed is the starting point: every section as it was written then.
        copy.sections = {
            key: {"text": text, "edited": True} for key, text in review.snapshot["sections"].items()
        }
    else:
        copy.sections = dict(review.sections or {})
    copy.full_clean()
    record_actor(copy, user)
    copy.save()
    return copy


@transaction.atomic
def review_publish(*, review: Review, user: Any) -> tuple[Any, bool]:
    """Turn the report into a DRAFT news article for the editor (news.services); a report has
    one article: when it already has one, that article is returned (created False)."""
    reviews.check(acting(user), CHANGE, review)
    review = Review.objects.select_for_update().get(pk=review.pk)
    existing = (
        Article.objects.filter(pk=review.article_id).first()
        if review.article_id
        else Article.objects.filter(origin=f"report:{review.pk}").order_by("pk").first()
    )
    if existing is not None:
        return existing, False
    draft = news_draft(review, report_content(review))
    article = article_create(
        title=draft["title"],
        lead=draft["lead"],
        body=draft["body"],
        category_slug="tin-nganh",
        author=draft["author"],
        source=draft["source"],
        origin=f"report:{review.pk}",
        unit=review.committee,
        user=user,
    )
    review.article_id = article.pk
    record_actor(review, user)
    review.save(update_fields=["article_id", "updated_at"])
    return article, True


# Export jobs live in their own module; re-exported so that callers keep one entry point.
from .job_services import (  # noqa: E402, F401
    export_job_beat,
    export_job_check,
    export_job_create,
    export_job_fail,
    export_job_finish,
    export_job_progress,
    export_job_retry,
    export_job_start,
)
