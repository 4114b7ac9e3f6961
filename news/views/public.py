"""The public pages: cached, with a fixed number of queries, no sign-in."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from core import files
from core.forms import form_errors
from core.middleware import client_ip
from core.pagination import paginate

from .. import caching, richtext, selectors, services
from ..forms import (
    CommentForm,
    form_token,
)

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
        image = first.images.all()[0].url if first and first.images.all() else ""
        return {"html": html, "image": image}

    data = _cached(("home", number), build)
    return _public(request, "news/home.html", {"content": data["html"], "og_image": data["image"]})


def category(request: HttpRequest, slug: str) -> HttpResponse:
    number = _page_number(request)

    def build() -> dict | None:
        found = next((c for c in selectors.public_categories() if c.slug == slug), None)
        if found is None:
            return {"missing": True}
        articles = selectors.public_articles(category=found)
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
    page = paginate(request, selectors.public_search(text))
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
        "image": images[0].url if images else "",
        "published_at": article.published_at,
        "author": article.author,
        "category": article.category.name,
        "html": html,
        "names": {c.pk: c.name for c in comments},
    }


def article(request: HttpRequest, slug: str) -> HttpResponse:
    reply_to = request.GET.get("tra-loi")
    if caching.whole_page_applies(request):
        data = _cached(("article", slug), lambda: _article_data(request, slug))
        if data.get("missing"):
            raise Http404
        return caching.whole_page(request, data["pk"], lambda: _blank_page(request, data))
    data = _cached(("article", slug), lambda: _article_data(request, slug))
    if data.get("missing"):
        raise Http404
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


def _blank_page(request: HttpRequest, data: dict) -> HttpResponse:
    """The whole article page with placeholders for the visitor's CSRF token and form stamp."""
    blank = _cached(("form", data["slug"]), lambda: _blank_form(data))
    context = {"data": data, "form_html": blank, "csrf_token": CSRF_PLACEHOLDER}
    return _public(request, "news/article.html", context)


CSRF_PLACEHOLDER = caching.CSRF_PLACEHOLDER
TOKEN_PLACEHOLDER = caching.TOKEN_PLACEHOLDER


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
    return client_ip(request) or "unknown"


def _flooding(address: str) -> bool:
    """True once an address has posted more than the allowed number in the window; counted in
    the database, so every worker process sees the same posts."""
    limit, window = getattr(settings, "NEWS_COMMENT_RATE", (8, 600))
    return services.comment_attempt(address=address, window=window) > limit


def photo(request: HttpRequest, pk: int, size: str) -> HttpResponseBase:
    """A news photo: to everyone once its article is public, before that only to news staff."""
    found = selectors.photo_for(request.user, pk)
    field = {"lon": found.image, "nho": found.small}.get(size) if found else None
    if found is None or not field:
        raise Http404
    response = files.serve(request, field, title=found.caption or "anh", kinds=files.IMAGES)
    if found.article.is_public:
        response["Cache-Control"] = "public, max-age=3600"
    return response


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
            pgettext(
                "news", "Too many comments from your address. Please try again in a few minutes."
            ),
        )
        return _article_page(request, data, form, status=429)
    if form.is_robot:
        # Quiet refusal: robots get the same answer as people, and nothing is stored.
        messages.success(
            request, pgettext("news", "Thank you. Your comment is awaiting moderation.")
        )
        return redirect(reverse("news:article", kwargs={"slug": slug}) + "#binh-luan")
    if not form.is_valid():
        return _article_page(request, data, form)
    article_obj = selectors.public_article_or_404(data["pk"])
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
            token=form.cleaned_data["token"],
        )
    except ValidationError as error:
        posted = request.POST.copy()  # what was typed, with a fresh token for the next try
        posted["token"] = form_token(article_obj.pk)
        form.data = posted
        form_errors(form, error)
        return _article_page(request, data, form)
    messages.success(request, pgettext("news", "Thank you. Your comment is awaiting moderation."))
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
