"""The news editors' back office: articles, photos, categories and comment moderation."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from core.editing import form_page, save_form
from core.listing import Column, render_listing
from core.search import search as search_rows

from .. import policies, richtext, selectors, services
from ..forms import (
    ArticleForm,
    CategoryForm,
    ImageEditForm,
    ImageForm,
    ModerateForm,
    PublishForm,
    ReplyForm,
)
from ..models import Article, ArticleImage, Category, Comment

# Back office ------------------------------------------------------------------------------


def _status(article: Article) -> str:
    if article.is_scheduled:
        return pgettext("news", "Scheduled")
    return pgettext("news", "Published") if article.is_public else pgettext("news", "Draft")


def news_staff_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not policies.is_news_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


ARTICLE_COLUMNS = [
    Column("title", pgettext_lazy("news", "Title"), (), "title"),
    Column("category", pgettext_lazy("news", "Category"), (), "category.name"),
    Column("status", pgettext_lazy("news", "Status"), ("status", "published_at"), _status),
    Column(
        "published", pgettext_lazy("news", "Publication time"), ("published_at",), "published_at"
    ),
    Column("updated", pgettext_lazy("news", "Updated"), ("updated_at",), "updated_at"),
    Column("pending", pgettext_lazy("news", "Comments waiting"), (), "pending", css="num"),
]


@news_staff_required
def manage(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai", "")
    return render_listing(
        request,
        "news/manage/article_list.html",
        selectors.articles_for(request.user, request.GET.get("q", ""), status),
        ARTICLE_COLUMNS,
        {
            "status": status,
            "statuses": [*Article.Status.choices, ("scheduled", pgettext("news", "Scheduled"))],
            "counts": selectors.comment_counts(request.user),
        },
        default="-updated",
        filename="tin-bai",
    )


def _article_page(
    request: HttpRequest, form: ArticleForm, article: Article | None, message: str
) -> HttpResponse:
    """The article's form (a new article: the form alone; an article: its photos too); a
    save stays on the article's page."""
    context: dict[str, Any] = {}
    if article is not None:
        context = _article_context(article)
    return form_page(
        request,
        form,
        "news/manage/article_form.html",
        context,
        save=lambda data: services.article_save(
            article=article,
            title=data["title"],
            lead=data["lead"],
            body_html=data["body"],
            category=data["category"],
            author=data["author"],
            source=data["source"],
            user=request.user,
        ),
        message=message,
        to=lambda saved: reverse("news:article_edit", args=[saved.pk]),
    )


def _article_context(article: Article) -> dict[str, Any]:
    return {
        "article": article,
        "photos": selectors.article_photos(article),
        "image_form": ImageForm(),
        "publish_form": PublishForm(),
    }


@news_staff_required
def article_add(request: HttpRequest) -> HttpResponse:
    return _article_page(
        request,
        ArticleForm(request.POST or None),
        None,
        pgettext("news", "The article was saved as a draft."),
    )


def _article_or_404(request: HttpRequest, pk: int) -> Article:
    return policies.articles.get_visible_or_404(request.user, pk=pk)


@news_staff_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article_or_404(request, pk)
    return _article_page(
        request,
        ArticleForm(request.POST or None, instance=article),
        article,
        pgettext("news", "The article was saved."),
    )


@news_staff_required
def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    images = selectors.article_photos(article_obj)
    blocks = richtext.split_blocks(article_obj.body)
    placed = [
        {
            "photos": [p for p in images if min(p.position, len(blocks)) == index],
            "block": blocks[index] if index < len(blocks) else "",
        }
        for index in range(len(blocks) + 1)
    ]
    html = render_to_string(
        "news/_article.html",
        {"article": article_obj, "placed": placed, "comments": [], "related": [], "preview": True},
        request=request,
    )
    return render(
        request, "news/manage/article_preview.html", {"article": article_obj, "html": html}
    )


@news_staff_required
@require_POST
def article_publish(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, pgettext("news", "The publication time is not a valid date and time.")
        )
        return redirect("news:article_edit", pk=pk)
    at = form.cleaned_data["at"]
    services.article_publish(article=article_obj, user=request.user, at=at)
    if at and article_obj.is_scheduled and article_obj.published_at:
        messages.success(
            request,
            pgettext("news", "The article will appear on %(when)s.")
            % {"when": article_obj.published_at.astimezone().strftime("%d/%m/%Y %H:%M")},
        )
    else:
        messages.success(request, pgettext("news", "The article is published."))
    return redirect("news:article_edit", pk=pk)


@news_staff_required
@require_POST
def article_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    services.article_unpublish(article=article_obj, user=request.user)
    messages.success(request, pgettext("news", "The article was taken off the site."))
    return redirect("news:article_edit", pk=pk)


