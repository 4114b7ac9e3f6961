import datetime as dt

import factory
from django.utils import timezone

from news.models import Article, Category, Comment
from organisation.models import Unit


class CategoryFactory(factory.django.DjangoModelFactory[Category]):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")


class ArticleFactory(factory.django.DjangoModelFactory[Article]):
    """A published article (an hour ago); pass status="draft" for a draft."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Bài viết số {n} về học tập và làm theo")
    slug = factory.Sequence(lambda n: f"bai-viet-so-{n}")
    category = factory.SubFactory(CategoryFactory)
    # The installation's first committee (the tests' tree), as an article written there.
    unit = factory.LazyFunction(
        lambda: Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    )
    lead = "Tóm tắt ngắn của bài viết."
    body = "<p>Đoạn thứ nhất.</p><p>Đoạn thứ hai.</p><p>Đoạn thứ ba.</p>"
    author = "Thu Hà"
    source = "Theo Văn phòng Đảng ủy"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))

    @factory.post_generation
    def keys(self, create, extracted, **kwargs):
        from core import vn

        self.search_key = vn.search_key(f"{self.title} {self.lead} {self.author}")
        if create:
            Article.objects.filter(pk=self.pk).update(search_key=self.search_key)


class CommentFactory(factory.django.DjangoModelFactory[Comment]):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    name = factory.Sequence(lambda n: f"Bạn đọc {n}")
    email = factory.Sequence(lambda n: f"ban-doc-{n}@example.org")
    body = "Bài viết rất thiết thực."
    status = Comment.Status.PENDING
