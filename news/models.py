"""The public news site: categories, articles with their photos, and readers' comments.

An article is public when it is published and its publication time has come
(`published_at <= now`), so an article scheduled for later stays hidden until then without
any job having to run. A reader's e-mail address is stored for the editors only: no public
template ever receives a Comment's `email`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core import vn
from core.fields import acting_user, derived_key, link, optional_link, step_time
from core.models import TrackedModel


def status_field(choices: type[models.TextChoices], default: str) -> models.CharField:
    """Where an article or a comment stands in its review (draft, published …): indexed, for
    the site and the staff lists filter on it."""
    return models.CharField(
        pgettext_lazy("news", "status"),
        max_length=20,
        choices=choices.choices,
        default=default,
        db_index=True,
    )


class Category(TrackedModel):
    name = models.CharField(pgettext_lazy("news", "name"), max_length=120)
    slug = models.SlugField(pgettext_lazy("news", "address"), max_length=120, unique=True)
    description = models.CharField(pgettext_lazy("news", "description"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(pgettext_lazy("news", "order"), default=100)
    search_key = derived_key()

    class Meta:
        verbose_name = pgettext_lazy("news", "category")
        verbose_name_plural = pgettext_lazy("news", "categories")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_key = vn.search_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("news:category", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def public(self, now=None) -> "ArticleQuerySet":
        """Articles a visitor may read: published, and their time has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("news", "Draft")
        PUBLISHED = "published", pgettext_lazy("news", "Published")

    title = models.CharField(pgettext_lazy("news", "title"), max_length=300)
    slug = models.SlugField(
        pgettext_lazy("news", "address"), max_length=200, unique=True, allow_unicode=False
    )
    category = link(
        Category, pgettext_lazy("news", "category"), models.PROTECT, related_name="articles"
    )
    lead = models.TextField(pgettext_lazy("news", "lead"), max_length=1000, blank=True)
    # Sanitised HTML (news.richtext.sanitise): only the small set of tags editors may use.
    body = models.TextField(pgettext_lazy("news", "body"), blank=True)
    author = models.CharField(pgettext_lazy("news", "author"), max_length=120, blank=True)
    source = models.CharField(
        pgettext_lazy("news", "source"),
        max_length=200,
        blank=True,
        help_text=pgettext_lazy("news", 'Shown as written, e.g. "Theo …".'),
    )
    # The committee whose editors manage the article (news.policies): a report's article
    # belongs to the report's committee, a plain article to its writer's committee.
    unit = optional_link(
        "organisation.Unit",
        pgettext_lazy("news", "party committee"),
        models.PROTECT,
        related_name="news_articles",
    )
    # Where the article came from, e.g. "report:12" for a review report published as news.
    origin = models.CharField(
        pgettext_lazy("news", "origin"), max_length=100, blank=True, db_index=True
    )
    status = status_field(Status, Status.DRAFT)
    published_at = models.DateTimeField(
        pgettext_lazy("news", "publication time"), null=True, blank=True
    )
    created_at = models.DateTimeField(
        pgettext_lazy("news", "created"), default=timezone.now, editable=False
    )
    updated_at = models.DateTimeField(pgettext_lazy("news", "updated"), auto_now=True)
    created_by = acting_user(pgettext_lazy("news", "created by"))
    search_key = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_key"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("news", "article")
        verbose_name_plural = pgettext_lazy("news", "articles")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            models.Index(fields=["status", "published_at"], name="news_article_public"),
            # The back office sorts by these (core.listing).
            models.Index(fields=["published_at"], name="news_article_published"),
            models.Index(fields=["updated_at"], name="news_article_updated"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:article", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )


def image_path(instance: "ArticleImage", filename: str) -> str:
    stamp = timezone.now()
    return f"news/{stamp:%Y/%m}/{filename}"


class ArticleImage(TrackedModel):
    """A photo of an article, resized on upload; shown after paragraph `position` (0: top)."""

    article = link(Article, pgettext_lazy("news", "article"), models.CASCADE, related_name="images")
    image = models.ImageField(pgettext_lazy("news", "photo"), upload_to=image_path)
    small = models.ImageField(
        pgettext_lazy("news", "small photo"), upload_to=image_path, blank=True
    )
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    caption = models.CharField(pgettext_lazy("news", "caption"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("news", "after paragraph"),
        default=0,
        help_text=pgettext_lazy(
            "news", "0 puts the photo above the text; 2 puts it after the second paragraph."
        ),
    )

    class Meta:
        verbose_name = pgettext_lazy("news", "photo")
        verbose_name_plural = pgettext_lazy("news", "photos")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.caption or self.image.name or ""

    # Photos are served by a view that checks the article is public (or the reader edits news),
    # never from the media folder.
    @property
    def url(self) -> str:
        return reverse("news:photo", kwargs={"pk": self.pk, "size": "lon"})

    @property
    def small_url(self) -> str:
        return reverse("news:photo", kwargs={"pk": self.pk, "size": "nho"}) if self.small else ""


COMMENT_MAX_LENGTH = 3000


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("news", "Awaiting moderation")
        APPROVED = "approved", pgettext_lazy("news", "Approved")
        REJECTED = "rejected", pgettext_lazy("news", "Rejected")
        SPAM = "spam", pgettext_lazy("news", "Spam")

    article = link(
        Article, pgettext_lazy("news", "article"), models.CASCADE, related_name="comments"
    )
    parent = optional_link(
        "self", pgettext_lazy("news", "reply to"), models.CASCADE, related_name="replies"
    )
    name = models.CharField(pgettext_lazy("news", "name"), max_length=100)
    # Never rendered on a public page; editors see it in the moderation queue.
    email = models.EmailField(pgettext_lazy("news", "email"), max_length=254, blank=True)
    website = models.URLField(pgettext_lazy("news", "website"), max_length=200, blank=True)
    body = models.TextField(pgettext_lazy("news", "comment"), max_length=COMMENT_MAX_LENGTH)
    status = status_field(Status, Status.PENDING)
    created_at = models.DateTimeField(pgettext_lazy("news", "sent"), default=timezone.now)
    ip_address = models.GenericIPAddressField(
        pgettext_lazy("news", "address"), null=True, blank=True
    )
    by_editor = acting_user(
        pgettext_lazy("news", "editor"),
        help_text=pgettext_lazy("news", "Set when the editorial office wrote this reply."),
    )
    moderated_by = acting_user(pgettext_lazy("news", "moderated by"))
    moderated_at = step_time(pgettext_lazy("news", "moderated"))
    search_key = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_key"])

    class Meta:
        verbose_name = pgettext_lazy("news", "comment")
        verbose_name_plural = pgettext_lazy("news", "comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["article", "status"], name="news_comment_article"),
            models.Index(fields=["status", "created_at"], name="news_comment_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:40]}"

    def save(self, *args, **kwargs) -> None:
        self.search_key = vn.search_key(f"{self.name} {self.email} {self.body}")
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.parent_id:
            if self.parent.parent_id:
                raise ValidationError(
                    {"parent": pgettext_lazy("news", "Replies are threaded one level only.")}
                )
            if self.parent.article_id != self.article_id:
                raise ValidationError(
                    {"parent": pgettext_lazy("news", "The reply belongs to another article.")}
                )
        if len(self.body or "") > COMMENT_MAX_LENGTH:
            raise ValidationError(
                {
                    "body": pgettext_lazy("news", "Keep the comment under %(limit)s characters.")
                    % {"limit": COMMENT_MAX_LENGTH}
                }
            )
        if not self.by_editor_id and not self.email:
            raise ValidationError(
                {"email": pgettext_lazy("news", "Please give your email address.")}
            )


class SiteVersion(models.Model):
    """One row: the public pages' cache version, shared by every server process.

    Kept in the database rather than in the cache so that a change made through one process
    (an editor's approval) reaches the pages served by the others, even when each process has
    its own in-memory cache.
    """

    value = models.BigIntegerField(default=0)
    next_publication = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("news", "site version")
        verbose_name_plural = pgettext_lazy("news", "site versions")

    def __str__(self) -> str:
        return str(self.value)


class CommentGuard(models.Model):
    """One post to the public comment form, in the database so that every worker process counts
    the same posts from an address; `token` is the digest of the signed form token of a saved
    comment, so that each form is used for one comment only."""

    address = models.CharField(max_length=45, db_index=True)
    token = models.CharField(max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = pgettext_lazy("news", "comment post")
        verbose_name_plural = pgettext_lazy("news", "comment posts")

    def __str__(self) -> str:
        return f"{self.address} {self.created_at:%Y-%m-%d %H:%M}"
