"""Views of the news site: the public pages and the editors' back office."""

from .manage import (
    article_add,
    article_edit,
    article_preview,
    article_publish,
    article_unpublish,
    categories,
    category_edit,
    comment_moderate,
    comment_reply,
    image_add,
    image_delete,
    image_edit,
    manage,
    moderation,
)
from .public import article, category, comment_post, feed_view, home, photo, search

__all__ = [
    "article",
    "article_add",
    "article_edit",
    "article_preview",
    "article_publish",
    "article_unpublish",
    "categories",
    "category",
    "category_edit",
    "comment_moderate",
    "comment_post",
    "comment_reply",
    "feed_view",
    "home",
    "image_add",
    "image_delete",
    "image_edit",
    "manage",
    "photo",
    "moderation",
    "search",
]
