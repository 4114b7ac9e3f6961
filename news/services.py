"""Every write of the news site: articles, photos, categories, comments and moderation.

Each function is one transaction, checks that the acting user may do it under the news
policies (`news.policies`, through `core.services.check_permission`: commands, imports and
the demo pass `core.actors.SYSTEM`), validates with `full_clean()`, records who acted (the
audit trail through django-simple-history) and bumps the public pages' cache version after
commit when what the public sees changes. A reader's comment (`comment_submit`,
`comment_attempt`) is the one anonymous write: the public form's token and rate limit guard
it, and it waits for moderation.
"""

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import pgettext

from core import vn
from core.actors import acting, recorded
from core.policy import ADD, CHANGE
from core.services import check_permission, record_actor, save_as, save_many, stamp

from . import caching, images, policies, richtext
from .models import Article, ArticleImage, Category, Comment, CommentGuard

DEFAULT_CATEGORY_SLUG = "tin-nganh"
DEFAULT_CATEGORY_NAME = "Tin ngành"


def _slug_for(text: str, model: type[Model], exclude_pk: int | None = None) -> str:
    base = slugify(vn.search_key(text))
    if len(base) > 180:  # cut at a word, never inside one
        base = base[:181].rsplit("-", 1)[0]
    base = base.strip("-") or "bai-viet"
    slug = base
    taken = model._default_manager.exclude(pk=exclude_pk)
    number = 2
    while taken.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _article_search_key(article: Article) -> str:
    parts = (article.title, article.lead, article.author, richtext.plain_text(article.body))
    return vn.search_key(" ".join(parts))


# Categories -----------------------------------------------------------------------------


@transaction.atomic
def category_save(
    *,
    name: str,
    slug: str = "",
    description: str = "",
    order: int = 100,
    category: Category | None = None,
    user: Any,
) -> Category:
    """Create a category, or change `category`; the address is made from the name if empty."""
    check_permission(user, CHANGE if category else ADD, category or Category())
    category = category or Category()
    category.name = name.strip()
    category.description = description.strip()
    category.order = order
    category.slug = slug.strip() or _slug_for(category.name, Category, category.pk)
    save_as(category, acting(user))
    caching.bump_on_commit()
    return category


def category_default(*, user: Any) -> Category:
    """The "Tin ngành" category, created when missing (the reports' articles land there);
    creating it needs the right to add a category."""
    category = Category.objects.filter(slug=DEFAULT_CATEGORY_SLUG).first()
    if category is None:
        check_permission(user, ADD, Category())
        category, _created = Category.objects.get_or_create(
            slug=DEFAULT_CATEGORY_SLUG, defaults={"name": DEFAULT_CATEGORY_NAME, "order": 10}
        )
    return category


# Articles -------------------------------------------------------------------------------


@transaction.atomic
def article_create(
    *,
    title: str,
    lead: str,
    body: str,
    category_slug: str = DEFAULT_CATEGORY_SLUG,
    author: str = "",
    source: str = "",
    origin: str = "",
    unit: Any = None,
    user: Any,
) -> Article:
    """Create a DRAFT article from plain text; nothing is public until `article_publish`.

    `body` is PLAIN TEXT: paragraphs separated by a blank line, a single newline is a line
    break. Every character is escaped (a "<" shows as "<"), then the result goes through the
    same sanitiser as the editors' HTML. `category_slug` names an existing category; the
    default "tin-nganh" ("Tin ngành") is created when missing, any other unknown slug raises
    ValidationError. `origin` is kept as given, e.g. "report:12"; `unit`: see article_save.
    """
    category: Category | None
    if category_slug == DEFAULT_CATEGORY_SLUG:
        category = category_default(user=user)
    else:
        category = Category.objects.filter(slug=category_slug).first()
        if category is None:
            raise ValidationError({"category": pgettext("news", "This category does not exist.")})
    return article_save(
        title=title,
        lead=lead,
        body_html=richtext.text_to_html(body),
        category=category,
        author=author,
        source=source,
        origin=origin,
        unit=unit,
        user=user,
    )


