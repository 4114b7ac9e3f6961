"""Every news URL × every role. Public pages answer everyone; the back office only the news
editor and the office of the article's committee (others 403, another committee's office 404,
anonymous to the sign-in page)."""

from django.core.cache import cache

from core.testing import ALL_ROLES, Case

EVERYONE = {role: 200 for role in ALL_ROLES}
STAFF_OK = {"editor": 200, "office": 200}
STAFF_REDIRECT = {"editor": 302, "office": 302}


def _objects(tree, users):
    """One published article with a photo row and a pending comment, in a fresh cache."""
    from django.core.files.base import ContentFile

    from news import caching
    from news.models import ArticleImage
    from news.tests.factories import ArticleFactory, CategoryFactory, CommentFactory

    cache.clear()
    caching.reset()
    category = CategoryFactory(slug="tin-nganh", name="Tin ngành")
    article = ArticleFactory(slug="bai-ma-tran", category=category)
    photo = ArticleImage(article=article, caption="Ảnh", position=0, width=40, height=30)
    photo.image.save("ma-tran.jpg", ContentFile(_jpeg()), save=False)
    photo.save()
    CommentFactory(article=article, name="Ma trận")


def _jpeg() -> bytes:
    import io

    from PIL import Image

    output = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 0, 0)).save(output, format="JPEG")
    return output.getvalue()


def _article(tree, users):
    from news.models import Article

    return {"pk": Article.objects.get(slug="bai-ma-tran").pk}


def _photo(tree, users):
    from news.models import ArticleImage

    return {"pk": ArticleImage.objects.get().pk}


def _category(tree, users):
    from news.models import Category

    return {"pk": Category.objects.get(slug="tin-nganh").pk}


def _comment(tree, users):
    from news.models import Comment

    return {"pk": Comment.objects.get(name="Ma trận").pk}


MATRIX = {
    "news:home": Case(expect=EVERYONE, setup=_objects),
    "news:category": Case(
        expect=EVERYONE, setup=_objects, kwargs=lambda tree, users: {"slug": "tin-nganh"}
    ),
    "news:search": Case(expect=EVERYONE, setup=_objects, data=lambda tree, users: {"q": "bai"}),
    "news:feed_rss": Case(expect=EVERYONE, setup=_objects),
    "news:feed_atom": Case(expect=EVERYONE, setup=_objects),
    "news:article": Case(
        expect=EVERYONE, setup=_objects, kwargs=lambda tree, users: {"slug": "bai-ma-tran"}
    ),
    # An empty post: the form comes back with its errors, never an error page.
    "news:comment_post": Case(
        expect=EVERYONE,
        method="post",
        setup=_objects,
        kwargs=lambda tree, users: {"slug": "bai-ma-tran"},
    ),
    "news:manage": Case(expect=STAFF_OK, setup=_objects),
    "news:article_add": Case(expect=STAFF_OK, setup=_objects),
    "news:article_edit": Case(expect=STAFF_OK, setup=_objects, kwargs=_article),
    "news:article_preview": Case(expect=STAFF_OK, setup=_objects, kwargs=_article),
    "news:article_publish": Case(
        expect=STAFF_REDIRECT, method="post", setup=_objects, kwargs=_article
    ),
    "news:article_unpublish": Case(
        expect=STAFF_REDIRECT, method="post", setup=_objects, kwargs=_article
    ),
    # No file sent: the upload form answers with its error.
    "news:image_add": Case(
        expect={"editor": 400, "office": 400}, method="post", setup=_objects, kwargs=_article
    ),
    "news:image_edit": Case(expect=STAFF_OK, setup=_objects, kwargs=_photo),
    "news:image_delete": Case(expect=STAFF_REDIRECT, method="post", setup=_objects, kwargs=_photo),
    "news:categories": Case(expect=STAFF_OK, setup=_objects),
    "news:category_edit": Case(expect=STAFF_OK, setup=_objects, kwargs=_category),
    "news:moderation": Case(expect=STAFF_OK, setup=_objects),
    "news:comment_moderate": Case(
        expect=STAFF_REDIRECT,
        method="post",
        setup=_objects,
        kwargs=_comment,
        data=lambda tree, users: {"status": "approved"},
    ),
    "news:comment_reply": Case(expect=STAFF_OK, setup=_objects, kwargs=_comment),
    # The photo of a published article is public (its unpublished case: news/tests/test_files).
    "news:photo": Case(
        expect=EVERYONE,
        setup=_objects,
        kwargs=lambda tree, users: {**_photo(tree, users), "size": "lon"},
    ),
}

# One public news site per installation, and one set of categories: a second committee's
# users get what their counterparts get. The back office's articles, photos and comments
# belong to the first committee (the article's `unit`): the second committee's office gets 404.
COMMITTEE_OBJECTS = {
    "news:article_edit",
    "news:article_preview",
    "news:article_publish",
    "news:article_unpublish",
    "news:image_add",
    "news:image_edit",
    "news:image_delete",
    "news:comment_moderate",
    "news:comment_reply",
}
for _name, _case in MATRIX.items():
    _case.shared = _name not in COMMITTEE_OBJECTS
