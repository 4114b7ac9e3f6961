"""Public pages (cached, fixed queries) and the news editors' back office."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.pagination import paginate

from . import caching, policies, richtext, selectors, services
from .forms import (
    ArticleForm,
    CategoryForm,
    CommentForm,
    ImageEditForm,
    ImageForm,
    ModerateForm,
    PublishForm,
    ReplyForm,
    form_token,
)
from .models import Article, ArticleImage, Comment

HOME_PAGE_SIZE = 10
DESCRIPTION_LENGTH = 200


def _cached(parts: tuple, build: Callable[[], Any]) -> Any:
    key = caching.key(*parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, caching.timeout())
    return value


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", 1)), 10_000))
    except (TypeError, ValueError):
        return 1


def _site_nav() -> str:
    return _cached(
        ("nav",),
        lambda: render_to_string("news/_nav.html", {"categories": selectors.public_categories()}),
    )


def _public(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    context = {"site_nav": _site_nav(), **context}
    return render(request, template, context, status=status)


def _description(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    return text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"


# Public pages -----------------------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    number = _page_number(request)

    def build() -> dict:
        page = Paginator(selectors.public_articles(), HOME_PAGE_SIZE).get_page(number)
        html = render_to_string(
            "news/_article_list.html",
            {"page_obj": page, "featured": page.number == 1},
        )
        first = page.object_list[0] if page.object_list else None
        image = first.images.all()[0].image.url if first and first.images.all() else ""
        return {"html": html, "image": image}

    data = _cached(("home", number), build)
    return _public(request, "news/home.html", {"content": data["html"], "og_image": data["image"]})


def category(request: HttpRequest, slug: str) -> HttpResponse:
    number = _page_number(request)

    def build() -> dict | None:
        found = next((c for c in selectors.public_categories() if c.slug == slug), None)
        if found is None:
            return {"missing": True}
        articles = selectors.public_articles().filter(category=found)
        page = Paginator(articles, HOME_PAGE_SIZE).get_page(number)
        html = render_to_string(
            "news/_article_list.html",
            {"page_obj": page, "featured": False, "category": found},
        )
        return {"html": html, "name": found.name, "description": found.description}

    data = _cached(("category", slug, number), build)
    if data.get("missing"):
        raise Http404
    return _public(request, "news/category.html", {"content": data["html"], "category": data})


def search(request: HttpRequest) -> HttpResponse:
    text = (request.GET.get("q") or "").strip()[:200]
    page = paginate(request, selectors.public_search(text) if text else Article.objects.none())
    return _public(request, "news/search.html", {"page_obj": page, "q": text})


def _article_data(request: HttpRequest, slug: str) -> dict:
    article = selectors.article_public(slug)
    if article is None:
        return {"missing": True}
    images = list(article.images.all())
    blocks = richtext.split_blocks(article.body)
    placed: list[dict] = []
    for index in range(len(blocks) + 1):
        photos = [p for p in images if min(p.position, len(blocks)) == index]
        placed.append({"photos": photos, "block": blocks[index] if index < len(blocks) else ""})
    comments = selectors.approved_comments(article)
    related = selectors.related_articles(article)
    html = render_to_string(
        "news/_article.html",
        {
            "article": article,
            "placed": placed,
            "comments": comments,
            "related": related,
        },
    )
    return {
        "pk": article.pk,
        "slug": article.slug,
        "title": article.title,
        "description": _description(article.lead or richtext.plain_text(article.body)),
        "image": images[0].image.url if images else "",
        "published_at": article.published_at,
        "author": article.author,
        "category": article.category.name,
        "html": html,
        "names": {c.pk: c.name for c in comments},
    }


def article(request: HttpRequest, slug: str) -> HttpResponse:
    data = _cached(("article", slug), lambda: _article_data(request, slug))
    if data.get("missing"):
        raise Http404
    reply_to = request.GET.get("tra-loi")
    if reply_to and reply_to.isdigit() and int(reply_to) in data["names"]:
        form = CommentForm(article_pk=data["pk"], initial={"parent": int(reply_to)})
        return _article_page(request, data, form, data["names"][int(reply_to)])
    # The blank form is the same for every visitor but for two values: render it once per
    # version with placeholders, then put in this visitor's CSRF token and form timestamp.
    blank = _cached(("form", slug), lambda: _blank_form(data))
    form_html = blank.replace(CSRF_PLACEHOLDER, get_token(request)).replace(
        TOKEN_PLACEHOLDER, form_token(data["pk"])
    )
    return _public(request, "news/article.html", {"data": data, "form_html": form_html})


CSRF_PLACEHOLDER = "@@csrf@@"
TOKEN_PLACEHOLDER = "@@token@@"


def _blank_form(data: dict) -> str:
    form = CommentForm(article_pk=data["pk"])
    form.initial["token"] = TOKEN_PLACEHOLDER
    return render_to_string(
        "news/_reply_form.html", {"form": form, "data": data, "csrf_token": CSRF_PLACEHOLDER}
    )


def _article_page(
    request: HttpRequest, data: dict, form: CommentForm, reply_to_name: str = "", status: int = 200
) -> HttpResponse:
    return _public(
        request,
        "news/article.html",
        {"data": data, "form": form, "reply_to_name": reply_to_name},
        status=status,
    )


def _client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _flooding(address: str) -> bool:
    """True once an address has posted more than the allowed number in the window."""
    limit, window = getattr(settings, "NEWS_COMMENT_RATE", (8, 600))
    key = f"news:rate:{address}"
    if cache.add(key, 1, window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, window)
        return False
    return count > limit


@require_POST
def comment_post(request: HttpRequest, slug: str) -> HttpResponse:
    data = _cached(("article", slug), lambda: _article_data(request, slug))
    if data.get("missing"):
        raise Http404
    address = _client_address(request)
    form = CommentForm(request.POST, article_pk=data["pk"])
    if _flooding(address):
        form = CommentForm(article_pk=data["pk"])
        messages.error(
            request,
            _("Too many comments from your address. Please try again in a few minutes."),
        )
        return _article_page(request, data, form, status=429)
    if form.is_robot:
        # Quiet refusal: robots get the same answer as people, and nothing is stored.
        messages.success(request, _("Thank you. Your comment is awaiting moderation."))
        return redirect(reverse("news:article", kwargs={"slug": slug}) + "#binh-luan")
    if not form.is_valid():
        return _article_page(request, data, form)
    article_obj = get_object_or_404(Article.objects.public(), pk=data["pk"])
    parent = selectors.approved_comment_for_reply(article_obj, form.cleaned_data.get("parent"))
    try:
        services.comment_submit(
            article=article_obj,
            parent=parent,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            website=form.cleaned_data["website"],
            body=form.cleaned_data["body"],
            ip_address=address if address != "unknown" else None,
        )
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return _article_page(request, data, form)
    messages.success(request, _("Thank you. Your comment is awaiting moderation."))
    return redirect(reverse("news:article", kwargs={"slug": slug}) + "#binh-luan")


def feed_view(feed_class: type) -> Callable[[HttpRequest], HttpResponse]:
    feed = feed_class()

    def view(request: HttpRequest) -> HttpResponse:
        def build() -> dict:
            response = feed(request)
            return {"content": response.content, "type": response["Content-Type"]}

        data = _cached(("feed", feed_class.__name__, request.get_host()), build)
        return HttpResponse(data["content"], content_type=data["type"])

    return view


# Back office ------------------------------------------------------------------------------


def news_staff_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not policies.is_news_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@news_staff_required
def manage(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai", "")
    page = paginate(request, selectors.articles_for(request.user, request.GET.get("q", ""), status))
    return render(
        request,
        "news/manage/article_list.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": [*Article.Status.choices, ("scheduled", _("Scheduled"))],
            "counts": selectors.comment_counts(request.user),
        },
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
        messages.success(request, _("The article was saved as a draft."))
        return redirect("news:article_edit", pk=article_obj.pk)
    return render(request, "news/manage/article_form.html", {"form": form})


def _article_or_404(request: HttpRequest, pk: int) -> Article:
    return policies.articles.get_visible_or_404(request.user, pk=pk)


@news_staff_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    form = ArticleForm(request.POST or None, instance=article_obj)
    if request.method == "POST" and form.is_valid():
        services.article_save(
            article=article_obj,
            title=form.cleaned_data["title"],
            lead=form.cleaned_data["lead"],
            body_html=form.cleaned_data["body"],
            category=form.cleaned_data["category"],
            author=form.cleaned_data["author"],
            source=form.cleaned_data["source"],
            user=request.user,
        )
        messages.success(request, _("The article was saved."))
        return redirect("news:article_edit", pk=article_obj.pk)
    return render(
        request,
        "news/manage/article_form.html",
        {
            "form": form,
            "article": article_obj,
            "photos": list(article_obj.images.all()),
            "image_form": ImageForm(),
            "publish_form": PublishForm(),
        },
    )


@news_staff_required
def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    images = list(article_obj.images.all())
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
        messages.error(request, _("The publication time is not a valid date and time."))
        return redirect("news:article_edit", pk=pk)
    at = form.cleaned_data["at"]
    services.article_publish(article=article_obj, user=request.user, at=at)
    if at and article_obj.is_scheduled:
        messages.success(
            request,
            _("The article will appear on %(when)s.")
            % {"when": article_obj.published_at.astimezone().strftime("%d/%m/%Y %H:%M")},
        )
    else:
        messages.success(request, _("The article is published."))
    return redirect("news:article_edit", pk=pk)


@news_staff_required
@require_POST
def article_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    article_obj = _article_or_404(request, pk)
    services.article_unpublish(article=article_obj, user=request.user)
    messages.success(request, _("The article was taken off the site."))
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
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
    if form.errors:
        return render(
            request,
            "news/manage/article_form.html",
            {
                "form": ArticleForm(instance=article_obj),
                "article": article_obj,
                "photos": list(article_obj.images.all()),
                "image_form": form,
                "publish_form": PublishForm(),
            },
            status=400,
        )
    messages.success(request, _("The photo was added."))
    return redirect("news:article_edit", pk=pk)


def _photo_or_404(request: HttpRequest, pk: int) -> ArticleImage:
    visible = policies.articles.visible_to(request.user)
    return get_object_or_404(ArticleImage.objects.filter(article__in=visible), pk=pk)


@news_staff_required
def image_edit(request: HttpRequest, pk: int) -> HttpResponse:
    photo = _photo_or_404(request, pk)
    form = ImageEditForm(request.POST or None, instance=photo)
    if request.method == "POST" and form.is_valid():
        services.image_update(
            photo=photo,
            caption=form.cleaned_data["caption"],
            position=form.cleaned_data["position"],
            user=request.user,
        )
        messages.success(request, _("The photo was saved."))
        return redirect("news:article_edit", pk=photo.article_id)
    return render(request, "news/manage/image_form.html", {"form": form, "photo": photo})


@news_staff_required
@require_POST
def image_delete(request: HttpRequest, pk: int) -> HttpResponse:
    photo = _photo_or_404(request, pk)
    article_pk = photo.article_id
    services.image_delete(photo=photo, user=request.user)
    messages.success(request, _("The photo was removed."))
    return redirect("news:article_edit", pk=article_pk)


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
        messages.success(request, _("The category was added."))
        return redirect("news:categories")
    from core.search import search as search_rows

    rows = search_rows(selectors.categories_for(request.user), request.GET.get("q"))
    page = paginate(request, rows.order_by("order", "name"))
    return render(request, "news/manage/categories.html", {"page_obj": page, "form": form})


@news_staff_required
def category_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = policies.categories.get_visible_or_404(request.user, pk=pk)
    form = CategoryForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        services.category_save(
            category=found,
            name=form.cleaned_data["name"],
            slug=form.cleaned_data["slug"] or found.slug,
            description=form.cleaned_data["description"],
            order=form.cleaned_data["order"],
            user=request.user,
        )
        messages.success(request, _("The category was saved."))
        return redirect("news:categories")
    return render(request, "news/manage/category_form.html", {"form": form, "category": found})


@news_staff_required
def moderation(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("trang-thai") or Comment.Status.PENDING
    if status not in Comment.Status.values:
        status = Comment.Status.PENDING
    rows = selectors.comments_for(request.user, status, request.GET.get("q", ""))
    page = paginate(request, rows)
    counts = selectors.comment_counts(request.user)
    tabs = [(value, label, counts[value]) for value, label in Comment.Status.choices]
    return render(
        request,
        "news/manage/moderation.html",
        {"page_obj": page, "status": status, "tabs": tabs},
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
            _("Comment from %(name)s: %(status)s.")
            % {"name": comment.name, "status": comment.get_status_display()},
        )
    else:
        messages.error(request, _("Unknown moderation action."))
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
        messages.success(request, _("Your reply is published under the comment."))
        return redirect("news:moderation")
    return render(request, "news/manage/reply_form.html", {"form": form, "comment": comment})