@transaction.atomic
def article_save(
    *,
    title: str,
    lead: str,
    body_html: str,
    category: Category,
    author: str = "",
    source: str = "",
    origin: str | None = None,
    article: Article | None = None,
    unit: Any = None,
    user: Any,
) -> Article:
    """Create (as a draft) or change an article; the body is sanitised HTML whatever came in."""
    creating = article is None
    if article is not None:
        check_permission(user, CHANGE, article)
    article = article or Article(created_by=recorded(user))
    if creating:  # in `unit`, else the writer's committee; a change keeps the committee
        article.unit = unit or policies.home_committee(user)
        check_permission(user, ADD, article)
    article.title = " ".join(title.split())
    article.lead = lead.strip()
    article.body = richtext.sanitise(body_html)
    article.category = category
    article.author = author.strip()
    article.source = source.strip()
    if origin is not None:
        article.origin = origin.strip()
    if creating or not article.slug:
        article.slug = _slug_for(article.title, Article, article.pk)
    article.search_key = _article_search_key(article)
    save_as(article, acting(user))
    caching.bump_on_commit()
    return article


@transaction.atomic
def article_publish(*, article: Article, user: Any, at: dt.datetime | None = None) -> Article:
    """Publish now, or at `at` (the article stays hidden until then)."""
    check_permission(user, CHANGE, article)
    if at is not None and timezone.is_naive(at):
        at = timezone.make_aware(at)
    article.status = Article.Status.PUBLISHED
    article.published_at = at or timezone.now()
    record_actor(article, acting(user))
    article.full_clean()
    article.save(update_fields=["status", "published_at", "updated_at"])
    caching.bump_on_commit()
    return article


@transaction.atomic
def article_unpublish(*, article: Article, user: Any) -> Article:
    """Take an article off the public site; it becomes a draft again."""
    check_permission(user, CHANGE, article)
    article.status = Article.Status.DRAFT
    record_actor(article, acting(user))
    article.save(update_fields=["status", "updated_at"])
    caching.bump_on_commit()
    return article


# Photos ---------------------------------------------------------------------------------


@transaction.atomic
def image_add(
    *, article: Article, upload: Any, caption: str = "", position: int = 0, user: Any
) -> ArticleImage:
    """Check that the upload is a real image, resize it (large and phone sizes), store it."""
    check_permission(user, CHANGE, article)
    image = images.open_image(upload)
    stem = f"{article.slug[:60]}-{get_random_string(6).lower()}"
    photo = ArticleImage(article=article, caption=caption.strip(), position=position)
    large, (photo.width, photo.height) = images.resized(image, images.IMAGE_MAX_WIDTH)
    small, _size = images.resized(image, images.IMAGE_SMALL_WIDTH)
    photo.image.save(f"{stem}.jpg", ContentFile(large), save=False)
    photo.small.save(f"{stem}-small.jpg", ContentFile(small), save=False)
    save_as(photo, acting(user))
    caching.bump_on_commit()
    return photo


@transaction.atomic
def image_update(*, photo: ArticleImage, caption: str, position: int, user: Any) -> ArticleImage:
    check_permission(user, CHANGE, photo.article)
    photo.caption = caption.strip()
    photo.position = position
    record_actor(photo, acting(user))
    photo.full_clean()
    photo.save(update_fields=["caption", "position"])
    caching.bump_on_commit()
    return photo


@transaction.atomic
def image_delete(*, photo: ArticleImage, user: Any) -> None:
    check_permission(user, CHANGE, photo.article)
    files = [photo.image.name, photo.small.name]
    storage = photo.image.storage
    record_actor(photo, acting(user))
    photo.delete()

    def remove_files() -> None:
        for name in files:
            if name:
                storage.delete(name)

    transaction.on_commit(remove_files)
    caching.bump_on_commit()


