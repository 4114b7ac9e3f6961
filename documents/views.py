"""Thin views over the register of documents and the study topics."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from core import files
from core.editing import FORM_PAGE, form_page
from core.listing import Column, listing
from core.pagination import paginate

from . import selectors, services
from .forms import DeliveryForm, DocumentFilterForm, DocumentForm, StudyTopicForm
from .models import StudyTopic
from .policies import documents as document_policy
from .policies import sees_every_cell
from .policies import topics as topic_policy


def _fields(data: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    return {name: data[name] for name in names}


DOCUMENT_COLUMNS = [
    Column("number", _l("Number and symbol"), ("number_symbol",), "number_symbol"),
    Column("kind", _l("Kind"), ("kind", "issued_on"), "get_kind_display"),
    Column("date", _l("Date issued"), ("issued_on",), "issued_on"),
    Column("issuer", _l("Issuing body"), ("issuer",), "issuer"),
    Column("summary", _l("Summary"), (), "summary"),
]


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    document_policy.check(user, "view")
    filters = DocumentFilterForm(
        request.GET or None,
        years=selectors.document_years(user),
        issuers=selectors.document_issuers(user),
    )
    chosen: dict[str, Any] = filters.cleaned_data if filters.is_valid() else {}
    documents = selectors.document_list(
        user,
        text=request.GET.get("q"),
        kind=chosen.get("kind"),
        year=chosen.get("year"),
        issuer=chosen.get("issuer"),
    )
    result = listing(request, documents, DOCUMENT_COLUMNS, filename="van-ban")
    if isinstance(result, HttpResponse):
        return result
    return render(
        request,
        "documents/document_list.html",
        {
            "listing": result,
            "page_obj": result.page_obj,
            "filters": filters,
            "can_add": document_policy.can(user, "add"),
            "sees_matrix": sees_every_cell(user),
        },
    )


@login_required
def document_create(request: HttpRequest) -> HttpResponse:
    document_policy.check(request.user, "add")
    form = DocumentForm(request.POST or None, request.FILES or None, user=request.user)
    return form_page(
        request,
        form,
        FORM_PAGE,
        {"title": _("New document"), "back": reverse("documents:list")},
        save=lambda data: services.document_create(
            user=request.user,
            file=data.get("file") or None,
            **_fields(data, services.DOCUMENT_FIELDS),
        ),
        message=lambda document: (
            _("Document %(number)s registered.") % {"number": document.number_symbol}
        ),
        to=lambda document: reverse("documents:detail", args=[document.pk]),
    )


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_detail(request.user, pk)
    return render(
        request,
        "documents/document_detail.html",
        {
            "document": document,
            "deliveries": selectors.delivery_status(request.user, document),
            "topics": selectors.topics_of_document(document),
            "can_change": document_policy.can(request.user, "change", document),
            "can_deliver": document_policy.can_deliver(request.user, document),
        },
    )


@login_required
def document_update(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_detail(request.user, pk)
    document_policy.check(request.user, "change", document)
    form = DocumentForm(
        request.POST or None, request.FILES or None, instance=document, user=request.user
    )

    def save(data: dict[str, Any]) -> None:
        new_file = data.get("file")
        if new_file is not False and not hasattr(new_file, "content_type"):
            new_file = None  # the stored file stays
        services.document_update(
            user=request.user,
            document=document,
            file=new_file,
            **_fields(data, services.DOCUMENT_FIELDS),
        )

    back = reverse("documents:detail", args=[document.pk])
    return form_page(
        request,
        form,
        FORM_PAGE,
        {"document": document, "title": _("Edit document"), "back": back},
        save=save,
        message=_("Document saved."),
        to=back,
    )


@login_required
def document_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The attached file, only for those who may read the document."""
    document = selectors.document_detail(request.user, pk)
    return files.serve(request, document.file, title=str(document), kinds=files.OFFICE)


@login_required
def document_deliver(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_detail(request.user, pk)
    if not document_policy.can_deliver(request.user, document):
        raise PermissionDenied
    cells = selectors.cells_to_deliver(request.user, document)
    form = DeliveryForm(request.POST or None, cells=cells)
    return form_page(
        request,
        form,
        "documents/document_deliver.html",
        {"document": document, "nothing_left": not cells.exists()},
        save=lambda data: services.document_deliver(
            user=request.user, document=document, units=data["units"], sent_on=data["sent_on"]
        ),
        message=lambda created: (
            _("Sent %(number)s to %(count)s cell(s).")
            % {"number": document.number_symbol, "count": len(created)}
        ),
        to=reverse("documents:detail", args=[document.pk]),
    )


@login_required
def delivery_matrix(request: HttpRequest) -> HttpResponse:
    if not sees_every_cell(request.user):
        raise PermissionDenied
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    matrix = selectors.delivery_matrix(request.user, year)
    return render(request, "documents/delivery_matrix.html", {"matrix": matrix})


@login_required
def topic_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind") or None
    if kind not in StudyTopic.Kind.values:
        kind = None
    topics = selectors.topic_list(request.user, text=request.GET.get("q"), kind=kind)
    return render(
        request,
        "documents/topic_list.html",
        {
            "page_obj": paginate(request, topics),
            "kinds": StudyTopic.Kind.choices,
            "kind": kind,
            "can_add": topic_policy.can(request.user, "add"),
        },
    )


@login_required
def topic_detail(request: HttpRequest, pk: int) -> HttpResponse:
    topic = selectors.topic_detail(request.user, pk)
    document = topic.document
    readable = selectors.document_readable(request.user, document)
    return render(
        request,
        "documents/topic_detail.html",
        {
            "topic": topic,
            "document_readable": readable,
            "can_change": topic_policy.can(request.user, "change", topic),
        },
    )


def _topic_form(request: HttpRequest, topic: StudyTopic | None) -> StudyTopicForm:
    return StudyTopicForm(
        request.POST or None,
        instance=topic,
        documents=selectors.document_list(request.user),
    )


@login_required
def topic_create(request: HttpRequest) -> HttpResponse:
    topic_policy.check(request.user, "add")
    return form_page(
        request,
        _topic_form(request, None),
        FORM_PAGE,
        {"title": _("New study topic"), "back": reverse("documents:topic_list")},
        save=lambda data: services.study_topic_create(
            user=request.user, **_fields(data, services.TOPIC_FIELDS)
        ),
        message=lambda topic: _("Study topic %(code)s added.") % {"code": topic.code},
        to=lambda topic: reverse("documents:topic_detail", args=[topic.pk]),
    )


@login_required
def topic_update(request: HttpRequest, pk: int) -> HttpResponse:
    topic = selectors.topic_detail(request.user, pk)
    topic_policy.check(request.user, "change", topic)
    back = reverse("documents:topic_detail", args=[topic.pk])
    return form_page(
        request,
        _topic_form(request, topic),
        FORM_PAGE,
        {"topic": topic, "title": _("Edit study topic"), "back": back},
        save=lambda data: services.study_topic_update(
            user=request.user, topic=topic, **_fields(data, services.TOPIC_FIELDS)
        ),
        message=_("Study topic saved."),
        to=back,
    )
