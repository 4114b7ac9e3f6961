"""Reads of the news site. Public lists cost a fixed number of queries whatever the data."""

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from core.search import search

from . import policies
from .models import Article, ArticleImage, Category, Comment

RELATED_COUNT = 4


def public_articles(category: Category | None = None) -> QuerySet:
    articles = Article.objects.public()
    if category is not None:
        articles = articles.filter(category=category)
    return (
        articles.select_related("category")
        .prefetch_related(
            Prefetch("images", queryset=ArticleImage.objects.order_by("position", "pk"))
        )
        .defer("body", "search_key")
        .order_by("-published_at", "-pk")
    )


def public_categories() -> list[Category]:
    return list(Category.objects.only("name", "slug", "order").order_by("order", "name"))


def public_search(text: str) -> QuerySet:
    """Public articles matching `text`; none for an empty search."""
    return search(public_articles(), text) if text else Article.objects.none()


def public_article_or_404(pk: Any) -> Article:
    return get_object_or_404(Article.objects.public(), pk=pk)


def article_photos(article: Article) -> list[ArticleImage]:
    return list(article.images.all())


def staff_photo_or_404(user: Any, pk: int) -> ArticleImage:
    """A photo of an article the editor sees; any other answers 404."""
    visible = policies.articles.queryset_for(user)
    return get_object_or_404(ArticleImage.objects.filter(article__in=visible), pk=pk)


def article_public(slug: str) -> Article | None:
    return (
        Article.objects.public()
        .select_related("category")
        .prefetch_related(
            Prefetch("images", queryset=ArticleImage.objects.order_by("position", "pk"))
        )
        .filter(slug=slug)
        .first()
    )


def related_articles(article: Article, count: int = RELATED_COUNT) -> list[Article]:
    return list(
        Article.objects.public()
        .filter(category_id=article.category_id)
        .exclude(pk=article.pk)
        .only("title", "slug", "published_at")
        .order_by("-published_at", "-pk")[:count]
    )


def approved_comments(article: Article) -> list[Comment]:
    """Top-level approved comments with their approved replies; never loads the e-mail."""
    public_fields = ("pk", "name", "website", "body", "created_at", "parent_id", "by_editor_id")
    replies = (
        Comment.objects.filter(status=Comment.Status.APPROVED)
        .only(*public_fields, "article_id")
        .order_by("created_at", "pk")
    )
    return list(
        Comment.objects.filter(article=article, status=Comment.Status.APPROVED, parent__isnull=True)
        .only(*public_fields, "article_id")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="approved_replies"))
        .order_by("created_at", "pk")
    )


def approved_comment_for_reply(article: Article, pk: Any) -> Comment | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return (
        Comment.objects.filter(article=article, status=Comment.Status.APPROVED, pk=pk)
        .only("pk", "name", "parent_id", "article_id")
        .first()
    )


# Back office -----------------------------------------------------------------------------


def articles_for(user: Any, text: str = "", status: str = "") -> QuerySet:
    queryset = policies.articles.queryset_for(user).select_related("category")
    queryset = queryset.annotate(
        pending=Count("comments", filter=Q(comments__status=Comment.Status.PENDING))
    ).defer("body", "search_key")
    if status == "scheduled":
        from django.utils import timezone

        queryset = queryset.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
    elif status in Article.Status.values:
        queryset = queryset.filter(status=status)
    return search(queryset, text).order_by("-updated_at", "-pk")


def categories_for(user: Any) -> QuerySet:
    """The shared categories, each with the number of the user's committee's articles."""
    own = Q(articles__in=policies.articles.queryset_for(user).values("pk"))
    return policies.categories.queryset_for(user).annotate(
        article_count=Count("articles", filter=own)
    )


def comments_for(user: Any, status: str = Comment.Status.PENDING, text: str = "") -> QuerySet:
    queryset = (
        policies.comments.queryset_for(user)
        .filter(status=status)
        .select_related("article", "parent")
        .order_by("-created_at", "-pk")
    )
    return search(queryset, text)


def comment_counts(user: Any) -> dict[str, int]:
    """How many comments wait, were approved, rejected, marked spam: one query."""
    queryset = policies.comments.queryset_for(user)
    counts = queryset.aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Comment.Status.values}
    )
    return {status: counts.get(status) or 0 for status in Comment.Status.values}


def photo_for(user: Any, pk: int) -> ArticleImage | None:
    """The photo if the reader may see it: its article is public, or he manages it."""
    photos = ArticleImage.objects.select_related("article")
    shown = Q(article__in=Article.objects.public())
    if policies.is_news_staff(user):
        shown |= Q(article__in=policies.articles.queryset_for(user).values("pk"))
    return photos.filter(shown, pk=pk).first()