@news_staff_required
@require_POST
def image_add(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    form = ImageForm(request.POST, request.FILES)
    return form_page(
        request,
        form,
        "news/manage/article_form.html",
        # The page's main form is the article's; the photo form is shown again below it.
        {
            **_article_context(article_obj),
            "form": ArticleForm(instance=article_obj),
            "image_form": form,
        },
        save=lambda data: services.image_add(
            article=article_obj,
            upload=data["image"],
            caption=data["caption"],
            position=data["position"],
            user=request.user,
        ),
        message=pgettext("news", "The photo was added."),
        to=reverse("news:article_edit", args=[pk]),
        status=400,
    )


def _photo_or_404(request: HttpRequest, pk: int) -> ArticleImage:
    return selectors.staff_photo_or_404(request.user, pk)


@news_staff_required
def image_edit(request: HttpRequest, pk: int) -> HttpResponse:
    photo = _photo_or_404(request, pk)
    return form_page(
        request,
        ImageEditForm(request.POST or None, instance=photo),
        "news/manage/image_form.html",
        {"photo": photo},
        save=lambda data: services.image_update(
            photo=photo, caption=data["caption"], position=data["position"], user=request.user
        ),
        message=pgettext("news", "The photo was saved."),
        to=reverse("news:article_edit", args=[photo.article_id]),
    )


@news_staff_required
@require_POST
def image_delete(request: HttpRequest, pk: int) -> HttpResponse:
    photo = _photo_or_404(request, pk)
    article_pk = photo.article_id
    services.image_delete(photo=photo, user=request.user)
    messages.success(request, pgettext("news", "The photo was removed."))
    return redirect("news:article_edit", pk=article_pk)


CATEGORY_COLUMNS = [
    Column("name", pgettext_lazy("news", "Name"), ("name",), "name"),
    Column("slug", pgettext_lazy("news", "Address"), ("slug",), "slug"),
    Column("order", pgettext_lazy("news", "Order"), ("order", "name"), "order", css="num"),
    Column("articles", pgettext_lazy("news", "Articles"), (), "article_count", css="num"),
]


@news_staff_required
def categories(request: HttpRequest) -> HttpResponse:
    form = CategoryForm(request.POST or None)
    done = save_form(
        request,
        form,
        lambda data: _category_save(request, None, data),
        message=pgettext("news", "The category was added."),
        to=reverse("news:categories"),
    )
    if done is not None:
        return done
    rows = search_rows(selectors.categories_for(request.user), request.GET.get("q"))
    return render_listing(
        request,
        "news/manage/categories.html",
        rows.order_by("order", "name"),
        CATEGORY_COLUMNS,
        {"form": form},
        filename="chuyen-muc",
    )


@news_staff_required
def category_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = policies.categories.get_visible_or_404(request.user, pk=pk)
    return form_page(
        request,
        CategoryForm(request.POST or None, instance=found),
        "news/manage/category_form.html",
        {"category": found},
        save=lambda data: _category_save(request, found, data),
        message=pgettext("news", "The category was saved."),
        to=reverse("news:categories"),
    )


def _category_save(
    request: HttpRequest, category: Category | None, data: dict[str, Any]
) -> Category:
    return services.category_save(
        category=category,
        name=data["name"],
        slug=data["slug"] or (category.slug if category else ""),
        description=data["description"],
        order=data["order"],
        user=request.user,
    )


COMMENT_COLUMNS = [
    Column("sent", pgettext_lazy("news", "Sent"), ("created_at",), "created_at"),
    Column("name", pgettext_lazy("news", "Name"), (), "name"),
    Column("article", pgettext_lazy("news", "Article"), ("article", "created_at"), "article.title"),
    Column("body", pgettext_lazy("news", "Comment"), (), "body"),
    Column("status", pgettext_lazy("news", "Status"), (), "get_status_display"),
]


@news_staff_required
def moderation(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai") or Comment.Status.PENDING
    if status not in Comment.Status.values:
        status = Comment.Status.PENDING
    counts = selectors.comment_counts(request.user)
    tabs = [(value, label, counts[value]) for value, label in Comment.Status.choices]
    return render_listing(
        request,
        "news/manage/moderation.html",
        selectors.comments_for(request.user, status, request.GET.get("q", "")),
        COMMENT_COLUMNS,
        {"status": status, "tabs": tabs},
        default="-sent",
        filename="binh-luan",
    )


def _comment_or_404(request: HttpRequest, pk: int) -> Comment:
    return policies.comments.get_visible_or_404(request.user, pk=pk)


@news_staff_required
@require_POST
def comment_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment_or_404(request, pk)
    form = ModerateForm(request.POST)
    if form.is_valid():
        services.comment_moderate(
            comment=comment, status=form.cleaned_data["status"], user=request.user
        )
        messages.success(
            request,
            pgettext("news", "Comment from %(name)s: %(status)s.")
            % {"name": comment.name, "status": comment.get_status_display()},
        )
    else:
        messages.error(request, pgettext("news", "Unknown moderation action."))
    back = request.POST.get("back", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("news:moderation")


@news_staff_required
def comment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _comment_or_404(request, pk)
    return form_page(
        request,
        ReplyForm(request.POST or None),
        "news/manage/reply_form.html",
        {"comment": comment},
        save=lambda data: services.comment_reply(
            parent=comment, body=data["body"], user=request.user
        ),
        message=pgettext("news", "Your reply is published under the comment."),
        to=reverse("news:moderation"),
    )
