"""Who may run the news site's back office.

News belongs to the committee's public site, not to a cell: the news editor and the committee
office hold every article and comment; other roles see none of them (403 on the back-office
pages), and the public sees only what `Article.objects.public()` returns.
"""

from typing import Any

from core.policy import CHANGE, Policy, has_role, is_authenticated
from core.roles import Role

from .models import Article, Category, Comment

NEWS_ROLES = (Role.EDITOR, Role.OFFICE)


class NewsPolicy(Policy):
    """Every action on every row, or none: the back office is one site."""

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if not is_authenticated(user):
            return False
        return has_role(user, *NEWS_ROLES)


class ArticlePolicy(NewsPolicy):
    model = Article


class CategoryPolicy(NewsPolicy):
    model = Category


class CommentPolicy(NewsPolicy):
    model = Comment


articles = ArticlePolicy()
categories = CategoryPolicy()
comments = CommentPolicy()


def is_news_staff(user: Any) -> bool:
    return articles.can(user, CHANGE)
