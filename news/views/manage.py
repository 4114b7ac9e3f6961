"""The news editors' back office: articles, photos, categories and comment moderation."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from core.concurrency import save_or_refuse
from core.forms import form_errors
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
from ..models import Article, ArticleImage, Comment

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


@news_staff_required
def article_add(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        article_obj = services.article_save(
            title=form.cleaned_data["title"],
            lead=form.cleaned_data["lead"],
            body_html=form.cleaned_data["body"],
            category=form.cleaned_data["category"],
            author=form.cleaned_data["author"],
            source=form.cleaned_data["source"],
            user=request.user,
        )
        messages.success(request, pgettext("news", "The article was saved as a draft."))
        return redirect("news:article_edit", pk=article_obj.pk)
    return render(request, "news/manage/article_form.html", {"form": form})


def _article_or_404(request: HttpRequest, pk: int) -> Article:
    return policies.articles.get_visible_or_404(request.user, pk=pk)


@news_staff_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    form = ArticleForm(request.POST or None, instance=article_obj)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_refuse(
            form,
            lambda: services.article_save(
                article=article_obj,
                title=form.cleaned_data["title"],
                lead=form.cleaned_data["lead"],
                body_html=form.cleaned_data["body"],
                category=form.cleaned_data["category"],
                author=form.cleaned_data["author"],
                source=form.cleaned_data["source"],
                user=request.user,
            ),
        )
    ):
        messages.success(request, pgettext("news", "The article was saved."))
        return redirect("news:article_edit", pk=article_obj.pk)
    return render(
        request,
        "news/manage/article_form.html",
        {
            "form": form,
            "article": article_obj,
            "photos": selectors.article_photos(article_obj),
            "image_form": ImageForm(),
            "publish_form": PublishForm(),
        },
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
    if at and article_obj.is_scheduled:
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
    if form.is_valid():
        try:
            services.image_add(
                article=article_obj,
                upload=form.cleaned_data["image"],
                caption=form.cleaned_data["caption"],
                position=form.cleaned_data["position"],
                user=request.user,
            )
        except ValidationError as error:
            form_errors(form, error)
    if form.errors:
        return render(
            request,
            "news/manage/article_form.html",
            {
                "form": ArticleForm(instance=article_obj),
                "article": article_obj,
                "photos": selectors.article_photos(article_obj),
                "image_form": form,
                "publish_form": PublishForm(),
            },
            status=400,
        )
    messages.success(request, pgettext("news", "The photo was added."))
    return redirect("news:article_edit", pk=pk)


def _photo_or_404(request: HttpRequest, pk: int) -> ArticleImage:
    return selectors.staff_photo_or_404(request.user, pk)


@news_staff_required
def image_edit(request: HttpRequest, pk: int) -> HttpResponse:
    photo = _photo_or_404(request, pk)
    form = ImageEditForm(request.POST or None, instance=photo)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_refuse(
            form,
            lambda: services.image_update(
                photo=photo,
                caption=form.cleaned_data["caption"],
                position=form.cleaned_data["position"],
                user=request.user,
            ),
        )
    ):
        messages.success(request, pgettext("news", "The photo was saved."))
        return redirect("news:article_edit", pk=photo.article_id)
    return render(request, "news/manage/image_form.html", {"form": form, "photo": photo})


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
    if request.method == "POST" and form.is_valid():
        services.category_save(
            name=form.cleaned_data["name"],
            slug=form.cleaned_data["slug"],
            description=form.cleaned_data["description"],
            order=form.cleaned_data["order"],
            user=request.user,
        )
        messages.success(request, pgettext("news", "The category was added."))
        return redirect("news:categories")
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
    form = CategoryForm(request.POST or None, instance=found)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_refuse(
            form,
            lambda: services.category_save(
                category=found,
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"] or found.slug,
                description=form.cleaned_data["description"],
                order=form.cleaned_data["order"],
                user=request.user,
            ),
        )
    ):
        messages.success(request, pgettext("news", "The category was saved."))
        return redirect("news:categories")
    return render(request, "news/manage/category_form.html", {"form": form, "category": found})


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
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_reply(parent=comment, body=form.cleaned_data["body"], user=request.user)
        messages.success(request, pgettext("news", "Your reply is published under the comment."))
        return redirect("news:moderation")
    return render(request, "news/manage/reply_form.html", {"form": form, "comment": comment})
