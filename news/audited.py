"""The news app's records on the audit trail (found by core's autodiscovery)."""

from core import audit
from news.models import Article, ArticleImage, Category, Comment

audit.register(Category)
audit.register(Article)
audit.register(
    ArticleImage,
    via="article",
    label=lambda row: f"{row.article.title} — {row.caption or row.image}",
)
audit.register(
    Comment, via="article", label=lambda row: f"{row.article.title} — {row.name}: {row.body[:40]}"
)
