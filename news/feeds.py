"""RSS 2.0 and Atom feeds of the latest public articles."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import pgettext_lazy

from . import selectors
from .models import Article

FEED_SIZE = 20


class LatestArticlesFeed(Feed):
    title = pgettext_lazy("news", "Party committee news")
    link = reverse_lazy("news:home")
    description = pgettext_lazy("news", "The latest articles of the party committee's news site.")

    def items(self) -> list[Article]:
        return list(selectors.public_articles()[:FEED_SIZE])

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.lead

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return item.author

    def item_categories(self, item: Article) -> list[str]:
        return [item.category.name]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