# Comments -------------------------------------------------------------------------------


@transaction.atomic
def comment_submit(
    *,
    article: Article,
    name: str,
    email: str,
    body: str,
    website: str = "",
    parent: Comment | None = None,
    ip_address: str | None = None,
    token: str = "",
) -> Comment:
    """A reader's comment, stored exactly as typed and held for moderation; the signed form
    `token` it came with is spent, so the same form cannot post a second comment.

    A reply to a reply is attached to the top-level comment: threads are one level deep.
    Anonymous on purpose (no `user`): it is the public site's form, anyone may send it.
    """
    if parent is not None and parent.parent_id:
        parent = parent.parent
    if token:
        _use_token(token, ip_address or "")
    comment = Comment(
        article=article,
        parent=parent,
        name=name.strip(),
        email=email.strip(),
        website=website.strip(),
        body=body.strip(),
        ip_address=ip_address or None,
        status=Comment.Status.PENDING,
    )
    comment.full_clean()
    comment.save()
    return comment


# Used tokens are kept past the form's own expiry (a day); posts for the rate past its window.
GUARD_KEEP = dt.timedelta(days=2)


def comment_attempt(*, address: str, window: int) -> int:
    """Count a post from `address` and return how many it made in the last `window` seconds.
    Anonymous on purpose, like `comment_submit`: the public form's rate limit."""
    now = timezone.now()
    CommentGuard.objects.filter(created_at__lt=now - GUARD_KEEP).delete()
    CommentGuard.objects.create(address=address[:45])
    since = now - dt.timedelta(seconds=window)
    posts = CommentGuard.objects.filter(address=address[:45], token=None, created_at__gte=since)
    return posts.count()


def _use_token(token: str, address: str) -> None:
    digest = hashlib.sha256(token.encode()).hexdigest()
    try:
        with transaction.atomic():
            CommentGuard.objects.create(address=address[:45], token=digest)
    except IntegrityError:
        message = pgettext("news", "This form was already sent; reload the page to comment again.")
        raise ValidationError({NON_FIELD_ERRORS: [message]}) from None


@transaction.atomic
def comment_moderate(*, comment: Comment, status: str, user: Any) -> Comment:
    """Approve, reject or mark as spam; approval (or withdrawing it) refreshes the pages."""
    check_permission(user, CHANGE, comment)
    if status not in Comment.Status.values or status == Comment.Status.PENDING:
        raise ValidationError({"status": pgettext("news", "Unknown moderation action.")})
    was_public = comment.status == Comment.Status.APPROVED
    comment.status = status
    stamp(comment, acting(user), "moderated")
    comment.save(update_fields=["status", "moderated_by", "moderated_at"])
    if was_public or status == Comment.Status.APPROVED:
        caching.bump_on_commit()
    return comment


def comment_backdate(*, comment: Comment, at: dt.datetime, user: Any) -> Comment:
    """Date a comment `at` instead of when it was stored: the demo's comments carry the day
    of their story. No page does this; only the system may (`save_many`)."""
    comment.created_at = at
    save_many(user, [comment], ["created_at"])
    return comment


@transaction.atomic
def comment_reply(*, parent: Comment, body: str, user: Any, name: str = "") -> Comment:
    """The editorial office answers a comment; the answer is public at once.

    Answering a comment that still waits also approves it, since the answer shows under it.
    """
    if parent.parent_id:
        parent = parent.parent
    check_permission(user, CHANGE, parent)
    if parent.status != Comment.Status.APPROVED:
        comment_moderate(comment=parent, status=Comment.Status.APPROVED, user=user)
    reply = Comment(
        article=parent.article,
        parent=parent,
        name=name or pgettext("news", "Editorial office"),
        email=getattr(user, "email", "") or "",
        body=body.strip(),
        status=Comment.Status.APPROVED,
        by_editor=recorded(user),
    )
    save_as(stamp(reply, acting(user), "moderated"), user)
    caching.bump_on_commit()
    return reply
