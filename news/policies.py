"""Who may run the news site's back office, and over which articles.

The public site shows every published article of the installation (`Article.objects.public()`).
The back office is scoped: an article belongs to a party committee (`Article.unit`), and the
news editor and the office of that committee (roles held on the committee or above) see and
change its articles and their comments and photos; another committee's articles answer 404.
An article without a committee (none could be found when it was written) is left to the
superuser. Categories are the site's menu and are shared by every committee's editors.
"""

from typing import Any

from core.policy import CHANGE, Policy, UnitScopedPolicy, has_role, is_authenticated, role_paths
from core.roles import Role

from .models import Article, Category, Comment

NEWS_ROLES = (Role.EDITOR, Role.OFFICE)


class NewsPolicy(Policy):
    """Every action on every row, or none: the back office is one site."""

    def can(self, user: Any, action: str, obj: Any = None) -> bool:
        if not is_authenticated(user):
            return False
        return has_role(user, *NEWS_ROLES)


class ArticlePolicy(UnitScopedPolicy):
    model = Article
    view_roles = NEWS_ROLES
    change_roles = NEWS_ROLES


class CategoryPolicy(NewsPolicy):
    model = Category


class CommentPolicy(UnitScopedPolicy):
    model = Comment
    unit_path = "article__unit__path"
    view_roles = NEWS_ROLES
    change_roles = NEWS_ROLES


articles = ArticlePolicy()
categories = CategoryPolicy()
comments = CommentPolicy()


def is_news_staff(user: Any) -> bool:
    return articles.can(user, CHANGE)


def home_committee(user: Any) -> Any:
    """The unit a plain article written by `user` belongs to: the unit on which he holds a
    news role (the highest one when several, so that he keeps seeing what he wrote), else the
    installation's first top-level committee (a superuser, a demo or load script)."""
    from organisation.models import Unit

    paths = sorted(role_paths(user, NEWS_ROLES), key=lambda p: (p.count("."), p))
    unit = Unit.objects.filter(path=paths[0]).first() if paths else None
    if unit is not None:
        return unit
    return Unit.objects.filter(parent__isnull=True, kind=Unit.Kind.COMMITTEE).order_by("pk").first()
